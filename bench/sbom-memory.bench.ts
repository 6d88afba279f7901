/**
 * Peak memory of an SBOM import: a generated 300k-component CycloneDX 1.5 JSON document is written
 * to a temporary file by one child process, then imported with `SbomService.importSbom` by a fresh
 * one (so the generator's memory does not count), which reports its peak resident set size
 * (`process.resourceUsage().maxRSS`). Goal: ≤ 2 GiB on PostgreSQL; the ratio reported is that
 * peak / 2 GiB (goal ≤ 1). For context, in the same run: the peak of the least work that stores the
 * same rows (read the file, JSON.parse, build the rows, COPY), and both again on the embedded store
 * (PGlite in a temporary folder) unless it does not finish within BENCH_PGLITE_TIMEOUT_S seconds
 * (default 900). Children run with plain `node --import tsx`, V8's default heap limit; then both
 * imports once more with V8's old space capped at 1 GiB (`--max-old-space-size=1024`), since with
 * memory to spare V8 collects late and the uncapped peak includes garbage.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Measurement } from './harness.js';
import { benchDatabase } from './harness.js';

const GiB = 1024 * 1024 * 1024;
const CAPPED_HEAP_MIB = 1024;
const CHILD = fileURLToPath(new URL('./sbom-memory.child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface ChildResult {
  mode: string;
  store?: string;
  components: number;
  stored?: number;
  bytes?: number;
  seconds: number;
  maxRssKiB: number;
  rssBeforeReadKiB?: number;
  sampledPeakMiB: { heapUsed: number; external: number; arrayBuffers: number; rss: number };
}
type Outcome = ChildResult | { failed: string; seconds: number };

/** Runs one step in a child process; its last stdout line is its result. */
function runChild(args: string[], timeoutMs = 3_600_000, nodeFlags: string[] = []): Promise<Outcome> {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', CHILD, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) return resolve(JSON.parse(last) as ChildResult);
      const why = timedOut
        ? `did not finish within ${Math.round(timeoutMs / 1000)} s`
        : `exited with ${signal ?? code}: ${err.trim().split('\n').slice(-3).join(' / ')}`;
      resolve({ failed: why, seconds });
    });
  });
}

const describe = (r: Outcome) =>
  'failed' in r
    ? `failed after ${r.seconds.toFixed(0)} s (${r.failed})`
    : `peak RSS ${(r.maxRssKiB / 1024).toFixed(0)} MiB in ${r.seconds.toFixed(1)} s` +
      ` (before reading the file ${((r.rssBeforeReadKiB ?? 0) / 1024).toFixed(0)} MiB;` +
      ` sampled peaks: V8 heap used ${r.sampledPeakMiB.heapUsed} MiB, external ${r.sampledPeakMiB.external} MiB)`;

export async function sbomMemoryBenchmark(databaseUrl: string, n = 300_000): Promise<Measurement> {
  const dir = mkdtempSync(join(tmpdir(), 'stapel-sbom-memory-'));
  const file = join(dir, 'sbom.cdx.json');
  const { url, drop } = await benchDatabase(databaseUrl);
  const pgliteTimeoutMs = Number(process.env.BENCH_PGLITE_TIMEOUT_S ?? 900) * 1000;
  try {
    const generated = await runChild(['generate', String(n), file]);
    if ('failed' in generated) throw new Error(`generating the SBOM failed: ${generated.failed}`);
    const sizeMB = (generated.bytes ?? 0) / 1e6;
    console.log(`  generated ${n.toLocaleString('en')} components, ${sizeMB.toFixed(0)} MB`);

    const step = async (label: string, args: string[], timeoutMs?: number, nodeFlags?: string[]) => {
      const r = await runChild(args, timeoutMs, nodeFlags);
      if (!('failed' in r) && r.stored !== n) throw new Error(`${label}: stored ${r.stored} components, expected ${n}`);
      console.log(`  ${label}: ${describe(r)}`);
      return r;
    };
    const init = async (args: string[]) => {
      const r = await runChild(['init', ...args]);
      if ('failed' in r) throw new Error(`creating the store failed: ${r.failed}`);
    };
    const pgliteDir = join(dir, 'pglite');
    await init(['postgres', url]);
    await init(['pglite', pgliteDir]);
    const pgImport = await step('import, PostgreSQL', ['import', file, 'postgres', url]);
    const pgBaseline = await step('baseline, PostgreSQL', ['baseline', file, 'postgres', url]);
    const liteImport = await step('import, PGlite', ['import', file, 'pglite', pgliteDir], pgliteTimeoutMs);
    const liteBaseline =
      'failed' in liteImport
        ? liteImport
        : await step('baseline, PGlite', ['baseline', file, 'pglite', pgliteDir], pgliteTimeoutMs);
    // V8 grows its heap lazily when memory is plentiful, so the peaks above include garbage not yet
    // collected. With the old space capped at 1 GiB the same imports show what they need.
    const capped = [`--max-old-space-size=${CAPPED_HEAP_MIB}`];
    const pgCapped = await step(
      'import, PostgreSQL, old space 1 GiB',
      ['import', file, 'postgres', url],
      undefined,
      capped,
    );
    const liteCapped =
      'failed' in liteImport
        ? liteImport
        : await step('import, PGlite, old space 1 GiB', ['import', file, 'pglite', pgliteDir], pgliteTimeoutMs, capped);

    if ('failed' in pgImport) throw new Error(`the import into PostgreSQL failed: ${pgImport.failed}`);
    const peak = pgImport.maxRssKiB * 1024;
    const mib = (r: Outcome) => ('failed' in r ? r.failed : Math.round(r.maxRssKiB / 1024));
    const secs = (r: Outcome) => ('failed' in r ? 'failed' : Number(r.seconds.toFixed(1)));
    return {
      name: 'SBOM import peak memory (peak RSS of the importing process / 2 GiB)',
      detail:
        `${n.toLocaleString('en')} components, ${sizeMB.toFixed(0)} MB CycloneDX 1.5 JSON into PostgreSQL; ` +
        `ratio = peak RSS ${Math.round(peak / 1024 / 1024)} MiB / 2048 MiB; times are the import's, the baseline's ` +
        `(read, JSON.parse, rows, COPY) peak is ${mib(pgBaseline)} MiB`,
      baselineMs: 'failed' in pgBaseline ? NaN : pgBaseline.seconds * 1000,
      candidateMs: pgImport.seconds * 1000,
      ratio: peak / (2 * GiB),
      goal: 1,
      pass: peak <= 2 * GiB,
      extra: {
        components: n,
        fileMB: Number(sizeMB.toFixed(1)),
        'PostgreSQL import: peak RSS MiB': mib(pgImport),
        'PostgreSQL import: seconds': secs(pgImport),
        'PostgreSQL import: sampled peak V8 heap used MiB': pgImport.sampledPeakMiB.heapUsed,
        'PostgreSQL baseline: peak RSS MiB': mib(pgBaseline),
        'PostgreSQL baseline: seconds': secs(pgBaseline),
        'PGlite import: peak RSS MiB': mib(liteImport),
        'PGlite import: seconds': secs(liteImport),
        'PGlite import: within 2 GiB':
          'failed' in liteImport ? 'n/a' : liteImport.maxRssKiB * 1024 <= 2 * GiB ? 'yes' : 'NO',
        'PGlite baseline: peak RSS MiB': mib(liteBaseline),
        'PGlite baseline: seconds': secs(liteBaseline),
        'PostgreSQL import, old space 1 GiB: peak RSS MiB': mib(pgCapped),
        'PostgreSQL import, old space 1 GiB: seconds': secs(pgCapped),
        'PGlite import, old space 1 GiB: peak RSS MiB': mib(liteCapped),
        'PGlite import, old space 1 GiB: seconds': secs(liteCapped),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await drop();
  }
}
