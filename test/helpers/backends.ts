/**
 * The stores a database test runs against: embedded PGlite always, PostgreSQL when
 * STAPEL_TEST_DATABASE_URL names a server (each test store gets a fresh database there, dropped
 * afterwards). In CI (CI=true) PostgreSQL is required, so its tests never skip there.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { it } from 'vitest';
import { openStore, type Store } from '../../src/store/database.js';

export type Backend = 'pglite' | 'postgres';

const PG_URL = process.env.STAPEL_TEST_DATABASE_URL;
if (process.env.CI === 'true' && !PG_URL)
  throw new Error('CI=true but STAPEL_TEST_DATABASE_URL is not set: the PostgreSQL tests must run in CI');

export const BACKENDS: Backend[] = PG_URL ? ['pglite', 'postgres'] : ['pglite'];
export const postgresUrl = PG_URL;

/** Registers a visibly skipped test saying why PostgreSQL was not tested. */
export function notePostgresSkipped(): void {
  if (!PG_URL)
    it.skip('PostgreSQL backend: skipped, set STAPEL_TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run it', () => {});
}

export interface TestStore extends Store {
  /** Closes the store and removes what it created. */
  dispose(): Promise<void>;
}

export async function openTestStore(backend: Backend): Promise<TestStore> {
  if (backend === 'pglite') {
    const store = await openStore({ dataDir: ':memory:' });
    return { ...store, transaction: store.transaction, dispose: () => store.close() };
  }
  const { url, drop } = await createTestDatabase();
  const store = await openStore({ databaseUrl: url });
  return {
    ...store,
    transaction: store.transaction,
    async dispose() {
      await store.close();
      await drop();
    },
  };
}

/** Creates an empty database on the test server; `drop` removes it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!PG_URL) throw new Error('STAPEL_TEST_DATABASE_URL is not set');
  const name = `stapel_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
