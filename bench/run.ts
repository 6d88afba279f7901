/**
 * `npm run bench [-- name…]`: runs the benchmarks, prints each as a ratio against its baseline
 * measured in the same run, and writes bench/out/results.json.
 *   STAPEL_BENCH_DATABASE_URL  PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_ROWS                 rows for the bulk-load benchmark (default 1,000,000)
 *   BENCH_SBOM_COMPONENTS      components of the generated SBOM for sbom-ingest (default 100,000)
 *                              and sbom-memory (default 300,000)
 * Benchmarks: bulk-load, risk-recompute, risk-recompute-random, scenario, sbom-ingest (SBOM import
 * into PostgreSQL against JSON.parse + COPY of the same rows), sbom-memory (peak RSS of an SBOM
 * import in a child process, PostgreSQL and the embedded store), sbom-search (portfolio component
 * search on 1M occurrences, p95), api-dashboard (the dashboard's API calls under 50 concurrent
 * clients, p99, on the demo and a 10k-asset register), register-import (a 10k-row CSV import with
 * free-text suppliers against csv-parse + insert of the same records; BENCH_IMPORT_ROWS).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { bulkLoadBenchmark } from './bulk-load.bench.js';
import { report, type Measurement } from './harness.js';
import { riskRecomputeBenchmark } from './risk-recompute.bench.js';
import { scenarioBenchmark } from './scenario.bench.js';
import { sbomIngestBenchmark } from './sbom-ingest.bench.js';
import { sbomMemoryBenchmark } from './sbom-memory.bench.js';
import { sbomSearchBenchmark } from './sbom-search.bench.js';
import { apiDashboardBenchmark } from './api-dashboard.bench.js';
import { registerImportBenchmark } from './register-import.bench.js';

const databaseUrl = process.env.STAPEL_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const sbomComponents = (fallback: number) => Number(process.env.BENCH_SBOM_COMPONENTS ?? fallback);
const BENCHMARKS: Record<string, () => Promise<Measurement>> = {
  'bulk-load': () => bulkLoadBenchmark(databaseUrl, Number(process.env.BENCH_ROWS ?? 1_000_000), 2),
  'risk-recompute': () => riskRecomputeBenchmark('layered'),
  'risk-recompute-random': () => riskRecomputeBenchmark('random'),
  scenario: () => scenarioBenchmark(),
  'sbom-ingest': () => sbomIngestBenchmark(databaseUrl, sbomComponents(100_000)),
  'sbom-memory': () => sbomMemoryBenchmark(databaseUrl, sbomComponents(300_000)),
  'sbom-search': () => sbomSearchBenchmark(databaseUrl, Number(process.env.BENCH_ROWS ?? 1_000_000)),
  'api-dashboard': () => apiDashboardBenchmark(databaseUrl),
  'register-import': () => registerImportBenchmark(databaseUrl, Number(process.env.BENCH_IMPORT_ROWS ?? 10_000)),
};

const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = chosen.length ? chosen : Object.keys(BENCHMARKS);
const results: Measurement[] = [];
for (const name of names) {
  const run = BENCHMARKS[name];
  if (!run) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHMARKS).join(', ')}`);
    process.exit(2);
  }
  console.log(`running ${name} …`);
  const m = await run();
  report(m);
  if (m.extra)
    for (const [key, value] of Object.entries(m.extra))
      console.log(`  ${key}: ${typeof value === 'number' ? value.toLocaleString('en') : value}`);
  results.push(m);
}
mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./out/results.json', import.meta.url),
  JSON.stringify({ at: new Date().toISOString(), results }, null, 2),
);
process.exitCode = results.every((r) => r.pass !== false) ? 0 : 1;
