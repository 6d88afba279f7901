/**
 * Reads a register document: an organisation and its records written as create inputs (no
 * revisions or timestamps), as the demo register is kept. It becomes a Backup whose records carry
 * provenance "imported" from the named source, and then goes the same way as a backup.
 */
import { z } from 'zod';
import {
  InputError,
  KIND_ORDER,
  KINDS,
  createSchema,
  describeIssues,
  organisationCreateSchema,
  parseInput,
  zodIssues,
  type Backup,
  type Issue,
  type Provenance,
} from '../domain/index.js';
import { documentIssues } from './backup.importer.js';
import { parseJsonText } from './json-text.js';

const documentShape = z.strictObject({
  organisation: z.unknown(),
  records: z.record(z.string(), z.array(z.unknown())).default({}),
});

export function readRegisterDocument(text: string, source: string, at = new Date()): Backup {
  const doc = parseInput(documentShape, parseJsonText(text, { file: source }), 'register document', { file: source });
  const provenance: Provenance = { method: 'imported', source, at: at.toISOString() };
  const stamp = { revision: 1, createdAt: at.toISOString(), updatedAt: at.toISOString(), provenance };
  const issues: Issue[] = [];
  const known = new Set(KIND_ORDER.map((k) => KINDS[k].plural));
  for (const plural of Object.keys(doc.records))
    if (!known.has(plural))
      issues.push({
        path: ['records', plural],
        message: `unknown kind of record; expected one of ${[...known].join(', ')}`,
      });

  const org = organisationCreateSchema.safeParse(doc.organisation);
  if (!org.success) issues.push(...zodIssues(org.error, ['organisation']));
  const records: Record<string, unknown[]> = {};
  for (const key of KIND_ORDER) {
    const plural = KINDS[key].plural;
    const schema = createSchema(key);
    records[plural] = (doc.records[plural] ?? []).map((input, i) => {
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        issues.push(...zodIssues(parsed.error, ['records', plural, i]));
        return undefined;
      }
      const { id, provenance: given, ...spec } = parsed.data as Record<string, unknown>;
      if (typeof id !== 'string')
        issues.push({ path: ['records', plural, i, 'id'], message: 'every record in a register document needs an id' });
      return { id, ...stamp, ...(given ? { provenance: given } : {}), ...spec };
    });
  }
  if (issues.length)
    throw new InputError(
      `invalid register document ${source}:\n${describeIssues(issues.slice(0, 20))}`,
      issues,
      source,
    );
  const { provenance: orgProvenance, ...orgSpec } = org.data!;
  const backup = {
    format: 'stapel-backup',
    version: 1,
    organisation: { ...orgSpec, ...stamp, ...(orgProvenance ? { provenance: orgProvenance } : {}) },
    records,
  } as unknown as Backup;
  const refIssues = documentIssues(backup);
  if (refIssues.length)
    throw new InputError(
      `invalid register document ${source}:\n${describeIssues(refIssues.slice(0, 20))}`,
      refIssues,
      source,
    );
  return backup;
}
