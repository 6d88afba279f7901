/**
 * Portfolio component search ("which assets, and which processes, contain package X") on a million
 * component occurrences in PostgreSQL: the SBOM service's search — index lookup, record mapping and
 * the walk from each asset up to the processes that need it — against the bare indexed SQL lookup
 * of the same rows, in the same run. Three queries: a package in any version, one exact version,
 * and a package with a version range.
 */
import pg from 'pg';
import { RegisterService } from '../src/services/register.service.js';
import { SbomService } from '../src/services/sbom.service.js';
import { copyComponents } from '../src/store/component.repository.js';
import { openStore } from '../src/store/database.js';
import { generateComponents } from './bulk-load.bench.js';
import { benchDatabase, compare, type Measurement } from './harness.js';

const ORG = 'bench';
const ASSETS = 200;
const actor = { actor: 'bench' };

export async function sbomSearchBenchmark(databaseUrl: string, rows = 1_000_000): Promise<Measurement> {
  const { url, drop } = await benchDatabase(databaseUrl);
  const store = await openStore({ databaseUrl: url });
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  try {
    const register = new RegisterService(store);
    await register.createOrganisation({ id: ORG, name: 'Benchmark' }, actor);
    // 200 assets, 20 processes each needing 10 of them, so every hit has processes to find.
    for (let a = 0; a < ASSETS; a++)
      await register.create(
        'asset',
        ORG,
        { id: `asset-${a}`, name: `Asset ${a}`, type: 'application', layers: ['applications'] },
        actor,
      );
    for (let p = 0; p < 20; p++) {
      await register.create('process', ORG, { id: `process-${p}`, name: `Process ${p}`, vital: p % 2 === 0 }, actor);
      for (let k = 0; k < 10; k++)
        await register.create(
          'dependency',
          ORG,
          { id: `d-${p}-${k}`, from: `process:process-${p}`, to: `asset:asset-${p * 10 + k}`, relation: 'uses' },
          actor,
        );
    }
    const generated = generateComponents(rows, ASSETS);
    await store.transaction((tx) => copyComponents(tx, ORG, generated));
    // Queries for packages the data holds, from three places in it.
    const pkg = (i: number) => generated[i]!.purl!.replace(/@.*$/, '');
    await raw.query('ANALYZE components');
    const sboms = new SbomService(store);
    const queries = [
      { label: 'any version', query: { purl: pkg(Math.floor(rows / 2)) } },
      { label: 'one version', query: { purl: generated[Math.floor(rows / 3)]!.purl! } },
      { label: 'range', query: { purl: pkg(Math.floor(rows / 4)), range: '>=0.0.0 <5.0.0' } },
    ];
    const bare = (q: { purl: string }) =>
      raw.query(
        `SELECT * FROM components WHERE org_id = $1 AND regexp_replace(purl, '[@?#].*$', '') = $2` +
          (q.purl.includes('@') ? ' AND version = $3' : ''),
        q.purl.includes('@') ? [ORG, q.purl.replace(/@.*$/, ''), q.purl.replace(/^.*@/, '')] : [ORG, q.purl],
      );
    const extra: Record<string, string | number> = {};
    let baselineTotal = 0;
    let worstP95 = 0;
    let candidateTotal = 0;
    for (const { label, query } of queries) {
      const hits = await sboms.search(ORG, query);
      if (!hits.length) throw new Error(`search "${label}" found nothing`);
      const { baselineMs, candidateMs } = await compare({
        rounds: 20,
        warmup: 3,
        baseline: () => bare(query),
        candidate: () => sboms.search(ORG, query),
      });
      // The goal is on the 95th percentile of single searches, one after another.
      const times: number[] = [];
      for (let i = 0; i < 200; i++) {
        const t0 = process.hrtime.bigint();
        await sboms.search(ORG, query);
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      times.sort((a, b) => a - b);
      const p95 = times[Math.ceil(0.95 * times.length) - 1]!;
      worstP95 = Math.max(worstP95, p95);
      extra[`${label} p95 ms`] = Number(p95.toFixed(2));
      extra[`${label} (hits)`] = hits.length;
      extra[`${label} best ms`] = Number(candidateMs.toFixed(2));
      extra[`${label} bare ms`] = Number(baselineMs.toFixed(2));
      baselineTotal += baselineMs;
      candidateTotal += candidateMs;
    }
    return {
      name: 'portfolio component search on PostgreSQL (service search vs bare index lookup; goal: p95 < 20 ms per query)',
      detail: `${rows.toLocaleString('en')} component occurrences on ${ASSETS} assets, 3 queries, best of 20 each`,
      baselineMs: baselineTotal,
      candidateMs: candidateTotal,
      ratio: candidateTotal / baselineTotal,
      // The goal is absolute (DESIGN.md): p95 < 20 ms for each query.
      pass: worstP95 < 20,
      extra,
    };
  } finally {
    await raw.end();
    await store.close();
    await drop();
  }
}
