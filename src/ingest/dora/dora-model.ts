/**
 * The DORA register of information (Commission Implementing Regulation (EU) 2024/2956) as the EBA's
 * xBRL-CSV "plain-csv" report package carries it (reporting framework 4.0): fifteen templates, each a
 * table of rows whose cells are keyed by column code (c0010, c0020, …) and written as xBRL-CSV writes
 * them — enumerations as qualified names (eba_GA:NL, eba_TA:S19), dates as YYYY-MM-DD, booleans as
 * true/false, amounts as plain numbers. Pure types and constants; reading and writing packages is in
 * package-reader.ts and package-writer.ts, the checks in preflight.ts.
 */

export const DORA_TEMPLATES = [
  'B_01.01',
  'B_01.02',
  'B_01.03',
  'B_02.01',
  'B_02.02',
  'B_02.03',
  'B_03.01',
  'B_03.02',
  'B_03.03',
  'B_04.01',
  'B_05.01',
  'B_05.02',
  'B_06.01',
  'B_07.01',
  'B_99.01',
] as const;
export type DoraTemplate = (typeof DORA_TEMPLATES)[number];

/** The file of a template inside the package's reports/ folder: "B_05.01" → "b_05.01.csv". */
export const templateFile = (t: DoraTemplate): string => `${t.toLowerCase()}.csv`;

/** One row of a template: column code → cell value as written in the CSV ("" cells are left out). */
export type DoraRow = Record<string, string>;

export type DoraTables = Record<DoraTemplate, DoraRow[]>;

export interface DoraReport {
  /** LEI of the entity that maintains the register (the package's entityID, without "rs:" and suffix). */
  entityLei: string;
  /** Consolidated (CON) or individual (IND) register; the suffix of entityID. */
  consolidation: 'CON' | 'IND';
  /** Country of the competent authority the package is filed with (package name), ISO 3166-1. */
  country: string;
  /** Reference date, YYYY-MM-DD (parameters.csv refPeriod). */
  refPeriod: string;
  /** Base currency, ISO 4217 (parameters.csv baseCurrency without "iso4217:"). */
  baseCurrency: string;
  /** When the package was made: the timestamp in its name, yyyyMMddHHmmssSSS. */
  createdAt: string;
  /** Templates filed (FilingIndicators.csv); a template not filed has no rows. */
  filingIndicators: Record<DoraTemplate, boolean>;
  tables: DoraTables;
}

/** How a cell of an exported register got its value (the gap report counts these). */
export type CellStatus = 'FILLED' | 'INFERRED' | 'MISSING';
export interface CellTag {
  status: CellStatus;
  /** For FILLED: the register record and field, or "imported package" for values kept from one. */
  from?: string;
  /** For INFERRED: the rule and knowledge-base entry. */
  rule?: string;
  source?: string;
}
/** Tags parallel to `tables`: for each row, column code → tag. */
export type DoraTags = Record<DoraTemplate, Record<string, CellTag>[]>;

/** One finding of the pre-flight checks, located in the package. */
export interface DoraCheckIssue {
  template: DoraTemplate;
  /** 0-based index of the row in the template's table (CSV line = row + 2). */
  row?: number;
  column?: string;
  /** The check: mandatory, lei, closed-list, format, primary-key, foreign-key, filing-indicator. */
  check: string;
  message: string;
  /** True when a supervisor would reject the package for it; false for warnings. */
  blocking: boolean;
}

/**
 * What an imported package holds beyond what the register models, kept per organisation so that an
 * export of the same register gives the package back: the whole imported report. On export, cells the
 * register derives come from the register; the others come from here.
 */
export type DoraSupplement = DoraReport;
