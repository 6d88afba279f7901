/**
 * The risk picture of an organisation and the explanation of one asset's or process's scores.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AnalysisService } from '../../services/analysis.service.js';
import { errorResponses, orgParams, recordParams } from '../schemas.js';

const analysisDocument = z
  .looseObject({
    organisation: z.string(),
    assets: z.array(z.unknown()),
    processes: z.array(z.unknown()),
    portfolio: z.unknown(),
    dataQuality: z.array(z.unknown()),
  })
  .meta({
    id: 'Analysis',
    description:
      'Scores per asset and process with their factors and sources, and the portfolio views (docs/methodology.md)',
  });
const summaryDocument = z
  .looseObject({ organisation: z.string(), assets: z.array(z.unknown()), portfolio: z.unknown() })
  .meta({
    id: 'AnalysisSummary',
    description: 'Per asset and process the highest level and score (no factors), and the portfolio views',
  });
const explained = z
  .looseObject({})
  .meta({ id: 'Explanation', description: 'One asset or process with its scores factor by factor' });

export function analysisRoutes(app: FastifyInstance, analysis: AnalysisService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['analysis'];
  r.get('/api/orgs/:org/analysis', {
    schema: {
      tags,
      summary: 'The risk picture: strategic dependencies, scores, concentration',
      params: orgParams,
      response: { 200: analysisDocument, ...errorResponses },
    },
    handler: async (req) => (await analysis.analyse(req.params.org)) as unknown as z.infer<typeof analysisDocument>,
  });
  r.get('/api/orgs/:org/analysis/summary', {
    schema: {
      tags,
      summary: 'The risk picture for a dashboard: level and score per asset and process, portfolio views',
      params: orgParams,
      response: { 200: summaryDocument, ...errorResponses },
    },
    handler: async (req) => (await analysis.summary(req.params.org)) as unknown as z.infer<typeof summaryDocument>,
  });
  r.get('/api/orgs/:org/analysis/assets/:id', {
    schema: {
      tags,
      summary: "Explain an asset's continuity and access scores",
      params: recordParams,
      response: { 200: explained, ...errorResponses },
    },
    handler: async (req) =>
      (await analysis.explainAsset(req.params.org, req.params.id)) as unknown as z.infer<typeof explained>,
  });
  r.get('/api/orgs/:org/analysis/processes/:id', {
    schema: {
      tags,
      summary: "Explain a process's propagated risk",
      params: recordParams,
      response: { 200: explained, ...errorResponses },
    },
    handler: async (req) =>
      (await analysis.explainProcess(req.params.org, req.params.id)) as unknown as z.infer<typeof explained>,
  });
}
