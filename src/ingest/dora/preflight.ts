/**
 * Pre-flight checks of a DORA register of information, the checks a supervisor runs before accepting
 * it: mandatory fields, LEI format and check digits, closed lists (the taxonomy's allowed values),
 * formats by xBRL type, unique keys per template, and — the check other tools' output failed —
 * key and foreign-key integrity between templates.
 */
import { isValidLei } from '../../domain/identifiers.js';
import { DORA_TEMPLATES, type DoraCheckIssue, type DoraReport, type DoraTemplate } from './dora-model.js';
import { TYPE_OF_CODE } from './codes.js';
import { columnLabel, doraTables } from './taxonomy.js';

/**
 * References between templates: the value in `from` must be a value of `to` (its key column). From
 * the annex's instructions ("shall be … reported in template B_…"): every contractual arrangement is
 * declared in B_02.01, every provider in B_05.01, every function in B_06.01, every entity in B_01.02.
 */
export const FOREIGN_KEYS: { from: [DoraTemplate, string]; to: [DoraTemplate, string] }[] = [
  { from: ['B_02.02', 'c0010'], to: ['B_02.01', 'c0010'] },
  { from: ['B_02.02', 'c0020'], to: ['B_01.02', 'c0010'] },
  { from: ['B_02.02', 'c0030'], to: ['B_05.01', 'c0010'] },
  { from: ['B_02.02', 'c0050'], to: ['B_06.01', 'c0010'] },
  { from: ['B_02.03', 'c0010'], to: ['B_02.01', 'c0010'] },
  { from: ['B_02.03', 'c0020'], to: ['B_02.01', 'c0010'] },
  { from: ['B_03.01', 'c0010'], to: ['B_02.01', 'c0010'] },
  { from: ['B_03.01', 'c0020'], to: ['B_01.02', 'c0010'] },
  { from: ['B_03.02', 'c0010'], to: ['B_02.01', 'c0010'] },
  { from: ['B_03.02', 'c0020'], to: ['B_05.01', 'c0010'] },
  { from: ['B_03.03', 'c0010'], to: ['B_02.01', 'c0010'] },
  { from: ['B_04.01', 'c0010'], to: ['B_02.01', 'c0010'] },
  { from: ['B_04.01', 'c0020'], to: ['B_01.02', 'c0010'] },
  { from: ['B_05.02', 'c0010'], to: ['B_02.01', 'c0010'] },
  { from: ['B_05.02', 'c0030'], to: ['B_05.01', 'c0010'] },
  { from: ['B_06.01', 'c0040'], to: ['B_01.02', 'c0010'] },
  { from: ['B_07.01', 'c0010'], to: ['B_02.01', 'c0010'] },
  { from: ['B_07.01', 'c0020'], to: ['B_05.01', 'c0010'] },
];

/**
 * Fields that must be filled besides each template's key columns. Stapel's reading of the annex:
 * the fields it gives no condition for. The conditional ones ("mandatory if …") are not enforced.
 */
export const MANDATORY: Partial<Record<DoraTemplate, string[]>> = {
  'B_01.01': ['c0010', 'c0020', 'c0030', 'c0040', 'c0050', 'c0060'],
  'B_01.02': ['c0010', 'c0020', 'c0030', 'c0040', 'c0050', 'c0070', 'c0080'],
  'B_02.01': ['c0010', 'c0020'],
  'B_02.02': [
    'c0010',
    'c0020',
    'c0030',
    'c0040',
    'c0050',
    'c0060',
    'c0070',
    'c0080',
    'c0100',
    'c0120',
    'c0130',
    'c0140',
  ],
  'B_05.01': ['c0010', 'c0020', 'c0050', 'c0070', 'c0080'],
  'B_06.01': ['c0010', 'c0020', 'c0030', 'c0040', 'c0050', 'c0070'],
  'B_07.01': ['c0010', 'c0020', 'c0030', 'c0040', 'c0050', 'c0080', 'c0110'],
};

/** Columns that always hold an LEI. */
const LEI_COLUMNS: [DoraTemplate, string][] = [
  ['B_01.01', 'c0010'],
  ['B_01.02', 'c0010'],
  ['B_02.02', 'c0020'],
  ['B_03.01', 'c0020'],
  ['B_04.01', 'c0020'],
  ['B_06.01', 'c0040'],
];
/** Provider identifiers with the column that says what kind of code they are. */
const TYPED_IDS: [DoraTemplate, string, string][] = [
  ['B_02.02', 'c0030', 'c0040'],
  ['B_03.02', 'c0020', 'c0030'],
  ['B_05.01', 'c0010', 'c0020'],
  ['B_05.01', 'c0110', 'c0120'],
  ['B_07.01', 'c0020', 'c0030'],
];

const FORMATS: Record<string, { test: (v: string) => boolean; what: string }> = {
  d: { test: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), what: 'a date (YYYY-MM-DD)' },
  i: { test: (v) => /^-?\d+$/.test(v), what: 'a whole number' },
  m: { test: (v) => /^-?\d+(\.\d+)?$/.test(v), what: 'an amount (digits, "." for decimals)' },
  t: { test: (v) => v === 'true', what: '"true"' },
};

export function checkDoraReport(report: DoraReport): DoraCheckIssue[] {
  const issues: DoraCheckIssue[] = [];
  const tables = doraTables();
  const add = (
    template: DoraTemplate,
    row: number | undefined,
    column: string | undefined,
    check: string,
    message: string,
    blocking = true,
  ) =>
    issues.push({
      template,
      ...(row !== undefined ? { row } : {}),
      ...(column ? { column } : {}),
      check,
      message: column ? `${columnLabel(template, column)}: ${message}` : message,
      blocking,
    });

  if (!isValidLei(report.entityLei))
    add(
      'B_01.01',
      undefined,
      undefined,
      'lei',
      `the package's entity "${report.entityLei}" is not a valid LEI (ISO 17442 check digits)`,
    );

  for (const template of DORA_TEMPLATES) {
    const def = tables[template];
    const rows = report.tables[template];
    if (rows.length && !report.filingIndicators[template])
      add(
        template,
        undefined,
        undefined,
        'filing-indicator',
        `has rows but FilingIndicators.csv does not report ${template}`,
      );
    const mandatory = new Set([...def.keys, ...(MANDATORY[template] ?? [])]);
    const seen = new Map<string, number>();
    rows.forEach((row, i) => {
      for (const column of def.columns) {
        const v = row[column.code];
        if (v === undefined || v === '') {
          if (mandatory.has(column.code)) add(template, i, column.code, 'mandatory', 'is mandatory and empty');
          continue;
        }
        if (column.allowed && !column.allowed.has(v))
          add(template, i, column.code, 'closed-list', `"${v}" is not one of the allowed values of this field`);
        const format = FORMATS[column.type];
        if (format && !format.test(v)) add(template, i, column.code, 'format', `"${v}" is not ${format.what}`);
      }
      const key = def.keys.map((k) => row[k] ?? '').join('\u0000');
      if (def.keys.length && seen.has(key))
        add(
          template,
          i,
          def.keys[0],
          'primary-key',
          `the same key as row ${seen.get(key)! + 1}: each row of ${template} needs its own combination of ${def.keys.join(', ')}`,
        );
      else seen.set(key, i);
    });
  }

  for (const [template, column] of LEI_COLUMNS)
    report.tables[template].forEach((row, i) => {
      const v = row[column];
      if (v && !isValidLei(v))
        add(template, i, column, 'lei', `"${v}" is not a valid LEI (20 characters ending in ISO 7064 check digits)`);
    });
  for (const [template, column, typeColumn] of TYPED_IDS)
    report.tables[template].forEach((row, i) => {
      const v = row[column];
      if (v && row[typeColumn] === TYPE_OF_CODE.LEI.code && !isValidLei(v))
        add(template, i, column, 'lei', `"${v}" is said to be an LEI but is not a valid one`);
    });

  for (const fk of FOREIGN_KEYS) {
    const [toTemplate, toColumn] = fk.to;
    const targets = new Set(report.tables[toTemplate].map((r) => r[toColumn]).filter(Boolean));
    const [fromTemplate, fromColumn] = fk.from;
    report.tables[fromTemplate].forEach((row, i) => {
      const v = row[fromColumn];
      if (v && !targets.has(v))
        add(fromTemplate, i, fromColumn, 'foreign-key', `"${v}" is not in ${columnLabel(toTemplate, toColumn)}`);
    });
  }
  return issues;
}

/** "b_02.02.csv, line 3, c0030" — where an issue is in the package. */
export function issueLocation(issue: DoraCheckIssue): string {
  return [
    `${issue.template.toLowerCase()}.csv`,
    issue.row !== undefined ? `line ${issue.row + 2}` : undefined,
    issue.column,
  ]
    .filter(Boolean)
    .join(', ');
}
