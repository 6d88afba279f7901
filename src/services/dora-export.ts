/**
 * The DORA register of information an organisation's register writes, built from its records, its
 * knowledge base and the package it last imported — shared by the DORA export (DoraService) and the
 * import of a package, which compares the package with it (package-changes.ts).
 */
import type { OrganisationRecord } from '../domain/index.js';
import type { KnowledgeIndex } from '../analysis/knowledge-index.js';
import type { DoraSupplement } from '../ingest/dora/dora-model.js';
import { buildDoraReport, type DoraExport } from '../ingest/dora/register-to-dora.js';
import type { Db } from '../store/database.js';
import { allRecords } from '../store/record.repository.js';

export interface DoraExportOptions {
  /** Reference date, YYYY-MM-DD; by default the 31 December before today (the annual reporting date). */
  refPeriod?: string;
  /** Consolidated (CON, default) or individual (IND) register. */
  consolidation?: 'CON' | 'IND';
  /** Country of the competent authority; by default the organisation's. */
  country?: string;
}

/** yyyyMMddHHmmssSSS, the timestamp in a package's name. */
const packageTimestamp = (d: Date) => d.toISOString().replace(/[-:TZ.]/g, '');

export async function organisationDoraExport(
  db: Db,
  organisation: OrganisationRecord,
  kb: KnowledgeIndex,
  supplement: DoraSupplement | undefined,
  options: DoraExportOptions,
): Promise<DoraExport> {
  const now = new Date();
  const orgId = organisation.id;
  return buildDoraReport({
    organisation,
    records: {
      processes: await allRecords(db, 'process', orgId),
      parties: await allRecords(db, 'party', orgId),
      products: await allRecords(db, 'product', orgId),
      assets: await allRecords(db, 'asset', orgId),
      dependencies: await allRecords(db, 'dependency', orgId),
      contracts: await allRecords(db, 'contract', orgId),
      exitPlans: await allRecords(db, 'exitPlan', orgId),
    },
    kb,
    supplement,
    refPeriod: options.refPeriod ?? `${now.getUTCFullYear() - 1}-12-31`,
    consolidation: options.consolidation ?? 'CON',
    country: options.country ?? organisation.country,
    createdAt: packageTimestamp(now),
  });
}
