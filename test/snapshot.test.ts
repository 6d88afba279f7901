/**
 * Snapshots through the API on every backend: a snapshot freezes the analysis and the built-in
 * scenarios' outcomes; later changes to the register show up as changes since it (an asset added,
 * a risk level risen), while the snapshot itself stays as it was; ids are unique per organisation.
 * And the pure comparison on hand-made analyses.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisChanges, type Analysis } from '../src/analysis/index.js';
import { buildServer } from '../src/api/server.js';
import { loadDemo } from '../src/services/demo.service.js';
import { BACKENDS, notePostgresSkipped, openTestStore, type TestStore } from './helpers/backends.js';

notePostgresSkipped();

describe('analysisChanges', () => {
  const score = (level: 'low' | 'medium' | 'high' | 'very-high', s: number) => ({ level, score: s });
  const asset = (id: string, c: ReturnType<typeof score>, strategic = false) =>
    ({ assetId: id, name: id, strategic, continuity: c, access: score('low', 1) }) as unknown as Analysis['assets'][0];
  const analysis = (assets: Analysis['assets'], hhi: number, gaps: number) =>
    ({
      assets,
      portfolio: { byUltimateParent: { rows: [], hhi }, byCountry: { rows: [], hhi: hhi / 2 } },
      dataQuality: gaps ? [{ assetId: 'a', missing: Array.from({ length: gaps }, (_, i) => `f${i}`) }] : [],
    }) as unknown as Analysis;

  it('finds added and removed assets, risen and fallen levels, strategic changes, concentration and gaps', () => {
    const before = analysis(
      [asset('a', score('low', 3)), asset('b', score('high', 12), true), asset('gone', score('low', 1))],
      2000,
      3,
    );
    const after = analysis(
      [asset('a', score('very-high', 20), true), asset('b', score('medium', 8)), asset('new', score('low', 2))],
      3500,
      1,
    );
    const c = analysisChanges(before, after);
    expect(c.assetsAdded).toEqual([{ assetId: 'new', name: 'new' }]);
    expect(c.assetsRemoved).toEqual([{ assetId: 'gone', name: 'gone' }]);
    expect(c.risen).toEqual([
      { assetId: 'a', name: 'a', threat: 'continuity', from: 'low', to: 'very-high', fromScore: 3, toScore: 20 },
    ]);
    expect(c.fallen.map((x) => [x.assetId, x.from, x.to])).toEqual([['b', 'high', 'medium']]);
    expect(c.becameStrategic).toEqual([{ assetId: 'a', name: 'a' }]);
    expect(c.noLongerStrategic).toEqual([{ assetId: 'b', name: 'b' }]);
    expect(c.concentration).toEqual({
      byUltimateParent: { from: 2000, to: 3500 },
      byCountry: { from: 1000, to: 1750 },
    });
    expect(c.dataGaps).toEqual({ from: 3, to: 1 });
  });
});

describe.each(BACKENDS)('snapshots on %s', (backend) => {
  let store: TestStore;
  let app: FastifyInstance;
  const base = '/api/orgs/voorbeeldstad';

  beforeAll(async () => {
    store = await openTestStore(backend);
    await loadDemo(store);
    app = await buildServer({ store });
  });
  afterAll(async () => {
    await app?.close();
    await store?.dispose();
  });

  it('freezes the analysis and the built-in scenarios, and reports what changed since', async () => {
    const before = (await app.inject({ url: `${base}/analysis` })).json() as Analysis;
    const taken = await app.inject({
      method: 'POST',
      url: `${base}/snapshots`,
      payload: { id: 'q4-2026', label: 'Q4 2026' },
    });
    expect(taken.statusCode, taken.body).toBe(201);
    expect(taken.json()).toMatchObject({
      id: 'q4-2026',
      label: 'Q4 2026',
      knowledgeBaseVersion: before.knowledgeBaseVersion,
    });
    const snap = (await app.inject({ url: `${base}/snapshots/q4-2026` })).json() as {
      analysis: Analysis;
      scenarios: { id: string; processesStopped: number; vitalStopped: string[] }[];
    };
    expect(snap.analysis.assets.length).toBe(before.assets.length);
    expect(snap.analysis.portfolio.byUltimateParent).toEqual(before.portfolio.byUltimateParent);
    // Every built-in scenario, with the outcome a run gives now.
    const library = (await app.inject({ url: '/api/scenario-library' })).json() as { id: string }[];
    expect(snap.scenarios.map((s) => s.id)).toEqual(library.map((s) => s.id));
    const icc = (
      await app.inject({
        method: 'POST',
        url: `${base}/scenario-runs`,
        payload: { scenario: 'library:icc-prosecutor-2025' },
      })
    ).json() as { result: { summary: { processes: { stopped: number }; vitalStopped: string[] } } };
    const frozen = snap.scenarios.find((s) => s.id === 'icc-prosecutor-2025')!;
    expect(frozen.processesStopped).toBe(icc.result.summary.processes.stopped);
    expect(frozen.vitalStopped).toEqual(icc.result.summary.vitalStopped);

    // A new strategic SaaS dependency of a vital process, after the snapshot.
    const added = await app.inject({
      method: 'POST',
      url: `${base}/assets`,
      payload: { id: 'nieuw-platform', name: 'Nieuw platform', type: 'saas', layers: ['applications'] },
    });
    expect(added.statusCode, added.body).toBe(201);
    const changes = (await app.inject({ url: `${base}/snapshots/q4-2026/changes` })).json() as {
      from: { id: string };
      to: string;
      changes: { assetsAdded: { assetId: string }[]; assetsRemoved: unknown[] };
    };
    expect(changes.from.id).toBe('q4-2026');
    expect(changes.to).toBe('now');
    expect(changes.changes.assetsAdded).toEqual([{ assetId: 'nieuw-platform', name: 'Nieuw platform' }]);
    expect(changes.changes.assetsRemoved).toEqual([]);
    // The snapshot itself is unchanged.
    const again = (await app.inject({ url: `${base}/snapshots/q4-2026` })).json() as { analysis: Analysis };
    expect(again.analysis.assets.length).toBe(before.assets.length);
  });

  it('lists snapshots newest first, names a second one of the same day, and refuses a duplicate id', async () => {
    const second = (await app.inject({ method: 'POST', url: `${base}/snapshots` })).json() as { id: string };
    const third = (await app.inject({ method: 'POST', url: `${base}/snapshots` })).json() as { id: string };
    expect(second.id).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(third.id).toBe(`${second.id}-2`);
    const list = (await app.inject({ url: `${base}/snapshots` })).json() as { id: string }[];
    expect(list.map((m) => m.id)).toEqual([third.id, second.id, 'q4-2026']);
    const dup = await app.inject({ method: 'POST', url: `${base}/snapshots`, payload: { id: 'q4-2026' } });
    expect(dup.statusCode).toBe(409);
    const between = (await app.inject({ url: `${base}/snapshots/q4-2026/changes?to=${second.id}` })).json() as {
      changes: { assetsAdded: { assetId: string }[] };
    };
    expect(between.changes.assetsAdded.map((a) => a.assetId)).toEqual(['nieuw-platform']);
    expect((await app.inject({ url: `${base}/snapshots/nope` })).statusCode).toBe(404);
  });

  it('carries the snapshots through a backup into another store', async () => {
    const backup = (await app.inject({ url: `${base}/export` })).json() as { snapshots: { id: string }[] };
    expect(backup.snapshots.map((s) => s.id)).toContain('q4-2026');
    const other = await openTestStore(backend);
    try {
      const app2 = await buildServer({ store: other });
      const res = await app2.inject({ method: 'POST', url: '/api/import', payload: backup });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
      const original = (await app.inject({ url: `${base}/snapshots/q4-2026` })).json() as object;
      expect((await app2.inject({ url: `${base}/snapshots/q4-2026` })).json()).toEqual(original);
      await app2.close();
    } finally {
      await other.dispose();
    }
  });
});
