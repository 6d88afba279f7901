/**
 * The risk picture of an organisation and the explanation of one asset's or process's scores.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AnalysisService, CachedDocument } from '../../services/analysis.service.js';
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

/**
 * Sends a cached document: 304 when the client holds this version already (If-None-Match), the
 * gzip when the client takes it, else the JSON text — none of them serialised again.
 */
function sendCached(req: FastifyRequest, reply: FastifyReply, doc: CachedDocument): never {
  reply.header('etag', doc.etag).header('vary', 'accept-encoding').header('cache-control', 'no-cache');
  const held = req.headers['if-none-match'];
  if (held && held.split(',').some((t) => t.trim() === doc.etag)) return reply.code(304).send() as never;
  reply.type('application/json; charset=utf-8');
  if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? ''))
    return reply.header('content-encoding', 'gzip').send(doc.gzip) as never;
  return reply.send(doc.json) as never;
}

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
    handler: async (req, reply) => sendCached(req, reply, await analysis.analysisDocument(req.params.org)),
  });
  r.get('/api/orgs/:org/analysis/summary', {
    schema: {
      tags,
      summary: 'The risk picture for a dashboard: level and score per asset and process, portfolio views',
      params: orgParams,
      response: { 200: summaryDocument, ...errorResponses },
    },
    handler: async (req, reply) => sendCached(req, reply, await analysis.summaryDocument(req.params.org)),
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
