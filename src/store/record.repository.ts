/**
 * Generic SQL for the record kinds: one repository serves every table in KIND_TABLES, since all
 * share the envelope and their column property names equal the domain field names.
 */
import { and, arrayContains, asc, eq, getTableColumns, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { KINDS, type KindKey, type RecordOf } from '../domain/index.js';
import type { Db } from './database.js';
import type { AssetSupplier } from '../analysis/sbom/suppliers.js';
import { listSbomDocuments } from './sbom.repository.js';
import { KIND_TABLES } from './schema.js';

type AnyTable = PgTable & Record<string, PgColumn>;
const tableOf = (key: KindKey) => KIND_TABLES[key] as unknown as AnyTable;

export interface ListQuery {
  layer?: string;
  priority?: string;
  type?: string;
  /** Case-insensitive text in name or description. */
  q?: string;
  /** Return records with an id after this one (the cursor). */
  after?: string;
  limit: number;
}

/** Turns a row into a record: drops the tenant key and null columns, dates become ISO strings. */
export function rowToRecord<K extends KindKey>(row: Record<string, unknown>): RecordOf<K> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === 'orgId' || value === null || value === undefined) continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out as RecordOf<K>;
}

/** Turns a record into a full row: every column set, absent optional fields as null. */
export function recordToRow(key: KindKey, orgId: string, record: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = { orgId };
  for (const column of Object.keys(getTableColumns(tableOf(key)))) {
    if (column === 'orgId') continue;
    const value = record[column];
    row[column] = column === 'createdAt' || column === 'updatedAt' ? new Date(value as string) : (value ?? null);
  }
  return row;
}

function escapeLike(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_');
}

export async function getRecord<K extends KindKey>(
  db: Db,
  key: K,
  orgId: string,
  id: string,
): Promise<RecordOf<K> | undefined> {
  const t = tableOf(key);
  const rows = await db
    .select()
    .from(t)
    .where(and(eq(t.orgId!, orgId), eq(t.id!, id)))
    .limit(1);
  return rows[0] ? rowToRecord<K>(rows[0]) : undefined;
}

export async function listRecords<K extends KindKey>(
  db: Db,
  key: K,
  orgId: string,
  query: ListQuery,
): Promise<RecordOf<K>[]> {
  const t = tableOf(key);
  const filters = KINDS[key].filters;
  const where: (SQL | undefined)[] = [eq(t.orgId!, orgId)];
  const column = (field: string) => t[field]!;
  const arrayColumns = new Set(['layers', 'priorities']);
  const match = (field: string | undefined, value: string | undefined) => {
    if (!field || value === undefined) return;
    where.push(arrayColumns.has(field) ? arrayContains(column(field), [value]) : eq(column(field), value));
  };
  match(filters.layer, query.layer);
  match(filters.priority, query.priority);
  match(filters.type, query.type);
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    const searchable = ['name', 'description', 'from', 'to', 'purl'].filter((f) => f in t);
    where.push(or(...searchable.map((f) => ilike(column(f), pattern))));
  }
  if (query.after !== undefined) where.push(gt(t.id!, query.after));
  const rows = await db
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(asc(t.id!))
    .limit(query.limit);
  return rows.map((r) => rowToRecord<K>(r));
}

/** All records of a kind in an organisation, ordered by id. */
export async function allRecords<K extends KindKey>(db: Db, key: K, orgId: string): Promise<RecordOf<K>[]> {
  const t = tableOf(key);
  const rows = await db.select().from(t).where(eq(t.orgId!, orgId)).orderBy(asc(t.id!));
  return rows.map((r) => rowToRecord<K>(r));
}

export async function insertRecords(
  db: Db,
  key: KindKey,
  orgId: string,
  records: readonly Record<string, unknown>[],
): Promise<void> {
  const t = tableOf(key);
  // Chunked so no statement passes PostgreSQL's 65,535 bind-parameter limit.
  const perChunk = Math.max(1, Math.floor(60_000 / Object.keys(getTableColumns(t)).length));
  for (let i = 0; i < records.length; i += perChunk) {
    await db.insert(t).values(records.slice(i, i + perChunk).map((r) => recordToRow(key, orgId, r)));
  }
}

/** Writes `record` over the stored one if its revision is still `expectedRevision`; false when not. */
export async function updateRecord(
  db: Db,
  key: KindKey,
  orgId: string,
  record: Record<string, unknown>,
  expectedRevision: number,
): Promise<boolean> {
  const t = tableOf(key);
  const { orgId: _o, id, createdAt: _c, ...set } = recordToRow(key, orgId, record);
  const updated = await db
    .update(t)
    .set(set)
    .where(and(eq(t.orgId!, orgId), eq(t.id!, id as string), eq(t.revision!, expectedRevision)))
    .returning({ id: t.id! });
  return updated.length === 1;
}

export async function deleteRecord(
  db: Db,
  key: KindKey,
  orgId: string,
  id: string,
  expectedRevision: number,
): Promise<boolean> {
  const t = tableOf(key);
  const deleted = await db
    .delete(t)
    .where(and(eq(t.orgId!, orgId), eq(t.id!, id), eq(t.revision!, expectedRevision)))
    .returning({ id: t.id! });
  return deleted.length === 1;
}

/** Which of `ids` exist as records of `key` in the organisation. */
export async function existingIds(db: Db, key: KindKey, orgId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const t = tableOf(key);
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 10_000) {
    const rows = await db
      .select({ id: t.id! })
      .from(t)
      .where(and(eq(t.orgId!, orgId), inArray(t.id!, ids.slice(i, i + 10_000))));
    for (const r of rows) found.add(r.id as string);
  }
  return found;
}

/** Ids of records of `key` whose `field` equals (or, for lists, contains) `value`. */
export async function idsWhere(
  db: Db,
  key: KindKey,
  orgId: string,
  field: string,
  value: string,
  many: boolean,
  limit = 20,
): Promise<string[]> {
  const t = tableOf(key);
  const column = t[field]!;
  const rows = await db
    .select({ id: t.id! })
    .from(t)
    .where(and(eq(t.orgId!, orgId), many ? arrayContains(column, [value]) : eq(column, value)))
    .orderBy(asc(t.id!))
    .limit(limit);
  return rows.map((r) => r.id as string);
}

export async function countRecords(db: Db, key: KindKey, orgId: string): Promise<number> {
  const t = tableOf(key);
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(t)
    .where(eq(t.orgId!, orgId));
  return Number(rows[0]?.n ?? 0);
}

export { tableOf };

/** The records the risk and scenario engines read (src/analysis RegisterData), in one go. */
export async function registerData(db: Db, orgId: string) {
  return {
    processes: await allRecords(db, 'process', orgId),
    assets: await allRecords(db, 'asset', orgId),
    parties: await allRecords(db, 'party', orgId),
    products: await allRecords(db, 'product', orgId),
    dependencies: await allRecords(db, 'dependency', orgId),
    exitPlans: await allRecords(db, 'exitPlan', orgId),
    componentSuppliers: (await listSbomDocuments(db, orgId)).map((d) => ({
      assetId: d.assetId,
      suppliers: d.suppliers as AssetSupplier[],
    })),
  };
}
