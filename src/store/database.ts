/**
 * Opens the store: embedded PGlite (data in a local folder) by default, PostgreSQL when a URL is
 * given. Both run the same checked-in migrations and are reached through the same Drizzle API; the
 * only dialect-specific code is how a transaction is opened and how COPY receives its rows.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A connection inside an open transaction. */
export interface Tx {
  db: Db;
  /**
   * Bulk-loads rows with COPY … FROM STDIN (text format). `lines` yields already encoded lines
   * (see encodeCopyRow), each ending in "\n".
   */
  copy(table: string, columns: readonly string[], lines: Iterable<string> | AsyncIterable<string>): Promise<void>;
}

export interface Store {
  dialect: 'pglite' | 'postgres';
  /** Where the data lives: a folder, ":memory:" or the database URL without password. */
  location: string;
  /** For reads outside a transaction. */
  db: Db;
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL connection string; when absent the embedded store is used. */
  databaseUrl?: string;
  /** Folder of the embedded store; ":memory:" keeps it in memory. */
  dataDir?: string;
}

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export async function openStore(options: StoreOptions = {}): Promise<Store> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir ?? './data');
}

async function openPostgres(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => {
    /* an idle client lost its connection; the next query reports it */
  });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  try {
    await migratePg(drizzlePg({ client: pool }), { migrationsFolder: MIGRATIONS });
  } catch (err) {
    await pool.end();
    throw new Error(`cannot open PostgreSQL at ${redact(url)}: ${(err as Error).message}`, { cause: err });
  }
  return {
    dialect: 'postgres',
    location: redact(url),
    db,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Tx = {
          db: drizzlePg({ client, schema }) as unknown as Db,
          async copy(table, columns, lines) {
            const sink = client.query(
              copyFrom(`COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN`),
            );
            await pipeline(Readable.from(inChunks(lines)), sink);
          },
        };
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string): Promise<Store> {
  const inMemory = dataDir === ':memory:';
  const folder = inMemory ? undefined : resolve(dataDir);
  const releaseLock = folder ? lockDataDir(folder) : () => undefined;
  let client: PGlite;
  try {
    client = await PGlite.create(folder ? folder : undefined);
    await migratePglite(drizzlePglite({ client }), { migrationsFolder: MIGRATIONS });
  } catch (err) {
    releaseLock();
    throw new Error(`cannot open the embedded store in ${folder ?? 'memory'}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    dialect: 'pglite',
    location: folder ?? ':memory:',
    db,
    transaction(work) {
      return client.transaction(async (t) => {
        const tx: Tx = {
          db: drizzlePglite({ client: t as unknown as PGlite, schema }) as unknown as Db,
          async copy(table, columns, lines) {
            // PGlite reads COPY input from a blob; collecting the text first is its fastest path.
            const parts: string[] = [];
            for await (const line of lines) parts.push(line);
            await t.query(`COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM '/dev/blob'`, [], {
              blob: new Blob(parts),
            });
          },
        };
        return work(tx);
      });
    },
    async close() {
      await client.close();
      releaseLock();
    },
  };
}

/** Joins lines into chunks of about 256 KiB: one stream write per line costs more than the COPY. */
async function* inChunks(lines: Iterable<string> | AsyncIterable<string>): AsyncGenerator<string> {
  let chunk = '';
  for await (const line of lines) {
    chunk += line;
    if (chunk.length >= 262_144) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * PGlite is single-process: two processes opening one folder would corrupt it. A lock file with
 * the owner's pid stops the second one with a clear message.
 */
function lockDataDir(folder: string): () => void {
  mkdirSync(folder, { recursive: true });
  const lock = join(folder, 'stapel.lock');
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid))
      throw new Error(
        `the data folder ${folder} is in use by process ${pid} (a running "stapel serve"?). ` +
          'Stop it first, or run both against PostgreSQL with DATABASE_URL.',
      );
  }
  writeFileSync(lock, String(process.pid));
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    try {
      if (readFileSync(lock, 'utf8').trim() === String(process.pid)) rmSync(lock);
    } catch {
      /* already gone */
    }
  };
  process.once('exit', release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Encodes one row in COPY text format: tab-separated, \N for null, backslash escapes. */
export function encodeCopyRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i) line += '\t';
    const v = values[i];
    if (v === null || v === undefined) line += '\\N';
    else if (typeof v === 'string') line += escapeCopyText(v);
    else line += String(v);
  }
  return line + '\n';
}

const COPY_SPECIAL = /[\\\t\n\r]/;
function escapeCopyText(s: string): string {
  if (!COPY_SPECIAL.test(s)) return s;
  return s.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r');
}

/** Encodes a text[] value as a PostgreSQL array literal (for COPY). */
export function encodeTextArray(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured database';
  }
}
