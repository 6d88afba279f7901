/**
 * Use cases of the register: create, read, update and delete organisations and their records.
 * Every write validates with the domain schemas, checks references and revisions, writes the
 * record and its change-history entry in one transaction.
 */
import { eq } from 'drizzle-orm';
import { deleteSbomOf } from '../store/sbom.repository.js';
import { doraSupplements, snapshots } from '../store/schema.js';
import {
  ConflictError,
  InputError,
  KINDS,
  NotFoundError,
  REF_KINDS,
  createSchema,
  describeIssues,
  entered,
  findParentCycle,
  formatRef,
  missingReferenceMessage,
  newId,
  organisationCreateSchema,
  organisationUpdateSchema,
  outgoingReferences,
  parseInput,
  updateSchema,
  type Issue,
  type KindKey,
  type OrganisationRecord,
  type Provenance,
  type RecordOf,
  type RefKind,
} from '../domain/index.js';
import type { Enriched } from '../analysis/enrich.js';
import type { Db, Store } from '../store/database.js';
import * as orgs from '../store/organisation.repository.js';
import * as records from '../store/record.repository.js';

export interface Actor {
  /** Who makes the change, as kept in the history ("cli:alice", "api"). */
  actor: string;
}
export interface WriteOptions extends Actor {
  /** The revision the change was based on; a stale one is a conflict. */
  revision?: number;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; absent on the last page. */
  nextCursor?: string;
}

export interface ListOptions extends Omit<records.ListQuery, 'after' | 'limit'> {
  cursor?: string;
  limit?: number;
}

export const MAX_PAGE = 500;

export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}
export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!id || encodeCursor(id) !== cursor)
    throw new InputError('invalid cursor', [{ path: ['cursor'], message: 'not a cursor this API returned' }]);
  return id;
}

const now = () => new Date().toISOString();

/** Fills empty fields of a new record from the knowledge base (see EnrichmentService). */
export type Enricher = (
  db: Db,
  key: KindKey,
  orgId: string,
  spec: Record<string, unknown>,
  at: string,
) => Promise<Enriched>;

export class RegisterService {
  constructor(
    readonly store: Store,
    private readonly enrich?: Enricher,
  ) {}

  // ---- organisations -------------------------------------------------------------------------

  listOrganisations(): Promise<OrganisationRecord[]> {
    return orgs.listOrganisations(this.store.db);
  }

  async getOrganisation(id: string, db: Db = this.store.db): Promise<OrganisationRecord> {
    const org = await orgs.getOrganisation(db, id);
    if (!org) throw new NotFoundError(`no organisation with id "${id}"`);
    return org;
  }

  async createOrganisation(input: unknown, { actor }: Actor): Promise<OrganisationRecord> {
    const parsed = parseInput(organisationCreateSchema, input, 'organisation');
    const at = now();
    const { provenance, ...spec } = parsed;
    const org: OrganisationRecord = {
      ...spec,
      revision: 1,
      createdAt: at,
      updatedAt: at,
      provenance: provenance ?? entered(new Date(at)),
    };
    return this.store.transaction(async ({ db }) => {
      if (await orgs.getOrganisation(db, org.id))
        throw new ConflictError(`an organisation with id "${org.id}" already exists`);
      await orgs.insertOrganisation(db, org);
      await orgs.appendChanges(db, [
        { orgId: org.id, actor, kind: 'organisation', recordId: org.id, op: 'create', after: org },
      ]);
      return org;
    });
  }

  async updateOrganisation(id: string, input: unknown, options: WriteOptions): Promise<OrganisationRecord> {
    const parsed = parseInput(organisationUpdateSchema, input, 'organisation');
    const { revision, ...spec } = parsed;
    return this.store.transaction(async ({ db }) => {
      const current = await this.getOrganisation(id, db);
      const expected = checkRevision('organisation', id, current.revision, options.revision ?? revision);
      const next: OrganisationRecord = {
        ...spec,
        id,
        revision: current.revision + 1,
        createdAt: current.createdAt,
        updatedAt: now(),
        provenance: entered(),
      };
      if (!(await orgs.updateOrganisation(db, next, expected))) throw staleRevision('organisation', id);
      await orgs.appendChanges(db, [
        {
          orgId: id,
          actor: options.actor,
          kind: 'organisation',
          recordId: id,
          op: 'update',
          before: current,
          after: next,
        },
      ]);
      return next;
    });
  }

  /** Deletes an organisation that holds no records (its history stays). */
  async deleteOrganisation(id: string, options: WriteOptions): Promise<void> {
    await this.store.transaction(async ({ db }) => {
      const current = await this.getOrganisation(id, db);
      checkRevision('organisation', id, current.revision, options.revision);
      const counts = await this.countsIn(db, id);
      const held = Object.entries(counts).filter(([, n]) => n > 0);
      if (held.length)
        throw new ConflictError(
          `organisation "${id}" still holds records (${held.map(([k, n]) => `${n} ${k}`).join(', ')}); delete them first`,
          { counts },
        );
      // Snapshots and an imported DORA package describe the records just deleted; they go with the organisation.
      await db.delete(snapshots).where(eq(snapshots.orgId, id));
      await db.delete(doraSupplements).where(eq(doraSupplements.orgId, id));
      await orgs.deleteOrganisation(db, id);
      await orgs.appendChanges(db, [
        { orgId: id, actor: options.actor, kind: 'organisation', recordId: id, op: 'delete', before: current },
      ]);
    });
  }

  /** Number of records per kind (plural names) in an organisation. */
  async countsIn(db: Db, orgId: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const key of Object.keys(KINDS) as KindKey[])
      counts[KINDS[key].plural] = await records.countRecords(db, key, orgId);
    return counts;
  }

  async counts(orgId: string): Promise<Record<string, number>> {
    await this.getOrganisation(orgId);
    return this.countsIn(this.store.db, orgId);
  }

  // ---- records -------------------------------------------------------------------------------

  async list<K extends KindKey>(key: K, orgId: string, options: ListOptions = {}): Promise<Page<RecordOf<K>>> {
    const limit = Math.min(Math.max(options.limit ?? 50, 1), MAX_PAGE);
    const items = await records.listRecords(this.store.db, key, orgId, {
      ...options,
      after: options.cursor === undefined ? undefined : decodeCursor(options.cursor),
      limit: limit + 1,
    });
    // Records imply their organisation; only an empty page needs to ask whether it exists (404).
    if (!items.length) await this.getOrganisation(orgId);
    const more = items.length > limit;
    if (more) items.length = limit;
    return more ? { items, nextCursor: encodeCursor(items[items.length - 1]!.id) } : { items };
  }

  async get<K extends KindKey>(key: K, orgId: string, id: string, db: Db = this.store.db): Promise<RecordOf<K>> {
    const record = await records.getRecord(db, key, orgId, id);
    if (!record) {
      await this.getOrganisation(orgId, db);
      throw new NotFoundError(`no ${KINDS[key].kind} with id "${id}" in organisation "${orgId}"`);
    }
    return record;
  }

  async create<K extends KindKey>(key: K, orgId: string, input: unknown, { actor }: Actor): Promise<RecordOf<K>> {
    const parsed = parseInput(createSchema(key), input, KINDS[key].kind) as Record<string, unknown>;
    const { id: givenId, provenance, ...spec } = parsed;
    const at = now();
    return this.store.transaction(async ({ db }) => {
      await this.getOrganisation(orgId, db);
      const enriched = this.enrich ? await this.enrich(db, key, orgId, spec, at) : { fields: {}, provenance: {} };
      const base = (provenance as Provenance | undefined) ?? entered(new Date(at));
      const record = {
        ...spec,
        ...enriched.fields,
        id: (givenId as string | undefined) ?? newId(KINDS[key].idPrefix),
        revision: 1,
        createdAt: at,
        updatedAt: at,
        provenance: Object.keys(enriched.provenance).length
          ? { ...base, fields: { ...base.fields, ...enriched.provenance } }
          : base,
      } as unknown as RecordOf<K>;
      if (await records.getRecord(db, key, orgId, record.id))
        throw new ConflictError(`a ${KINDS[key].kind} with id "${record.id}" already exists`);
      await this.checkReferences(db, key, orgId, record);
      await records.insertRecords(db, key, orgId, [record]);
      await orgs.appendChanges(db, [
        { orgId, actor, kind: KINDS[key].kind, recordId: record.id, op: 'create', after: record },
      ]);
      return record;
    });
  }

  /** Replaces a record's spec with `input` (absent optional fields are cleared). */
  replace<K extends KindKey>(
    key: K,
    orgId: string,
    id: string,
    input: unknown,
    options: WriteOptions,
  ): Promise<RecordOf<K>> {
    return this.write(key, orgId, id, () => input, options);
  }

  /** Changes the fields `input` names and keeps the others. */
  patch<K extends KindKey>(
    key: K,
    orgId: string,
    id: string,
    input: unknown,
    options: WriteOptions,
  ): Promise<RecordOf<K>> {
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      throw new InputError(`invalid ${KINDS[key].kind}: expected an object of the fields to change`, [
        { path: [], message: 'expected an object' },
      ]);
    return this.write(key, orgId, id, (current) => ({ ...specOf(current), ...input }), options);
  }

  private async write<K extends KindKey>(
    key: K,
    orgId: string,
    id: string,
    nextInput: (current: RecordOf<K>) => unknown,
    options: WriteOptions,
  ): Promise<RecordOf<K>> {
    return this.store.transaction(async ({ db }) => {
      const current = await this.get(key, orgId, id, db);
      const parsed = parseInput(updateSchema(key), nextInput(current), KINDS[key].kind) as Record<string, unknown>;
      const { revision, ...spec } = parsed;
      const expected = checkRevision(
        KINDS[key].kind,
        id,
        current.revision,
        options.revision ?? (revision as number | undefined),
      );
      const next = {
        ...spec,
        id,
        revision: current.revision + 1,
        createdAt: current.createdAt,
        updatedAt: now(),
        provenance: entered(),
      } as unknown as RecordOf<K>;
      await this.checkReferences(db, key, orgId, next);
      if (!(await records.updateRecord(db, key, orgId, next, expected))) throw staleRevision(KINDS[key].kind, id);
      await orgs.appendChanges(db, [
        {
          orgId,
          actor: options.actor,
          kind: KINDS[key].kind,
          recordId: id,
          op: 'update',
          before: current,
          after: next,
        },
      ]);
      return next;
    });
  }

  async remove(key: KindKey, orgId: string, id: string, options: WriteOptions): Promise<void> {
    await this.store.transaction(async ({ db }) => {
      const current = await this.get(key, orgId, id, db);
      const expected = checkRevision(KINDS[key].kind, id, current.revision, options.revision);
      const referrers = await this.referrers(db, key, orgId, id);
      if (referrers.length)
        throw new ConflictError(
          `${KINDS[key].kind} "${id}" is still referred to by ${referrers.slice(0, 10).join(', ')}${referrers.length > 10 ? ', …' : ''}; remove those references first`,
          { referrers },
        );
      if (!(await records.deleteRecord(db, key, orgId, id, expected))) throw staleRevision(KINDS[key].kind, id);
      // An asset's SBOM document and findings go with it (its components are referrers, gone already).
      if (key === 'asset') await deleteSbomOf(db, orgId, id);
      await orgs.appendChanges(db, [
        { orgId, actor: options.actor, kind: KINDS[key].kind, recordId: id, op: 'delete', before: current },
      ]);
    });
  }

  history(orgId: string, query: orgs.ChangeQuery) {
    return orgs.listChanges(this.store.db, orgId, query);
  }

  /** Fails with every reference of `record` that points at nothing, and with party cycles. */
  private async checkReferences(db: Db, key: KindKey, orgId: string, record: RecordOf<KindKey>): Promise<void> {
    const refs = outgoingReferences(key, record as unknown as Record<string, unknown>);
    const issues: Issue[] = [];
    const byKind = new Map<KindKey, string[]>();
    for (const r of refs) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.id]);
    const found = new Map<KindKey, Set<string>>();
    for (const [kind, ids] of byKind) found.set(kind, await records.existingIds(db, kind, orgId, ids));
    for (const r of refs)
      if (!found.get(r.kind)!.has(r.id)) issues.push({ path: r.path, message: missingReferenceMessage(r) });
    if (key === 'party' && issues.length === 0) {
      const party = record as RecordOf<'party'>;
      const chain = new Map<string, string | undefined>([[party.id, party.parentId]]);
      for (let next = party.parentId; next !== undefined && !chain.has(next);) {
        const parent = await records.getRecord(db, 'party', orgId, next);
        chain.set(next, parent?.parentId);
        next = parent?.parentId;
      }
      const cycle = findParentCycle(chain);
      if (cycle)
        issues.push({
          path: ['parentId'],
          message: `this parent makes an ownership cycle: ${[...cycle, cycle[0]].join(' → ')}`,
        });
    }
    if (issues.length) throw new InputError(`invalid ${KINDS[key].kind}:\n${describeIssues(issues)}`, issues);
  }

  /** Records that refer to the record `key:id`, as "kind:id" strings. */
  private async referrers(db: Db, key: KindKey, orgId: string, id: string): Promise<string[]> {
    const found: string[] = [];
    const kind = KINDS[key].kind;
    for (const other of Object.keys(KINDS) as KindKey[]) {
      for (const ref of KINDS[other].references) {
        if (ref.kind !== kind) continue;
        for (const rid of await records.idsWhere(db, other, orgId, ref.field, id, !!ref.many))
          found.push(`${KINDS[other].kind} "${rid}"`);
      }
    }
    if ((REF_KINDS as readonly string[]).includes(kind)) {
      const ref = formatRef({ kind: kind as RefKind, id });
      for (const field of ['from', 'to'])
        for (const rid of await records.idsWhere(db, 'dependency', orgId, field, ref, false))
          found.push(`dependency "${rid}"`);
      for (const rid of await records.idsWhere(db, 'measure', orgId, 'targets', ref, true))
        found.push(`measure "${rid}"`);
    }
    return [...new Set(found)];
  }
}

/** The spec part of a record: everything but the envelope. */
export function specOf(record: Record<string, unknown>): Record<string, unknown> {
  const { id: _i, revision: _r, createdAt: _c, updatedAt: _u, provenance: _p, ...spec } = record;
  return spec;
}

function checkRevision(kind: string, id: string, current: number, expected: number | undefined): number {
  if (expected !== undefined && expected !== current)
    throw new ConflictError(
      `${kind} "${id}" was changed meanwhile: you sent revision ${expected}, the stored one is ${current}`,
      {
        currentRevision: current,
      },
    );
  return current;
}

function staleRevision(kind: string, id: string): ConflictError {
  return new ConflictError(`${kind} "${id}" was changed meanwhile; reload it and try again`);
}
