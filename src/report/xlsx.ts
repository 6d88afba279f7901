/**
 * The register and its findings as an Excel workbook (ExcelJS), for those who work in spreadsheets:
 * one sheet per record kind with the field names as headers, a sheet with every asset's risk, and
 * one with the vulnerability findings. Lists are joined with "; ", nested values written as JSON.
 */
import ExcelJS from 'exceljs';
import { KIND_ORDER, KINDS, type RecordOf } from '../domain/index.js';
import type { AnalysisSummary } from '../analysis/index.js';

export interface WorkbookInput {
  organisation: { id: string; name: string };
  records: { [K in (typeof KIND_ORDER)[number]]?: readonly RecordOf<K>[] };
  summary: AnalysisSummary;
  findings: readonly {
    assetId: string;
    component: { name: string; version?: string; purl?: string };
    vulnerability: { id: string; aliases: string[]; summary?: string };
    reason: string;
  }[];
}

const cellValue = (v: unknown): string | number | boolean | null => {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join('; ');
  return JSON.stringify(v);
};

function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  rows: readonly Record<string, unknown>[],
  columns?: string[],
): void {
  const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const keys = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  sheet.columns = keys.map((k) => ({ header: k, key: k, width: Math.min(60, Math.max(12, k.length + 2)) }));
  for (const r of rows) sheet.addRow(Object.fromEntries(keys.map((k) => [k, cellValue(r[k])])));
  sheet.getRow(1).font = { bold: true };
  if (keys.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: keys.length } };
}

export async function renderXlsx(input: WorkbookInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Stapel';
  wb.title = `${input.organisation.name} — register`;
  for (const key of KIND_ORDER) {
    const list = (input.records[key] ?? []) as readonly Record<string, unknown>[];
    // Record metadata last: what people edit comes first.
    const rows = list.map(({ revision, createdAt, updatedAt, provenance, ...fields }) => ({
      ...fields,
      revision,
      createdAt,
      updatedAt,
      provenance,
    }));
    addSheet(wb, KINDS[key].plural, rows);
  }
  addSheet(
    wb,
    'risks',
    input.summary.assets.map((a) => ({
      assetId: a.assetId,
      name: a.name,
      layers: a.layers,
      strategic: a.strategic,
      threat: a.threat,
      score: a.score,
      level: a.level,
      missingFacts: a.missing,
    })),
    ['assetId', 'name', 'layers', 'strategic', 'threat', 'score', 'level', 'missingFacts'],
  );
  addSheet(
    wb,
    'findings',
    input.findings.map((f) => ({
      assetId: f.assetId,
      component: f.component.name,
      version: f.component.version,
      purl: f.component.purl,
      vulnerability: f.vulnerability.id,
      aliases: f.vulnerability.aliases,
      summary: f.vulnerability.summary,
      reason: f.reason,
    })),
    ['assetId', 'component', 'version', 'purl', 'vulnerability', 'aliases', 'summary', 'reason'],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
