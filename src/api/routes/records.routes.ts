/**
 * CRUD routes for every record kind under /api/orgs/{org}/{plural}, generated from the kind
 * descriptors: schema → service → response, nothing else.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { KIND_ORDER, KINDS, createSchema, recordSchema, updateSchema, type KindKey } from '../../domain/index.js';
import type { RegisterService } from '../../services/register.service.js';
import { actorOf, etag, revisionOf } from '../request-context.js';
import { errorResponses, listQuery, orgParams, pageOf, recordParams, revisionQuery } from '../schemas.js';

const pascal = (kind: string) => kind.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());

export function recordRoutes(app: FastifyInstance, register: RegisterService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const key of KIND_ORDER) {
    const { kind, plural } = KINDS[key];
    const name = pascal(kind);
    const record = recordSchema(key).meta({ id: name, description: `A ${kind} as stored, with its envelope` });
    const create = createSchema(key).meta({ id: `${name}Create` });
    const update = updateSchema(key).meta({ id: `${name}Update` });
    const patch = z
      .record(z.string(), z.unknown())
      .describe(`The ${kind} fields to change; the result is checked like ${name}Update`);
    const tags = [plural];
    const base = `/api/orgs/:org/${plural}`;
    const k = key as KindKey;

    r.get(base, {
      schema: {
        tags,
        summary: `List ${plural}`,
        params: orgParams,
        querystring: listQuery,
        response: { 200: pageOf(record), ...errorResponses },
      },
      handler: (req) => register.list(k, req.params.org, req.query),
    });
    r.post(base, {
      schema: {
        tags,
        summary: `Create a ${kind}`,
        params: orgParams,
        body: create,
        response: { 201: record, ...errorResponses },
      },
      handler: async (req, reply) => {
        const created = await register.create(k, req.params.org, req.body, { actor: actorOf(req) });
        return reply
          .code(201)
          .header('etag', etag(created.revision))
          .header('location', `/api/orgs/${req.params.org}/${plural}/${created.id}`)
          .send(created);
      },
    });
    r.get(`${base}/:id`, {
      schema: { tags, summary: `Get a ${kind}`, params: recordParams, response: { 200: record, ...errorResponses } },
      handler: async (req, reply) => {
        const found = await register.get(k, req.params.org, req.params.id);
        return reply.header('etag', etag(found.revision)).send(found);
      },
    });
    r.put(`${base}/:id`, {
      schema: {
        tags,
        summary: `Replace a ${kind}`,
        params: recordParams,
        body: update,
        response: { 200: record, ...errorResponses },
      },
      handler: async (req, reply) => {
        const saved = await register.replace(k, req.params.org, req.params.id, req.body, {
          actor: actorOf(req),
          revision: revisionOf(req),
        });
        return reply.header('etag', etag(saved.revision)).send(saved);
      },
    });
    r.patch(`${base}/:id`, {
      schema: {
        tags,
        summary: `Change some fields of a ${kind}`,
        params: recordParams,
        body: patch,
        response: { 200: record, ...errorResponses },
      },
      handler: async (req, reply) => {
        const saved = await register.patch(k, req.params.org, req.params.id, req.body, {
          actor: actorOf(req),
          revision: revisionOf(req),
        });
        return reply.header('etag', etag(saved.revision)).send(saved);
      },
    });
    r.delete(`${base}/:id`, {
      schema: {
        tags,
        summary: `Delete a ${kind}`,
        params: recordParams,
        querystring: revisionQuery,
        response: { 204: z.null(), ...errorResponses },
      },
      handler: async (req, reply) => {
        await register.remove(k, req.params.org, req.params.id, {
          actor: actorOf(req),
          revision: revisionOf(req, req.query.revision),
        });
        return reply.code(204).send(null);
      },
    });
  }
}
