/**
 * The analysis is reused between requests only while the register is unchanged: a write, a
 * knowledge-base entry or a risk-setting change gives the next request a fresh analysis.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/api/server.js';
import { loadDemo } from '../src/services/demo.service.js';
import { BACKENDS, notePostgresSkipped, openTestStore, type TestStore } from './helpers/backends.js';

notePostgresSkipped();

describe.each(BACKENDS)('analysis reuse on %s', (backend) => {
  let store: TestStore;
  let app: FastifyInstance;
  const base = '/api/orgs/voorbeeldstad';
  const analysis = async () =>
    (await app.inject({ url: `${base}/analysis` })).json() as { generatedAt: string; assets: { assetId: string }[] };

  beforeAll(async () => {
    store = await openTestStore(backend);
    await loadDemo(store);
    app = await buildServer({ store });
  });
  afterAll(async () => {
    await app?.close();
    await store?.dispose();
  });

  it('answers from the last analysis until the register changes', async () => {
    const first = await analysis();
    const again = await analysis();
    expect(again.generatedAt).toBe(first.generatedAt);
    const res = await app.inject({
      method: 'POST',
      url: `${base}/assets`,
      payload: { id: 'nieuw-archief', name: 'Nieuw archief', type: 'application', layers: ['applications'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = await analysis();
    expect(after.assets.length).toBe(first.assets.length + 1);
    expect(after.assets.map((a) => a.assetId)).toContain('nieuw-archief');
  });
});
