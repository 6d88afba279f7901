/**
 * SBOM upload for an asset (CycloneDX JSON, SPDX JSON or tag-value, sent as the raw document) and
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
          'The body is the document itself: CycloneDX JSON 1.2–1.7, SPDX 2.2/2.3 JSON or tag-value. `?file=` names it in messages.',
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
