/**
 * Pre-flight checks of a DORA register of information — the checks a supervisor runs before it
 * accepts a package, run before Stapel writes or after it reads one: mandatory fields, LEIs (format
 * and ISO 17442 check digits), closed lists (the taxonomy's allowed values), formats by xBRL type,
 * unique keys per template, references between templates, and filing indicators.
 *
 * Check names (DoraCheckIssue.check): mandatory, lei, closed-list, format, primary-key, foreign-key,
 * filing-indicator, consistency (the package's entity against B_01.01).
 *
 * Sources. Closed lists, key columns and the taxonomy's own references (rules R1–R22) come from the EBA
 * taxonomy 4.0 table definitions (taxonomy/*.json), which are authoritative. The other references and
 * the mandatory fields are Stapel's reading of Annex I of Commission Implementing Regulation (EU)
 * 2024/2956 (the column instructions, "mandatory" / "mandatory if …"), which could NOT be checked here
 * against the published text column by column (see taxonomy/PROVENANCE.md): they are marked
 * `source: 'annex'`, and the conditions Stapel is unsure of ("mandatory if the function supported is
 * critical or important" and the like) are deliberately not enforced.
 */
import { isValidLei } from '../../domain/identifiers.js';
import {
  DORA_TEMPLATES,
  templateFile,
  type DoraCheckIssue,
  type DoraReport,
  type DoraRow,
  type DoraTemplate,
} from './dora-model.js';
import { columnLabel, doraTables, type DoraType } from './taxonomy.js';

/** The taxonomy's "type of code" value that says an identifier is an LEI (codes.ts TYPE_OF_CODE.LEI). */
export const LEI_CODE_TYPE = 'eba_qCO:qx2000';
const YES = 'eba_BT:x28';

export interface DoraForeignKey {
  from: DoraTemplate;
  /** The referring columns; a row whose referring columns are not all filled is not checked. */
  columns: string[];
  to: DoraTemplate;
  /** The referred columns, in the same order (a key of `to`). */
  toColumns: string[];
  /** The EBA taxonomy rule ("R7"), or "annex" for a reference Stapel reads from the ITS's instructions. */
  source: string;
}

const fk = (from: DoraTemplate, columns: string[], to: DoraTemplate, toColumns: string[], source: string) => ({
  from,
  columns,
  to,
  toColumns,
  source,
});

/**
 * Every reference between templates. The R-numbered ones are the taxonomy's own (tc:keys "reference"
 * in taxonomy/b_*.json; a test keeps this table equal to them). The "annex" ones follow from the
 * ITS's instructions that each contractual arrangement is listed in B_02.01, each ICT third-party
 * service provider in B_05.01, each entity of the register's scope in B_01.02, each branch in
 * B_01.03, and the entity maintaining the register among the entities of B_01.02.
 */
export const FOREIGN_KEYS: readonly DoraForeignKey[] = [
  // contractual arrangements → B_02.01
  fk('B_02.01', ['c0030'], 'B_02.01', ['c0010'], 'R13'),
  fk('B_02.02', ['c0010'], 'B_02.01', ['c0010'], 'annex'),
  fk('B_02.03', ['c0010'], 'B_02.01', ['c0010'], 'R11'),
  fk('B_02.03', ['c0020'], 'B_02.01', ['c0010'], 'R12'),
  fk('B_03.01', ['c0010'], 'B_02.01', ['c0010'], 'R10'),
  fk('B_03.02', ['c0010'], 'B_02.01', ['c0010'], 'R9'),
  fk('B_03.03', ['c0010'], 'B_02.01', ['c0010'], 'R8'),
  fk('B_04.01', ['c0010'], 'B_02.01', ['c0010'], 'R16'),
  fk('B_05.02', ['c0010'], 'B_02.01', ['c0010'], 'R14'),
  fk('B_07.01', ['c0010'], 'B_02.01', ['c0010'], 'R15'),
  // ICT third-party service providers → B_05.01
  fk('B_02.02', ['c0030'], 'B_05.01', ['c0010'], 'annex'),
  fk('B_03.02', ['c0020'], 'B_05.01', ['c0010'], 'R19'),
  fk('B_05.01', ['c0110'], 'B_05.01', ['c0010'], 'R18'),
  fk('B_05.02', ['c0030'], 'B_05.01', ['c0010'], 'R20'),
  fk('B_05.02', ['c0060'], 'B_05.01', ['c0010'], 'R21'),
  fk('B_07.01', ['c0020'], 'B_05.01', ['c0010'], 'R22'),
  // the provider of a contract's service signs it (B_03.02)
  fk('B_02.02', ['c0010', 'c0030'], 'B_03.02', ['c0010', 'c0020'], 'R17'),
  // functions → B_06.01 (a function is identified together with the entity it belongs to)
  fk('B_02.02', ['c0050', 'c0020'], 'B_06.01', ['c0010', 'c0040'], 'R7'),
  // entities → B_01.02
  fk('B_01.01', ['c0010'], 'B_01.02', ['c0010'], 'annex'),
  fk('B_01.02', ['c0060'], 'B_01.02', ['c0010'], 'R6'),
  fk('B_01.03', ['c0020'], 'B_01.02', ['c0010'], 'R3'),
  fk('B_02.02', ['c0020'], 'B_01.02', ['c0010'], 'annex'),
  fk('B_03.01', ['c0020'], 'B_01.02', ['c0010'], 'R2'),
  fk('B_03.03', ['c0020'], 'B_01.02', ['c0010'], 'R1'),
  fk('B_04.01', ['c0020'], 'B_01.02', ['c0010'], 'R4'),
  fk('B_06.01', ['c0040'], 'B_01.02', ['c0010'], 'R5'),
  // branches → B_01.03
  fk('B_04.01', ['c0040'], 'B_01.03', ['c0010'], 'annex'),
];

/**
 * Fields the annex makes mandatory without a condition, as Stapel reads it (not verified column by
 * column against the Official Journal text). Key columns are not mandatory as such: some are filled
 * only under a condition (B_04.01 c0040 for branches, B_02.02 c0150/c0160 when data are stored).
 */
export const MANDATORY: Readonly<Record<DoraTemplate, readonly string[]>> = {
  'B_01.01': ['c0010', 'c0020', 'c0030', 'c0040', 'c0050', 'c0060'],
  'B_01.02': ['c0010', 'c0020', 'c0030', 'c0040', 'c0050', 'c0060', 'c0070', 'c0080'],
  'B_01.03': ['c0010', 'c0020', 'c0030', 'c0040'],
  'B_02.01': ['c0010', 'c0020'],
  'B_02.02': ['c0010', 'c0020', 'c0030', 'c0040', 'c0050', 'c0060', 'c0070', 'c0080', 'c0130', 'c0140'],
  'B_02.03': ['c0010', 'c0020', 'c0030'],
  'B_03.01': ['c0010', 'c0020', 'c0030'],
  'B_03.02': ['c0010', 'c0020', 'c0030'],
  'B_03.03': ['c0010', 'c0020', 'c0031'],
  'B_04.01': ['c0010', 'c0020', 'c0030'],
  'B_05.01': ['c0010', 'c0020', 'c0050', 'c0070', 'c0080'],
  'B_05.02': ['c0010', 'c0020', 'c0030', 'c0040', 'c0050'],
  'B_06.01': ['c0010', 'c0020', 'c0030', 'c0040', 'c0050', 'c0070'],
  'B_07.01': ['c0010', 'c0020', 'c0030', 'c0040', 'c0050', 'c0080', 'c0110'],
  'B_99.01': [],
};

export interface DoraCondition {
  template: DoraTemplate;
  column: string;
  /**
   * The column must be filled when `when.column` of the same row is filled (with one of `equals`, or
   * a whole number above `above`, if given).
   */
  when: { column: string; equals?: readonly string[]; above?: number };
  /** The condition in words, for the message. */
  condition: string;
}

const filled = (row: DoraRow, column: string) => row[column] !== undefined && row[column] !== '';
const holds = (row: DoraRow, { column, equals, above }: DoraCondition['when']) =>
  filled(row, column) &&
  (!equals || equals.includes(row[column]!)) &&
  (above === undefined || (/^\d+$/.test(row[column]!) && Number(row[column]) > above));

function c(template: DoraTemplate, column: string, when: DoraCondition['when'], condition: string): DoraCondition {
  return { template, column, when, condition };
}

/**
 * Fields mandatory under a condition of their own row, limited to conditions Stapel is sure of: an
 * amount needs its currency, a code its type of code, a subsequent arrangement its overarching one,
 * a branch its code, stored data their locations, a hard-to-substitute provider its reason.
 */
export const CONDITIONAL: readonly DoraCondition[] = [
  c('B_01.02', 'c0100', { column: 'c0110' }, 'the value of total assets (c0110) is given'),
  c(
    'B_02.01',
    'c0030',
    { column: 'c0020', equals: ['eba_CO:x3'] },
    'the arrangement is a subsequent or associated one (c0020)',
  ),
  c('B_02.01', 'c0040', { column: 'c0050' }, 'the annual expense (c0050) is given'),
  c('B_02.02', 'c0150', { column: 'c0140', equals: [YES] }, 'data are stored (c0140)'),
  c('B_02.02', 'c0160', { column: 'c0140', equals: [YES] }, 'data are stored (c0140)'),
  c('B_02.02', 'c0170', { column: 'c0140', equals: [YES] }, 'data are stored (c0140)'),
  c('B_04.01', 'c0040', { column: 'c0030', equals: ['eba_ZZ:x838'] }, 'the entity is a branch (c0030)'),
  c('B_05.01', 'c0040', { column: 'c0030' }, 'an additional identification code (c0030) is given'),
  c('B_05.01', 'c0090', { column: 'c0100' }, 'the total annual expense (c0100) is given'),
  c('B_05.01', 'c0120', { column: 'c0110' }, 'the ultimate parent’s code (c0110) is given'),
  c('B_05.02', 'c0070', { column: 'c0060' }, 'the recipient’s code (c0060) is given'),
  // Article 2 of the ITS: rank 1 is the direct provider, a higher rank a subcontractor — which
  // subcontracts to somebody, the recipient named in c0060.
  c('B_05.02', 'c0060', { column: 'c0050', above: 1 }, 'the provider is a subcontractor (rank c0050 above 1)'),
  c(
    'B_07.01',
    'c0060',
    { column: 'c0050', equals: ['eba_ZZ:x959', 'eba_ZZ:x960'] },
    'the provider is not substitutable or highly complex to substitute (c0050)',
  ),
];

/** Columns that always hold an LEI. */
export const LEI_COLUMNS: readonly [DoraTemplate, string][] = [
  ['B_01.01', 'c0010'],
  ['B_01.02', 'c0010'],
  ['B_01.02', 'c0060'],
  ['B_01.03', 'c0020'],
  ['B_02.02', 'c0020'],
  ['B_03.01', 'c0020'],
  ['B_03.03', 'c0020'],
  ['B_04.01', 'c0020'],
  ['B_06.01', 'c0040'],
];
/** Identifiers that hold an LEI when the "type of code" column next to them says so. */
export const TYPED_IDENTIFIERS: readonly [DoraTemplate, string, string][] = [
  ['B_02.02', 'c0030', 'c0040'],
  ['B_03.02', 'c0020', 'c0030'],
  ['B_05.01', 'c0010', 'c0020'],
  ['B_05.01', 'c0030', 'c0040'],
  ['B_05.01', 'c0110', 'c0120'],
  ['B_05.02', 'c0030', 'c0040'],
  ['B_05.02', 'c0060', 'c0070'],
  ['B_07.01', 'c0020', 'c0030'],
];

const isDate = (v: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
};

const FORMATS: Partial<Record<DoraType, { test: (v: string) => boolean; what: string }>> = {
  d: { test: isDate, what: 'a date (YYYY-MM-DD)' },
  i: { test: (v) => /^-?\d+$/.test(v), what: 'a whole number' },
  m: { test: (v) => /^-?\d+(\.\d+)?$/.test(v), what: 'an amount (digits, "." before decimals, no separators)' },
  // xBRL "true" items: a link is reported by its row, and the cell can only say true.
  t: { test: (v) => v === 'true', what: '"true"' },
};

/** "B_06.01 (c0010, c0040)" with labels for one column, or the codes for several. */
const columnsLabel = (template: DoraTemplate, columns: readonly string[]): string =>
  columns.length === 1 ? columnLabel(template, columns[0]!) : `${template} (${columns.join(', ')})`;

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
      message: `${column ? columnLabel(template, column) : template}: ${message}`,
      blocking,
    });

  // the package's entity
  if (!isValidLei(report.entityLei))
    add(
      'B_01.01',
      undefined,
      undefined,
      'lei',
      `the package's entity "${report.entityLei}" is not a valid LEI (ISO 17442)`,
    );
  const maintainer = report.tables['B_01.01'];
  if (!maintainer.length)
    add(
      'B_01.01',
      undefined,
      undefined,
      'mandatory',
      'has no row: the entity maintaining the register is reported here',
    );
  maintainer.forEach((row, i) => {
    if (row.c0010 && row.c0010 !== report.entityLei)
      add('B_01.01', i, 'c0010', 'consistency', `"${row.c0010}" is not the package's entity ${report.entityLei}`);
  });

  for (const template of DORA_TEMPLATES) {
    const def = tables[template];
    const rows = report.tables[template];
    if (rows.length && !report.filingIndicators[template])
      add(
        template,
        undefined,
        undefined,
        'filing-indicator',
        `has ${rows.length} row(s) but FilingIndicators.csv does not report it`,
      );
    if (!rows.length && report.filingIndicators[template])
      add(
        template,
        undefined,
        undefined,
        'filing-indicator',
        'is reported in FilingIndicators.csv but has no rows',
        false,
      );

    const mandatory = new Set(MANDATORY[template]);
    const conditions = CONDITIONAL.filter((c) => c.template === template);
    const keys = new Map<string, number>();
    rows.forEach((row, i) => {
      for (const column of def.columns) {
        const v = row[column.code];
        if (v === undefined || v === '') {
          if (mandatory.has(column.code)) add(template, i, column.code, 'mandatory', 'is mandatory and empty');
          continue;
        }
        if (column.allowed && !column.allowed.has(v))
          add(template, i, column.code, 'closed-list', `"${v}" is not one of the values the taxonomy allows here`);
        const format = FORMATS[column.type];
        if (format && !format.test(v)) add(template, i, column.code, 'format', `"${v}" is not ${format.what}`);
      }
      for (const c of conditions)
        if (holds(row, c.when) && !filled(row, c.column))
          add(template, i, c.column, 'mandatory', `is mandatory when ${c.condition} and empty`);
      if (def.keys.length) {
        const key = JSON.stringify(def.keys.map((k) => row[k] ?? ''));
        const first = keys.get(key);
        if (first !== undefined)
          add(
            template,
            i,
            def.keys[0],
            'primary-key',
            `this row has the same key (${def.keys.join(', ')}) as line ${first + 2} of ${templateFile(template)}`,
          );
        else keys.set(key, i);
      }
    });
  }

  // Article 2 of the ITS: the rank is a natural number, 1 for the direct provider.
  report.tables['B_05.02'].forEach((row, i) => {
    if (row.c0050 && /^-?\d+$/.test(row.c0050) && Number(row.c0050) < 1)
      add(
        'B_05.02',
        i,
        'c0050',
        'format',
        `"${row.c0050}" is not a rank (1 for the direct provider, higher for subcontractors)`,
      );
  });

  for (const [template, column] of LEI_COLUMNS)
    report.tables[template].forEach((row, i) => {
      const v = row[column];
      if (v && !isValidLei(v))
        add(
          template,
          i,
          column,
          'lei',
          `"${v}" is not a valid LEI (20 letters and digits ending in ISO 17442 check digits)`,
        );
    });
  for (const [template, column, typeColumn] of TYPED_IDENTIFIERS)
    report.tables[template].forEach((row, i) => {
      const v = row[column];
      if (v && row[typeColumn] === LEI_CODE_TYPE && !isValidLei(v))
        add(template, i, column, 'lei', `"${v}" is typed as an LEI (${typeColumn}) but is not a valid one`);
    });

  for (const ref of FOREIGN_KEYS) {
    const targets = new Set(report.tables[ref.to].map((r) => JSON.stringify(ref.toColumns.map((c) => r[c] ?? ''))));
    report.tables[ref.from].forEach((row, i) => {
      const values = ref.columns.map((c) => row[c] ?? '');
      if (values.some((v) => v === '') || targets.has(JSON.stringify(values))) return;
      const shown = values.length === 1 ? `"${values[0]}"` : `(${values.map((v) => `"${v}"`).join(', ')})`;
      const by = ref.columns.length > 1 ? ` (${ref.columns.join(', ')})` : '';
      add(ref.from, i, ref.columns[0], 'foreign-key', `${shown}${by} is not in ${columnsLabel(ref.to, ref.toColumns)}`);
    });
  }
  return issues;
}

/** "b_02.02.csv, line 3, c0030" — where an issue is in the package. */
export function issueLocation(issue: DoraCheckIssue): string {
  return [templateFile(issue.template), issue.row !== undefined ? `line ${issue.row + 2}` : undefined, issue.column]
    .filter(Boolean)
    .join(', ');
}
