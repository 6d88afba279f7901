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

export async function copyComponents(tx: Tx, orgId: string, components: Iterable<ComponentRecord>): Promise<void> {
  await tx.copy('components', COMPONENT_COPY_COLUMNS, componentCopyLines(orgId, components));
}
