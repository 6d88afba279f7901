/**
 * Export of a whole organisation as one backup document, and import of such a document (or of a
 * register document such as the demo) into the store, all or nothing.
 */
import { eq } from 'drizzle-orm';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  ConflictError,
  KIND_ORDER,
  KINDS,
  type Backup,
  type ComponentRecord,
  type KindKey,
} from '../domain/index.js';
import type { Store } from '../store/database.js';
import { copyComponents } from '../store/component.repository.js';
import * as knowledge from '../store/knowledge.repository.js';
import * as orgs from '../store/organisation.repository.js';
import * as records from '../store/record.repository.js';
import { listSbomDocuments, putSbomDocument, type SbomDocumentRow } from '../store/sbom.repository.js';
import { doraSupplements, snapshots } from '../store/schema.js';
import { RegisterService } from './register.service.js';

export interface ImportSummary {
  organisation: string;
  counts: Record<string, number>;
}

/** A stored SBOM document as the backup writes it: no nulls, times as ISO text. */
function sbomDocumentOut(row: SbomDocumentRow) {
  const { orgId: _org, importedAt, ...rest } = row;
  const out: Record<string, unknown> = { importedAt: importedAt.toISOString() };
  for (const [k, v] of Object.entries(rest)) if (v !== null) out[k] = v;
  return out;
}

function sbomDocumentIn(orgId: string, d: NonNullable<Backup['sbomDocuments']>[number]): SbomDocumentRow {
  return {
    orgId,
    assetId: d.assetId,
    format: d.format,
    specVersion: d.specVersion,
    documentId: d.documentId ?? null,
    created: d.created ?? null,
    authors: d.authors,
    tools: d.tools,
    subject: d.subject ?? null,
    file: d.file ?? null,
    components: d.components,
    quality: d.quality,
    suppliers: d.suppliers,
    importedAt: new Date(d.importedAt),
  };
}

export class BackupService {
  private readonly register: RegisterService;
  constructor(readonly store: Store) {
    this.register = new RegisterService(store);
  }

  async exportOrganisation(orgId: string): Promise<Backup> {
    // One transaction, so the document is one consistent state of the register.
    return this.store.transaction(async ({ db }) => {
      const organisation = await this.register.getOrganisation(orgId, db);
      const out: Record<string, unknown[]> = {};
      for (const key of KIND_ORDER) out[KINDS[key].plural] = await records.allRecords(db, key, orgId);
      const kbEntries = await knowledge.listKbEntries(db, orgId);
      const riskSettings = await knowledge.getRiskSettings(db, orgId);
      const sbomDocuments = (await listSbomDocuments(db, orgId)).map(sbomDocumentOut);
      const snapshotRows = (
        await db.select().from(snapshots).where(eq(snapshots.orgId, orgId)).orderBy(snapshots.takenAt, snapshots.id)
      ).map(({ orgId: _o, label, takenAt, ...r }) => ({
        ...r,
        ...(label ? { label } : {}),
        takenAt: takenAt.toISOString(),
      }));
      const [dora] = await db.select().from(doraSupplements).where(eq(doraSupplements.orgId, orgId));
      return {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        organisation,
        records: out,
        kbEntries,
        ...(riskSettings ? { riskSettings } : {}),
        sbomDocuments,
        snapshots: snapshotRows,
        ...(dora
          ? {
              doraSupplement: {
                source: dora.source,
                importedAt: dora.importedAt.toISOString(),
                actor: dora.actor,
                report: dora.report,
              },
            }
          : {}),
      } as unknown as Backup;
    });
  }

  /**
   * Writes a validated backup into the store as a new organisation. Fails, writing nothing, when
   * the organisation exists already.
   */
  async importBackup(backup: Backup, { actor, source }: { actor: string; source: string }): Promise<ImportSummary> {
    const orgId = backup.organisation.id;
    const recs = backup.records as unknown as Record<string, Record<string, unknown>[]>;
    return this.store.transaction(async (tx) => {
      if (await orgs.getOrganisation(tx.db, orgId))
        throw new ConflictError(
          `organisation "${orgId}" already exists; a backup is imported into a store without it (export and delete it first, or use another store)`,
        );
      await orgs.insertOrganisation(tx.db, backup.organisation);
      const history: orgs.ChangeEntry[] = [
        { orgId, actor, kind: 'organisation', recordId: orgId, op: 'import', after: backup.organisation, note: source },
      ];
      const counts: Record<string, number> = {};
      for (const key of KIND_ORDER) {
        const list = recs[KINDS[key].plural] ?? [];
        counts[KINDS[key].plural] = list.length;
        if (key === 'component') {
          await copyComponents(tx, orgId, list as unknown as ComponentRecord[]);
          history.push(...componentSummaries(orgId, actor, source, list as unknown as ComponentRecord[]));
        } else {
          await records.insertRecords(tx.db, key as KindKey, orgId, list);
          for (const r of list)
            history.push({
              orgId,
              actor,
              kind: KINDS[key].kind,
              recordId: String(r.id),
              op: 'import',
              after: r,
              note: source,
            });
        }
      }
      for (const e of backup.kbEntries ?? []) {
        await knowledge.putKbEntry(tx.db, orgId, e as knowledge.KbEntryRow);
        history.push({ orgId, actor, kind: `kb-${e.kind}`, recordId: e.id, op: 'import', after: e, note: source });
      }
      if (backup.riskSettings) {
        await knowledge.putRiskSettings(tx.db, orgId, backup.riskSettings);
        history.push({
          orgId,
          actor,
          kind: 'risk-config',
          recordId: orgId,
          op: 'import',
          after: backup.riskSettings,
          note: source,
        });
      }
      for (const d of backup.sbomDocuments ?? []) await putSbomDocument(tx.db, sbomDocumentIn(orgId, d));
      for (const snap of backup.snapshots ?? [])
        await tx.db
          .insert(snapshots)
          .values({ ...snap, orgId, label: snap.label ?? null, takenAt: new Date(snap.takenAt) });
      if (backup.doraSupplement)
        await tx.db
          .insert(doraSupplements)
          .values({ ...backup.doraSupplement, orgId, importedAt: new Date(backup.doraSupplement.importedAt) });
      await orgs.appendChanges(tx.db, history);
      return { organisation: orgId, counts };
    });
  }
}

/** Components are bulk data: one history entry per asset says how many came from where. */
function componentSummaries(
  orgId: string,
  actor: string,
  source: string,
  components: readonly ComponentRecord[],
): orgs.ChangeEntry[] {
  const perAsset = new Map<string, number>();
  for (const c of components) perAsset.set(c.assetId, (perAsset.get(c.assetId) ?? 0) + 1);
  return [...perAsset].map(([assetId, n]) => ({
    orgId,
    actor,
    kind: 'component',
    recordId: `asset:${assetId}`,
    op: 'bulk-import' as const,
    note: `${n} components from ${source}`,
  }));
}
