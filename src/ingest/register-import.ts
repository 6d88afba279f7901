/**
 * The ingest interface for registers kept elsewhere — spreadsheets (CSV, XLSX), ArchiMate models and
 * DORA registers of information. Each format is one importer that turns bytes into the same
 * `RegisterImport`: rows of register records, each located in its file, with references written as
 * the file writes them (a key, a name) and resolved later against the register by the import planner
 * (src/ingest/import-plan.ts). Importers read and check their format; they never touch the store.
 */
import type { KindKey, RefKind } from '../domain/index.js';
import type { KnowledgeIndex } from '../analysis/knowledge-index.js';
import type { DoraReport, DoraSupplement } from './dora/dora-model.js';
import type { DoraExport } from './dora/register-to-dora.js';

export type ImportFormat = 'csv' | 'xlsx' | 'archimate' | 'dora';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['csv', 'xlsx', 'archimate', 'dora'];

/** Where something is in the input, for messages such as "assets.csv, line 4, column Naam". */
export interface SourceLocation {
  file: string;
  /** Sheet of a workbook, template of a DORA package (b_05.01.csv). */
  sheet?: string;
  /** 1-based line (CSV) or row (XLSX) number. */
  line?: number;
  /** Column header or code as the file writes it. */
  column?: string;
  /** Element or relationship identifier (ArchiMate). */
  element?: string;
}

/** "assets.csv, sheet Assets, line 4, column Naam" — only the parts that are known. */
export function formatLocation(at: SourceLocation): string {
  return [
    at.file,
    at.sheet && `sheet ${at.sheet}`,
    at.line !== undefined && `line ${at.line}`,
    at.column && `column ${at.column}`,
    at.element && `element ${at.element}`,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * A reference the file makes to another record, by key or by name. The planner resolves it, in this
 * order: a record of the same import with that key, a register record with that id, a record (of the
 * import or the register) with that name; for parties, a knowledge-base vendor of that name, which
 * then becomes a new party with provenance "inferred" and the match's confidence. Unresolved
 * references reject the row.
 */
export interface RowLink {
  /** Spec field the resolved id goes into ("providerId", "assetIds", "from", "to"). */
  field: string;
  kind: RefKind;
  /** The key or name exactly as written in the file. */
  text: string;
  /** The field holds a list: the resolved id is appended. */
  many?: boolean;
  /** The field holds a reference string "kind:id" (dependency from/to, measure targets). */
  asRef?: boolean;
  /** Where the reference is written, when that differs from the row. */
  at?: SourceLocation;
}

/** A problem with one row: it is reported and the row rejected, but reading goes on. */
export interface RowProblem {
  /** The column or field concerned. */
  field?: string;
  message: string;
}

export interface ImportRow {
  key: KindKey;
  /**
   * The stable key of the record: the register id a file names (CSV key column), or one derived
   * from an identifier the format keeps stable (ArchiMate element id, LEI, contract reference).
   * Without one, the planner matches an existing record of the kind by name, or makes an id.
   */
  id?: string;
  /** Spec fields the file states. Reference fields are filled by the planner from `links`. */
  spec: Record<string, unknown>;
  /**
   * Spec fields the file is the source of: on update, a field listed here but absent from `spec` is
   * cleared (an emptied cell); fields not listed keep their stored value (an ArchiMate model does not
   * know an asset's data sensitivity). Defaults to the keys of `spec` and the link fields.
   */
  owns?: string[];
  /**
   * Fields the file states only as a class: on update, a stored value listed here is kept, being a
   * refinement of what the file says (an ArchiMate application component is an "application"; the
   * register may know by now that it is a SaaS service).
   */
  refinements?: Record<string, readonly unknown[]>;
  links?: RowLink[];
  /** Fields inferred rather than read, with the rule and the knowledge-base entry behind them. */
  inferred?: Record<string, { rule: string; source: string; confidence?: number }>;
  at: SourceLocation;
  problems?: RowProblem[];
}

/** Something in the input that has no place in the register; counted and reported, never dropped silently. */
export interface Unmapped {
  /** What it is: "ArchiMate element type BusinessActor", "DORA column B_02.02 c0170". */
  what: string;
  count: number;
  /** Up to five examples (names or identifiers). */
  examples: string[];
  reason: string;
}

export interface RegisterImport {
  format: ImportFormat;
  /** The file name as given. */
  source: string;
  rows: ImportRow[];
  unmapped: Unmapped[];
  /** Organisation fields the file states (a DORA package names the entity's LEI and country). */
  organisation?: Record<string, unknown>;
  /** DORA values without a register field, kept beside the register so a package round-trips. */
  dora?: DoraSupplement;
  /** Facts about the file worth showing (model name, reference date, number of elements). */
  notes?: string[];
}

export interface ImportContext {
  /** The organisation's knowledge base, for matching free-text vendor and product names. */
  kb: KnowledgeIndex;
  /** When the import happens (provenance time). */
  at: Date;
  /** For CSV: the kind of record the file holds when its headers do not say so. */
  kind?: KindKey;
  /**
   * Take in what can be mapped from a file whose parts refer to each other wrongly (a DORA package
   * with broken references between templates), instead of refusing it.
   */
  lenient?: boolean;
  /**
   * For DORA packages: the register of information the organisation's register writes itself now,
   * for the package's reference date and consolidation, with the record each row came from — so a
   * package exported from the register and brought back maps onto the same records.
   */
  doraBaseline?: (pkg: DoraReport) => Promise<DoraExport | undefined>;
}

export interface RegisterImporter {
  format: ImportFormat;
  /** True when the file name and first bytes look like this format (for `--format` left out). */
  sniff(name: string, head: Uint8Array): boolean;
  /**
   * Reads the whole file. Throws InputError (with the file and a located issue) when the file as a
   * whole cannot be read — wrong format, a schema violation, a broken reference inside the file.
   * Problems confined to one row go into that row's `problems`.
   */
  read(bytes: Uint8Array, source: string, context: ImportContext): Promise<RegisterImport>;
}
