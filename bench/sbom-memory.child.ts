/**
 * One step of the sbom-memory benchmark, in a process of its own so that its peak resident set
 * size is its own (started by bench/sbom-memory.bench.ts; no special node flags):
 *   generate <components> <file>          writes the generated CycloneDX JSON to <file>
 *   init postgres|pglite <target>         creates the store (schema), the organisation and the asset
 *   import <file> postgres <databaseUrl>  reads <file> and imports it with SbomService
 *   import <file> pglite <dataDir>        the same into the embedded store in <dataDir>
 *   baseline <file> postgres|pglite <…>   reads <file>, JSON.parse, the same rows, COPY
 * import and baseline open the store made by init (a first open of a new PGlite folder runs initdb
 * and costs ~800 MiB by itself, which is not the import's) and empty its components table. The
 * last line of stdout is the result as JSON,
 * with `maxRssKiB` from process.resourceUsage() (the peak over the whole process).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { copyComponents } from '../src/store/component.repository.js';
import { openStore } from '../src/store/database.js';
import {
  BENCH_ASSET,
  BENCH_FILE,
  BENCH_ORG,
  componentRowsFromCycloneDx,
  ensureBenchAsset,
  generateCycloneDx,
} from './sbom-fixture.js';

const MiB = 1024 * 1024;
const [mode, ...args] = process.argv.slice(2);
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

// What V8 and the buffers outside its heap hold at their highest, sampled every 50 ms (samples
// are taken only when the event loop turns, so long synchronous steps are seen at their ends).
const peak = { heapUsed: 0, external: 0, arrayBuffers: 0, rss: 0 };
const sample = () => {
  const m = process.memoryUsage();
  peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  peak.external = Math.max(peak.external, m.external);
  peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
  peak.rss = Math.max(peak.rss, m.rss);
};
setInterval(sample, 50).unref();

function done(result: Record<string, unknown>): void {
  sample();
  const mib = (bytes: number) => Math.round(bytes / MiB);
  console.log(
    JSON.stringify({
      ...result,
      maxRssKiB: process.resourceUsage().maxRSS,
      sampledPeakMiB: {
        heapUsed: mib(peak.heapUsed),
        external: mib(peak.external),
        arrayBuffers: mib(peak.arrayBuffers),
        rss: mib(peak.rss),
      },
    }),
  );
}

if (mode === 'generate') {
  const [count, file] = args as [string, string];
  const start = process.hrtime.bigint();
  const text = generateCycloneDx(Number(count));
  writeFileSync(file, text);
  done({ mode, components: Number(count), bytes: Buffer.byteLength(text), seconds: seconds(start) });
} else if (mode === 'init') {
  const [kind, target] = args as ['postgres' | 'pglite', string];
  const start = process.hrtime.bigint();
  const store = await openStore(kind === 'postgres' ? { databaseUrl: target } : { dataDir: target });
  await ensureBenchAsset(store);
  await store.close();
  done({ mode, store: kind, components: 0, seconds: seconds(start) });
} else if (mode === 'import' || mode === 'baseline') {
  const [file, kind, target] = args as [string, 'postgres' | 'pglite', string];
  const openStart = process.hrtime.bigint();
  const store = await openStore(kind === 'postgres' ? { databaseUrl: target } : { dataDir: target });
  await store.db.execute(sql`TRUNCATE components`);
  const openSeconds = seconds(openStart);
  const beforeKiB = Math.round(process.memoryUsage().rss / 1024);
  const start = process.hrtime.bigint();
  // Loaded before the file is read: the baseline does not load the importer's code at all.
  const { SbomService } =
    mode === 'import' ? await import('../src/services/sbom.service.js') : { SbomService: undefined };
  let text = readFileSync(file, 'utf8');
  let components: number;
  // Both sides let go of the text once it is parsed, as the CLI does.
  if (SbomService) {
    const pending = new SbomService(store).importSbom(BENCH_ORG, BENCH_ASSET, text, {
      file: BENCH_FILE,
      actor: 'bench',
    });
    text = '';
    components = (await pending).components;
  } else {
    const parsed: unknown = JSON.parse(text);
    text = '';
    const rows = componentRowsFromCycloneDx(
      parsed as Parameters<typeof componentRowsFromCycloneDx>[0],
      BENCH_ASSET,
      BENCH_FILE,
    );
    await store.transaction((tx) => copyComponents(tx, BENCH_ORG, rows));
    components = rows.length;
  }
  const took = seconds(start);
  const stored = await store.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM components`);
  const rowsOf = (r: unknown) => ((r as { rows?: { n: number }[] }).rows ?? (r as { n: number }[]))[0]?.n;
  await store.close();
  done({
    mode,
    store: kind,
    components,
    stored: rowsOf(stored),
    seconds: took,
    openSeconds,
    rssBeforeReadKiB: beforeKiB,
  });
} else {
  console.error(
    'usage: sbom-memory.child.ts generate <n> <file> | init <kind> <target> | import|baseline <file> <kind> <target>',
  );
  process.exit(2);
}
