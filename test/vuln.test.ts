/**
 * Vulnerabilities end to end: the OSV client against a local server speaking the OSV API (paging,
 * batch limits, retries), a sync of the demo register that finds Log4Shell in exactly the asset
 * whose SBOM holds an affected log4j-core, the same findings from an offline OSV dump, broken dumps
 * and failed syncs leaving the store unchanged, and findings re-made when an SBOM is replaced.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/api/server.js';
import { OsvClient, OsvError } from '../src/ingest/osv/osv-client.js';
import { loadDemo } from '../src/services/demo.service.js';
import { VulnService } from '../src/services/vuln.service.js';
import { BACKENDS, notePostgresSkipped, openTestStore, type TestStore } from './helpers/backends.js';
import { startFakeOsv, type FakeOsv } from './helpers/osv-server.js';

notePostgresSkipped();

const dir = new URL('./fixtures/osv-demo/', import.meta.url);
const dumpPath = (name: string) => new URL(name, dir).pathname;
const record = (name: string) =>
  JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as { id: string; modified: string };
const LOG4SHELL = record('GHSA-jfh8-c2jp-5v3q.json');
const JDBC = record('GHSA-8489-44mv-ggj8.json');
/** A record of another package, so the server has something not to answer. */
const OTHER = {
  id: 'GHSA-test-0000-0000',
  modified: '2024-01-01T00:00:00Z',
  affected: [
    { package: { ecosystem: 'npm', name: 'left-pad' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] },
  ],
};

describe('OSV client against a local OSV API', () => {
  let osv: FakeOsv;
  beforeAll(async () => {
    osv = await startFakeOsv([LOG4SHELL, JDBC, OTHER], 1);
  });
  afterAll(() => osv.close());

  const log4j = { package: { purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1' } };
  const leftPad = { package: { ecosystem: 'npm', name: 'left-pad' }, version: '1.3.0' };
  const none = { package: { ecosystem: 'PyPI', name: 'requests' }, version: '2.31.0' };

  it('follows next_page_token until each query has all its ids', async () => {
    osv.log.length = 0;
    const client = new OsvClient({ baseUrl: osv.url });
    const ids = await client.queryBatch([log4j, leftPad, none]);
    expect(ids.map((l) => l.map((v) => v.id).sort())).toEqual([[JDBC.id, LOG4SHELL.id].sort(), [OTHER.id], []]);
    // One page per request: the second request asks again, with a token, only for log4j-core.
    expect(osv.log).toEqual([
      { method: 'POST', path: '/v1/querybatch', queries: 3, pageTokens: 0 },
      { method: 'POST', path: '/v1/querybatch', queries: 1, pageTokens: 1 },
    ]);
  });

  it('splits queries into batches of the configured size', async () => {
    osv.log.length = 0;
    const client = new OsvClient({ baseUrl: osv.url, batchSize: 2 });
    const ids = await client.queryBatch([leftPad, none, leftPad]);
    expect(ids.map((l) => l.length)).toEqual([1, 0, 1]);
    expect(osv.log.map((l) => l.queries)).toEqual([2, 1]);
  });

  it('retries 503 answers and then succeeds; a 404 is not retried', async () => {
    const client = new OsvClient({ baseUrl: osv.url, backoffMs: 1 });
    osv.failNext(503, 2);
    expect(await client.getVulnerability(LOG4SHELL.id)).toMatchObject({ id: LOG4SHELL.id });
    osv.log.length = 0;
    await expect(client.getVulnerability('GHSA-none')).rejects.toThrow(/answered 404/);
    expect(osv.log).toHaveLength(1);
  });

  it('gives up after the attempts with the last error', async () => {
    const client = new OsvClient({ baseUrl: osv.url, backoffMs: 1, attempts: 2 });
    osv.failNext(500, 2);
    await expect(client.queryBatch([leftPad])).rejects.toThrow(OsvError);
  });
});

describe.each(BACKENDS)('vulnerabilities of the demo register on %s', (backend) => {
  let store: TestStore;
  let app: FastifyInstance;
  let osv: FakeOsv;
  const base = '/api/orgs/voorbeeldstad';

  beforeAll(async () => {
    store = await openTestStore(backend);
    await loadDemo(store);
    osv = await startFakeOsv([LOG4SHELL, JDBC, OTHER], 1);
    app = await buildServer({ store, osvUrl: osv.url });
  });
  afterAll(async () => {
    await app.close();
    await osv.close();
    await store.dispose();
  });

  it('refuses a broken dump and a dump with an invalid record, writing nothing', async () => {
    const vulns = new VulnService(store);
    await expect(vulns.importDump(dumpPath('truncated.zip'))).rejects.toThrow(/truncated\.zip/);
    await expect(vulns.importDump(dumpPath('bad-record.zip'))).rejects.toThrow(/NO-ID-1\.json/);
    expect(await vulns.storedCount()).toBe(0);
  });

  it('leaves the store unchanged when the OSV API fails during a sync', async () => {
    const vulns = new VulnService(store);
    osv.failNext(500, 10);
    await expect(
      vulns.sync('voorbeeldstad', { client: new OsvClient({ baseUrl: osv.url, backoffMs: 1, attempts: 2 }) }),
    ).rejects.toThrow(OsvError);
    osv.failNext(200, 0);
    expect(await vulns.storedCount()).toBe(0);
    expect((await app.inject({ url: `${base}/findings` })).json()).toEqual([]);
  });

  it('syncs through the API and finds Log4Shell in exactly the asset with log4j-core 2.14.1', async () => {
    const res = await app.inject({ method: 'POST', url: `${base}/vulnerabilities/sync` });
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json() as { queried: number; vulnerabilities: number; fetched: number; findings: number };
    expect(summary.vulnerabilities).toBe(2);
    expect(summary.fetched).toBe(2);
    const findings = (await app.inject({ url: `${base}/findings` })).json() as {
      assetId: string;
      component: { name: string; version: string };
      vulnerability: { id: string; aliases: string[] };
    }[];
    expect(findings.map((f) => [f.assetId, f.component.name, f.component.version, f.vulnerability.id])).toEqual([
      ['parkeer-app', 'log4j-core', '2.14.1', JDBC.id],
      ['parkeer-app', 'log4j-core', '2.14.1', LOG4SHELL.id],
    ]);
    expect(findings.find((f) => f.vulnerability.id === LOG4SHELL.id)!.vulnerability.aliases).toEqual([
      'CVE-2021-44228',
    ]);
    expect(summary.findings).toBe(2);
  });

  it('fetches only what changed on the next sync', async () => {
    osv.log.length = 0;
    const r = await new VulnService(store).sync('voorbeeldstad', { client: new OsvClient({ baseUrl: osv.url }) });
    expect(r.fetched).toBe(0);
    expect(osv.log.filter((l) => l.method === 'GET')).toEqual([]);
  });

  it('re-makes the findings when the asset gets a new SBOM', async () => {
    const fixed = {
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      version: 1,
      components: [
        {
          'bom-ref': 'log4j-core',
          type: 'library',
          group: 'org.apache.logging.log4j',
          name: 'log4j-core',
          version: '2.17.1',
          purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1',
        },
      ],
    };
    // The demo's dependency on the old log4j-core component would dangle; it goes first.
    const del = await app.inject({
      method: 'DELETE',
      url: `${base}/dependencies/parkeer-app--parkeer.log4j-core-2.14.1`,
    });
    expect(del.statusCode, del.body).toBe(204);
    const res = await app.inject({
      method: 'PUT',
      url: `${base}/assets/parkeer-app/sbom?file=fixed.cdx.json`,
      payload: JSON.stringify(fixed),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ findings: 0 });
    expect((await app.inject({ url: `${base}/findings?asset=parkeer-app` })).json()).toEqual([]);
  });
});

describe.each(BACKENDS)('offline OSV dump on %s', (backend) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(backend);
    await loadDemo(store);
  });
  afterAll(() => store.dispose());

  it('imports all.zip and finds what the online sync finds', async () => {
    const vulns = new VulnService(store);
    const steps: number[] = [];
    const r = await vulns.importDump(dumpPath('all.zip'), { onProgress: (_s, done) => steps.push(done) });
    expect(r).toEqual({ records: 2, withdrawn: 0, packages: 2 });
    expect(steps).toEqual([1, 2]);
    const findings = await vulns.findings('voorbeeldstad');
    expect(findings.map((f) => [f.assetId, f.vulnerability.id])).toEqual([
      ['parkeer-app', JDBC.id],
      ['parkeer-app', LOG4SHELL.id],
    ]);
    expect(findings[1]!.reason).toMatch(/2\.14\.1/);
  });

  it('imports a folder of records the same way, replacing what it had', async () => {
    const vulns = new VulnService(store);
    await vulns.importDump(new URL('.', dir).pathname);
    expect(await vulns.storedCount()).toBe(2);
    expect((await vulns.findings('voorbeeldstad', 'koppelvlak')).length).toBe(0);
  });
});
