/**
 * The EBA DORA 4.0 table definitions (taxonomy/b_*.json, the EBA's files, content unchanged): per
 * template its columns in taxonomy order with their xBRL type, the allowed values of enumerations as
 * qualified names, and its key columns (the columns the table template's "dimensions" name, which
 * identify a row), plus the references between templates the taxonomy itself declares ("tc:keys").
 * Closed lists, keys and references come from these files, which are authoritative.
 *
 * The English column labels are not in the taxonomy: they are the field names of Annex I, Part 2 of
 * Commission Implementing Regulation (EU) 2024/2956 as Stapel transcribed them. Only the annex's list
 * of templates (Part 1) and Annex III could be read from a public copy here (digitalacts.eu,
 * nomox.eu); the column names were not checked word for word against the Official Journal text
 * (see taxonomy/PROVENANCE.md). B_99.01's column names are not transcribed at all.
 */
import { readFileSync } from 'node:fs';
import { DORA_TEMPLATES, type DoraTemplate } from './dora-model.js';

/** xBRL-CSV data types as the EBA writes them: string, enumeration, date, monetary, integer, true. */
export type DoraType = 's' | 'e' | 'd' | 'm' | 'i' | 't';

export interface DoraColumn {
  code: string;
  type: DoraType;
  /** For enumerations: the allowed qualified names (eba_GA:NL, eba_TA:S19, …). */
  allowed?: ReadonlySet<string>;
  /** The field name in Annex I of the ITS; the code itself where Stapel has none. */
  label: string;
}

/** A reference the taxonomy declares: the values of `columns` must be a key of `to` (same order). */
export interface DoraReference {
  /** The EBA's name of the rule, e.g. "R17 Contractual arr and Id. code must match_B_03.02". */
  name: string;
  columns: string[];
  to: DoraTemplate;
}

export interface DoraTable {
  template: DoraTemplate;
  columns: DoraColumn[];
  /** The columns that identify a row (the table template's dimensions), in code order. */
  keys: string[];
  references: DoraReference[];
}

const LABELS: Record<DoraTemplate, Record<string, string>> = {
  'B_01.01': {
    c0010: 'LEI of the entity maintaining the register of information',
    c0020: 'Name of the entity',
    c0030: 'Country of the entity',
    c0040: 'Type of entity',
    c0050: 'Competent authority',
    c0060: 'Date of the reporting',
  },
  'B_01.02': {
    c0010: 'LEI of the entity',
    c0020: 'Name of the entity',
    c0030: 'Country of the entity',
    c0040: 'Type of entity',
    c0050: 'Hierarchy of the entity within the group',
    c0060: 'LEI of the direct parent undertaking of the entity',
    c0070: 'Date of last update',
    c0080: 'Date of integration in the register of information',
    c0090: 'Date of deletion in the register of information',
    c0100: 'Currency',
    c0110: 'Value of total assets of the financial entity',
  },
  'B_01.03': {
    c0010: 'Identification code of the branch',
    c0020: 'LEI of the financial entity head office of the branch',
    c0030: 'Name of the branch',
    c0040: 'Country of the branch',
  },
  'B_02.01': {
    c0010: 'Contractual arrangement reference number',
    c0020: 'Type of contractual arrangement',
    c0030: 'Overarching contractual arrangement reference number',
    c0040: 'Currency of the amount reported',
    c0050: 'Annual expense or estimated cost of the contractual arrangement for the past year',
  },
  'B_02.02': {
    c0010: 'Contractual arrangement reference number',
    c0020: 'LEI of the financial entity making use of the ICT service(s)',
    c0030: 'Identification code of the ICT third-party service provider',
    c0040: 'Type of code to identify the ICT third-party service provider',
    c0050: 'Function identifier',
    c0060: 'Type of ICT services',
    c0070: 'Start date of the contractual arrangement',
    c0080: 'End date of the contractual arrangement',
    c0090: 'Reason of the termination or ending of the contractual arrangement',
    c0100: 'Notice period for the financial entity making use of the ICT service(s)',
    c0110: 'Notice period for the ICT third-party service provider',
    c0120: 'Country of the governing law of the contractual arrangement',
    c0130: 'Country of provision of the ICT services',
    c0140: 'Storage of data',
    c0150: 'Location of the data at rest (storage)',
    c0160: 'Location of management of the data (processing)',
    c0170: 'Sensitiveness of the data stored by the ICT third-party service provider',
    c0180: 'Level of reliance on the ICT service supporting the critical or important function',
  },
  'B_02.03': {
    c0010: 'Contractual arrangement reference number',
    c0020: 'Contractual arrangement linked to the contractual arrangement referred in B_02.03 c0010',
    c0030: 'Link',
  },
  'B_03.01': {
    c0010: 'Contractual arrangement reference number',
    c0020: 'LEI of the entity signing the contractual arrangement',
    c0030: 'Link',
  },
  'B_03.02': {
    c0010: 'Contractual arrangement reference number',
    c0020: 'Identification code of the ICT third-party service provider',
    c0030: 'Type of code to identify the ICT third-party service provider',
  },
  'B_03.03': {
    c0010: 'Contractual arrangement reference number',
    c0020: 'LEI of the entity providing ICT services',
    c0031: 'Link',
  },
  'B_04.01': {
    c0010: 'Contractual arrangement reference number',
    c0020: 'LEI of the entity making use of the ICT service(s)',
    c0030: 'Nature of the entity making use of the ICT service(s)',
    c0040: 'Identification code of the branch',
  },
  'B_05.01': {
    c0010: 'Identification code of the ICT third-party service provider',
    c0020: 'Type of code to identify the ICT third-party service provider',
    c0030: 'Additional identification code of the ICT third-party service provider',
    c0040: 'Type of the additional identification code',
    c0050: 'Legal name of the ICT third-party service provider',
    c0060: 'Name of the ICT third-party service provider in Latin alphabet',
    c0070: 'Type of person of the ICT third-party service provider',
    c0080: 'Country of the ICT third-party service provider’s headquarters',
    c0090: 'Currency of the amount reported',
    c0100: 'Total annual expense or estimated cost of the ICT third-party service provider',
    c0110: 'Identification code of the ICT third-party service provider’s ultimate parent undertaking',
    c0120: 'Type of code to identify the ICT third-party service provider’s ultimate parent undertaking',
  },
  'B_05.02': {
    c0010: 'Contractual arrangement reference number',
    c0020: 'Type of ICT services',
    c0030: 'Identification code of the ICT third-party service provider',
    c0040: 'Type of code to identify the ICT third-party service provider',
    c0050: 'Rank',
    c0060: 'Identification code of the recipient of sub-contracted ICT services',
    c0070: 'Type of code to identify the recipient of sub-contracted ICT services',
  },
  'B_06.01': {
    c0010: 'Function identifier',
    c0020: 'Licensed activity',
    c0030: 'Function name',
    c0040: 'LEI of the financial entity',
    c0050: 'Criticality or importance assessment',
    c0060: 'Reasons for criticality or importance',
    c0070: 'Date of the last assessment of criticality or importance',
    c0080: 'Recovery time objective of the function',
    c0090: 'Recovery point objective of the function',
    c0100: 'Impact of discontinuing the function',
  },
  'B_07.01': {
    c0010: 'Contractual arrangement reference number',
    c0020: 'Identification code of the ICT third-party service provider',
    c0030: 'Type of code to identify the ICT third-party service provider',
    c0040: 'Type of ICT services',
    c0050: 'Substitutability of the ICT third-party service provider',
    c0060:
      'Reason if the ICT third-party service provider is considered not substitutable or difficult to be substitutable',
    c0070: 'Date of the last audit on the ICT third-party service provider',
    c0080: 'Existence of an exit plan',
    c0090: 'Possibility of reintegration of the contracted ICT service',
    c0100: 'Impact of discontinuing the ICT services',
    c0110: 'Are there alternative ICT third-party service providers identified?',
    c0120: 'Identification of alternative ICT TPP',
  },
  // Not transcribed: the annex's names for these free-text definition columns were not at hand.
  'B_99.01': {},
};

/** The parts of an EBA table definition file this module reads. */
interface TableFile {
  tableTemplates: Record<
    string,
    {
      dimensions?: Record<string, string>;
      columns: Record<string, { 'eba:documentation'?: { type?: string; AllowedValue?: Record<string, number> } }>;
      'tc:keys'?: { reference?: { name: string; columns: string[]; keyRef: { tableTemplate: string } }[] };
    }
  >;
}

const TYPES: ReadonlySet<string> = new Set(['s', 'e', 'd', 'm', 'i', 't']);

/** Reads a file of the taxonomy folder next to this module (the build copies the folder to dist/). */
export function readTaxonomyFile(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./taxonomy/${name}`, import.meta.url), 'utf8'));
}

/** "B_02-01" (the taxonomy's template name) → "B_02.01". */
const templateOf = (name: string): DoraTemplate => {
  const t = name.replace('-', '.') as DoraTemplate;
  if (!DORA_TEMPLATES.includes(t)) throw new Error(`taxonomy: unknown template ${name}`);
  return t;
};

function readTable(template: DoraTemplate): DoraTable {
  const parsed = readTaxonomyFile(`${template.toLowerCase()}.json`) as TableFile;
  const defs = Object.entries(parsed.tableTemplates);
  if (defs.length !== 1 || templateOf(defs[0]![0]) !== template)
    throw new Error(`taxonomy: ${template.toLowerCase()}.json does not define ${template} alone`);
  const def = defs[0]![1];
  const columns = Object.entries(def.columns).map(([code, c]): DoraColumn => {
    const doc = c['eba:documentation'] ?? {};
    const type = doc.type ?? 's';
    if (!TYPES.has(type)) throw new Error(`taxonomy: ${template} ${code} has unknown type "${type}"`);
    return {
      code,
      type: type as DoraType,
      ...(doc.AllowedValue ? { allowed: new Set(Object.keys(doc.AllowedValue)) } : {}),
      label: LABELS[template][code] ?? code,
    };
  });
  // A dimension's value "$c0010" means: the dimension takes the value of column c0010.
  const keys = [
    ...new Set(
      Object.values(def.dimensions ?? {})
        .filter((v) => /^\$c\d{4}$/.test(v))
        .map((v) => v.slice(1)),
    ),
  ].sort();
  const references = (def['tc:keys']?.reference ?? []).map((r) => ({
    name: r.name.replace(/\s+/g, ' ').trim(),
    columns: r.columns,
    to: templateOf(r.keyRef.tableTemplate),
  }));
  return { template, columns, keys, references };
}

let cache: Record<DoraTemplate, DoraTable> | undefined;

/** The fifteen table definitions, read once. */
export function doraTables(): Record<DoraTemplate, DoraTable> {
  if (!cache)
    cache = Object.fromEntries(DORA_TEMPLATES.map((t) => [t, readTable(t)])) as Record<DoraTemplate, DoraTable>;
  return cache;
}

/** One column of a template, or undefined when the template has no such column. */
export function doraColumn(template: DoraTemplate, code: string): DoraColumn | undefined {
  return doraTables()[template].columns.find((c) => c.code === code);
}

/** "B_05.01 c0050 (Legal name of the ICT third-party service provider)"; without label when none is known. */
export function columnLabel(template: DoraTemplate, code: string): string {
  const column = doraColumn(template, code);
  return `${template} ${code}${column && column.label !== code ? ` (${column.label})` : ''}`;
}
