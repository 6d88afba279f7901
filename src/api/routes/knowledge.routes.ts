/**
 * Browse the knowledge base with its sources; an organisation's own entries and risk-configuration
 * overrides (each with a justification, kept in the change history).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { KB_KINDS, KB_OVERRIDABLE } from '../../analysis/index.js';
import type { KnowledgeService } from '../../services/knowledge.service.js';
import { actorOf, revisionOf } from '../request-context.js';
import { errorResponses, orgParams } from '../schemas.js';

const hit = z
  .object({ kind: z.enum(KB_KINDS), id: z.string(), name: z.string(), detail: z.string(), rank: z.number() })
  .meta({ id: 'KnowledgeHit' });
const entry = z
  .looseObject({})
  .meta({ id: 'KnowledgeEntry', description: 'A knowledge-base entry with its sources resolved' });
const searchQuery = z.object({
  q: z.string().min(1).max(200).describe('Text in id, name, alias, domain'),
  kind: z.enum(KB_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const kindParams = z.object({ kind: z.enum(KB_KINDS), id: z.string().min(1).max(200) });
const orgEntryParams = orgParams.extend({
  kind: z.enum(KB_OVERRIDABLE),
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
});
const orgEntryBody = z.object({
  data: z.record(z.string(), z.unknown()).describe('The entry, as in the shipped data files (id taken from the path)'),
  justification: z.string(),
});
const riskBody = z.object({
  overrides: z.record(z.string(), z.unknown()).describe('Parts of the risk configuration to change'),
  justification: z.string(),
});

export function knowledgeRoutes(app: FastifyInstance, knowledge: KnowledgeService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['knowledge base'];
  r.get('/api/kb', {
    schema: {
      tags,
      summary: 'Version and size of the shipped knowledge base',
      response: { 200: z.looseObject({ version: z.string() }) },
    },
    handler: async () => knowledge.summary(),
  });
  r.get('/api/kb/search', {
    schema: {
      tags,
      summary: 'Search vendors, categories, alternatives, countries and laws',
      querystring: searchQuery,
      response: { 200: z.object({ items: z.array(hit) }), ...errorResponses },
    },
    handler: async (req) => ({
      items: await knowledge.search(req.query.q, { kind: req.query.kind, limit: req.query.limit }),
    }),
  });
  r.get('/api/kb/:kind/:id', {
    schema: {
      tags,
      summary: 'One shipped entry with its sources',
      params: kindParams,
      response: { 200: entry, ...errorResponses },
    },
    handler: async (req) => knowledge.show(req.params.kind, req.params.id),
  });
  r.get('/api/orgs/:org/kb/search', {
    schema: {
      tags,
      summary: 'Search the knowledge base as the organisation sees it (with its own entries)',
      params: orgParams,
      querystring: searchQuery,
      response: { 200: z.object({ items: z.array(hit) }), ...errorResponses },
    },
    handler: async (req) => ({
      items: await knowledge.search(req.query.q, {
        kind: req.query.kind,
        limit: req.query.limit,
        orgId: req.params.org,
      }),
    }),
  });
  r.get('/api/orgs/:org/kb/entries', {
    schema: {
      tags,
      summary: "The organisation's own knowledge-base entries",
      params: orgParams,
      response: { 200: z.object({ items: z.array(entry) }), ...errorResponses },
    },
    handler: async (req) => ({
      items: (await knowledge.listOrgEntries(req.params.org)) as unknown as Record<string, unknown>[],
    }),
  });
  r.get('/api/orgs/:org/kb/:kind/:id', {
    schema: {
      tags,
      summary: 'One entry as the organisation sees it',
      params: orgParams.extend({ kind: z.enum(KB_KINDS), id: z.string().min(1).max(200) }),
      response: { 200: entry, ...errorResponses },
    },
    handler: async (req) => knowledge.show(req.params.kind, req.params.id, req.params.org),
  });
  r.put('/api/orgs/:org/kb/:kind/:id', {
    schema: {
      tags,
      summary: 'Add or override an entry for this organisation (needs a justification)',
      params: orgEntryParams,
      body: orgEntryBody,
      response: { 200: entry, ...errorResponses },
    },
    handler: async (req) =>
      (await knowledge.setOrgEntry(req.params.org, req.params.kind, req.params.id, req.body, {
        actor: actorOf(req),
        revision: revisionOf(req),
      })) as unknown as Record<string, unknown>,
  });
  r.delete('/api/orgs/:org/kb/:kind/:id', {
    schema: {
      tags,
      summary: "Remove the organisation's own entry (the shipped one applies again)",
      params: orgEntryParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => {
      await knowledge.deleteOrgEntry(req.params.org, req.params.kind, req.params.id, { actor: actorOf(req) });
      return reply.code(204).send(null);
    },
  });
  r.get('/api/orgs/:org/risk-config', {
    schema: {
      tags: ['analysis'],
      summary: 'The risk configuration: defaults, overrides and the effective one',
      params: orgParams,
      response: { 200: z.looseObject({ revision: z.number() }), ...errorResponses },
    },
    handler: async (req) => knowledge.riskConfig(req.params.org),
  });
  r.put('/api/orgs/:org/risk-config', {
    schema: {
      tags: ['analysis'],
      summary: 'Override weights or thresholds (needs a justification)',
      params: orgParams,
      body: riskBody,
      response: { 200: z.looseObject({ revision: z.number() }), ...errorResponses },
    },
    handler: async (req) =>
      knowledge.setRiskOverrides(req.params.org, req.body, { actor: actorOf(req), revision: revisionOf(req) }),
  });
}
