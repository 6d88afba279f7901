/**
 * SQL for SBOM documents (one per asset), OSV vulnerability records (shared reference data) and
 * findings (an organisation's components affected by them).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './database.js';
import { findings, sboms, vulnerabilities, vulnerabilityPackages } from './schema.js';

export type SbomDocumentRow = typeof sboms.$inferSelect;
export type VulnerabilityRow = typeof vulnerabilities.$inferSelect;
export type FindingRow = typeof findings.$inferSelect;

export async function putSbomDocument(db: Db, row: SbomDocumentRow): Promise<void> {
  const { orgId: _o, assetId: _a, ...rest } = row;
  await db
    .insert(sboms)
    .values(row)
    .onConflictDoUpdate({ target: [sboms.orgId, sboms.assetId], set: rest });
}

export async function getSbomDocument(db: Db, orgId: string, assetId: string): Promise<SbomDocumentRow | undefined> {
  const [row] = await db
    .select()
    .from(sboms)
    .where(and(eq(sboms.orgId, orgId), eq(sboms.assetId, assetId)));
  return row;
}

export async function listSbomDocuments(db: Db, orgId: string): Promise<SbomDocumentRow[]> {
  return db.select().from(sboms).where(eq(sboms.orgId, orgId)).orderBy(sboms.assetId);
}

/** Removes what belongs to an asset's SBOM besides its components (when the asset goes). */
export async function deleteSbomOf(db: Db, orgId: string, assetId: string): Promise<void> {
  await db.delete(sboms).where(and(eq(sboms.orgId, orgId), eq(sboms.assetId, assetId)));
  await db.delete(findings).where(and(eq(findings.orgId, orgId), eq(findings.assetId, assetId)));
}

/** Inserts or replaces vulnerability records with the packages they name. */
export async function putVulnerabilities(
  db: Db,
  rows: readonly { row: VulnerabilityRow; packages: readonly { ecosystem: string; name: string }[] }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    // The last record of an id wins: a dump may hold one id twice, and one statement cannot.
    const byId = new Map(chunk.map((r) => [r.row.id, r]));
    const unique = [...byId.values()];
    await db
      .insert(vulnerabilities)
      .values(unique.map((r) => r.row))
      .onConflictDoUpdate({
        target: vulnerabilities.id,
        set: {
          modified: sql`excluded.modified`,
          withdrawn: sql`excluded.withdrawn`,
          aliases: sql`excluded.aliases`,
          summary: sql`excluded.summary`,
          record: sql`excluded.record`,
          source: sql`excluded.source`,
          fetchedAt: sql`excluded.fetched_at`,
        },
      });
    await db.delete(vulnerabilityPackages).where(inArray(vulnerabilityPackages.vulnId, [...byId.keys()]));
    const packages = unique.flatMap((r) => {
      const seen = new Set<string>();
      return r.packages
        .filter((p) => {
          const k = `${p.ecosystem}\u0000${p.name}`;
          return !seen.has(k) && !!seen.add(k);
        })
        .map((p) => ({ ecosystem: p.ecosystem, name: p.name, vulnId: r.row.id }));
    });
    for (let j = 0; j < packages.length; j += 2000)
      await db.insert(vulnerabilityPackages).values(packages.slice(j, j + 2000));
  }
}

/** When each stored record was last modified, for the ids asked (to skip fetching unchanged ones). */
export async function vulnerabilityModified(db: Db, ids: readonly string[]): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db
      .select({ id: vulnerabilities.id, modified: vulnerabilities.modified })
      .from(vulnerabilities)
      .where(inArray(vulnerabilities.id, ids.slice(i, i + 5000)));
    for (const r of rows) out.set(r.id, r.modified);
  }
  return out;
}

/** Whether any vulnerability record is stored (one index probe, not a count). */
export async function hasVulnerabilities(db: Db): Promise<boolean> {
  return (await db.select({ id: vulnerabilities.id }).from(vulnerabilities).limit(1)).length > 0;
}

export async function countVulnerabilities(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(vulnerabilities);
  return row?.n ?? 0;
}

/** The stored records that name any of the given packages. */
export async function vulnerabilitiesForPackages(
  db: Db,
  packages: readonly { ecosystem: string; name: string }[],
): Promise<VulnerabilityRow[]> {
  const wanted = new Set(packages.map((p) => `${p.ecosystem}\u0000${p.name}`));
  const names = [...new Set(packages.map((p) => p.name))];
  const ids = new Set<string>();
  // By name in SQL (the primary key leads with it), the ecosystem checked here.
  for (let i = 0; i < names.length; i += 5000) {
    const rows = await db
      .select()
      .from(vulnerabilityPackages)
      .where(inArray(vulnerabilityPackages.name, names.slice(i, i + 5000)));
    for (const r of rows) if (wanted.has(`${r.ecosystem}\u0000${r.name}`)) ids.add(r.vulnId);
  }
  return getVulnerabilities(db, [...ids]);
}

export async function getVulnerabilities(db: Db, ids: readonly string[]): Promise<VulnerabilityRow[]> {
  const out: VulnerabilityRow[] = [];
  for (let i = 0; i < ids.length; i += 5000)
    out.push(
      ...(await db
        .select()
        .from(vulnerabilities)
        .where(inArray(vulnerabilities.id, ids.slice(i, i + 5000)))),
    );
  return out;
}

/** Replaces the findings of the given assets by `rows`. */
export async function replaceFindings(
  db: Db,
  orgId: string,
  assetIds: readonly string[],
  rows: readonly FindingRow[],
): Promise<void> {
  for (let i = 0; i < assetIds.length; i += 5000)
    await db
      .delete(findings)
      .where(and(eq(findings.orgId, orgId), inArray(findings.assetId, assetIds.slice(i, i + 5000))));
  for (let i = 0; i < rows.length; i += 2000) await db.insert(findings).values(rows.slice(i, i + 2000));
}

export async function listFindings(db: Db, orgId: string, assetId?: string): Promise<FindingRow[]> {
  return db
    .select()
    .from(findings)
    .where(and(eq(findings.orgId, orgId), ...(assetId ? [eq(findings.assetId, assetId)] : [])))
    .orderBy(findings.assetId, findings.vulnId, findings.componentId);
}
