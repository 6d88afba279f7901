/**
 * Builds the HTTP server: JSON parsing with limits, zod validation and serialisation, the
 * OpenAPI 3.1 document generated from the same schemas (/openapi.json) and browsable docs
 * (/api/docs), the routes, and one error handler.
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler } from 'fastify-type-provider-zod';
import { parseJsonText } from '../ingest/json-text.js';
import { AnalysisService } from '../services/analysis.service.js';
import { ScenarioService } from '../services/scenario.service.js';
import { SbomService } from '../services/sbom.service.js';
import { BackupService } from '../services/backup.service.js';
import { GraphService } from '../services/graph.service.js';
import { KnowledgeService } from '../services/knowledge.service.js';
import { enrichingRegister } from '../services/enrichment.service.js';
import type { Store } from '../store/database.js';
import { installErrorHandler, notFoundBody } from './error-handler.js';
import { analysisRoutes } from './routes/analysis.routes.js';
import { scenarioRoutes } from './routes/scenario.routes.js';
import { sbomRoutes } from './routes/sbom.routes.js';
import { vulnRoutes } from './routes/vuln.routes.js';
import { snapshotRoutes } from './routes/snapshot.routes.js';
import { reportRoutes } from './routes/report.routes.js';
import { importRoutes } from './routes/import.routes.js';
import { ImportService } from '../services/import.service.js';
import { DoraService } from '../services/dora.service.js';
import { ReportService } from '../services/report.service.js';
import { SnapshotService } from '../services/snapshot.service.js';
import { VulnService } from '../services/vuln.service.js';
import { OsvClient } from '../ingest/osv/osv-client.js';
import { knowledgeRoutes } from './routes/knowledge.routes.js';
import { metaRoutes } from './routes/meta.routes.js';
import { organisationRoutes } from './routes/organisations.routes.js';
import { recordRoutes } from './routes/records.routes.js';
import { STAPEL_VERSION } from '../version.js';

export const BODY_LIMIT = 1024 * 1024;

export interface ServerOptions {
  store: Store;
  logger?: boolean;
  /** The OSV API that vulnerability syncs ask (default: the public one, or STAPEL_OSV_URL). */
  osvUrl?: string;
}

export async function buildServer({ store, logger = false, osvUrl }: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger, bodyLimit: BODY_LIMIT });
  app.setValidatorCompiler(validatorCompiler);
  // Responses are written with JSON.stringify, not parsed through their zod schema first: the
  // schemas document the API (OpenAPI), the handlers build the documents from typed domain
  // objects, and a second validation of every response cost a millisecond per 50 records —
  // a third of a list request (docs/benchmarks.md, api-dashboard).
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // Our own JSON parser: a nesting-depth limit and errors with line and column.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    ['application/json', 'application/merge-patch+json'],
    { parseAs: 'string' },
    (_req, text, done) => {
      try {
        done(null, text === '' ? undefined : parseJsonText(text as string, { file: 'the request body' }));
      } catch (err) {
        done(err as Error, undefined);
      }
    },
  );
  installErrorHandler(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Stapel API',
        version: STAPEL_VERSION,
        description:
          "Register and analysis of an organisation's strategic digital dependencies on the six-layer DOSA digital stack.",
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const register = enrichingRegister(store);
  metaRoutes(app, store, STAPEL_VERSION);
  organisationRoutes(app, { register, backup: new BackupService(store), graph: new GraphService(store) });
  recordRoutes(app, register);
  analysisRoutes(app, new AnalysisService(store));
  scenarioRoutes(app, new ScenarioService(store));
  sbomRoutes(app, new SbomService(store));
  vulnRoutes(app, new VulnService(store), () => new OsvClient(osvUrl ? { baseUrl: osvUrl } : {}));
  knowledgeRoutes(app, new KnowledgeService(store));
  snapshotRoutes(app, new SnapshotService(store));
  reportRoutes(app, new ReportService(store));
  importRoutes(app, new ImportService(store), new DoraService(store));
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await serveWebUi(app);
  return app;
}

/** The built web UI (web/dist, made by `npm run build:web` and on install). */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/**
 * Serves the web UI: its files, and index.html for every other GET outside /api, so the
 * application's own routes (/assets/x) load on a fresh visit. Without a build, / points to the API
 * documentation and says how to build the UI.
 */
async function serveWebUi(app: FastifyInstance): Promise<void> {
  const built = existsSync(join(WEB_DIST, 'index.html'));
  app.setNotFoundHandler((req, reply) => {
    if (built && req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/static/'))
      return reply.sendFile('index.html');
    return reply.code(404).send(notFoundBody(req.method, req.url));
  });
  if (!built) {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/html')
        .send(
          '<!doctype html><html lang="en"><title>Stapel</title><p>The web UI is not built: run <code>npm run build:web</code>. ' +
            'The API documentation is at <a href="/api/docs">/api/docs</a>.</p></html>',
        ),
    );
    return;
  }
  // wildcard: files are looked up per request, so a rebuild while serving is picked up.
  await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: true, index: ['index.html'] });
}
