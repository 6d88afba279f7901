/**
 * Snapshots of the risk picture: take one, list them, read one, and what changed since one (to a
 * later snapshot or to now) — the trend a board report shows.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SnapshotService } from '../../services/snapshot.service.js';
import { actorOf } from '../request-context.js';
import { errorResponses, orgParams } from '../schemas.js';

const meta = z.looseObject({ id: z.string(), takenAt: z.string(), registerVersion: z.number() }).meta({
  id: 'SnapshotMeta',
  description: 'When a snapshot was taken, by whom, of which register and knowledge-base version',
});
const snapshotParams = orgParams.extend({ id: z.string().max(100) });

export function snapshotRoutes(app: FastifyInstance, service: SnapshotService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['snapshots'];
  r.post('/api/orgs/:org/snapshots', {
    schema: {
      tags,
      summary: "Freeze the organisation's analysis and the built-in scenarios' outcomes now",
      params: orgParams,
      // Optional: a POST without a body takes a snapshot with a generated id.
      body: z.strictObject({ id: z.string().max(100).optional(), label: z.string().max(300).optional() }).nullish(),
      response: { 201: meta, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(
        (await service.take(req.params.org, {
          ...(req.body?.id ? { id: req.body.id } : {}),
          ...(req.body?.label ? { label: req.body.label } : {}),
          actor: actorOf(req),
        })) as unknown as z.infer<typeof meta>,
      ),
  });
  r.get('/api/orgs/:org/snapshots', {
    schema: {
      tags,
      summary: 'Snapshots, newest first',
      params: orgParams,
      response: { 200: z.array(meta), ...errorResponses },
    },
    handler: async (req) => (await service.list(req.params.org)) as unknown as z.infer<typeof meta>[],
  });
  r.get('/api/orgs/:org/snapshots/:id', {
    schema: {
      tags,
      summary: 'One snapshot with its frozen analysis and scenario outcomes',
      params: snapshotParams,
      response: { 200: meta, ...errorResponses },
    },
    handler: async (req) => (await service.get(req.params.org, req.params.id)) as unknown as z.infer<typeof meta>,
  });
  r.get('/api/orgs/:org/snapshots/:id/changes', {
    schema: {
      tags,
      summary: 'What changed since the snapshot: to a later one (?to=) or to the register now',
      params: snapshotParams,
      querystring: z.strictObject({ to: z.string().max(100).optional() }),
      response: { 200: z.looseObject({ from: meta, changes: z.unknown() }), ...errorResponses },
    },
    handler: async (req) =>
      (await service.changes(req.params.org, req.params.id, req.query.to)) as unknown as {
        from: z.infer<typeof meta>;
        changes: unknown;
      },
  });
}
