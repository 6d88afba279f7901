/**
 * The import planner: from what a file says (a RegisterImport) and what the register holds, works out
 * per row what an import would do — create, update, leave unchanged, or reject and why — before
 * anything is written. The dry run shows this plan; the commit writes exactly its records, in one
 * transaction, and only when no row is rejected.
 *
 * References in files are keys or free text. They resolve, in this order: a row of the same import
 * with that key; a register record with that id; a row or record with that name (compared without
 * case, punctuation and legal forms); and — for suppliers and products — a knowledge-base vendor of
 * that name, which becomes a new party with provenance "inferred", the rule and the match's
 * confidence. A supplier the knowledge base does not know becomes a new party named as written.
 */
import {
  KINDS,
  createSchema,
  findParentCycle,
  isValidLei,
  formatPath,
  formatRef,
  parseRef,
  slugId,
  zodIssues,
  type KindKey,
  type Provenance,
  type ProvenanceEntry,
  type RecordOf,
  type RefKind,
} from '../domain/index.js';
import { enrichAsset, enrichParty, enrichProduct } from '../analysis/enrich.js';
import { normaliseName, type KnowledgeIndex } from '../analysis/knowledge-index.js';
import {
  formatLocation,
  type ImportRow,
  type RegisterImport,
  type RowLink,
  type SourceLocation,
} from './register-import.js';

/** Kinds a register import may write, in the order that satisfies references. */
export const IMPORT_KINDS = ['process', 'party', 'product', 'asset', 'dependency', 'contract', 'exitPlan'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type RowAction = 'create' | 'update' | 'unchanged' | 'reject';

export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

/** How a reference in the file was resolved. */
export interface LinkMatch {
  field: string;
  text: string;
  kind: RefKind;
  id: string;
  how: 'key' | 'register-id' | 'name' | 'register-name' | 'knowledge-base' | 'new';
  /** For knowledge-base matches: the vendor, how it matched and how sure the match is (0–1). */
  vendor?: string;
  matchedOn?: string;
  confidence?: number;
}

export interface PlannedRow {
  kind: string;
  key: ImportKind;
  id: string;
  name: string;
  location: string;
  at: SourceLocation;
  action: RowAction;
  /** For updates: the fields that change. */
  changes: FieldChange[];
  /** For rejections: why, one line each. */
  reasons: string[];
  matches: LinkMatch[];
  /** Fields filled from the knowledge base, with the rule. */
  inferred: { field: string; rule: string; source?: string; confidence?: number }[];
  /** The row was not in the file: the planner added it for a supplier or product the file names. */
  added?: boolean;
}

/** One record the commit writes. */
export interface PlannedWrite {
  key: ImportKind;
  op: 'create' | 'update';
  record: Record<string, unknown>;
  before?: RecordOf<KindKey>;
}

export interface ImportPlan {
  format: RegisterImport['format'];
  source: string;
  rows: PlannedRow[];
  counts: Record<RowAction, number>;
  unmapped: RegisterImport['unmapped'];
  notes: string[];
  /** Organisation fields the file states and the register does not have yet (or has differently). */
  organisation: FieldChange[];
  /** File-level problems that block the commit (an organisation mismatch); rows carry their own. */
  blocking: string[];
  writes: PlannedWrite[];
}

/** What the register holds, as the planner needs it. */
export type ExistingRegister = { [K in ImportKind]: readonly RecordOf<K>[] } & {
  organisation: { identifiers?: { lei?: string }; name?: string; country?: string };
  /** Ids of stored components the file names (components come from SBOMs, not from these files). */
  componentIds?: ReadonlySet<string>;
};

interface Draft {
  row: ImportRow;
  key: ImportKind;
  id: string;
  name: string;
  existing?: RecordOf<KindKey>;
  spec: Record<string, unknown>;
  planned: PlannedRow;
  fieldProvenance: Record<string, ProvenanceEntry>;
  /** The fields the file states, filled or left empty on purpose. */
  owned: Set<string>;
  /** Reference fields whose text resolved to nothing (reported once, by the link). */
  unresolved: Set<string>;
}

const isImportKind = (k: KindKey): k is ImportKind => (IMPORT_KINDS as readonly string[]).includes(k);

const refKindToKey = (kind: RefKind): ImportKind | undefined =>
  kind === 'process' || kind === 'asset' || kind === 'party' || kind === 'product' ? kind : undefined;

/** The name a row or record is known by (a dependency by its ends). */
function nameOf(key: ImportKind, spec: Record<string, unknown>): string {
  if (key === 'dependency') return `${String(spec.from ?? '?')} → ${String(spec.to ?? '?')}`;
  return typeof spec.name === 'string' ? spec.name : '';
}

function envelopeless(record: Record<string, unknown>): Record<string, unknown> {
  const { id: _i, revision: _r, createdAt: _c, updatedAt: _u, provenance: _p, ...spec } = record;
  return spec;
}

/** Canonical JSON (sorted keys) so equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

class NameIndex {
  private readonly byName = new Map<string, string>();
  add(name: string, id: string): void {
    for (const key of [name.trim().toLowerCase(), normaliseName(name)])
      if (key && !this.byName.has(key)) this.byName.set(key, id);
  }
  find(text: string): string | undefined {
    return this.byName.get(text.trim().toLowerCase()) ?? this.byName.get(normaliseName(text));
  }
}

export function planImport(
  input: RegisterImport,
  register: ExistingRegister,
  kb: KnowledgeIndex,
  at: Date,
): ImportPlan {
  const when = at.toISOString();
  const existingById = new Map<ImportKind, Map<string, RecordOf<KindKey>>>();
  const existingByName = new Map<ImportKind, NameIndex>();
  for (const key of IMPORT_KINDS) {
    const byId = new Map<string, RecordOf<KindKey>>();
    const names = new NameIndex();
    for (const r of register[key] as readonly RecordOf<KindKey>[]) {
      byId.set(r.id, r);
      const n = nameOf(key, r as unknown as Record<string, unknown>);
      if (n) names.add(n, r.id);
      if (key === 'party') for (const alias of (r as RecordOf<'party'>).aliases) names.add(alias, r.id);
    }
    existingById.set(key, byId);
    existingByName.set(key, names);
  }
  // Dependencies without a key are matched on their two ends, so a re-import updates them.
  const dependencyByEnds = new Map(register.dependency.map((d) => [`${d.from}|${d.to}`, d.id] as const));

  const drafts: Draft[] = [];
  const draftById = new Map<ImportKind, Map<string, Draft>>();
  const draftByName = new Map<ImportKind, NameIndex>();
  for (const key of IMPORT_KINDS) {
    draftById.set(key, new Map());
    draftByName.set(key, new NameIndex());
  }
  const takenIds = (key: ImportKind, id: string) => draftById.get(key)!.has(id) || existingById.get(key)!.has(id);
  const freshId = (key: ImportKind, base: string): string => {
    let id = base;
    for (let n = 2; takenIds(key, id); n++) id = `${base.slice(0, 120)}-${n}`;
    return id;
  };

  const newDraft = (row: ImportRow, key: ImportKind, id: string, added = false, indexed = true): Draft => {
    const existing = existingById.get(key)!.get(id);
    const name = nameOf(key, row.spec) || (existing ? nameOf(key, existing as unknown as Record<string, unknown>) : '');
    const draft: Draft = {
      row,
      key,
      id,
      name,
      existing,
      spec: {},
      fieldProvenance: {},
      owned: new Set(),
      unresolved: new Set(),
      planned: {
        kind: KINDS[key].kind,
        key,
        id,
        name,
        location: formatLocation(row.at),
        at: row.at,
        action: existing ? 'update' : 'create',
        changes: [],
        reasons: (row.problems ?? []).map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)),
        matches: [],
        inferred: [],
        ...(added ? { added } : {}),
      },
    };
    if (!indexed) return draft;
    drafts.push(draft);
    draftById.get(key)!.set(id, draft);
    if (name) draftByName.get(key)!.add(name, id);
    return draft;
  };

  // 1. Give every row of the file its id: the key it names, the record of that name, or a new one.
  const duplicateKeys: Draft[] = [];
  for (const row of input.rows) {
    if (!isImportKind(row.key)) {
      throw new Error(`importer emitted a ${row.key} row, which register imports do not write`);
    }
    const key = row.key;
    let id = row.id;
    if (id === undefined && key !== 'dependency') {
      const name = nameOf(key, row.spec);
      id = (name && (draftByName.get(key)!.find(name) ?? existingByName.get(key)!.find(name))) || undefined;
      if (id && draftById.get(key)!.has(id)) id = undefined; // two rows of one name: the second gets its own id
      id ??= freshId(key, slugId(name || KINDS[key].idPrefix, KINDS[key].idPrefix));
    }
    if (id !== undefined && draftById.get(key)!.has(id)) {
      const twin = newDraft(row, key, id, false, false);
      twin.planned.reasons.push(
        `the key "${id}" is used twice in this import (also at ${draftById.get(key)!.get(id)!.planned.location})`,
      );
      duplicateKeys.push(twin);
      continue;
    }
    newDraft(row, key, id ?? `#dep-${drafts.length}`);
  }

  // 2. Resolve references; suppliers and products the file names but nobody has become new rows.
  const resolve = (draft: Draft, link: RowLink): string | undefined => {
    const key = refKindToKey(link.kind);
    const text = link.text.trim();
    const match = (how: LinkMatch['how'], id: string, extra: Partial<LinkMatch> = {}) => {
      draft.planned.matches.push({ field: link.field, text, kind: link.kind, id, how, ...extra });
      return id;
    };
    if (link.kind === 'component' && register.componentIds?.has(text)) return match('register-id', text);
    if (!key || !text) return undefined;
    if (draftById.get(key)!.has(text)) return match('key', text);
    if (existingById.get(key)!.has(text)) return match('register-id', text);
    const byName = draftByName.get(key)!.find(text);
    if (byName) return match('name', byName);
    const known = existingByName.get(key)!.find(text);
    if (known) return match('register-name', known);
    if (key === 'party') return supplierFor(draft, link, text, match);
    if (key === 'product') {
      const id = freshId('product', slugId(text, KINDS.product.idPrefix));
      const product = newDraft(
        { key: 'product', id, spec: { name: text }, at: link.at ?? draft.row.at, links: [] },
        'product',
        id,
        true,
      );
      const vendor = kb.matchVendor(text);
      if (vendor) product.row.links!.push({ field: 'vendorId', kind: 'party', text: vendor.vendor.name });
      return match('new', id);
    }
    return undefined;
  };

  const supplierFor = (
    draft: Draft,
    link: RowLink,
    text: string,
    match: (how: LinkMatch['how'], id: string, extra?: Partial<LinkMatch>) => string,
  ): string => {
    const vendor = kb.matchVendor(text);
    if (vendor) {
      // The party may exist under the vendor's own name or one of its aliases.
      for (const name of [vendor.vendor.name, ...vendor.vendor.aliases]) {
        const id = draftByName.get('party')!.find(name) ?? existingByName.get('party')!.find(name);
        if (id)
          return match(draftById.get('party')!.has(id) ? 'name' : 'register-name', id, {
            vendor: vendor.vendor.id,
            matchedOn: vendor.matchedOn,
            confidence: vendor.confidence,
          });
      }
      const id = freshId('party', slugId(vendor.vendor.id, KINDS.party.idPrefix));
      newDraft(
        {
          key: 'party',
          id,
          spec: {
            name: vendor.vendor.name,
            ...(normaliseName(text) !== normaliseName(vendor.vendor.name) ? { aliases: [text] } : {}),
          },
          at: link.at ?? draft.row.at,
          inferred: {
            name: {
              rule: 'kb.vendor-name-match',
              source: `knowledge base: vendor "${vendor.vendor.id}" (matched "${text}" on ${vendor.matchedOn})`,
              confidence: vendor.confidence,
            },
          },
        },
        'party',
        id,
        true,
      );
      return match('knowledge-base', id, {
        vendor: vendor.vendor.id,
        matchedOn: vendor.matchedOn,
        confidence: vendor.confidence,
      });
    }
    const id = freshId('party', slugId(text, KINDS.party.idPrefix));
    newDraft({ key: 'party', id, spec: { name: text }, at: link.at ?? draft.row.at }, 'party', id, true);
    return match('new', id);
  };

  // Drafts added while resolving are resolved too (a new product's vendor), hence the index loop.
  for (let i = 0; i < drafts.length; i++) {
    const draft = drafts[i]!;
    const { row, key } = draft;
    const links = row.links ?? [];
    const owned = new Set(row.owns ?? [...Object.keys(row.spec), ...links.map((l) => l.field)]);
    draft.owned = owned;
    const base = draft.existing ? envelopeless(draft.existing as unknown as Record<string, unknown>) : {};
    for (const field of owned) delete base[field];
    const spec: Record<string, unknown> = { ...base, ...row.spec };
    for (const [field, finer] of Object.entries(row.refinements ?? {})) {
      const stored = (draft.existing as Record<string, unknown> | undefined)?.[field];
      if (stored !== undefined && finer.includes(stored)) spec[field] = stored;
    }
    // A list of references the file owns is rebuilt from its links; one it does not own is added to.
    for (const link of links)
      if (link.many && !Array.isArray(row.spec[link.field]))
        spec[link.field] = owned.has(link.field) ? [] : [...((spec[link.field] as unknown[] | undefined) ?? [])];
    for (const link of links) {
      const id = resolve(draft, link);
      if (id === undefined) {
        draft.unresolved.add(link.field);
        draft.planned.reasons.push(
          `${link.at?.column ?? link.field}: no ${link.kind} with key or name "${link.text}" in this file or the register`,
        );
        continue;
      }
      const value = link.asRef ? formatRef({ kind: link.kind, id }) : id;
      if (!link.many) spec[link.field] = value;
      else if (!(spec[link.field] as unknown[]).includes(value)) (spec[link.field] as unknown[]).push(value);
    }
    draft.spec = spec;
    for (const [field, inf] of Object.entries(row.inferred ?? {})) {
      draft.fieldProvenance[field] = { method: 'inferred', rule: inf.rule, source: inf.source, at: when };
      draft.planned.inferred.push({ field, ...inf });
    }
    if (key === 'dependency' && draft.id.startsWith('#dep-')) {
      const known = dependencyByEnds.get(`${String(spec.from)}|${String(spec.to)}`);
      const id =
        known ?? freshId('dependency', slugId(`${String(spec.from)}-${String(spec.to)}`.replace(/:/g, '-'), 'dep'));
      draftById.get('dependency')!.delete(draft.id);
      draft.id = id;
      draft.planned.id = id;
      draft.existing = existingById.get('dependency')!.get(id);
      draft.planned.action = draft.existing ? 'update' : 'create';
      if (draft.existing) {
        const keep = envelopeless(draft.existing as unknown as Record<string, unknown>);
        for (const field of owned) delete keep[field];
        draft.spec = { ...keep, ...spec };
      }
      draftById.get('dependency')!.set(id, draft);
    }
    draft.name = nameOf(key, draft.spec) || draft.name;
    draft.planned.name = draft.name;
  }

  // 3. Knowledge-base enrichment of new records, as on entry: empty fields only, each one inferred —
  //    and only fields the file has no column for: an empty cell is the file's answer.
  for (const draft of drafts) {
    if (draft.existing) continue;
    const enriched =
      draft.key === 'party'
        ? enrichParty(draft.spec as { name: string }, kb, when)
        : draft.key === 'product'
          ? enrichProduct(draft.spec, vendorName(draft.spec.vendorId), kb, when)
          : draft.key === 'asset'
            ? enrichAsset(draft.spec, productCategory(draft.spec.productId), kb, when)
            : undefined;
    if (!enriched) continue;
    for (const [field, value] of Object.entries(enriched.fields)) {
      if (draft.owned.has(field)) continue;
      draft.spec[field] = value;
      draft.fieldProvenance[field] = enriched.provenance[field]!;
      draft.planned.inferred.push({
        field,
        rule: enriched.provenance[field]!.rule ?? 'kb',
        source: enriched.provenance[field]!.source,
      });
    }
  }
  function vendorName(id: unknown): string | undefined {
    if (typeof id !== 'string') return undefined;
    const d = draftById.get('party')!.get(id);
    return d ? String(d.spec.name) : (existingById.get('party')!.get(id) as { name?: string } | undefined)?.name;
  }
  function productCategory(id: unknown): string | undefined {
    if (typeof id !== 'string') return undefined;
    const d = draftById.get('product')!.get(id);
    const p = (d?.spec ?? existingById.get('product')!.get(id)) as { category?: string } | undefined;
    return p?.category;
  }

  // 4. Validate each row with the domain schema, and compare with what is stored.
  // One schema per kind: building a zod schema costs more than validating a row with it.
  const schemas = new Map<ImportKind, ReturnType<typeof createSchema>>();
  for (const draft of drafts) {
    const schema = schemas.get(draft.key) ?? schemas.set(draft.key, createSchema(draft.key)).get(draft.key)!;
    const parsed = schema.safeParse({ ...draft.spec, id: draft.id });
    if (!parsed.success) {
      // A cell the reader could not read is missing from the spec and already reported by its column.
      const unread = (field: unknown) =>
        draft.unresolved.has(String(field)) ||
        (!!draft.row.problems?.length && draft.row.spec[String(field)] === undefined);
      for (const issue of zodIssues(parsed.error))
        if (!unread(issue.path[0])) draft.planned.reasons.push(`${formatPath(issue.path)}: ${issue.message}`);
      if (!draft.planned.reasons.length) draft.planned.reasons.push('the row is not a valid record');
      continue;
    }
    const { id: _id, provenance: _p, ...spec } = parsed.data as Record<string, unknown>;
    draft.spec = spec;
    if (!draft.existing) continue;
    const before = schema.safeParse(envelopeless(draft.existing as unknown as Record<string, unknown>));
    const old = before.success ? (before.data as Record<string, unknown>) : {};
    for (const field of new Set([...Object.keys(old), ...Object.keys(spec)]))
      if (canonical(old[field]) !== canonical(spec[field]))
        draft.planned.changes.push({ field, before: old[field], after: spec[field] });
    if (!draft.planned.changes.length) draft.planned.action = 'unchanged';
  }

  // 5. References must land on records that exist after the import; a rejected row takes its referrers with it.
  const survives = (key: ImportKind, id: string): boolean => {
    const d = draftById.get(key)!.get(id);
    return d ? d.planned.reasons.length === 0 : existingById.get(key)!.has(id);
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const draft of drafts) {
      if (draft.planned.reasons.length) continue;
      for (const ref of referencesOf(draft.key, draft.spec)) {
        const target = refKindToKey(ref.kind);
        if (target && !survives(target, ref.id)) {
          const d = draftById.get(target)!.get(ref.id);
          draft.planned.reasons.push(
            d
              ? `${ref.field}: refers to ${KINDS[target].kind} "${ref.id}" (${d.planned.location}), which is rejected`
              : `${ref.field}: no ${KINDS[target].kind} with id "${ref.id}" in this organisation`,
          );
          changed = true;
          break;
        }
      }
    }
  }
  // Ownership must stay a tree.
  const parentOf = new Map<string, string | undefined>();
  for (const p of register.party) parentOf.set(p.id, p.parentId);
  for (const d of drafts)
    if (d.key === 'party' && !d.planned.reasons.length) parentOf.set(d.id, d.spec.parentId as string | undefined);
  const cycle = findParentCycle(parentOf);
  if (cycle)
    for (const id of cycle) {
      const d = draftById.get('party')!.get(id);
      d?.planned.reasons.push(`parent: makes an ownership cycle ${[...cycle, cycle[0]].join(' → ')}`);
    }

  for (const d of [...drafts, ...duplicateKeys]) if (d.planned.reasons.length) d.planned.action = 'reject';

  // 6. The organisation: a file may name its LEI (DORA); it must not contradict the register.
  const organisation: FieldChange[] = [];
  const blocking: string[] = [];
  const stated = input.organisation ?? {};
  const notes = [...(input.notes ?? [])];
  const statedLei = (stated.identifiers as { lei?: string } | undefined)?.lei;
  const lei = register.organisation.identifiers?.lei;
  if (statedLei && lei && statedLei !== lei)
    blocking.push(
      `the file is the register of the entity with LEI ${statedLei}, but this organisation's LEI is ${lei}`,
    );
  else if (statedLei && !lei && isValidLei(statedLei))
    organisation.push({ field: 'identifiers.lei', after: statedLei });
  else if (statedLei && !lei)
    notes.push(`the file names the entity's LEI as "${statedLei}", which is not a valid LEI; it is not stored`);
  // The entity a file describes is the organisation: its name and country as the file states them.
  for (const field of ['name', 'country'] as const) {
    const value = stated[field];
    if (typeof value === 'string' && value && value !== register.organisation[field])
      organisation.push({ field, before: register.organisation[field], after: value });
  }

  const provenanceOf = (d: Draft): Provenance => {
    const base: Provenance = { method: 'imported', source: input.source, at: when };
    return Object.keys(d.fieldProvenance).length ? { ...base, fields: d.fieldProvenance } : base;
  };
  const writes: PlannedWrite[] = [];
  for (const key of IMPORT_KINDS)
    for (const d of drafts)
      if (d.key === key && (d.planned.action === 'create' || d.planned.action === 'update'))
        writes.push({
          key,
          op: d.planned.action,
          record: { ...d.spec, id: d.id, provenance: provenanceOf(d) },
          ...(d.existing ? { before: d.existing } : {}),
        });

  const rows = [...drafts, ...duplicateKeys].map((d) => d.planned);
  const counts: Record<RowAction, number> = { create: 0, update: 0, unchanged: 0, reject: 0 };
  for (const r of rows) counts[r.action]++;
  return {
    format: input.format,
    source: input.source,
    rows,
    counts,
    unmapped: input.unmapped,
    notes,
    organisation,
    blocking,
    writes,
  };
}

/** The references a spec makes, by field, as kind and id. */
function referencesOf(key: ImportKind, spec: Record<string, unknown>): { field: string; kind: RefKind; id: string }[] {
  const out: { field: string; kind: RefKind; id: string }[] = [];
  for (const ref of KINDS[key].references) {
    const kind = ref.kind as RefKind;
    const value = spec[ref.field];
    for (const id of Array.isArray(value) ? value : value === undefined ? [] : [value])
      out.push({ field: ref.field, kind, id: String(id) });
  }
  if (key === 'dependency')
    for (const field of ['from', 'to']) {
      const r = typeof spec[field] === 'string' ? parseRef(spec[field]) : undefined;
      if (r) out.push({ field, kind: r.kind, id: r.id });
    }
  return out;
}
