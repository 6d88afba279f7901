/**
 * The backup document: one organisation with all its records, as one JSON file. Export writes
 * every field including revisions, timestamps and provenance, so that export → import into an empty
 * store → export gives the same document. The change history stays in the store.
 */
import { z } from 'zod';
import { KIND_ORDER, KINDS, recordSchema, type RecordOf } from './kinds.js';
import { organisationRecordSchema, type OrganisationRecord } from './organisation.js';

export const BACKUP_FORMAT = 'stapel-backup';
export const BACKUP_VERSION = 1;

const recordsShape = Object.fromEntries(
  KIND_ORDER.map((k) => [KINDS[k].plural, z.array(recordSchema(k)).default([])]),
) as Record<string, z.ZodType>;

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT, `not a Stapel backup: "format" must be "${BACKUP_FORMAT}"`),
  version: z.literal(BACKUP_VERSION, `this Stapel reads backup version ${BACKUP_VERSION}`),
  organisation: organisationRecordSchema,
  records: z.strictObject(recordsShape),
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
}
