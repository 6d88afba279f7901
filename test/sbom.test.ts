/**
 * SBOM import and portfolio search through the API, on every backend: a real `npm sbom` CycloneDX
 * file and the reference SBOMs import with their component counts; a re-import replaces the
 * previous SBOM and keeps the difference in the history; broken and hostile files give a clear
 * error and leave the store unchanged; a Log4Shell search across the demo finds exactly the assets
 * with an affected log4j-core.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/api/server.js';
import { loadDemo } from '../src/services/demo.service.js';
import { BACKENDS, notePostgresSkipped, openTestStore, type TestStore } from './helpers/backends.js';

notePostgresSkipped();

const fixture = (name: string) => readFileSync(new URL(`./fixtures/sbom/${name}`, import.meta.url), 'utf8');

/** Components in a CycloneDX JSON document, nested ones included — counted independently of the importer. */
function countComponents(doc: { components?: { components?: unknown[] }[] }): number {
  let n = 0;
  const walk = (list: { components?: unknown[] }[] | undefined) => {
    for (const c of list ?? []) {
      n++;
      walk(c.components as { components?: unknown[] }[] | undefined);
    }
  };
  walk(doc.components);
  return n;
}

describe.each(BACKENDS)('SBOM API on %s', (backend) => {
  let store: TestStore;
  let app: FastifyInstance;
  const base = '/api/orgs/voorbeeldstad';
  const upload = (assetId: string, body: string, file = 'sbom.json') =>
    app.inject({
      method: 'PUT',
      url: `${base}/assets/${assetId}/sbom?file=${file}`,
      headers: { 'content-type': 'application/vnd.cyclonedx+json' },
      payload: body,
    });
  /** Every component of an asset, paging through the list endpoint. */
  const componentsOf = async (assetId: string) => {
    const out: { assetId: string; name: string; version?: string }[] = [];
    let cursor = '';
    for (;;) {
      const res = await app.inject({ url: `${base}/components?limit=500${cursor ? `&cursor=${cursor}` : ''}` });
      const page = res.json() as { items: { assetId: string; name: string; version?: string }[]; nextCursor?: string };
      out.push(...page.items.filter((c) => c.assetId === assetId));
      if (!page.nextCursor) return out;
      cursor = page.nextCursor;
    }
  };

  beforeAll(async () => {
    store = await openTestStore(backend);
    await loadDemo(store);
    app = await buildServer({ store });
  });
  afterAll(async () => {
    await app?.close();
    await store?.dispose();
  });

  it('imports a real `npm sbom` CycloneDX file with the same component count as the file', async () => {
    const text = fixture('cyclonedx-stapel-npm.cdx.json');
    const res = await upload('meldingen-app', text, 'cyclonedx-stapel-npm.cdx.json');
    expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    const r = res.json() as { components: number; dependencies: number; format: string; specVersion: string };
    expect(r).toMatchObject({ format: 'cyclonedx', specVersion: '1.5' });
    expect(r.components).toBe(countComponents(JSON.parse(text)));
    expect(r.dependencies).toBeGreaterThan(0);
    expect((await componentsOf('meldingen-app')).length).toBe(r.components);
  });

  it.each([
    ['laravel-7.12.0_bom.1.2.json', '1.2'],
    ['laravel-7.12.0_bom.1.4.json', '1.4'],
    ['CBOM_Example-With-Dependencies_bom.json', '1.6'],
  ])('imports the reference SBOM %s (CycloneDX %s)', async (name, version) => {
    const text = fixture(name);
    const res = await upload('nextcloud-pilot', text, name);
    expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    expect(res.json()).toMatchObject({ specVersion: version, components: countComponents(JSON.parse(text)) });
  });

  it.each([
    ['spdx-stapel-npm.spdx.json', '2.3'],
    ['SPDXTagExample-v2.3.spdx', '2.3'],
  ])('imports the SPDX file %s (SPDX %s) with one component per package', async (name, version) => {
    const text = fixture(name);
    const packages = name.endsWith('.json')
      ? (JSON.parse(text) as { packages: unknown[] }).packages.length
      : text.split('\n').filter((l) => l.startsWith('PackageName:')).length;
    const res = await upload('backup', text, name);
    expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    expect(res.json()).toMatchObject({ format: 'spdx', specVersion: version, components: packages });
  });

  it('replaces the SBOM on re-import and keeps the difference in the history', async () => {
    const doc = JSON.parse(fixture('cyclonedx-stapel-npm.cdx.json')) as {
      components: { 'bom-ref': string; name: string; version: string; purl: string }[];
      dependencies: { ref: string; dependsOn?: string[] }[];
    };
    await upload('lcms', JSON.stringify(doc));
    const [first, second, ...rest] = doc.components;
    const removedRef = second!['bom-ref'];
    const changed = { ...first!, version: '99.0.0', purl: first!.purl.replace(/@[^@]+$/, '@99.0.0') };
    const next = {
      ...doc,
      components: [
        changed,
        ...rest,
        { type: 'library', 'bom-ref': 'extra', name: 'extra-lib', version: '1.0.0', purl: 'pkg:npm/extra-lib@1.0.0' },
      ],
      dependencies: doc.dependencies
        .filter((d) => d.ref !== removedRef)
        .map((d) => ({ ...d, dependsOn: (d.dependsOn ?? []).filter((x) => x !== removedRef) })),
    };
    const res = await upload('lcms', JSON.stringify(next));
    expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    const r = res.json() as {
      replaced: number;
      components: number;
      diff: {
        added: { name: string }[];
        removed: { name: string }[];
        changed: { name: string; from?: string; to?: string }[];
      };
    };
    expect(r.replaced).toBe(doc.components.length);
    expect(r.diff.added.map((a) => a.name)).toContain('extra-lib');
    expect(r.diff.removed.map((a) => a.name)).toContain(second!.name);
    expect(r.diff.changed).toContainEqual(
      expect.objectContaining({ name: first!.name, from: first!.version, to: '99.0.0' }),
    );
    const history = (await app.inject({ url: `${base}/history?kind=sbom&recordId=lcms` })).json() as {
      items: { op: string; note: string }[];
    };
    expect(history.items.length).toBe(2);
    expect(history.items[0]!.note).toMatch(/\+1 −1 ~1/);
  });

  it('refuses broken and hostile files with a clear error and leaves the store unchanged', async () => {
    const before = await componentsOf('parkeer-app');
    const good = fixture('cyclonedx-stapel-npm.cdx.json');
    const cases: [string, string, RegExp][] = [
      ['truncated JSON', good.slice(0, 5000), /line \d+, column \d+|cut off|end of/i],
      ['a wrong spec version', good.replace('"specVersion": "1.5"', '"specVersion": "9.9"'), /9\.9.*not supported/],
      [
        'a schema violation',
        good.replace('"bomFormat": "CycloneDX",', '"bomFormat": "CycloneDX", "bogus": 1,'),
        /additional/i,
      ],
      [
        'an invalid purl',
        good.replace('"purl": "pkg:npm/%40electric-sql/pglite@', '"purl": "pkg:/pglite@'),
        /invalid package URL/,
      ],
      ['deep nesting', `{"bomFormat":"CycloneDX","x":${'['.repeat(200)}${']'.repeat(200)}}`, /nested deeper/],
      [
        'XML with an entity expansion',
        '<?xml version="1.0"?><!DOCTYPE bom [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><bom>&b;</bom>',
        /DTDs and entity declarations are not accepted/,
      ],
    ];
    for (const [what, body, message] of cases) {
      const res = await upload('parkeer-app', body);
      expect(res.statusCode, what).toBe(400);
      expect(res.body, what).toMatch(message);
    }
    expect(await componentsOf('parkeer-app')).toEqual(before);
  });

  it('finds exactly the assets whose SBOMs contain an affected log4j-core (Log4Shell)', async () => {
    const search = async (q: string) => {
      const res = await app.inject({ url: `${base}/components/search?${q}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { assetId: string; component: { version?: string }; processes: string[] }[];
    };
    const purl = encodeURIComponent('pkg:maven/org.apache.logging.log4j/log4j-core');
    const any = await search(`purl=${purl}`);
    expect(any.map((h) => h.assetId).sort()).toEqual(['koppelvlak', 'parkeer-app']);
    const affected = await search(`purl=${purl}&range=${encodeURIComponent('>=2.0.0-beta9 <2.15.0')}`);
    expect(affected.map((h) => `${h.assetId} ${h.component.version}`)).toEqual(['parkeer-app 2.14.1']);
    expect(affected[0]!.processes).toContain('parkeervergunningen');
    const exact = await search(`purl=${encodeURIComponent('pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1')}`);
    expect(exact.map((h) => h.assetId)).toEqual(['koppelvlak']);
  });
});
