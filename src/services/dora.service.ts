/**
 * The DORA register of information of an organisation: built from its register (and the package it
 * last imported, for the values the register has no field for), checked before export the way a
 * supervisor checks it, and written as the EBA's xBRL-CSV report package.
 */
import { InputError, type OrganisationRecord } from '../domain/index.js';
import type { DoraCheckIssue, DoraReport, DoraTags } from '../ingest/dora/dora-model.js';
import { gapReport, type GapReport } from '../ingest/dora/gap-report.js';
import { writeDoraPackage } from '../ingest/dora/package-writer.js';
import { checkDoraReport } from '../ingest/dora/preflight.js';
import type { Store } from '../store/database.js';
import * as orgs from '../store/organisation.repository.js';
import { organisationDoraExport, type DoraExportOptions } from './dora-export.js';
import { ImportService } from './import.service.js';
import { KnowledgeService } from './knowledge.service.js';
import { NotFoundError } from '../domain/index.js';

export type { DoraExportOptions } from './dora-export.js';

export interface DoraCheck {
  report: DoraReport;
  tags: DoraTags;
  issues: DoraCheckIssue[];
  gap: GapReport;
}

const REF_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Stands for the entity's LEI in a draft package of an organisation that has none. */
export const MISSING_LEI = 'NOLEI';

export class DoraService {
  private readonly knowledge: KnowledgeService;
  private readonly imports: ImportService;

  constructor(readonly store: Store) {
    this.knowledge = new KnowledgeService(store);
    this.imports = new ImportService(store);
  }

  /** The register as DORA templates, every cell tagged, with the pre-flight findings and the gap report. */
  async check(orgId: string, options: DoraExportOptions = {}): Promise<DoraCheck> {
    const db = this.store.db;
    const organisation: OrganisationRecord | undefined = await orgs.getOrganisation(db, orgId);
    if (!organisation) throw new NotFoundError(`no organisation with id "${orgId}"`);
    const now = new Date();
    const refPeriod = options.refPeriod ?? `${now.getUTCFullYear() - 1}-12-31`;
    if (!REF_DATE.test(refPeriod) || Number.isNaN(Date.parse(refPeriod)))
      throw new InputError(`the reference date "${refPeriod}" is not a date (YYYY-MM-DD)`, [
        { path: ['refPeriod'], message: 'use YYYY-MM-DD' },
      ]);
    const { report, tags } = await organisationDoraExport(
      db,
      organisation,
      await this.knowledge.indexFor(orgId, db),
      await this.imports.doraSupplement(orgId, db),
      { ...options, refPeriod },
    );
    // Without an LEI the package still needs a name; the placeholder keeps a draft readable, and the
    // pre-flight check reports the missing LEI as blocking.
    if (!report.entityLei) report.entityLei = MISSING_LEI;
    const issues = checkDoraReport(report);
    return { report, tags, issues, gap: gapReport(report, tags, issues) };
  }

  /**
   * The package, when nothing blocks filing; with `draft`, also when something does (to work on it
   * elsewhere) — the findings come back either way.
   */
  async export(
    orgId: string,
    options: DoraExportOptions & { draft?: boolean } = {},
  ): Promise<{ name: string; bytes: Buffer; check: DoraCheck }> {
    const check = await this.check(orgId, options);
    const blocking = check.issues.filter((i) => i.blocking);
    if (blocking.length && !options.draft)
      throw new InputError(
        `the DORA register of "${orgId}" has ${blocking.length} problems that would make a supervisor reject it; nothing was written (see the gap report, or export a draft)\n${blocking
          .slice(0, 20)
          .map(
            (i) =>
              `${i.template}${i.row !== undefined ? ` row ${i.row + 1}` : ''}${i.column ? ` ${i.column}` : ''}: ${i.message}`,
          )
          .join('\n')}${blocking.length > 20 ? `\n… and ${blocking.length - 20} more` : ''}`,
        blocking.map((i) => ({
          path: [i.template, ...(i.row !== undefined ? [i.row] : []), ...(i.column ? [i.column] : [])],
          message: i.message,
        })),
        undefined,
        { gap: check.gap },
      );
    const { name, bytes } = await writeDoraPackage(check.report);
    return { name, bytes, check };
  }
}
