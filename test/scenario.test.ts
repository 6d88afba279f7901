/**
 * Cut-off scenarios on the demo register, through the API on every backend and through the CLI:
 * cutting off the ultimate parent of the office suite stops the processes that need e-mail and
 * documents; an exit plan shortens the time to restore; an alternative as redundancy turns a stop
 * into a degraded run; saved scenarios are records with history; the library holds real events.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/api/server.js';
import type { ScenarioComparison, ScenarioResult } from '../src/analysis/index.js';
import { loadDemo } from '../src/services/demo.service.js';
import { BACKENDS, notePostgresSkipped, openTestStore, type TestStore } from './helpers/backends.js';
import { runCli } from './helpers/cli.js';

notePostgresSkipped();

interface Run {
  registerVersion: number;
  result: ScenarioResult;
  comparison?: ScenarioComparison;
}

describe.each(BACKENDS)('scenario API on %s', (backend) => {
  let store: TestStore;
  let app: FastifyInstance;
  const base = '/api/orgs/voorbeeldstad';
  const run = async (payload: object, expected = 200) => {
    const res = await app.inject({ method: 'POST', url: `${base}/scenario-runs`, payload });
    expect(res.statusCode, res.body.slice(0, 400)).toBe(expected);
    return res.json() as Run;
  };
  const state = (r: ScenarioResult, id: string) => r.processes.find((p) => p.processId === id)!;

  beforeAll(async () => {
    store = await openTestStore(backend);
    await loadDemo(store);
    app = await buildServer({ store });
  });
  afterAll(async () => {
    await app?.close();
    await store?.dispose();
  });

  it('cutting off the ultimate parent of the office suite stops what needs e-mail and documents', async () => {
    // The office suite's vendor, followed up its ownership chain to the ultimate parent.
    const suite = (await app.inject({ url: `${base}/products/microsoft-365` })).json() as { vendorId: string };
    let parent = suite.vendorId;
    for (;;) {
      const p = (await app.inject({ url: `${base}/parties/${parent}` })).json() as { parentId?: string };
      if (!p.parentId) break;
      parent = p.parentId;
    }
    const { result } = await run({
      scenario: { name: 'Office suite cut off', cuts: [{ kind: 'party', partyId: parent }] },
    });
    const cut = result.cutOff.map((c) => c.assetId);
    expect(cut).toEqual(expect.arrayContaining(['m365-exchange', 'm365-sharepoint', 'm365-teams']));
    // Every process that needs e-mail or documents stops, and says how the cut reaches it.
    const deps = (await app.inject({ url: `${base}/dependencies?limit=500` })).json() as {
      items: { from: string; to: string; redundancyGroup?: string }[];
    };
    const needMail = deps.items
      .filter((d) => d.from.startsWith('process:') && !d.redundancyGroup)
      .filter((d) => d.to === 'asset:m365-exchange' || d.to === 'asset:m365-sharepoint')
      .map((d) => d.from.slice(8));
    expect(needMail.length).toBeGreaterThanOrEqual(3);
    for (const id of needMail) {
      expect(state(result, id).state, id).toBe('stopped');
      expect(state(result, id).path!.length, id).toBeGreaterThan(0);
    }
    expect(result.summary.vitalStopped.length).toBeGreaterThan(0);
    expect(result.summary.publicInterestsHit.length).toBeGreaterThan(0);
    // Exchange has no exit plan in the demo: its restore time is unknown, and the result says so.
    expect(result.cutOff.find((c) => c.assetId === 'm365-exchange')!.restoreHours).toBeNull();
    expect(result.summary.withoutExitPlan).toContain('m365-exchange');
    expect(state(result, 'interne-communicatie').restoreHours).toBeNull();
  });

  it('compares with the planned measures: their exit plans give the stopped processes a restore time', async () => {
    const { comparison } = await run({
      scenario: { name: 'Microsoft cut off', cuts: [{ kind: 'party', partyId: 'microsoft-corp' }] },
      compare: { measures: 'planned' },
    });
    expect(comparison!.applied.join('\n')).toMatch(/exit plan for Exchange Online/);
    const change = comparison!.changes.find((c) => c.processId === 'hr-salarisadministratie')!;
    // HR needs Youforce, Exchange (exit plan 90 days) and the workplace (60 days): back after 90 days.
    expect(change).toMatchObject({ before: 'stopped', after: 'stopped', restoreBefore: null, restoreAfter: 90 * 24 });
  });

  it('an independent alternative as redundancy turns a stop into a degraded run', async () => {
    const scenario = { name: 'Microsoft cut off', cuts: [{ kind: 'party', partyId: 'microsoft-corp' }] };
    const { comparison } = await run({
      scenario,
      compare: {
        effects: [
          {
            kind: 'redundancy',
            consumer: 'process:crisisbeheersing',
            assetId: 'm365-teams',
            alternatives: ['kpn-mobiel'],
          },
          {
            kind: 'redundancy',
            consumer: 'process:crisisbeheersing',
            assetId: 'm365-exchange',
            alternatives: ['kpn-mobiel'],
          },
        ],
      },
    });
    expect(state(comparison!.before, 'crisisbeheersing').state).toBe('stopped');
    expect(state(comparison!.after, 'crisisbeheersing').state).toBe('degraded');
    expect(comparison!.changes.map((c) => c.processId)).toEqual(['crisisbeheersing']);
  });

  it('runs a built-in scenario and a saved one; unknown references are named', async () => {
    const lib = (await app.inject({ url: '/api/scenario-library' })).json() as { id: string }[];
    expect(lib.map((s) => s.id)).toEqual(expect.arrayContaining(['icc-prosecutor-2025', 'log4shell-2021']));
    const icc = await run({ scenario: 'library:icc-prosecutor-2025' });
    expect(icc.result.cutOff.map((c) => c.assetId)).toContain('m365-exchange');
    const log4j = await run({ scenario: 'library:log4shell-2021' });
    // log4j-core 2.14.1 in the parking app is in the range; 2.17.1 in the integration layer is not.
    expect(log4j.result.cutOff.map((c) => c.assetId)).toEqual(['parkeer-app']);
    expect(log4j.result.cutOff[0]!.reasons.join(' ')).toMatch(/log4j-core 2\.14\.1/);

    const created = await app.inject({
      method: 'POST',
      url: `${base}/scenarios`,
      payload: { id: 'kpn-uitval', name: 'KPN valt uit', cuts: [{ kind: 'party', partyId: 'kpn' }], durationHours: 12 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const saved = await run({ scenario: 'kpn-uitval' });
    expect(saved.result.scenario).toMatchObject({ id: 'kpn-uitval', durationHours: 12 });
    for (const c of saved.result.cutOff) expect(c.restoreHours).toBeLessThanOrEqual(12);
    const history = (await app.inject({ url: `${base}/history?kind=scenario` })).json() as { items: unknown[] };
    expect(history.items.length).toBe(1);

    const bad = await app.inject({
      method: 'POST',
      url: `${base}/scenario-runs`,
      payload: { scenario: { name: 'x', cuts: [{ kind: 'party', partyId: 'no-such-party' }] } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/cuts.*0.*partyId|no-such-party/);
    const text = await app.inject({
      method: 'POST',
      url: `${base}/scenario-runs?format=text`,
      payload: { scenario: 'kpn-uitval' },
    });
    expect(text.headers['content-type']).toMatch(/text\/plain/);
    expect(text.body).toMatch(/^Scenario: KPN valt uit/);
  });

  it('reuses the compiled engine until the register changes', async () => {
    const scenario = { name: 'Exchange', cuts: [{ kind: 'asset', assetId: 'm365-exchange' }] };
    const a = await run({ scenario });
    const b = await run({ scenario });
    expect(b.registerVersion).toBe(a.registerVersion);
    const res = await app.inject({
      method: 'POST',
      url: `${base}/exit-plans`,
      payload: {
        id: 'exchange-exit',
        name: 'Naar een Europese mailaanbieder',
        assetId: 'm365-exchange',
        strategy: 'replace',
        timeToSwitchDays: 30,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = await run({ scenario });
    expect(c.registerVersion).toBeGreaterThan(a.registerVersion);
    expect(c.result.cutOff[0]!.restoreHours).toBe(30 * 24);
  });
});

describe('stapel scenario (CLI)', () => {
  const work = mkdtempSync(join(tmpdir(), 'stapel-scenario-'));
  const dir = join(work, 'store');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('lists, saves from the library and runs with a readable summary', async () => {
    expect((await runCli(['--data-dir', dir, 'init', '--demo'])).code).toBe(0);
    const list = await runCli(['--data-dir', dir, 'scenario', 'list']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/library:icc-prosecutor-2025/);
    const saved = await runCli([
      '--data-dir',
      dir,
      'scenario',
      'save',
      '--from',
      'library:icc-prosecutor-2025',
      '--id',
      'icc',
    ]);
    expect(saved.code, saved.stderr).toBe(0);
    const r = await runCli(['--data-dir', dir, 'scenario', 'run', 'icc', '--compare', 'planned']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/VITAL PROCESSES STOPPED/);
    expect(r.stdout).toMatch(/Comparison after:/);
    const json = await runCli(['--data-dir', dir, '--json', 'scenario', 'run', 'library:log4shell-2021']);
    expect(json.code, json.stderr).toBe(0);
    expect((JSON.parse(json.stdout) as Run).result.cutOff.length).toBeGreaterThan(0);
    const bad = await runCli([
      '--data-dir',
      dir,
      'scenario',
      'run',
      '--data',
      '{"name":"x","cuts":[{"kind":"site","assetId":"m365-exchange"}]}',
    ]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/cuts\.0\.assetId|cuts\[0\]\.assetId/);
  });
});
