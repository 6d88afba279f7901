/**
 * Export and import of a whole organisation, and the demo register, on every backend: the
 * round trip is exact, and broken or conflicting input is refused with the store unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS, InputError, ConflictError, type Backup } from '../src/domain/index.js';
import { readBackup } from '../src/ingest/backup.importer.js';
import { BackupService } from '../src/services/backup.service.js';
import { KnowledgeService } from '../src/services/knowledge.service.js';
import { loadDemo, readDemo } from '../src/services/demo.service.js';
import { RegisterService } from '../src/services/register.service.js';
import { BACKENDS, notePostgresSkipped, openTestStore, type TestStore } from './helpers/backends.js';

notePostgresSkipped();

/** Everything the store holds, for "nothing changed" checks: orgs, record counts and history length. */
async function snapshot(store: TestStore) {
  const register = new RegisterService(store);
  const orgs = await register.listOrganisations();
  const counts: Record<string, Record<string, number>> = {};
  for (const o of orgs) counts[o.id] = await register.counts(o.id);
  const history = await store.db.execute('SELECT count(*)::int AS n FROM changes');
  return { orgs: orgs.map((o) => o.id), counts, history: (history as unknown as { rows: { n: number }[] }).rows[0]!.n };
}

describe.each(BACKENDS)('backup and demo on %s', (backend) => {
  let source: TestStore;
  let target: TestStore;
  let exported: Backup;

  beforeAll(async () => {
    [source, target] = await Promise.all([openTestStore(backend), openTestStore(backend)]);
    await loadDemo(source);
    // The organisation's own knowledge and risk settings travel with its backup.
    const knowledge = new KnowledgeService(source);
    await knowledge.setOrgEntry(
      'voorbeeldstad',
      'vendor',
      'lokale-hoster',
      {
        data: { name: 'Lokale Hoster B.V.', country: 'NL', layers: ['physical-infrastructure'] },
        justification: 'Our regional hosting partner since 2024',
      },
      { actor: 'test' },
    );
    await knowledge.setRiskOverrides(
      'voorbeeldstad',
      { overrides: { levels: { medium: 7 } }, justification: 'Board sets a stricter medium band' },
      { actor: 'test' },
    );
    exported = await new BackupService(source).exportOrganisation('voorbeeldstad');
  });
  afterAll(async () => {
    await source?.dispose();
    await target?.dispose();
  });

  it('loads the demo municipality with at least 50 assets covering all six layers', async () => {
    const assets = exported.records.assets;
    expect(exported.organisation).toMatchObject({
      id: 'voorbeeldstad',
      name: 'Gemeente Voorbeeldstad',
      kind: 'municipality',
    });
    expect(assets.length).toBeGreaterThanOrEqual(50);
    const layers = new Set(assets.flatMap((a) => a.layers));
    expect([...layers].sort()).toEqual([...LAYERS].sort());
    expect(exported.records.processes.some((p) => p.vital)).toBe(true);
    expect(exported.records.processes.some((p) => !p.vital)).toBe(true);
    for (const kind of ['parties', 'products', 'dependencies', 'contracts', 'exit-plans', 'measures'] as const)
      expect(exported.records[kind].length, kind).toBeGreaterThan(0);
    expect(assets[0]!.provenance).toMatchObject({ method: 'imported', source: 'demo/voorbeeldstad.json' });
  });

  it('gives an ownership chain to a foreign ultimate parent for the office suite', async () => {
    const parties = new Map(exported.records.parties.map((p) => [p.id, p]));
    const withParents = exported.records.parties.filter((p) => p.parentId);
    expect(withParents.length).toBeGreaterThan(5);
    const top = (id: string) => {
      let p = parties.get(id)!;
      while (p.parentId) p = parties.get(p.parentId)!;
      return p;
    };
    const chains = withParents.map((p) => top(p.id));
    expect(chains.some((p) => p.country === 'US')).toBe(true);
  });

  it('round-trips exactly: export → import into an empty store → export gives the same document', async () => {
    const text = JSON.stringify(exported, null, 2);
    const summary = await new BackupService(target).importBackup(readBackup(text, 'voorbeeldstad.json'), {
      actor: 'test',
      source: 'voorbeeldstad.json',
    });
    expect(summary.counts.assets).toBe(exported.records.assets.length);
    const again = await new BackupService(target).exportOrganisation('voorbeeldstad');
    expect(JSON.stringify(again, null, 2)).toBe(text);
    expect(again.kbEntries.map((e) => e.id)).toEqual(['lokale-hoster']);
    expect(again.riskSettings?.overrides).toEqual({ levels: { medium: 7 } });
  });

  it('refuses a backup cut in half with a clear error and leaves the store unchanged', async () => {
    const text = JSON.stringify({ ...exported, organisation: { ...exported.organisation, id: 'other' } }, null, 2);
    const half = text.slice(0, Math.floor(text.length / 2));
    const before = await snapshot(target);
    expect(() => readBackup(half, 'half.json')).toThrow(
      /half\.json is not valid JSON at line \d+, column \d+.*cut off/,
    );
    expect(await snapshot(target)).toEqual(before);
  });

  it('refuses a backup whose references point at nothing, naming the record and field', () => {
    const broken = structuredClone(exported);
    broken.records.dependencies[3]!.to = 'asset:gone';
    try {
      readBackup(JSON.stringify(broken), 'broken.json');
      expect.fail('should throw');
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).issues).toContainEqual({
        path: ['records', 'dependencies', 3, 'to'],
        message: 'no asset with id "gone" in this organisation',
      });
    }
  });

  it('refuses a backup whose own knowledge-base entry is invalid', () => {
    const broken = structuredClone(exported);
    (broken.kbEntries[0]!.data as { country: string }).country = 'Netherlands';
    expect(() => readBackup(JSON.stringify(broken), 'kb.json')).toThrow(/kbEntries\[0\]\.data\.country/);
  });

  it('refuses a wrong enum deep in a backup with its path', () => {
    const broken = structuredClone(exported) as unknown as { records: { assets: { layers: string[] }[] } };
    broken.records.assets[2]!.layers = ['cloud'];
    expect(() => readBackup(JSON.stringify(broken), 'enum.json')).toThrow(/records\.assets\[2\]\.layers\[0\]/);
  });

  it('refuses to import over an existing organisation, writing nothing', async () => {
    const before = await snapshot(target);
    await expect(
      new BackupService(target).importBackup(exported, { actor: 'test', source: 'again' }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await snapshot(target)).toEqual(before);
  });

  it('rolls back a whole import when the database refuses a row part-way', async () => {
    const bad = structuredClone(exported);
    bad.organisation.id = 'rollback-test';
    // Passes the document checks but breaks the table's NOT NULL on the last kind written.
    (bad.records.measures[bad.records.measures.length - 1] as unknown as { status: null }).status = null;
    const before = await snapshot(target);
    await expect(new BackupService(target).importBackup(bad, { actor: 'test', source: 'bad' })).rejects.toThrow();
    expect(await snapshot(target)).toEqual(before);
  });

  it('reads the demo document into valid records with provenance', () => {
    const demo = readDemo(new Date('2026-01-01T00:00:00.000Z'));
    expect(demo.records.assets.every((a) => a.provenance.at === '2026-01-01T00:00:00.000Z')).toBe(true);
  });
});
