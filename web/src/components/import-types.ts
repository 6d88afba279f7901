/**
 * What the import API answers (src/services/import.service.ts ImportReport, src/ingest/import-plan.ts
 * PlannedRow) and the DORA check (src/ingest/dora/gap-report.ts), as the import page reads them, and
 * the upload itself: the file is the request body, sent as it is.
 */
import type { ImportPlan, PlannedRow } from '../../../src/ingest/import-plan';
import { ApiError, type ApiIssue } from '../api';

// The plan's shapes are the planner's own types (type-only imports: nothing of src/ is bundled).
export type { FieldChange, LinkMatch, RowAction } from '../../../src/ingest/import-plan';
export type { Unmapped } from '../../../src/ingest/register-import';
export type PlanRow = PlannedRow;
/** The plan as the API sends it: without the records to write. */
export type ImportReport = Omit<ImportPlan, 'writes'> & { committed: boolean };

export const IMPORT_FORMATS = ['csv', 'xlsx', 'archimate', 'dora'] as const;
/** The kinds a CSV file may hold, as the API names them (`?kind=`). */
export const CSV_KINDS = ['process', 'party', 'product', 'asset', 'dependency', 'contract', 'exit-plan'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];
/** The kinds by name, for the kind choice and the CSV template links. */
export const CSV_KIND_LABELS: Record<CsvKind, { nl: string; en: string }> = {
  process: { nl: 'Processen', en: 'Processes' },
  party: { nl: 'Partijen', en: 'Parties' },
  product: { nl: 'Producten', en: 'Products' },
  asset: { nl: 'Voorzieningen', en: 'Assets' },
  dependency: { nl: 'Afhankelijkheden', en: 'Dependencies' },
  contract: { nl: 'Contracten', en: 'Contracts' },
  'exit-plan': { nl: 'Exitplannen', en: 'Exit plans' },
};

/** An import error; a refused commit carries the plan that says which rows were rejected. */
export class ImportError extends ApiError {
  constructor(
    status: number,
    message: string,
    issues: ApiIssue[],
    readonly plan?: ImportReport,
  ) {
    super(status, message, issues);
  }
}

/** Sends the file for a dry run or a commit; the answer is the plan. */
export async function sendImport(
  base: string,
  file: File,
  options: { format?: string; kind?: string; lenient?: boolean; dryRun: boolean },
): Promise<ImportReport> {
  const query = new URLSearchParams({ name: file.name || 'upload', dryRun: String(options.dryRun) });
  if (options.format) query.set('format', options.format);
  if (options.kind) query.set('kind', options.kind);
  if (options.lenient) query.set('lenient', 'true');
  const res = await fetch(`${base}/imports?${query.toString()}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
  });
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const e = (data ?? {}) as { message?: string; issues?: ApiIssue[]; details?: { plan?: ImportReport } };
    throw new ImportError(res.status, e.message ?? res.statusText, e.issues ?? [], e.details?.plan);
  }
  return data as ImportReport;
}

// ---- the DORA check ------------------------------------------------------------------------------

export interface GapProblem {
  template?: string;
  /** 0-based row of the template. */
  row?: number;
  column?: string;
  /** "B_02.02 c0080 (End date of the contractual arrangement)". */
  label?: string;
  check?: string;
  message: string;
}

/** A mandatory field left empty, with the 0-based rows it is empty in. */
export interface MissingField {
  column: string;
  label: string;
  rows: number[];
}

export interface GapTemplate {
  template: string;
  rows: number;
  filled: number;
  inferred: number;
  missing: number;
  missingFields: MissingField[];
  blocking: GapProblem[];
}

export interface DoraIssue {
  template: string;
  row?: number;
  column?: string;
  check: string;
  message: string;
  blocking: boolean;
}

export interface DoraCheck {
  templates: GapTemplate[];
  /** How many findings block filing. */
  blocking: number;
  readyToFile: boolean;
  issues: DoraIssue[];
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The check's answer in one shape. The gap report is read defensively: a template's `blocking` may
 * be the problems or only their number, and "ready to file" follows from the blocking issues when
 * the report does not say it.
 */
export function readDoraCheck(body: unknown): DoraCheck {
  const { gap, issues } = (body ?? {}) as { gap?: unknown; issues?: unknown };
  const list = (Array.isArray(issues) ? issues : []) as Record<string, unknown>[];
  const doraIssues: DoraIssue[] = list.map((i) => ({
    template: str(i.template) ?? '',
    ...(typeof i.row === 'number' ? { row: i.row } : {}),
    ...(str(i.column) ? { column: str(i.column)! } : {}),
    check: str(i.check) ?? '',
    message: str(i.message) ?? '',
    blocking: i.blocking === true,
  }));
  const g = (gap ?? {}) as { templates?: unknown; readyToFile?: unknown; totals?: { blocking?: unknown } };
  const templates = (Array.isArray(g.templates) ? g.templates : []) as Record<string, unknown>[];
  const read = {
    templates: templates.map((t): GapTemplate => {
      const template = str(t.template) ?? '';
      const blocking = Array.isArray(t.blocking)
        ? (t.blocking as Record<string, unknown>[]).map((b) => ({
            template: str(b.template) ?? template,
            ...(typeof b.row === 'number' ? { row: b.row } : {}),
            ...(str(b.column) ? { column: str(b.column)! } : {}),
            ...(str(b.label) ? { label: str(b.label)! } : {}),
            ...(str(b.check) ? { check: str(b.check)! } : {}),
            message: str(b.message) ?? '',
          }))
        : doraIssues.filter((i) => i.blocking && i.template === template).map(({ blocking: _b, ...i }) => i);
      const missingFields = (Array.isArray(t.missingFields) ? t.missingFields : []) as Record<string, unknown>[];
      return {
        template,
        rows: num(t.rows),
        filled: num(t.filled),
        inferred: num(t.inferred),
        missing: num(t.missing),
        missingFields: missingFields.map((m) => ({
          column: str(m.column) ?? '',
          label: str(m.label) ?? str(m.column) ?? '',
          rows: Array.isArray(m.rows) ? m.rows.filter((r): r is number => typeof r === 'number') : [],
        })),
        blocking,
      };
    }),
    issues: doraIssues,
  };
  const counted = read.templates.reduce((n, t) => n + t.blocking.length, 0);
  const blocking =
    typeof g.totals?.blocking === 'number' ? g.totals.blocking : counted || doraIssues.filter((i) => i.blocking).length;
  return {
    ...read,
    blocking,
    readyToFile: typeof g.readyToFile === 'boolean' ? g.readyToFile : blocking === 0,
  };
}
