/**
 * Organisations (the tenants), their change history, graph, export and import.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  backupSchema,
  organisationCreateSchema,
  organisationRecordSchema,
  organisationUpdateSchema,
} from '../../domain/index.js';
import { documentIssues } from '../../ingest/backup.importer.js';
import type { BackupService } from '../../services/backup.service.js';
import type { GraphService } from '../../services/graph.service.js';
import type { RegisterService } from '../../services/register.service.js';
import { InputError, describeIssues, type Backup } from '../../domain/index.js';
import { actorOf, etag, revisionOf } from '../request-context.js';
import { errorResponses, orgParams, revisionQuery } from '../schemas.js';

export const IMPORT_BODY_LIMIT = 256 * 1024 * 1024;

const organisation = organisationRecordSchema.meta({ id: 'Organisation' });
const organisationWithCounts = organisation.safeExtend({ counts: z.record(z.string(), z.number().int()) });
const change = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string(),
    kind: z.string(),
    recordId: z.string(),
    op: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    note: z.string().optional(),
  })
  .meta({ id: 'Change' });
const graphDocument = z
  .object({
    organisation: z.string(),
    nodes: z.array(
      z.object({
        ref: z.string(),
        kind: z.string(),
        id: z.string(),
        name: z.string(),
        layers: z.array(z.string()).optional(),
        type: z.string().optional(),
        vital: z.boolean().optional(),
        country: z.string().optional(),
      }),
    ),
    edges: z.array(
      z.object({
        id: z.string().optional(),
        from: z.string(),
        to: z.string(),
        relation: z.string(),
        redundancyGroup: z.string().optional(),
        implied: z.boolean().optional(),
      }),
    ),
  })
  .meta({ id: 'Graph' });
const backup = backupSchema.meta({ id: 'Backup' });

export function organisationRoutes(
  app: FastifyInstance,
  services: { register: RegisterService; backup: BackupService; graph: GraphService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { register } = services;
  const tags = ['organisations'];

  r.get('/api/orgs', {
    schema: { tags, summary: 'List organisations', response: { 200: z.object({ items: z.array(organisation) }) } },
    handler: async () => ({ items: await register.listOrganisations() }),
  });
  r.post('/api/orgs', {
    schema: {
      tags,
      summary: 'Create an organisation',
      body: organisationCreateSchema.meta({ id: 'OrganisationCreate' }),
      response: { 201: organisation, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await register.createOrganisation(req.body, { actor: actorOf(req) })),
  });
  r.get('/api/orgs/:org', {
    schema: {
      tags,
      summary: 'Get an organisation with its record counts',
      params: orgParams,
      response: { 200: organisationWithCounts, ...errorResponses },
    },
    handler: async (req, reply) => {
      const org = await register.getOrganisation(req.params.org);
      return reply.header('etag', etag(org.revision)).send({ ...org, counts: await register.counts(req.params.org) });
    },
  });
  r.put('/api/orgs/:org', {
    schema: {
      tags,
      summary: 'Replace an organisation',
      params: orgParams,
      body: organisationUpdateSchema.meta({ id: 'OrganisationUpdate' }),
      response: { 200: organisation, ...errorResponses },
    },
    handler: async (req) =>
      register.updateOrganisation(req.params.org, req.body, { actor: actorOf(req), revision: revisionOf(req) }),
  });
  r.delete('/api/orgs/:org', {
    schema: {
      tags,
      summary: 'Delete an organisation that holds no records',
      params: orgParams,
      querystring: revisionQuery,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => {
      await register.deleteOrganisation(req.params.org, {
        actor: actorOf(req),
        revision: revisionOf(req, req.query.revision),
      });
      return reply.code(204).send(null);
    },
  });
  r.get('/api/orgs/:org/history', {
    schema: {
      tags,
      summary: 'The change history, newest first',
      params: orgParams,
      querystring: z.object({
        kind: z.string().max(50).optional(),
        recordId: z.string().max(200).optional(),
        before: z.coerce.number().int().positive().optional().describe('Only entries older than this seq (paging)'),
        limit: z.coerce.number().int().min(1).max(500).default(50),
      }),
      response: { 200: z.object({ items: z.array(change) }), ...errorResponses },
    },
    handler: async (req) => {
      await register.getOrganisation(req.params.org);
      return { items: await register.history(req.params.org, req.query) };
    },
  });
  r.get('/api/orgs/:org/graph', {
    schema: {
      tags: ['graph'],
      summary: 'The dependency graph of an organisation as one document',
      params: orgParams,
      querystring: z.object({
        components: z.enum(['true', 'false']).default('false').describe('Include SBOM components'),
      }),
      response: { 200: graphDocument, ...errorResponses },
    },
    handler: (req) => services.graph.graph(req.params.org, { components: req.query.components === 'true' }),
  });
  r.get('/api/orgs/:org/export', {
    schema: {
      tags: ['backup'],
      summary: 'The whole organisation as one backup document',
      params: orgParams,
      response: { 200: backup, ...errorResponses },
    },
    handler: async (req, reply) => {
      const doc = await services.backup.exportOrganisation(req.params.org);
      return reply
        .header('content-disposition', `attachment; filename="${req.params.org}.stapel.json"`)
        .send(doc as unknown as z.infer<typeof backup>);
    },
  });
  r.post('/api/import', {
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags: ['backup'],
      summary: 'Import a backup document as a new organisation (all or nothing)',
      body: backup,
      response: {
        201: z.object({ organisation: z.string(), counts: z.record(z.string(), z.number().int()) }),
        ...errorResponses,
      },
    },
    handler: async (req, reply) => {
      const doc = req.body as unknown as Backup;
      const issues = documentIssues(doc);
      if (issues.length) throw new InputError(`invalid backup:\n${describeIssues(issues.slice(0, 20))}`, issues);
      return reply
        .code(201)
        .send(await services.backup.importBackup(doc, { actor: actorOf(req), source: 'api upload' }));
    },
  });
}
