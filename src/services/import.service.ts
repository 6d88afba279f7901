/**
 * Imports of registers kept elsewhere (CSV, XLSX, ArchiMate, DORA): read the file with its importer,
 * plan the import against the register (src/ingest/import-plan.ts), and either show the plan (dry
 * run) or write it — every record, its history entry, the organisation's LEI and a DORA package's
 * supplement — in one transaction, and only when no row is rejected. Planning happens again inside
 * that transaction, so what is written is what the register holds at that moment, not at the dry run.
 */
import { eq } from 'drizzle-orm';
import {
  ConflictError,
  InputError,
  KINDS,
  type Issue,
  type KindKey,
  type OrganisationRecord,
  type RecordOf,
} from '../domain/index.js';
import {
  IMPORT_KINDS,
  planImport,
  type ExistingRegister,
  type ImportPlan,
  type PlannedRow,
} from '../ingest/import-plan.js';
import type { ImportFormat, RegisterImport, RegisterImporter } from '../ingest/register-import.js';
import { registerImporters } from '../ingest/register-importers.js';
import type { DoraSupplement } from '../ingest/dora/dora-model.js';
import type { Db, Store } from '../store/database.js';
import * as orgs from '../store/organisation.repository.js';
import * as records from '../store/record.repository.js';
import { doraSupplements } from '../store/schema.js';
import { KnowledgeService } from './knowledge.service.js';
import { organisationDoraExport } from './dora-export.js';

export interface ImportOptions {
  /** The file name, for messages and provenance. */
  name: string;
  /** The format; found from the name and first bytes when left out. */
  format?: ImportFormat;
  /** For CSV files whose headers do not say which kind of record they hold. */
  kind?: KindKey;
  /** Take in what can be mapped from a file whose parts refer to each other wrongly (see ImportContext). */
  lenient?: boolean;
}

/** The plan as clients see it: without the records to write. */
export type ImportReport = Omit<ImportPlan, 'writes'> & { committed: boolean };

const publicPlan = (plan: ImportPlan, committed: boolean): ImportReport => {
  const { writes: _w, ...rest } = plan;
  return { ...rest, committed };
};

/** A row as one line of a message: "assets.csv, line 4 (asset "x"): reason; reason". */
const rowLine = (r: PlannedRow) => `${r.location} (${r.kind} "${r.name || r.id}"): ${r.reasons.join('; ')}`;

export class ImportService {
  private readonly knowledge: KnowledgeService;

  constructor(
    readonly store: Store,
    private readonly importers: readonly RegisterImporter[] = registerImporters(),
  ) {
    this.knowledge = new KnowledgeService(store);
  }

  /** The importer for a file: the named format, or the first whose sniff recognises the file. */
  importerFor(options: ImportOptions, bytes: Uint8Array): RegisterImporter {
    if (options.format) {
      const importer = this.importers.find((i) => i.format === options.format);
      if (!importer)
        throw new InputError(
          `unknown import format "${options.format}"; use one of ${this.importers.map((i) => i.format).join(', ')}`,
          [{ path: ['format'], message: 'unknown format' }],
        );
      return importer;
    }
    const head = bytes.subarray(0, 4096);
    const importer = this.importers.find((i) => i.sniff(options.name, head));
    if (!importer)
      throw new InputError(
        `cannot tell the format of ${options.name}; name it (${this.importers.map((i) => i.format).join(', ')})`,
        [{ path: ['format'], message: 'format not recognised' }],
        options.name,
      );
    return importer;
  }

  async read(
    orgId: string,
    bytes: Uint8Array,
    options: ImportOptions,
    db: Db = this.store.db,
  ): Promise<RegisterImport> {
    const kb = await this.knowledge.indexFor(orgId, db);
    return this.importerFor(options, bytes).read(bytes, options.name, {
      kb,
      at: new Date(),
      kind: options.kind,
      lenient: options.lenient,
      doraBaseline: async (pkg) => {
        const organisation = await orgs.getOrganisation(db, orgId);
        if (!organisation) return undefined;
        return organisationDoraExport(db, organisation, kb, await this.doraSupplement(orgId, db), {
          refPeriod: pkg.refPeriod,
          consolidation: pkg.consolidation,
          country: pkg.country,
        });
      },
    });
  }

  /** The dry run: what the import would do, row by row. Writes nothing. */
  async plan(orgId: string, bytes: Uint8Array, options: ImportOptions): Promise<ImportReport> {
    const org = await this.organisation(this.store.db, orgId);
    const input = await this.read(orgId, bytes, options);
    return publicPlan(await this.planIn(this.store.db, org, input), false);
  }

  /** Imports the file: all of it, or — when any row is rejected — nothing, with the plan in the error. */
  async commit(orgId: string, bytes: Uint8Array, options: ImportOptions & { actor: string }): Promise<ImportReport> {
    const input = await this.read(orgId, bytes, options);
    return this.store.transaction(async ({ db }) => {
      const org = await this.organisation(db, orgId);
      const plan = await this.planIn(db, org, input);
      const rejected = plan.rows.filter((r) => r.action === 'reject');
      if (rejected.length || plan.blocking.length) {
        const issues: Issue[] = [
          ...plan.blocking.map((message) => ({ path: [input.source], message })),
          ...rejected.map((r) => ({
            path: [r.location],
            message: `${r.kind} "${r.name || r.id}": ${r.reasons.join('; ')}`,
          })),
        ];
        const shown = [...plan.blocking, ...rejected.slice(0, 20).map(rowLine)];
        throw new InputError(
          `${input.source} was not imported: ${rejected.length} of ${plan.rows.length} rows rejected${plan.blocking.length ? ', and the file does not fit this organisation' : ''}; nothing was written\n${shown.join('\n')}${rejected.length > 20 ? `\n… and ${rejected.length - 20} more` : ''}`,
          issues,
          input.source,
          { plan: publicPlan(plan, false) },
        );
      }
      await this.write(db, org, plan, input, options.actor);
      return publicPlan(plan, true);
    });
  }

  /** The DORA package last imported for the organisation, if any. */
  async doraSupplement(orgId: string, db: Db = this.store.db): Promise<DoraSupplement | undefined> {
    const rows = await db.select().from(doraSupplements).where(eq(doraSupplements.orgId, orgId));
    return rows[0]?.report as DoraSupplement | undefined;
  }

  private async organisation(db: Db, orgId: string): Promise<OrganisationRecord> {
    const org = await orgs.getOrganisation(db, orgId);
    if (!org) throw new InputError(`no organisation with id "${orgId}"`, [{ path: ['org'], message: 'not found' }]);
    return org;
  }

  private async planIn(db: Db, org: OrganisationRecord, input: RegisterImport): Promise<ImportPlan> {
    const register: Record<string, unknown> = { organisation: org };
    for (const key of IMPORT_KINDS) register[key] = await records.allRecords(db, key, org.id);
    const componentKeys = input.rows.flatMap((r) =>
      (r.links ?? []).filter((l) => l.kind === 'component').map((l) => l.text.trim()),
    );
    if (componentKeys.length) register.componentIds = await records.existingIds(db, 'component', org.id, componentKeys);
    const kb = await this.knowledge.indexFor(org.id, db);
    return planImport(input, register as ExistingRegister, kb, new Date());
  }

  private async write(
    db: Db,
    org: OrganisationRecord,
    plan: ImportPlan,
    input: RegisterImport,
    actor: string,
  ): Promise<void> {
    const at = new Date().toISOString();
    const history: orgs.ChangeEntry[] = [];
    for (const key of IMPORT_KINDS) {
      const creates: Record<string, unknown>[] = [];
      for (const w of plan.writes) {
        if (w.key !== key) continue;
        if (w.op === 'create') {
          const record = { ...w.record, revision: 1, createdAt: at, updatedAt: at };
          creates.push(record);
          history.push({
            orgId: org.id,
            actor,
            kind: KINDS[key].kind,
            recordId: String(w.record.id),
            op: 'create',
            after: record,
          });
        } else {
          const before = w.before as RecordOf<KindKey>;
          const record = { ...w.record, revision: before.revision + 1, createdAt: before.createdAt, updatedAt: at };
          if (!(await records.updateRecord(db, key, org.id, record, before.revision)))
            throw new ConflictError(`${KINDS[key].kind} "${before.id}" was changed during the import; try again`);
          history.push({
            orgId: org.id,
            actor,
            kind: KINDS[key].kind,
            recordId: before.id,
            op: 'update',
            before,
            after: record,
          });
        }
      }
      if (creates.length) await records.insertRecords(db, key, org.id, creates);
    }
    if (plan.organisation.length) {
      const change = (field: string) => plan.organisation.find((c) => c.field === field)?.after as string | undefined;
      const lei = change('identifiers.lei');
      const next: OrganisationRecord = {
        ...org,
        ...(change('name') ? { name: change('name')! } : {}),
        ...(change('country') ? { country: change('country')! } : {}),
        identifiers: { ...org.identifiers, ...(lei ? { lei } : {}) },
        revision: org.revision + 1,
        updatedAt: at,
        provenance: { method: 'imported', source: input.source, at },
      };
      if (!(await orgs.updateOrganisation(db, next, org.revision)))
        throw new ConflictError(`organisation "${org.id}" was changed during the import; try again`);
      history.push({
        orgId: org.id,
        actor,
        kind: 'organisation',
        recordId: org.id,
        op: 'update',
        before: org,
        after: next,
      });
    }
    if (input.dora) {
      const row = { orgId: org.id, source: input.source, importedAt: new Date(at), actor, report: input.dora };
      await db
        .insert(doraSupplements)
        .values(row)
        .onConflictDoUpdate({
          target: doraSupplements.orgId,
          set: { source: row.source, importedAt: row.importedAt, actor, report: row.report },
        });
    }
    if (history.length) await orgs.appendChanges(db, history);
  }
}
