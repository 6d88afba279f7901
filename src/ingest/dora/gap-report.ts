/**
 * The gap report of an exported register of information: per template, how many cells the register
 * filled, how many were inferred and how many are missing, and which missing fields block filing —
 * the mandatory fields pre-flight reports empty — named by their column label. "Ready to file" means
 * pre-flight found nothing a supervisor would reject.
 */
import {
  DORA_TEMPLATES,
  type DoraCheckIssue,
  type DoraReport,
  type DoraTags,
  type DoraTemplate,
} from './dora-model.js';
import { columnLabel } from './taxonomy.js';

/** A finding of pre-flight that blocks filing, with the label of its column. */
export interface BlockingItem {
  template: DoraTemplate;
  /** 0-based row of the template (CSV line = row + 2). */
  row?: number;
  column?: string;
  label?: string;
  check: string;
  message: string;
}

export interface MissingField {
  column: string;
  /** "B_02.02 c0080 (End date of the contractual arrangement)". */
  label: string;
  /** 0-based rows of the template where the field is empty (CSV line = row + 2). */
  rows: number[];
}

export interface TemplateGaps {
  template: DoraTemplate;
  rows: number;
  filled: number;
  inferred: number;
  missing: number;
  /** Mandatory fields left empty (MISSING cells that block filing), each with the rows it is empty in. */
  missingFields: MissingField[];
  /** Every finding of pre-flight for the template that blocks filing: the missing fields and the rest. */
  blocking: BlockingItem[];
  warnings: number;
}

export interface GapReport {
  templates: TemplateGaps[];
  totals: { filled: number; inferred: number; missing: number; blocking: number };
  /** No blocking pre-flight finding. */
  readyToFile: boolean;
}

export function gapReport(report: DoraReport, tags: DoraTags, issues: readonly DoraCheckIssue[]): GapReport {
  const templates = DORA_TEMPLATES.map((template): TemplateGaps => {
    const counts = { filled: 0, inferred: 0, missing: 0 };
    for (const row of tags[template] ?? [])
      for (const tag of Object.values(row))
        if (tag.status === 'FILLED') counts.filled++;
        else if (tag.status === 'INFERRED') counts.inferred++;
        else counts.missing++;
    const own = issues.filter((i) => i.template === template);
    const byColumn = new Map<string, number[]>();
    for (const i of own)
      if (i.blocking && i.check === 'mandatory' && i.column)
        byColumn.set(i.column, [...(byColumn.get(i.column) ?? []), ...(i.row !== undefined ? [i.row] : [])]);
    const missingFields = [...byColumn]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([column, rows]) => ({ column, label: columnLabel(template, column), rows }));
    return {
      template,
      rows: report.tables[template].length,
      ...counts,
      missingFields,
      blocking: own
        .filter((i) => i.blocking)
        .map((i) => ({
          template,
          ...(i.row !== undefined ? { row: i.row } : {}),
          ...(i.column ? { column: i.column, label: columnLabel(template, i.column) } : {}),
          check: i.check,
          message: i.message,
        })),
      warnings: own.filter((i) => !i.blocking).length,
    };
  });
  const sum = (f: (t: TemplateGaps) => number) => templates.reduce((s, t) => s + f(t), 0);
  const blocking = issues.filter((i) => i.blocking).length;
  return {
    templates,
    totals: {
      filled: sum((t) => t.filled),
      inferred: sum((t) => t.inferred),
      missing: sum((t) => t.missing),
      blocking,
    },
    readyToFile: blocking === 0,
  };
}
