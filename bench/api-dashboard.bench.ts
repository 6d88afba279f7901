/**
 * The API endpoints the web UI's dashboard calls, under 50 concurrent clients, on the demo register
 * and on a generated register of 10k assets and 100k dependencies in PostgreSQL. Stapel runs as
 * its own process (`stapel serve`), so client and server do not share an event loop. The goal is
 * absolute (p99 < 100 ms, DESIGN.md); the baseline — the health endpoint under the same load —
 * is the floor the server and client add, measured in the same run. Each client behaves like a
 * browser: it accepts gzip and revalidates what it holds with If-None-Match, so a dashboard that
 * is opened again gets 304 for an unchanged analysis.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { BACKUP_FORMAT, BACKUP_VERSION, backupSchema, type Backup } from '../src/domain/index.js';
import { BackupService } from '../src/services/backup.service.js';
import { loadDemo } from '../src/services/demo.service.js';
import { openStore } from '../src/store/database.js';
import { benchDatabase, type Measurement } from './harness.js';
import { generateRegister } from './risk-recompute.bench.js';

const BIN = fileURLToPath(new URL('../bin/stapel.js', import.meta.url));
const CLIENTS = 50;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/**
 * One GET as a browser sends it: accepting gzip and, when `cache` holds the path's entity tag from
 * an earlier answer, asking with If-None-Match. Resolves with the milliseconds it took, the body
 * read to the end.
 */
function get(agent: Agent, port: number, path: string, cache?: Map<string, string>): Promise<number> {
  const start = process.hrtime.bigint();
  const etag = cache?.get(path);
  const headers = { 'accept-encoding': 'gzip', ...(etag ? { 'if-none-match': etag } : {}) };
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode !== 200 && res.statusCode !== 304)
          reject(new Error(`GET ${path} answered ${res.statusCode}`));
        else {
          if (res.statusCode === 304) notModified++;
          const tag = res.headers.etag;
          if (cache && typeof tag === 'string') cache.set(path, tag);
          resolve(Number(process.hrtime.bigint() - start) / 1e6);
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}
let notModified = 0;

/** `clients` loops, each sending `perClient` requests over `paths` in turn; every latency. */
async function load(
  port: number,
  paths: readonly string[],
  clients: number,
  perClient: number,
): Promise<{ all: number[]; byPath: Map<string, number[]> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const all: number[] = [];
  const byPath = new Map<string, number[]>(paths.map((p) => [p, []]));
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      // Each client keeps its own HTTP cache of entity tags, as each browser does.
      const cache = new Map<string, string>();
      for (let i = 0; i < perClient; i++) {
        const path = paths[(c + i) % paths.length]!;
        const t = await get(agent, port, path, cache);
        all.push(t);
        byPath.get(path)!.push(t);
      }
    }),
  );
  agent.destroy();
  for (const list of byPath.values()) list.sort((a, b) => a - b);
  return { all: all.sort((a, b) => a - b), byPath };
}

const pct = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** A backup document holding a generated register, so it loads through the normal import. */
function generatedBackup(id: string, assets: number, dependencies: number): Backup {
  const r = generateRegister(assets, dependencies);
  const at = '2026-01-01T00:00:00.000Z';
  // Through the backup schema, so every record gets its defaults as an import would give them.
  return backupSchema.parse({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    organisation: {
      id,
      name: `Generated ${assets}`,
      kind: 'municipality',
      country: 'NL',
      revision: 1,
      createdAt: at,
      updatedAt: at,
      provenance: { method: 'imported', at },
    },
    records: {
      processes: [...r.processes],
      parties: [...r.parties],
      products: [...r.products],
      assets: [...r.assets],
      components: [],
      dependencies: [...r.dependencies],
      contracts: [],
      'exit-plans': [...r.exitPlans],
      measures: [],
    },
    kbEntries: [],
  }) as unknown as Backup;
}

export async function apiDashboardBenchmark(databaseUrl: string): Promise<Measurement> {
  const { url, drop } = await benchDatabase(databaseUrl);
  let server: ChildProcess | undefined;
  try {
    const store = await openStore({ databaseUrl: url });
    await loadDemo(store);
    await new BackupService(store).importBackup(generatedBackup('groot', 10_000, 100_000), {
      actor: 'bench',
      source: 'generated',
    });
    await store.close();
    const port = await freePort();
    server = spawn(process.execPath, [BIN, 'serve', '--no-demo', '--port', String(port)], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let i = 0; ; i++) {
      try {
        await get(new Agent(), port, '/api/health');
        break;
      } catch (error) {
        if (i > 300) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const dashboard = (org: string, asset: string) => [
      '/api/orgs',
      '/api/vocabularies',
      `/api/orgs/${org}/analysis/summary`,
      `/api/orgs/${org}/assets?limit=50`,
      `/api/orgs/${org}/analysis/assets/${asset}`,
      `/api/orgs/${org}/processes?limit=50`,
    ];
    const extra: Record<string, number> = {};
    let worst = 0;
    let health = Infinity;
    for (const [label, org, asset] of [
      ['demo', 'voorbeeldstad', 'm365-exchange'],
      ['10k', 'groot', 'asset-42'],
    ] as const) {
      const paths = dashboard(org, asset);
      // Warm-up: the first analysis of a register is computed once, then reused until it changes.
      for (const p of paths) await get(new Agent(), port, p);
      // And a short load, so the server's code is compiled by the JIT before anything is timed.
      await load(port, [...paths, '/api/health'], 10, 30);
      const h = (await load(port, ['/api/health'], CLIENTS, 40)).all;
      notModified = 0;
      const { all: t, byPath } = await load(port, paths, CLIENTS, 40);
      extra[`${label} answered 304 (client cache)`] = notModified;
      for (const [path, list] of byPath)
        extra[`${label} p99 ms ${path.replace(`/api/orgs/${org}`, '')}`] = Number(pct(list, 99).toFixed(1));
      extra[`${label} p50 ms`] = Number(pct(t, 50).toFixed(1));
      extra[`${label} p95 ms`] = Number(pct(t, 95).toFixed(1));
      extra[`${label} p99 ms`] = Number(pct(t, 99).toFixed(1));
      extra[`${label} health p99 ms`] = Number(pct(h, 99).toFixed(1));
      worst = Math.max(worst, pct(t, 99));
      health = Math.min(health, pct(h, 99));
    }
    return {
      name: 'dashboard API under 50 concurrent clients (p99; baseline: health endpoint p99)',
      detail: `6 endpoints, 2,000 requests per register, demo and 10k assets / 100k dependencies on PostgreSQL; goal p99 < 100 ms`,
      baselineMs: health,
      candidateMs: worst,
      ratio: worst / health,
      pass: worst < 100,
      extra,
    };
  } finally {
    server?.kill();
    await drop();
  }
}
