/**
 * What an imported SBOM adds to the picture, through the API on every backend: the stored
 * document with its NTIA quality, suppliers and licences; the portfolio licence summary; component
 * origin in the risk analysis; vendor and country cuts that reach assets through their components;
 * and an upload that claims 2 GB refused before it is read.
 */
import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/api/server.js';
import { loadDemo } from '../src/services/demo.service.js';
import { BACKENDS, notePostgresSkipped, openTestStore, type TestStore } from './helpers/backends.js';

notePostgresSkipped();

/** A small CycloneDX 1.6 SBOM of the demo's parking application, with components of known vendors. */
const SBOM = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
  version: 1,
  metadata: {
    timestamp: '2026-11-30T09:00:00Z',
    authors: [{ name: 'Team Parkeren, Gemeente Voorbeeldstad' }],
    component: { type: 'application', name: 'parkeer-app', version: '3.2.0' },
  },
  components: [
    {
      'bom-ref': 'log4j-core',
      type: 'library',
      supplier: { name: 'The Apache Software Foundation' },
      group: 'org.apache.logging.log4j',
      name: 'log4j-core',
      version: '2.14.1',
      purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
      licenses: [{ license: { id: 'Apache-2.0' } }],
    },
    {
      'bom-ref': 'spring-core',
      type: 'library',
      group: 'org.springframework',
      name: 'spring-core',
      version: '5.3.39',
      purl: 'pkg:maven/org.springframework/spring-core@5.3.39',
      licenses: [{ expression: 'Apache-2.0' }],
    },
    {
      'bom-ref': 'azure-identity',
      type: 'library',
      name: '@azure/identity',
      version: '4.5.0',
      purl: 'pkg:npm/%40azure/identity@4.5.0',
      licenses: [{ license: { id: 'MIT' } }],
    },
    {
      'bom-ref': 'mariadb-client',
      type: 'library',
      name: 'mariadb-java-client',
      version: '3.4.1',
      purl: 'pkg:maven/org.mariadb.jdbc/mariadb-java-client@3.4.1',
      licenses: [{ expression: 'LGPL-2.1-or-later' }],
    },
  ],
  dependencies: [
    { ref: 'log4j-core', dependsOn: [] },
    { ref: 'spring-core', dependsOn: ['log4j-core'] },
    { ref: 'azure-identity', dependsOn: [] },
  ],
};

describe.each(BACKENDS)('SBOM document, licences and component origin on %s', (backend) => {
  let store: TestStore;
  let app: FastifyInstance;
  const base = '/api/orgs/voorbeeldstad';
  const scenario = async (cuts: object[]) => {
    const res = await app.inject({
      method: 'POST',
      url: `${base}/scenario-runs`,
      payload: { scenario: { name: 'test', cuts } },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return (res.json() as { result: { cutOff: { assetId: string; reasons: string[] }[] } }).result.cutOff;
  };

  beforeAll(async () => {
    store = await openTestStore(backend);
    await loadDemo(store);
    app = await buildServer({ store });
    // The demo's dependency on parkeer-app's old log4j-core component would dangle; it goes first.
    const del = await app.inject({
      method: 'DELETE',
      url: `${base}/dependencies/parkeer-app--parkeer.log4j-core-2.14.1`,
    });
    expect(del.statusCode, del.body).toBe(204);
    const res = await app.inject({
      method: 'PUT',
      url: `${base}/assets/parkeer-app/sbom?file=parkeer.cdx.json`,
      payload: JSON.stringify(SBOM),
      headers: { 'content-type': 'application/vnd.cyclonedx+json' },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await store?.dispose();
  });

  it('keeps the document with its NTIA quality, suppliers and licences', async () => {
    const res = await app.inject({ url: `${base}/assets/parkeer-app/sbom` });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as {
      format: string;
      specVersion: string;
      authors: string[];
      created: string;
      quality: { score: number; elements: { id: string; coverage: number; examples: string[] }[] };
      suppliers: { vendorId: string; ultimateParentId: string; components: number; matchedOn: string[] }[];
      licences: { byFamily: Record<string, number>; byLicence: { id: string; components: number }[] };
    };
    expect(d).toMatchObject({ format: 'cyclonedx', specVersion: '1.6', created: '2026-11-30T09:00:00Z' });
    expect(d.authors).toEqual(['Team Parkeren, Gemeente Voorbeeldstad']);
    const cov = Object.fromEntries(d.quality.elements.map((e) => [e.id, e.coverage]));
    // One supplier of four; mariadb-client is in no dependency relationship.
    expect(cov).toEqual({
      supplier: 0.25,
      name: 1,
      version: 1,
      'unique-identifier': 1,
      'dependency-relationship': 0.5,
      author: 1,
      timestamp: 1,
    });
    expect(d.quality.score).toBe(82.1);
    expect(d.suppliers.map((s) => [s.vendorId, s.ultimateParentId, s.components])).toEqual([
      ['apache', 'apache', 1],
      ['microsoft', 'microsoft', 1],
      ['vmware', 'broadcom', 1],
    ]);
    expect(d.suppliers[0]!.matchedOn[0]).toMatch(/^purl namespace pkg:maven\/org\.apache/);
    expect(d.licences.byFamily).toMatchObject({ permissive: 3, 'weak-copyleft': 1, unknown: 0 });
    expect(d.licences.byLicence[0]).toEqual({ id: 'Apache-2.0', components: 2 });
  });

  it('summarises licences over the portfolio', async () => {
    const one = (await app.inject({ url: `${base}/licences?asset=parkeer-app` })).json() as { components: number };
    const all = (await app.inject({ url: `${base}/licences` })).json() as { components: number };
    expect(one.components).toBe(4);
    const listed = (await app.inject({ url: `${base}/components?limit=500` })).json() as { items: unknown[] };
    expect(all.components).toBe(listed.items.length);
  });

  it('puts component origin into the risk analysis, with the vital processes that reach it', async () => {
    const a = (await app.inject({ url: `${base}/analysis` })).json() as {
      processes: { processId: string; vital: boolean }[];
      portfolio: {
        componentOrigin: {
          byUltimateParent: { key: string; components: number; assets: number; vitalProcesses: number }[];
          byCountry: { key: string; components: number }[];
        };
      };
    };
    const origin = a.portfolio.componentOrigin;
    expect(origin.byUltimateParent.map((r) => [r.key, r.components, r.assets])).toEqual([
      ['apache', 1, 1],
      ['broadcom', 1, 1],
      ['microsoft', 1, 1],
    ]);
    expect(origin.byCountry).toEqual([expect.objectContaining({ key: 'US', components: 3 })]);
    // The vital processes that need parkeer-app, found independently through the component search.
    const hits = (
      await app.inject({
        url: `${base}/components/search?purl=${encodeURIComponent('pkg:npm/%40azure/identity')}`,
      })
    ).json() as { processes: string[] }[];
    const vital = new Set(a.processes.filter((p) => p.vital).map((p) => p.processId));
    const expected = hits[0]!.processes.filter((p) => vital.has(p)).length;
    expect(origin.byUltimateParent.every((r) => r.vitalProcesses === expected)).toBe(true);
  });

  it('cuts assets through their components when a vendor or country cut asks for it', async () => {
    const plain = await scenario([{ kind: 'vendor', vendorId: 'broadcom' }]);
    expect(plain.map((c) => c.assetId)).not.toContain('parkeer-app');
    const withComponents = await scenario([{ kind: 'vendor', vendorId: 'broadcom', components: true }]);
    const hit = withComponents.find((c) => c.assetId === 'parkeer-app');
    expect(hit?.reasons).toEqual([
      expect.stringMatching(/^holds 1 component from Broadcom.*purl namespace pkg:maven\/org\.springframework/),
    ]);
    const country = await scenario([{ kind: 'country', country: 'US', scope: ['components'] }]);
    expect(country.map((c) => c.assetId)).toEqual(expect.arrayContaining(['parkeer-app', 'koppelvlak']));
    for (const c of country) expect(c.reasons.join(' ')).toMatch(/holds \d+ components? from .*owned from US/);
  });

  it('carries the SBOM document through a backup into another store', async () => {
    const backup = (await app.inject({ url: `${base}/export` })).json() as {
      sbomDocuments: { assetId: string; components: number }[];
    };
    expect(backup.sbomDocuments.map((d) => [d.assetId, d.components])).toEqual([['parkeer-app', 4]]);
    const other = await openTestStore(backend);
    try {
      const app2 = await buildServer({ store: other });
      const res = await app2.inject({ method: 'POST', url: '/api/import', payload: backup });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
      const original = (await app.inject({ url: `${base}/assets/parkeer-app/sbom` })).json() as object;
      const restored = (await app2.inject({ url: `${base}/assets/parkeer-app/sbom` })).json() as object;
      expect(restored).toEqual(original);
      await app2.close();
    } finally {
      await other.dispose();
    }
  });

  it('refuses an upload that claims 2 GB before reading it, leaving the store unchanged', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          `PUT ${base}/assets/parkeer-app/sbom HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
            `Content-Length: ${2 * 1024 ** 3}\r\n\r\n{"bomFormat":"CycloneDX",`,
        );
      });
      let text = '';
      socket.on('data', (d) => {
        text += d.toString();
        if (text.includes('\r\n\r\n')) {
          socket.destroy();
          resolve(text);
        }
      });
      socket.on('error', reject);
      setTimeout(() => reject(new Error(`no answer; got ${text}`)), 10_000);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    const d = (await app.inject({ url: `${base}/assets/parkeer-app/sbom` })).json() as { components: number };
    expect(d.components).toBe(4);
  });
});
