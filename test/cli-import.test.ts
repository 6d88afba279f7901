/**
 * Register imports and exports as a user runs them: `stapel import <file> --dry-run` prints the plan
 * and writes nothing, `stapel import` writes it (and refuses a broken file, leaving the store as it
 * was), `stapel export template|register` writes the spreadsheets, and `stapel export dora` checks the
 * register of information and writes the EBA package.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDoraPackage } from '../src/ingest/dora/package-reader.js';
import { runCli } from './helpers/cli.js';

const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));

describe('stapel import and export of registers (embedded store)', () => {
  const work = mkdtempSync(join(tmpdir(), 'stapel-cli-import-'));
  const store = join(work, 'store');
  const cli = (...args: string[]) => runCli(['--data-dir', store, ...args]);
  const assets = async () =>
    (JSON.parse((await cli('--json', 'list', 'assets', '--org', 'bank')).stdout) as unknown[]).length;

  beforeAll(async () => {
    const init = await cli('init', '--demo');
    expect(init.code, init.stderr).toBe(0);
    const org = await cli('add', 'org', '--data', '{"id":"bank","name":"Bank","kind":"bank"}');
    expect(org.code, org.stderr).toBe(0);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('shows the plan of a dry run and writes nothing', async () => {
    // A file deep in a folder tree: the plan names it by its base name, so the line stays in view
    // however long the path the user typed.
    const deep = join(work, 'a folder with a long name'.repeat(4), 'and another one below it');
    mkdirSync(deep, { recursive: true });
    copyFileSync(fixture('imports/applicaties.csv'), join(deep, 'applicaties.csv'));
    const r = await cli('--org', 'bank', 'import', join(deep, 'applicaties.csv'), '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^applicaties\.csv, line 3 +asset +kantoor /m);
    expect(r.stdout).toMatch(/knowledge base microsoft/);
    expect(r.stdout).toContain('Dry run, nothing written: 6 to create, 0 to change, 0 unchanged, 0 rejected.');
    expect(await assets()).toBe(0);
  });

  it('imports, and refuses a file with a bad row without writing any of it', async () => {
    const r = await cli('--org', 'bank', 'import', fixture('imports/applicaties.csv'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Imported: 6 created, 0 changed, 0 unchanged, 0 rejected.');
    expect(await assets()).toBe(3);
    const bad = await cli('--org', 'bank', 'import', fixture('imports/foute-waarde.csv'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('foute-waarde.csv, line 3');
    expect(bad.stderr).toContain('nothing was written');
    expect(await assets()).toBe(3);
    const wrong = await cli('--org', 'bank', 'import', fixture('imports/verkeerde-kolom.csv'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Kleur');
  });

  it('writes templates and the register as spreadsheets', async () => {
    const t = await cli('export', 'template', '--format', 'csv', '--kind', 'asset', '--lang', 'en');
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toMatch(/^Key,Name,Type,Layers/);
    const file = join(work, 'register.xlsx');
    const x = await cli('--org', 'voorbeeldstad', 'export', 'register', '-o', file);
    expect(x.code, x.stderr).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    const again = await cli('--json', '--org', 'voorbeeldstad', 'import', file, '--dry-run');
    expect(again.code, again.stderr).toBe(0);
    const plan = JSON.parse(again.stdout) as { counts: Record<string, number> };
    expect(plan.counts).toMatchObject({ create: 0, update: 0, reject: 0 });
  });

  it('checks the DORA register of information and writes the package', async () => {
    const check = await cli('--json', '--org', 'voorbeeldstad', 'export', 'dora', '--check');
    expect(check.code, check.stderr).toBe(0);
    const { gap } = JSON.parse(check.stdout) as { gap: { readyToFile: boolean; templates: { template: string }[] } };
    expect(gap.templates.map((t) => t.template)).toContain('B_05.01');
    // The demo municipality has no LEI: filing is blocked, so only a draft is written.
    expect(gap.readyToFile).toBe(false);
    const refused = await cli('--org', 'voorbeeldstad', 'export', 'dora', '-o', work);
    expect(refused.code).toBe(2);
    const draft = await cli(
      '--org',
      'voorbeeldstad',
      'export',
      'dora',
      '--draft',
      '-o',
      work,
      '--ref-date',
      '2025-12-31',
    );
    expect(draft.code, draft.stderr).toBe(0);
    const zip = readdirSync(work).find((f) => f.endsWith('.zip'));
    expect(zip).toMatch(/_NL_DORA010100_DORA_2025-12-31_\d{17}\.zip$/);
    // The file the command wrote is a package that reads back, with the demo's providers in it.
    const report = await readDoraPackage(readFileSync(join(work, zip!)), zip!);
    expect(report.refPeriod).toBe('2025-12-31');
    expect(report.tables['B_05.01'].length).toBeGreaterThan(0);
  });
});
