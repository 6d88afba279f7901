/**
 * The references a record makes to other records, found the same way for a single create and for
 * a whole import, so both report a dangling reference with the same path and message.
 */
import { KINDS, type KindKey } from './kinds.js';
import { parseRef, type RefKind } from './ids.js';
import type { Issue } from './errors.js';

export interface OutgoingReference {
  /** Path of the referring field inside the record, e.g. ["assetIds", 2]. */
  path: (string | number)[];
  kind: KindKey;
  id: string;
}

const REF_KIND_TO_KEY: Record<RefKind, KindKey> = {
  process: 'process',
  asset: 'asset',
  party: 'party',
  product: 'product',
  component: 'component',
};

/** Maps a kind name used in references ("party", "exit-plan") to its KINDS key. */
export function keyOfKindName(name: string): KindKey {
  const key = (Object.keys(KINDS) as KindKey[]).find((k) => KINDS[k].kind === name);
  if (!key) throw new Error(`unknown kind ${name}`);
  return key;
}

/** Every reference `record` (of kind `key`) makes, with the path of the field that makes it. */
export function outgoingReferences(key: KindKey, record: Record<string, unknown>): OutgoingReference[] {
  const out: OutgoingReference[] = [];
  for (const ref of KINDS[key].references) {
    const value = record[ref.field];
    const target = keyOfKindName(ref.kind);
    if (ref.many && Array.isArray(value))
      value.forEach((id, i) => out.push({ path: [ref.field, i], kind: target, id: String(id) }));
    else if (typeof value === 'string') out.push({ path: [ref.field], kind: target, id: value });
  }
  const refFields: [string, unknown][] =
    key === 'dependency'
      ? [
          ['from', record.from],
          ['to', record.to],
        ]
      : key === 'measure' && Array.isArray(record.targets)
        ? record.targets.map((t, i) => [`targets.${i}`, t] as [string, unknown])
        : [];
  for (const [field, value] of refFields) {
    const parsed = typeof value === 'string' ? parseRef(value) : undefined;
    if (!parsed) continue;
    const path = field.startsWith('targets.') ? ['targets', Number(field.slice(8))] : [field];
    out.push({ path, kind: REF_KIND_TO_KEY[parsed.kind], id: parsed.id });
  }
  return out;
}

export function missingReferenceMessage(ref: OutgoingReference): string {
  return `no ${KINDS[ref.kind].kind} with id "${ref.id}" in this organisation`;
}

/**
 * Finds a cycle in a parent relation (party → parent). Returns the ids on the cycle, starting at
 * the first one met, or undefined when the relation is a forest.
 */
export function findParentCycle(parentOf: ReadonlyMap<string, string | undefined>): string[] | undefined {
  const done = new Set<string>();
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let node: string | undefined = start;
    while (node !== undefined && !done.has(node)) {
      if (onPath.has(node)) return path.slice(path.indexOf(node));
      onPath.add(node);
      path.push(node);
      node = parentOf.get(node);
    }
    for (const n of path) done.add(n);
  }
  return undefined;
}

/** Issues for references in an import document that point at nothing in the document. */
export function danglingReferences(
  recordsByKind: Partial<Record<KindKey, readonly Record<string, unknown>[]>>,
  pathPrefix: (key: KindKey, index: number) => (string | number)[],
): Issue[] {
  const ids = new Map<KindKey, Set<string>>();
  for (const key of Object.keys(KINDS) as KindKey[])
    ids.set(key, new Set((recordsByKind[key] ?? []).map((r) => String(r.id))));
  const issues: Issue[] = [];
  for (const key of Object.keys(KINDS) as KindKey[]) {
    (recordsByKind[key] ?? []).forEach((record, index) => {
      for (const ref of outgoingReferences(key, record))
        if (!ids.get(ref.kind)!.has(ref.id))
          issues.push({ path: [...pathPrefix(key, index), ...ref.path], message: missingReferenceMessage(ref) });
    });
  }
  return issues;
}
