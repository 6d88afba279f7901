/**
 * Cut-off scenarios: the built-in library and runs (with an optional comparison). Saved scenarios
 * are records of kind "scenario" and use the generic record routes (/api/orgs/:org/scenarios).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { summariseScenario } from '../../analysis/index.js';
import { runRequestSchema, type ScenarioService } from '../../services/scenario.service.js';
import { errorResponses, orgParams } from '../schemas.js';

const library = z
  .array(z.looseObject({ id: z.string() }))
  .meta({ id: 'ScenarioLibrary', description: 'Built-in scenarios from real events, with date and sources' });
const run = z.looseObject({ organisation: z.string(), registerVersion: z.number(), result: z.unknown() }).meta({
  id: 'ScenarioRun',
  description:
    'Every process and asset as running/degraded/stopped, public interests hit, vital processes stopped, time to restore; with `comparison` when asked',
});

export function scenarioRoutes(app: FastifyInstance, scenarios: ScenarioService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['scenarios'];
  r.get('/api/scenario-library', {
    schema: { tags, summary: 'Built-in cut-off scenarios from real events', response: { 200: library } },
    handler: async () => scenarios.library(),
  });
  r.post('/api/orgs/:org/scenario-runs', {
    schema: {
      tags,
      summary: 'Run a cut-off scenario: saved (id), built-in ("library:<id>") or inline; optionally compared',
      description:
        'With `?format=text` the answer is a readable summary (text/plain). `compare.measures: "planned"` applies the effects of every planned or in-progress measure.',
      params: orgParams,
      querystring: z.strictObject({ format: z.enum(['json', 'text']).default('json') }),
      body: runRequestSchema,
      response: { 200: z.union([run, z.string()]), ...errorResponses },
    },
    handler: async (req, reply) => {
      const out = await scenarios.run(req.params.org, req.body);
      if (req.query.format === 'text') {
        reply.type('text/plain; charset=utf-8');
        return summariseScenario(out.result, out.comparison);
      }
      return out as unknown as z.infer<typeof run>;
    },
  });
}
