/**
 * SBOM upload for an asset (CycloneDX JSON or XML, SPDX JSON or tag-value, sent as the raw document) and
 * the portfolio component search.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SbomService } from '../../services/sbom.service.js';
import { actorOf } from '../request-context.js';
import { errorResponses, orgParams, recordParams } from '../schemas.js';

/** Upload limit of one SBOM document. */
export const SBOM_BODY_LIMIT = 512 * 1024 * 1024;

const imported = z.looseObject({ assetId: z.string(), components: z.number(), diff: z.unknown() }).meta({
  id: 'SbomImport',
  description: 'What was imported, and the difference with the SBOM it replaced (added, removed, changed)',
});
const diff = z
  .looseObject({ added: z.array(z.unknown()), removed: z.array(z.unknown()), changed: z.array(z.unknown()) })
  .meta({ id: 'SbomDiff', description: 'Components added, removed, and changed version' });
const document = z
  .looseObject({ assetId: z.string(), format: z.string(), quality: z.unknown(), licences: z.unknown() })
  .meta({ id: 'SbomDocument', description: "The asset's SBOM: metadata, NTIA quality, suppliers, licences" });
const licences = z
  .looseObject({ components: z.number(), byFamily: z.unknown(), byLicence: z.array(z.unknown()) })
  .meta({ id: 'LicenceSummary', description: 'Components per licence family and per SPDX licence id' });
const hits = z.array(z.looseObject({ assetId: z.string(), component: z.unknown(), processes: z.array(z.string()) }));

export function sbomRoutes(app: FastifyInstance, sboms: SbomService): void {
  // The document is read as text by the SBOM parsers (schema validation, line and column on
  // errors), so this route takes any content type as a string.
  void app.register(async (child) => {
    child.removeAllContentTypeParsers();
    child.addContentTypeParser('*', { parseAs: 'string', bodyLimit: SBOM_BODY_LIMIT }, (_req, body, done) =>
      done(null, body),
    );
    child.withTypeProvider<ZodTypeProvider>().put('/api/orgs/:org/assets/:id/sbom', {
      bodyLimit: SBOM_BODY_LIMIT,
      schema: {
        tags: ['sbom'],
        summary: "Import the asset's SBOM (replaces the previous one; the difference goes into the history)",
        description:
          'The body is the document itself: CycloneDX JSON 1.2–1.7 or XML 1.1–1.7, SPDX 2.2/2.3 JSON or tag-value. `?file=` names it in messages.',
        params: recordParams,
        querystring: z.strictObject({ file: z.string().max(300).optional() }),
        response: { 200: imported, ...errorResponses },
      },
      handler: async (req) =>
        (await sboms.importSbom(req.params.org, req.params.id, String(req.body ?? ''), {
          ...(req.query.file ? { file: req.query.file } : {}),
          actor: actorOf(req),
        })) as unknown as z.infer<typeof imported>,
    });
    child.withTypeProvider<ZodTypeProvider>().post('/api/orgs/:org/assets/:id/sbom/diff', {
      bodyLimit: SBOM_BODY_LIMIT,
      schema: {
        tags: ['sbom'],
        summary: 'What importing this SBOM would change for the asset, without importing it',
        params: recordParams,
        querystring: z.strictObject({ file: z.string().max(300).optional() }),
        response: { 200: diff, ...errorResponses },
      },
      handler: async (req) =>
        (await sboms.previewDiff(req.params.org, req.params.id, String(req.body ?? ''), req.query.file)) as z.infer<
          typeof diff
        >,
    });
  });
  app.withTypeProvider<ZodTypeProvider>().get('/api/orgs/:org/assets/:id/sbom', {
    schema: {
      tags: ['sbom'],
      summary: "The asset's SBOM: format, author, time, NTIA quality, suppliers and licence summary",
      params: recordParams,
      response: { 200: document, ...errorResponses },
    },
    handler: async (req) =>
      (await sboms.document(req.params.org, req.params.id)) as unknown as z.infer<typeof document>,
  });
  app.withTypeProvider<ZodTypeProvider>().get('/api/orgs/:org/licences', {
    schema: {
      tags: ['sbom'],
      summary: 'Licences of the components of one asset (?asset=) or of the whole portfolio',
      params: orgParams,
      querystring: z.strictObject({ asset: z.string().max(200).optional() }),
      response: { 200: licences, ...errorResponses },
    },
    handler: async (req) =>
      (await sboms.licences(req.params.org, req.query.asset)) as unknown as z.infer<typeof licences>,
  });
  app.withTypeProvider<ZodTypeProvider>().get('/api/orgs/:org/components/search', {
    schema: {
      tags: ['sbom'],
      summary: 'Which assets (and processes) contain a component: by purl (any version when it has none), name, range',
      params: orgParams,
      querystring: z.strictObject({
        purl: z.string().max(2000).optional(),
        name: z.string().max(300).optional(),
        range: z.string().max(500).optional(),
      }),
      response: { 200: hits, ...errorResponses },
    },
    handler: async (req) => (await sboms.search(req.params.org, req.query)) as unknown as z.infer<typeof hits>,
  });
}
