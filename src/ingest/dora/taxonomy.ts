/**
 * The EBA DORA 4.0 table definitions (taxonomy/*.json, copied unchanged from the EBA taxonomy): per
 * template its columns in order with their xBRL type and allowed values, and its key columns — the
 * columns the table's dimensions name, which identify a row. Closed lists and keys come from these
 * files, which are authoritative; the column names people read are Stapel's short form of the field
 * names in Annex I of Implementing Regulation (EU) 2024/2956 (not checked word for word against the
 * annex here: see the note in docs/imports.md).
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
  label: string;
}

export interface DoraTable {
  template: DoraTemplate;
  columns: DoraColumn[];
  /** The columns that identify a row. */
  keys: string[];
}

const LABELS: Record<DoraTemplate, Record<string, string>> = {
  'B_01.01': {
    c0010: 'LEI of the entity maintaining the register',
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
    c0060: 'LEI of the direct parent undertaking',
    c0070: 'Date of last update',
    c0080: 'Date of integration in the register',
    c0090: 'Date of deletion in the register',
    c0100: 'Currency',
    c0110: 'Value of total assets',
  },
  'B_01.03': {
    c0010: 'Identification code of the branch',
    c0020: 'LEI of the head office of the branch',
    c0030: 'Name of the branch',
    c0040: 'Country of the branch',
  },
  'B_02.01': {
    c0010: 'Contractual arrangement reference number',
    c0020: 'Type of contractual arrangement',
    c0030: 'Overarching contractual arrangement reference number',
    c0040: 'Currency of the amount reported',
    c0050: 'Annual expense or estimated cost of the contractual arrangement',
  },
  'B_02.02': {
    c0010: 'Contractual arrangement reference number',
    c0020: 'LEI of the entity making use of the ICT service(s)',
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
    c0020: 'Contractual arrangement linked to the contractual arrangement referred in B_02.03.0010',
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
    c0020: 'LEI of the entity making use of the ICT services',
    c0030: 'Nature of the entity making use of the ICT services',
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
    c0120: 'Type of code to identify the ultimate parent undertaking',
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
    c0080: 'Recovery time objective of the function (hours)',
    c0090: 'Recovery point objective of the function (hours)',
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
  'B_99.01': {},
};

interface TableFile {
  tableTemplates: Record<
    string,
    {
      dimensions?: Record<string, string>;
      columns: Record<string, { 'eba:documentation'?: { type?: string; AllowedValue?: Record<string, number> } }>;
    }
  >;
}

let cache: Record<DoraTemplate, DoraTable> | undefined;

/** The fifteen table definitions, read once. */
export function doraTables(): Record<DoraTemplate, DoraTable> {
  if (cache) return cache;
  const out = {} as Record<DoraTemplate, DoraTable>;
  for (const template of DORA_TEMPLATES) {
    const file = new URL(`./taxonomy/${template.toLowerCase()}.json`, import.meta.url);
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as TableFile;
    const def = Object.values(parsed.tableTemplates)[0]!;
    const columns = Object.entries(def.columns).map(([code, c]) => {
      const doc = c['eba:documentation'] ?? {};
      const allowed = doc.AllowedValue ? new Set(Object.keys(doc.AllowedValue)) : undefined;
      return {
        code,
        type: (doc.type ?? 's') as DoraType,
        ...(allowed ? { allowed } : {}),
        label: LABELS[template][code] ?? (template === 'B_99.01' ? `Definition ${code}` : code),
      };
    });
    const keys = Object.values(def.dimensions ?? {})
      .filter((v) => v.startsWith('$c'))
      .map((v) => v.slice(1));
    out[template] = { template, columns, keys: [...new Set(keys)] };
  }
  return (cache = out);
}

/** "B_05.01 c0050 (Legal name of the ICT third-party service provider)". */
export function columnLabel(template: DoraTemplate, code: string): string {
  const column = doraTables()[template].columns.find((c) => c.code === code);
  return `${template} ${code}${column && column.label !== code ? ` (${column.label})` : ''}`;
}
