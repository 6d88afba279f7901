/**
 * Reads a Stapel backup document (JSON) into a validated Backup: schema, duplicate ids,
 * references that resolve inside the document and ownership chains without cycles. Nothing is
 * written here; the backup service writes the result in one transaction.
 */
import {
  InputError,
  KIND_ORDER,
  KINDS,
  backupSchema,
  danglingReferences,
  describeIssues,
  findParentCycle,
  parseInput,
  alternativeSchema,
  categorySchema,
  vendorSchema,
  zodIssues,
  type Backup,
  type Issue,
  type KindKey,
} from '../domain/index.js';
import { parseJsonText } from './json-text.js';

/** Checks that need the whole document: unique ids per kind, references, parent cycles. */
export function documentIssues(backup: Backup): Issue[] {
  const issues: Issue[] = [];
  const byKind: Partial<Record<KindKey, Record<string, unknown>[]>> = {};
  const recs = backup.records as unknown as Record<string, Record<string, unknown>[]>;
  for (const key of KIND_ORDER) {
    const list = recs[KINDS[key].plural] ?? [];
    byKind[key] = list;
    const seen = new Set<string>();
    list.forEach((r, i) => {
      const id = String(r.id);
      if (seen.has(id))
        issues.push({ path: ['records', KINDS[key].plural, i, 'id'], message: `the id "${id}" is used twice` });
      seen.add(id);
    });
  }
  issues.push(...danglingReferences(byKind, (key, index) => ['records', KINDS[key].plural, index]));
  const parents = new Map((byKind.party ?? []).map((p) => [String(p.id), p.parentId as string | undefined]));
  const entrySchemas = { vendor: vendorSchema, category: categorySchema, alternative: alternativeSchema } as const;
  (backup.kbEntries ?? []).forEach((e, i) => {
    const r = entrySchemas[e.kind].safeParse(e.data);
    if (!r.success) issues.push(...zodIssues(r.error, ['kbEntries', i, 'data']));
  });
  const cycle = findParentCycle(parents);
  if (cycle)
    issues.push({ path: ['records', 'parties'], message: `ownership cycle: ${[...cycle, cycle[0]].join(' → ')}` });
  return issues;
}

export function readBackup(text: string, file = 'the backup'): Backup {
  const json = parseJsonText(text, { file });
  const backup = parseInput(backupSchema, json, 'backup', { file }) as unknown as Backup;
  const issues = documentIssues(backup);
  if (issues.length)
    throw new InputError(`invalid backup ${file}:\n${describeIssues(issues.slice(0, 20))}`, issues, file);
  return backup;
}
