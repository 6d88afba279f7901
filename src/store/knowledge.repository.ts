/**
 * SQL for an organisation's own knowledge-base entries and its risk-configuration overrides.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Provenance } from '../domain/index.js';
import type { Db } from './database.js';
import { kbEntries, riskSettings } from './schema.js';

export interface KbEntryRow {
  kind: string;
  id: string;
  data: Record<string, unknown>;
  justification: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  provenance: Provenance;
}

const toEntry = (r: typeof kbEntries.$inferSelect): KbEntryRow => ({
  kind: r.kind,
  id: r.id,
  data: r.data as Record<string, unknown>,
  justification: r.justification,
  revision: r.revision,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  provenance: r.provenance as Provenance,
});

export async function listKbEntries(db: Db, orgId: string): Promise<KbEntryRow[]> {
  const rows = await db
    .select()
    .from(kbEntries)
    .where(eq(kbEntries.orgId, orgId))
    .orderBy(asc(kbEntries.kind), asc(kbEntries.id));
  return rows.map(toEntry);
}

export async function getKbEntry(db: Db, orgId: string, kind: string, id: string): Promise<KbEntryRow | undefined> {
  const rows = await db
    .select()
    .from(kbEntries)
    .where(and(eq(kbEntries.orgId, orgId), eq(kbEntries.kind, kind), eq(kbEntries.id, id)));
  return rows[0] && toEntry(rows[0]);
}

export async function putKbEntry(db: Db, orgId: string, e: KbEntryRow): Promise<void> {
  const row = { orgId, ...e, createdAt: new Date(e.createdAt), updatedAt: new Date(e.updatedAt) };
  await db
    .insert(kbEntries)
    .values(row)
    .onConflictDoUpdate({
      target: [kbEntries.orgId, kbEntries.kind, kbEntries.id],
      set: {
        data: row.data,
        justification: row.justification,
        revision: row.revision,
        updatedAt: row.updatedAt,
        provenance: row.provenance,
      },
    });
}

export async function deleteKbEntry(db: Db, orgId: string, kind: string, id: string): Promise<void> {
  await db.delete(kbEntries).where(and(eq(kbEntries.orgId, orgId), eq(kbEntries.kind, kind), eq(kbEntries.id, id)));
}

export interface RiskSettingsRow {
  overrides: Record<string, unknown>;
  justification: string;
  revision: number;
  updatedAt: string;
}

export async function getRiskSettings(db: Db, orgId: string): Promise<RiskSettingsRow | undefined> {
  const rows = await db.select().from(riskSettings).where(eq(riskSettings.orgId, orgId));
  const r = rows[0];
  return (
    r && {
      overrides: r.overrides as Record<string, unknown>,
      justification: r.justification,
      revision: r.revision,
      updatedAt: r.updatedAt.toISOString(),
    }
  );
}

export async function putRiskSettings(db: Db, orgId: string, s: RiskSettingsRow): Promise<void> {
  const row = { orgId, ...s, updatedAt: new Date(s.updatedAt) };
  await db
    .insert(riskSettings)
    .values(row)
    .onConflictDoUpdate({
      target: riskSettings.orgId,
      set: {
        overrides: row.overrides,
        justification: row.justification,
        revision: row.revision,
        updatedAt: row.updatedAt,
      },
    });
}
