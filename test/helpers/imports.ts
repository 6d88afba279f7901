/**
 * What the register-import tests do over and over: plan against an empty register, send a file,
 * count an organisation's records, create an organisation to import into.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { ExistingRegister } from '../../src/ingest/import-plan.js';

/** A register with an organisation and no records, for planning imports against. */
export const emptyRegister = (): ExistingRegister => ({
  organisation: { name: 'Test', country: 'NL', identifiers: {} },
  process: [],
  party: [],
  product: [],
  asset: [],
  dependency: [],
  contract: [],
  exitPlan: [],
});

export function importClient(app: () => FastifyInstance) {
  return {
    /** POST the file to the import endpoint; `query` adds parameters ("&dryRun=false"). */
    upload: (org: string, name: string, body: Buffer, query = '') =>
      app().inject({
        method: 'POST',
        url: `/api/orgs/${org}/imports?name=${encodeURIComponent(name)}${query}`,
        headers: { 'content-type': 'application/octet-stream' },
        payload: body,
      }),
    /** How many records of a kind (plural) the organisation holds. */
    count: async (org: string, plural: string) =>
      ((await app().inject({ url: `/api/orgs/${org}/${plural}?limit=500` })).json() as { items: unknown[] }).items
        .length,
    newOrg: async (id: string, kind = 'bank') => {
      const r = await app().inject({ method: 'POST', url: '/api/orgs', payload: { id, name: id, kind } });
      expect(r.statusCode, r.body).toBe(201);
    },
  };
}
