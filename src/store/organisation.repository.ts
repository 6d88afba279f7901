/**
 * SQL for organisations (the tenants) and for the append-only change history.
 */
import { and, asc, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { OrganisationRecord } from '../domain/index.js';
import type { Db } from './database.js';
import { changes, organisations } from './schema.js';
import { rowToRecord } from './record.repository.js';

export async function getOrganisation(db: Db, id: string): Promise<OrganisationRecord | undefined> {
  const rows = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return rows[0] ? (rowToRecord(rows[0]) as unknown as OrganisationRecord) : undefined;
}

export async function listOrganisations(db: Db): Promise<OrganisationRecord[]> {
  const rows = await db.select().from(organisations).orderBy(asc(organisations.id));
  return rows.map((r) => rowToRecord(r) as unknown as OrganisationRecord);
}

function toRow(org: OrganisationRecord) {
  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    country: org.country,
    sector: org.sector ?? null,
    identifiers: org.identifiers,
    description: org.description ?? null,
    revision: org.revision,
    createdAt: new Date(org.createdAt),
    updatedAt: new Date(org.updatedAt),
    provenance: org.provenance,
  };
}

export async function insertOrganisation(db: Db, org: OrganisationRecord): Promise<void> {
  await db.insert(organisations).values(toRow(org));
}

export async function updateOrganisation(db: Db, org: OrganisationRecord, expectedRevision: number): Promise<boolean> {
  const { id, createdAt: _c, ...set } = toRow(org);
  const rows = await db
    .update(organisations)
    .set(set)
    .where(and(eq(organisations.id, id), eq(organisations.revision, expectedRevision)))
    .returning({ id: organisations.id });
  return rows.length === 1;
}

export async function deleteOrganisation(db: Db, id: string): Promise<void> {
  await db.delete(organisations).where(eq(organisations.id, id));
}

export interface ChangeEntry {
  orgId: string;
  actor: string;
  kind: string;
  recordId: string;
  op: 'create' | 'update' | 'delete' | 'import' | 'bulk-import';
  before?: unknown;
  after?: unknown;
  note?: string;
}

export async function appendChanges(db: Db, entries: readonly ChangeEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 5000) {
    await db.insert(changes).values(
      entries.slice(i, i + 5000).map((e) => ({
        orgId: e.orgId,
        actor: e.actor,
        kind: e.kind,
        recordId: e.recordId,
        op: e.op,
        before: e.before ?? null,
        after: e.after ?? null,
        note: e.note ?? null,
      })),
    );
  }
}

export interface ChangeQuery {
  kind?: string;
  recordId?: string;
  /** Return entries older than this sequence number (newest first). */
  before?: number;
  limit: number;
}

export async function listChanges(db: Db, orgId: string, query: ChangeQuery) {
  const where: SQL[] = [eq(changes.orgId, orgId)];
  if (query.kind) where.push(eq(changes.kind, query.kind));
  if (query.recordId) where.push(eq(changes.recordId, query.recordId));
  if (query.before !== undefined) where.push(lt(changes.seq, query.before));
  const rows = await db
    .select()
    .from(changes)
    .where(and(...where))
    .orderBy(desc(changes.seq))
    .limit(query.limit);
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at.toISOString(),
    actor: r.actor,
    kind: r.kind,
    recordId: r.recordId,
    op: r.op,
    before: r.before,
    after: r.after,
    ...(r.note ? { note: r.note } : {}),
  }));
}

/**
 * The organisation's register version: the number of its last change. Every write appends a
 * change, so an unchanged version means an unchanged register (records, knowledge-base entries,
 * risk settings, SBOMs), and what was computed from it can be reused.
 */
export async function registerVersion(db: Db, orgId: string): Promise<number> {
  const [last] = await db
    .select({ seq: changes.seq })
    .from(changes)
    .where(eq(changes.orgId, orgId))
    .orderBy(desc(changes.seq))
    .limit(1);
  return last?.seq ?? 0;
}
