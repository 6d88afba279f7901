/**
 * The `stapel` CLI as a user runs it: init with the demo, list with filters, add with a
 * validation error, export and import into another store with an exact round trip, and refusal of
 * a cut-off backup.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

describe('stapel CLI (embedded store)', () => {
  const work = mkdtempSync(join(tmpdir(), 'stapel-cli-'));
  const storeA = join(work, 'a');
  const storeB = join(work, 'b');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('initialises a store with the demo register', async () => {
    const r = await runCli(['--data-dir', storeA, '--json', 'init', '--demo']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ store: 'pglite', organisations: ['voorbeeldstad'] });
  });

  it('lists records with a layer filter, as JSON and as a table', async () => {
    const json = await runCli(['--data-dir', storeA, '--json', 'list', 'assets', '--layer', 'hardware']);
    expect(json.code).toBe(0);
    const assets = JSON.parse(json.stdout) as { layers: string[] }[];
    expect(assets.length).toBeGreaterThan(2);
    expect(assets.every((a) => a.layers.includes('hardware'))).toBe(true);
    const table = await runCli(['--data-dir', storeA, 'list', 'orgs']);
    expect(table.stdout).toMatch(
      /^ID\s+NAME\s+KIND\s+COUNTRY\nvoorbeeldstad\s+Gemeente Voorbeeldstad\s+municipality\s+NL\n$/,
    );
  });

  it('adds a record, and refuses a wrong one with the field and exit code 2', async () => {
    const ok = await runCli([
      '--data-dir',
      storeA,
      '--json',
      'add',
      'process',
      '--data',
      '{"id":"archief","name":"Archivering","vital":false}',
    ]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ id: 'archief', revision: 1, provenance: { method: 'entered' } });
    const bad = await runCli(['--data-dir', storeA, 'add', 'asset'], {
      input: '{"name":"X","type":"cloud","layers":["data"]}',
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^stapel: invalid asset:\ntype: Invalid option: expected one of "application"\|/);
    const shown = await runCli(['--data-dir', storeA, 'show', 'process', 'archief']);
    expect(JSON.parse(shown.stdout).name).toBe('Archivering');
  });

  it('analyses the register: strategic dependencies per layer, concentration, explanations', async () => {
    const r = await runCli(['--data-dir', storeA, 'analyse']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^6 Applicaties en diensten \/ Applications and services: \d+ strategic$/m);
    expect(r.stdout).toMatch(/^1 Grondstoffen \/ Raw materials: \d+ strategic$/m);
    expect(r.stdout).toMatch(/Concentration by ultimate parent \(HHI \d+\)/);
    expect(r.stdout).toMatch(/Concentration by country \(HHI \d+\)/);
    const explained = await runCli(['--data-dir', storeA, 'explain', 'asset', 'm365-exchange']);
    expect(explained.stdout).toMatch(
      /^Continuity: likelihood [\d.]+ × impact \d = [\d.]+ \((low|medium|high|very-high)\)$/m,
    );
    expect(explained.stdout).toMatch(
      /• jurisdiction exposure: value 1\.00 × weight 4 → \+1\.6\n\s+Microsoft Corporation .*CLOUD Act/,
    );
    const json = await runCli(['--data-dir', storeA, '--json', 'explain', 'process', 'burgerzaken-brp']);
    expect(JSON.parse(json.stdout)).toMatchObject({ processId: 'burgerzaken-brp', vital: true });
    const kb = await runCli(['--data-dir', storeA, '--json', 'kb', 'search', 'microsoft', '--kind', 'vendor']);
    expect(JSON.parse(kb.stdout)[0]).toMatchObject({ kind: 'vendor', id: 'microsoft' });
  });

  it('exports, imports into an empty store and exports the same document', async () => {
    const fileA = join(work, 'a.json');
    const fileB = join(work, 'b.json');
    expect((await runCli(['--data-dir', storeA, 'export', '-o', fileA])).code).toBe(0);
    const imported = await runCli(['--data-dir', storeB, '--json', 'import', fileA]);
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout).organisation).toBe('voorbeeldstad');
    expect((await runCli(['--data-dir', storeB, 'export', '-o', fileB])).code).toBe(0);
    expect(readFileSync(fileB, 'utf8')).toBe(readFileSync(fileA, 'utf8'));
  });

  it('refuses a backup cut in half and leaves the store as it was', async () => {
    const full = readFileSync(join(work, 'a.json'), 'utf8').replace('"id": "voorbeeldstad"', '"id": "kopie"');
    const half = join(work, 'half.json');
    writeFileSync(half, full.slice(0, full.length / 2));
    const r = await runCli(['--data-dir', storeB, 'import', half]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/half\.json is not valid JSON at line \d+, column \d+: .*cut off/);
    const orgs = await runCli(['--data-dir', storeB, '--json', 'list', 'orgs']);
    expect(JSON.parse(orgs.stdout).map((o: { id: string }) => o.id)).toEqual(['voorbeeldstad']);
  });
});
