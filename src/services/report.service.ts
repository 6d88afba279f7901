/**
 * The board report: gathers the analysis, the built-in scenarios' outcomes, exit plans, measures
 * and (with `since`) the changes since a snapshot, and renders them as Markdown, HTML (charts as
 * SVG) or PDF (the HTML printed by Chromium); and the register with its risks and findings as XLSX.
 */
import { boardReport, type BoardReport } from '../analysis/index.js';
import { InputError, KIND_ORDER } from '../domain/index.js';
import { renderHtml } from '../report/html.js';
import { renderMarkdown, type ReportLang } from '../report/markdown.js';
import { htmlToPdf } from '../report/pdf.js';
import { renderXlsx, type WorkbookInput } from '../report/xlsx.js';
import type { Store } from '../store/database.js';
import { allRecords } from '../store/record.repository.js';
import { AnalysisService } from './analysis.service.js';
import { KnowledgeService } from './knowledge.service.js';
import { RegisterService } from './register.service.js';
import { ScenarioService } from './scenario.service.js';
import { SnapshotService } from './snapshot.service.js';
import { VulnService } from './vuln.service.js';

export const REPORT_FORMATS = ['md', 'html', 'pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class ReportService {
  private readonly register: RegisterService;
  private readonly analysis: AnalysisService;
  private readonly scenarios: ScenarioService;
  private readonly snapshots: SnapshotService;
  private readonly knowledge: KnowledgeService;
  constructor(readonly store: Store) {
    this.knowledge = new KnowledgeService(store);
    this.register = new RegisterService(store);
    this.analysis = new AnalysisService(store);
    this.scenarios = new ScenarioService(store);
    this.snapshots = new SnapshotService(store);
  }

  async report(orgId: string, options: { since?: string; date?: Date } = {}): Promise<BoardReport> {
    const organisation = await this.register.getOrganisation(orgId);
    const date = options.date ?? new Date();
    const since = options.since ? await this.snapshots.changes(orgId, options.since) : undefined;
    const config = (await this.knowledge.riskConfig(orgId)).effective;
    return boardReport({
      organisation: { id: organisation.id, name: organisation.name },
      analysis: await this.analysis.analyse(orgId, date),
      scenarios: await this.scenarios.libraryOutcomes(orgId),
      exitPlans: await allRecords(this.store.db, 'exitPlan', orgId),
      measures: await allRecords(this.store.db, 'measure', orgId),
      weights: { continuity: config.continuityWeights, access: config.accessWeights },
      ...(since ? { since: { id: since.from.id, takenAt: since.from.takenAt, changes: since.changes } } : {}),
      date,
    });
  }

  /** The register, every asset's risk and the vulnerability findings as an Excel workbook. */
  async workbook(orgId: string): Promise<Buffer> {
    const organisation = await this.register.getOrganisation(orgId);
    const records: Record<string, unknown[]> = {};
    for (const key of KIND_ORDER) records[key] = await allRecords(this.store.db, key, orgId);
    return renderXlsx({
      organisation: { id: organisation.id, name: organisation.name },
      records: records as WorkbookInput['records'],
      summary: await this.analysis.summary(orgId),
      findings: await new VulnService(this.store).findings(orgId),
    });
  }

  async render(orgId: string, options: { format: string; lang: string; since?: string }): Promise<string | Buffer> {
    if (!(REPORT_FORMATS as readonly string[]).includes(options.format))
      throw new InputError(`report format "${options.format}": this version writes ${REPORT_FORMATS.join(', ')}`, [
        { path: ['format'], message: `one of ${REPORT_FORMATS.join(', ')}` },
      ]);
    if (options.lang !== 'nl' && options.lang !== 'en')
      throw new InputError(`report language "${options.lang}": nl or en`, [{ path: ['lang'], message: 'nl or en' }]);
    if (options.format === 'xlsx') return this.workbook(orgId);
    const r = await this.report(orgId, options.since ? { since: options.since } : {});
    const lang = options.lang as ReportLang;
    if (options.format === 'md') return renderMarkdown(r, lang);
    const html = renderHtml(r, lang);
    return options.format === 'html' ? html : htmlToPdf(html);
  }
}
