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

  it('summarises the analysis for dashboards: the higher score per asset, the same portfolio', async () => {
    const full = (await app.inject({ url: `${base}/analysis` })).json() as {
      assets: {
        assetId: string;
        continuity: { score: number; level: string };
        access: { score: number; level: string };
      }[];
      portfolio: unknown;
    };
    const res = await app.inject({ url: `${base}/analysis/summary` });
    expect(res.statusCode).toBe(200);
    const summary = res.json() as {
      assets: { assetId: string; score: number; level: string; threat: string }[];
      portfolio: unknown;
    };
    expect(summary.portfolio).toEqual(full.portfolio);
    expect(summary.assets.length).toBe(full.assets.length);
    for (const a of full.assets) {
      const top = a.access.score > a.continuity.score ? a.access : a.continuity;
      expect(summary.assets.find((s) => s.assetId === a.assetId)).toMatchObject({ score: top.score, level: top.level });
    }
    expect(res.body.length).toBeLessThan(JSON.stringify(full).length / 4);
  });

  it('sends the cached document with an entity tag, gzip when asked, and 304 when the client has it', async () => {
    const first = await app.inject({ url: `${base}/analysis/summary`, headers: { 'accept-encoding': 'gzip' } });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-encoding']).toBe('gzip');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"\d+-\d{4}-\d\d-\d\d-summary"$/);
    const { gunzipSync } = await import('node:zlib');
    const plain = await app.inject({ url: `${base}/analysis/summary` });
    expect(gunzipSync(first.rawPayload).toString()).toBe(plain.body);
    const again = await app.inject({ url: `${base}/analysis/summary`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // A change makes a new version: the old tag no longer matches.
    await app.inject({
      method: 'POST',
      url: `${base}/assets`,
      payload: { id: 'etag-test', name: 'ETag test', type: 'application', layers: ['applications'] },
    });
    const changed = await app.inject({ url: `${base}/analysis/summary`, headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
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
