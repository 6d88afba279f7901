/**
 * Bulk load of components through the store's bulk path (records → COPY text → COPY FROM STDIN in
 * a store transaction) against a bare COPY of the same rows, pre-encoded, into a table of the
 * same shape and indexes, in the same run.
 */
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ComponentRecord } from '../src/domain/index.js';
import { COMPONENT_COPY_COLUMNS, componentCopyLines, copyComponents } from '../src/store/component.repository.js';
import { openStore } from '../src/store/database.js';
import { benchDatabase, compare, type Measurement } from './harness.js';

const ECOSYSTEMS = ['npm', 'maven', 'pypi', 'golang', 'nuget'] as const;

/** Components like those SBOMs bring: purl, version, licences, a hash, a few dependencies. */
export function generateComponents(count: number, assets: number): ComponentRecord[] {
  const at = new Date().toISOString();
  const provenance = { method: 'imported' as const, source: 'bench', at };
  const out: ComponentRecord[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const eco = ECOSYSTEMS[i % ECOSYSTEMS.length]!;
    const name = `lib-${(i * 7919) % 50_000}`;
    const version = `${i % 7}.${i % 13}.${i % 31}`;
    out[i] = {
      id: `c${i}`,
      revision: 1,
      createdAt: at,
      updatedAt: at,
      provenance,
      assetId: `asset-${i % assets}`,
      name,
      version,
      purl: `pkg:${eco}/${eco === 'maven' ? 'org.example/' : ''}${name}@${version}`,
      supplier: i % 3 ? `Supplier ${i % 97}` : undefined,
      licences: i % 4 ? ['MIT'] : ['Apache-2.0', 'BSD-3-Clause'],
      hashes: [{ alg: 'SHA-256', content: (i * 2654435761).toString(16).padStart(16, '0').repeat(4) }],
      dependsOn: i > 0 && i % 5 ? [`c${i - 1}`] : [],
    } as ComponentRecord;
  }
  return out;
}

export async function bulkLoadBenchmark(databaseUrl: string, rows: number, rounds: number): Promise<Measurement> {
  const { url, drop } = await benchDatabase(databaseUrl);
  const store = await openStore({ databaseUrl: url });
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  try {
    await raw.query('CREATE TABLE components_baseline (LIKE components INCLUDING ALL)');
    const components = generateComponents(rows, 200);
    // The baseline gets the rows already encoded and joined into 256 KiB chunks: the cheapest COPY.
    const encoded: string[] = [];
    let chunk = '';
    for (const line of componentCopyLines('bench', components)) {
      chunk += line;
      if (chunk.length >= 262_144) {
        encoded.push(chunk);
        chunk = '';
      }
    }
    if (chunk) encoded.push(chunk);
    const columns = COMPONENT_COPY_COLUMNS.map((c) => `"${c}"`).join(', ');
    const { baselineMs, candidateMs } = await compare({
      rounds,
      prepare: async () => {
        await raw.query('TRUNCATE components, components_baseline');
        await raw.query('CHECKPOINT');
      },
      baseline: () =>
        pipeline(Readable.from(encoded), raw.query(copyFrom(`COPY components_baseline (${columns}) FROM STDIN`))),
      candidate: () => store.transaction((tx) => copyComponents(tx, 'bench', components)),
    });
    const loaded = await raw.query('SELECT count(*)::int AS n FROM components');
    if (loaded.rows[0].n !== rows) throw new Error(`bulk path loaded ${loaded.rows[0].n} rows, expected ${rows}`);
    return {
      name: 'bulk load of components into PostgreSQL (store bulk path vs bare COPY)',
      detail: `${rows.toLocaleString('en')} rows, best of ${rounds}`,
      baselineMs,
      candidateMs,
      ratio: candidateMs / baselineMs,
      goal: 1.5,
      pass: candidateMs / baselineMs <= 1.5,
      extra: {
        rowsPerSecond: Math.round(rows / (candidateMs / 1000)),
        baselineRowsPerSecond: Math.round(rows / (baselineMs / 1000)),
      },
    };
  } finally {
    await raw.end();
    await store.close();
    await drop();
  }
}
