/**
 * The SBOM and vulnerability commands as a user runs them: `sbom diff` between two files and
 * against an asset, `sbom import` and `sbom show` of a real CycloneDX XML file, `sbom licences`,
 * `vuln import` of an offline OSV dump and `vuln list` naming Log4Shell on the demo's parking app,
 * and `vuln sync` against a local OSV API.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { startFakeOsv, type FakeOsv } from './helpers/osv-server.js';

const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));

describe('stapel sbom and vuln (embedded store)', () => {
  const work = mkdtempSync(join(tmpdir(), 'stapel-cli-sbom-'));
  const store = join(work, 'store');
  const cli = (...args: string[]) => runCli(['--data-dir', store, ...args]);
  let osv: FakeOsv;

  beforeAll(async () => {
    const init = await cli('init', '--demo');
    expect(init.code, init.stderr).toBe(0);
    osv = await startFakeOsv([
      JSON.parse(readFileSync(fixture('osv-demo/GHSA-jfh8-c2jp-5v3q.json'), 'utf8')) as {
        id: string;
        modified: string;
      },
    ]);
  });
  afterAll(async () => {
    await osv?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('diffs two SBOM files without a store', async () => {
    const r = await cli(
      '--json',
      'sbom',
      'diff',
      fixture('sbom/laravel-7.12.0_bom.1.2.json'),
      fixture('sbom/laravel-7.12.0_bom.1.4.json'),
    );
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as { added: unknown[]; removed: unknown[]; changed: unknown[] };
    // The same laravel release described twice: the same packages and versions.
    expect(d).toEqual({ added: [], removed: [], changed: [] });
  });

  it('imports a CycloneDX XML SBOM and shows its quality, suppliers and licences', async () => {
    // meldingen-app has no SBOM in the demo: everything in the file is new.
    const preview = await cli('--json', 'sbom', 'diff', 'meldingen-app', fixture('sbom/juice-shop_v11.1.2_bom.xml'));
    expect(preview.code, preview.stderr).toBe(0);
    const d = JSON.parse(preview.stdout) as { added: unknown[]; removed: unknown[] };
    const added = d.added.length;
    expect(added).toBeGreaterThan(100);
    expect(d.removed).toEqual([]);
    const imp = await cli('sbom', 'import', 'meldingen-app', fixture('sbom/juice-shop_v11.1.2_bom.xml'));
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stdout).toMatch(/^meldingen-app: \d+ components and \d+ dependencies from cyclonedx 1\.\d/);
    expect(imp.stdout).toMatch(/NTIA minimum elements: [\d.]+% complete/);
    const show = await cli('sbom', 'show', 'meldingen-app');
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/ELEMENT\s+COVERAGE\s+MISSING\s+NOTE/);
    expect(show.stdout).toMatch(/^unique-identifier\s+\d+%/m);
    const lic = await cli('--json', 'sbom', 'licences', '--asset', 'meldingen-app');
    const summary = JSON.parse(lic.stdout) as { components: number; byLicence: { id: string }[] };
    expect(summary.components).toBe(added);
    expect(summary.byLicence[0]!.id).toBe('MIT');
  });

  it('imports an offline OSV dump and lists Log4Shell on the parking app only', async () => {
    const imp = await cli('vuln', 'import', fixture('osv-demo/all.zip'));
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stdout).toMatch(/Imported 2 OSV records \(0 withdrawn\)/);
    const list = await cli('--json', 'vuln', 'list');
    const findings = JSON.parse(list.stdout) as { assetId: string; vulnerability: { aliases: string[] } }[];
    expect(new Set(findings.map((f) => f.assetId))).toEqual(new Set(['parkeer-app']));
    expect(findings.flatMap((f) => f.vulnerability.aliases).sort()).toEqual(['CVE-2021-44228', 'CVE-2021-44832']);
    const table = await cli('vuln', 'list', '--asset', 'parkeer-app');
    expect(table.stdout).toMatch(/parkeer-app\s+log4j-core\s+2\.14\.1\s+GHSA-jfh8-c2jp-5v3q\s+CVE-2021-44228/);
  });

  it('syncs with an OSV API named by --osv-url', async () => {
    const r = await cli('--json', 'vuln', 'sync', '--osv-url', osv.url);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ vulnerabilities: 1, fetched: 0 });
    expect(osv.log.some((l) => l.path === '/v1/querybatch')).toBe(true);
  });
});
