/**
 * Vulnerabilities: sync the organisation's component versions with the OSV API, re-match the
 * stored records, and list the findings with their aliases (CVE, GHSA) and severity.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { OsvClient } from '../../ingest/osv/osv-client.js';
import type { VulnService } from '../../services/vuln.service.js';
import { errorResponses, orgParams } from '../schemas.js';

const syncSummary = z
  .looseObject({ queried: z.number(), vulnerabilities: z.number(), fetched: z.number(), findings: z.number() })
  .meta({ id: 'VulnSync', description: 'What an OSV sync asked, fetched and found' });
const matchSummary = z.looseObject({ findings: z.number(), assetsAffected: z.number(), notEvaluated: z.number() });
const findingList = z.array(
  z.looseObject({ assetId: z.string(), component: z.unknown(), vulnerability: z.unknown(), reason: z.string() }),
);

export function vulnRoutes(app: FastifyInstance, vulns: VulnService, client: () => OsvClient): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/orgs/:org/vulnerabilities/sync', {
    schema: {
      tags: ['vulnerabilities'],
      summary: 'Ask the OSV API about every component version of the organisation, then re-make its findings',
      params: orgParams,
      response: { 200: syncSummary, ...errorResponses },
    },
    handler: async (req) =>
      (await vulns.sync(req.params.org, { client: client() })) as unknown as z.infer<typeof syncSummary>,
  });
  r.post('/api/orgs/:org/findings/rematch', {
    schema: {
      tags: ['vulnerabilities'],
      summary: 'Re-make the findings from the vulnerability records already stored (no network)',
      params: orgParams,
      response: { 200: matchSummary, ...errorResponses },
    },
    handler: async (req) => vulns.rematch(req.params.org),
  });
  r.get('/api/orgs/:org/findings', {
    schema: {
      tags: ['vulnerabilities'],
      summary: 'Components affected by known vulnerabilities, per asset, with aliases and severity',
      params: orgParams,
      querystring: z.strictObject({ asset: z.string().max(200).optional() }),
      response: { 200: findingList, ...errorResponses },
    },
    handler: async (req) =>
      (await vulns.findings(req.params.org, req.query.asset)) as unknown as z.infer<typeof findingList>,
  });
}
