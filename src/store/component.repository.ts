/**
 * The bulk path for components: SBOMs bring tens of thousands to millions of rows, so they are
 * written with COPY instead of INSERT (DESIGN.md, "Storage and scale").
 */
import type { ComponentRecord } from '../domain/index.js';
import { encodeCopyRow, encodeTextArray, type Tx } from './database.js';

/** Column order of the COPY; matches the components table. */
export const COMPONENT_COPY_COLUMNS = [
  'org_id',
  'id',
  'revision',
  'created_at',
  'updated_at',
  'provenance',
  'asset_id',
  'name',
  'version',
  'purl',
  'supplier',
  'licences',
  'hashes',
  'depends_on',
] as const;

export function* componentCopyLines(orgId: string, components: Iterable<ComponentRecord>): Generator<string> {
  for (const c of components) {
    yield encodeCopyRow([
      orgId,
      c.id,
      c.revision,
      c.createdAt,
      c.updatedAt,
      JSON.stringify(c.provenance),
      c.assetId,
      c.name,
      c.version,
      c.purl,
      c.supplier,
      encodeTextArray(c.licences),
      JSON.stringify(c.hashes),
      encodeTextArray(c.dependsOn),
    ]);
  }
}

/**
 * Rows per COPY statement: the rows go in several COPYs of at most this many, all in the caller's
 * transaction. The embedded store collects each COPY's input into one blob that is copied into its
 * WebAssembly memory, which never shrinks: copying 300,000 components in one COPY raised the
 * process's resident size by ~500 MiB, in batches of 5,000 by ~150–250 MiB (and the encoded lines
 * die young). On PostgreSQL the batches cost nothing measurable (300,000 rows in 6.6–8.0 s either
 * way). See docs/benchmarks.md, "SBOM ingest".
 */
export const COPY_BATCH_ROWS = 5000;

export async function copyComponents(tx: Tx, orgId: string, components: Iterable<ComponentRecord>): Promise<void> {
  let batch: ComponentRecord[] = [];
  for (const c of components) {
    batch.push(c);
    if (batch.length === COPY_BATCH_ROWS) {
      await tx.copy('components', COMPONENT_COPY_COLUMNS, componentCopyLines(orgId, batch));
      batch = [];
    }
  }
  if (batch.length) await tx.copy('components', COMPONENT_COPY_COLUMNS, componentCopyLines(orgId, batch));
}
