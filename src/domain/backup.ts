/**
 * The backup document: one organisation with all its records, as one JSON file. Export writes
 * every field including revisions, timestamps and provenance, so that export → import into an empty
 * store → export gives the same document. The change history stays in the store.
 */
import { z } from 'zod';
import { KIND_ORDER, KINDS, recordSchema, type RecordOf } from './kinds.js';
import { organisationRecordSchema, type OrganisationRecord } from './organisation.js';
import { provenanceSchema } from './provenance.js';

export const BACKUP_FORMAT = 'stapel-backup';
export const BACKUP_VERSION = 1;

const recordsShape = Object.fromEntries(
  KIND_ORDER.map((k) => [KINDS[k].plural, z.array(recordSchema(k)).default([])]),
) as Record<string, z.ZodType>;

const timestamp = z.iso.datetime({ offset: true });
const justification = z.string().trim().min(10);

/** An organisation's own knowledge-base entry (see src/services/knowledge.service.ts). */
export const kbEntryRecordSchema = z.strictObject({
  kind: z.enum(['vendor', 'category', 'alternative']),
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  data: z.record(z.string(), z.unknown()),
  justification,
  revision: z.number().int().positive(),
  createdAt: timestamp,
  updatedAt: timestamp,
  provenance: provenanceSchema,
});
export const riskSettingsRecordSchema = z.strictObject({
  overrides: z.record(z.string(), z.unknown()),
  justification,
  revision: z.number().int().positive(),
  updatedAt: timestamp,
});

/** The document behind an asset's SBOM components (see src/services/sbom.service.ts). */
export const sbomDocumentRecordSchema = z.strictObject({
  assetId: z.string().min(1),
  format: z.enum(['cyclonedx', 'spdx']),
  specVersion: z.string().min(1).max(20),
  documentId: z.string().max(2000).optional(),
  created: z.string().max(100).optional(),
  authors: z.array(z.string().max(1000)),
  tools: z.array(z.string().max(1000)),
  subject: z.strictObject({ name: z.string(), version: z.string().optional() }).optional(),
  file: z.string().max(300).optional(),
  components: z.number().int().nonnegative(),
  quality: z.record(z.string(), z.unknown()),
  suppliers: z.array(z.record(z.string(), z.unknown())),
  importedAt: timestamp,
});

/** A snapshot of the organisation's analysis (see src/services/snapshot.service.ts). */
export const snapshotRecordSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/),
  label: z.string().max(300).optional(),
  takenAt: timestamp,
  actor: z.string().min(1),
  registerVersion: z.number().int().nonnegative(),
  knowledgeBaseVersion: z.string(),
  configVersion: z.string(),
  analysis: z.record(z.string(), z.unknown()),
  scenarios: z.array(z.record(z.string(), z.unknown())),
});

export const doraSupplementRecordSchema = z.strictObject({
  source: z.string().min(1),
  importedAt: timestamp,
  actor: z.string().min(1),
  /** The imported package as read (see src/ingest/dora/dora-model.ts, DoraReport). */
  report: z.record(z.string(), z.unknown()),
});

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT, `not a Stapel backup: "format" must be "${BACKUP_FORMAT}"`),
  version: z.literal(BACKUP_VERSION, `this Stapel reads backup version ${BACKUP_VERSION}`),
  organisation: organisationRecordSchema,
  records: z.strictObject(recordsShape),
  /** The organisation's own knowledge-base entries. */
  kbEntries: z.array(kbEntryRecordSchema).default([]),
  /** The organisation's risk-configuration overrides, when it has any. */
  riskSettings: riskSettingsRecordSchema.optional(),
  /** The SBOM documents of its assets (their components are records above). */
  sbomDocuments: z.array(sbomDocumentRecordSchema).default([]),
  /** Snapshots of its analysis, for reports that compare periods. */
  snapshots: z.array(snapshotRecordSchema).default([]),
  /** The DORA register of information it last imported (the values the register has no field for). */
  doraSupplement: doraSupplementRecordSchema.optional(),
});

export interface BackupRecords {
  processes: RecordOf<'process'>[];
  parties: RecordOf<'party'>[];
  products: RecordOf<'product'>[];
  assets: RecordOf<'asset'>[];
  components: RecordOf<'component'>[];
  dependencies: RecordOf<'dependency'>[];
  contracts: RecordOf<'contract'>[];
  'exit-plans': RecordOf<'exitPlan'>[];
  measures: RecordOf<'measure'>[];
}
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  organisation: OrganisationRecord;
  records: BackupRecords;
  kbEntries: z.infer<typeof kbEntryRecordSchema>[];
  riskSettings?: z.infer<typeof riskSettingsRecordSchema>;
  sbomDocuments?: z.infer<typeof sbomDocumentRecordSchema>[];
  snapshots?: z.infer<typeof snapshotRecordSchema>[];
  doraSupplement?: z.infer<typeof doraSupplementRecordSchema>;
}
