/**
 * A small benchmark harness: each benchmark measures a candidate against a baseline doing the
 * same work in the same run, alternating the two so drift hits both, and reports the best time of
 * each and their ratio. Absolute times are information; the ratio is what a goal is checked on.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface Measurement {
  name: string;
  detail: string;
  baselineMs: number;
  candidateMs: number;
  ratio: number;
  goal?: number;
  pass?: boolean;
  extra?: Record<string, string | number>;
}

export async function timeMs(work: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs baseline and candidate `rounds` times each, alternating, after `prepare` before each run. */
export async function compare(options: {
  rounds: number;
  /** Rounds run first and not counted, so both sides are compiled by the JIT before timing. */
  warmup?: number;
  prepare?: () => Promise<void>;
  baseline: () => Promise<unknown>;
  candidate: () => Promise<unknown>;
}): Promise<{ baselineMs: number; candidateMs: number }> {
  for (let i = 0; i < (options.warmup ?? 0); i++) {
    await options.prepare?.();
    await options.baseline();
    await options.prepare?.();
    await options.candidate();
  }
  let baselineMs = Infinity;
  let candidateMs = Infinity;
  for (let i = 0; i < options.rounds; i++) {
    await options.prepare?.();
    baselineMs = Math.min(baselineMs, await timeMs(options.baseline));
    await options.prepare?.();
    candidateMs = Math.min(candidateMs, await timeMs(options.candidate));
  }
  return { baselineMs, candidateMs };
}

export function report(m: Measurement): void {
  const goal = m.goal === undefined ? 'goal' : `goal ≤ ${m.goal}×`;
  const verdict = m.pass === undefined ? '' : m.pass ? `  ${goal}: met` : `  ${goal}: NOT MET`;
  console.log(
    `${m.name}: ${m.ratio.toFixed(2)}× baseline  (candidate ${m.candidateMs.toFixed(0)} ms, baseline ${m.baselineMs.toFixed(0)} ms; ${m.detail})${verdict}`,
  );
}

/** A deterministic pseudo-random integer in [0, n) (xorshift), so generated inputs are the same every run. */
export function xorshift(seed = 42): (n: number) => number {
  let s = seed;
  return (n) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return Math.abs(s) % n;
  };
}

/** A new, empty database on the benchmark's PostgreSQL server; `drop` removes it. */
export async function benchDatabase(databaseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const dbName = `stapel_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.pathname = `/${dbName}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await client.end();
    },
  };
}
