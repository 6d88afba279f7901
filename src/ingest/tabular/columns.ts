/**
 * The spreadsheet templates of the register: for each kind a person keeps in a spreadsheet (processes,
 * parties, products, assets, dependencies, contracts, exit plans) the columns, in order, each with a Dutch and
 * an English header, the spec field it fills and the type of value it holds. The CSV and XLSX
 * importers read by these definitions and the writers write by them, so a file written by Stapel
 * reads back into the same records.
 */
import {
  ASSET_TYPES,
  ASSET_TYPE_LABELS,
  DATA_EXPORT_LEVELS,
  DATA_SENSITIVITIES,
  DATA_SENSITIVITY_LABELS,
  DEPENDENCY_RELATIONS,
  DEPENDENCY_RELATION_LABELS,
  EFFORT_LEVELS,
  EXIT_STRATEGIES,
  KEY_CONTROLS,
  LAYERS,
  LAYER_LABELS,
  PARTY_KINDS,
  PRIORITIES,
  PRIORITY_LABELS,
  PUBLIC_INTERESTS,
  PUBLIC_INTEREST_LABELS,
  type Labels,
  type Lang,
  type RefKind,
} from '../../domain/index.js';
import { IMPORT_KINDS, type ImportKind } from '../import-plan.js';

/**
 * The kinds with a spreadsheet template, in the order that satisfies references. Products are there
 * besides the six kinds people list in a portfolio sheet because assets and exit plans name them: a
 * register written out must read back, in another organisation too, with the same products.
 */
export const TEMPLATE_KINDS = IMPORT_KINDS;
export type TemplateKind = ImportKind;

export interface Bilingual {
  nl: string;
  en: string;
}

/** A closed list of codes, with labels people may write instead of the code. */
export interface Vocabulary {
  codes: readonly string[];
  labels: Labels<string>;
}

/** What a column holds, and so how a cell is read and written. */
export type ValueType =
  /** The record id: the stable key that makes a re-import update instead of duplicate. */
  | { type: 'key' }
  | { type: 'text' }
  /** Text without spaces, in capitals: identifiers such as an LEI, EUID, KvK or VAT number. */
  | { type: 'identifier' }
  | { type: 'integer' }
  | { type: 'number' }
  | { type: 'boolean' }
  /** Free-text values separated by ";" (or line breaks). */
  | { type: 'list' }
  | { type: 'enum'; vocabulary: Vocabulary; many?: boolean }
  | { type: 'date' }
  | { type: 'country'; many?: boolean }
  /** A key or name of another record; becomes a RowLink, resolved by the import planner. */
  | { type: 'ref'; kind: RefKind; many?: boolean }
  /** The kind of record at one end of a dependency (the consumer or the provider). */
  | { type: 'endKind'; kinds: readonly RefKind[] }
  /** The key or name of the record at one end of a dependency; a RowLink with asRef. */
  | { type: 'end'; kinds: readonly RefKind[] };

export interface Column {
  /** The spec field, dotted for a nested one ("dataLocations.atRest"); "" for the key column. */
  field: string;
  header: Bilingual;
  value: ValueType;
  /** The file must have this column (the name of a record, the ends of a dependency). */
  required?: boolean;
  /** A hint for the help sheet, beyond what the value type says. */
  hint?: Bilingual;
}

export interface Template {
  kind: TemplateKind;
  /** Workbook sheet name (at most 31 characters, Excel's limit). */
  sheet: Bilingual;
  columns: readonly Column[];
}

// Labels for the vocabularies src/domain/enums.ts keeps without them (codes are English words).
const KEY_CONTROL_LABELS: Labels<(typeof KEY_CONTROLS)[number]> = {
  customer: { nl: 'Eigen organisatie', en: 'Customer' },
  provider: { nl: 'Leverancier', en: 'Provider' },
  none: { nl: 'Geen', en: 'None' },
  unknown: { nl: 'Onbekend', en: 'Unknown' },
};
const DATA_EXPORT_LABELS: Labels<(typeof DATA_EXPORT_LEVELS)[number]> = {
  full: { nl: 'Volledig', en: 'Full' },
  partial: { nl: 'Gedeeltelijk', en: 'Partial' },
  none: { nl: 'Geen', en: 'None' },
  unknown: { nl: 'Onbekend', en: 'Unknown' },
};
const PARTY_KIND_LABELS: Labels<(typeof PARTY_KINDS)[number]> = {
  company: { nl: 'Bedrijf', en: 'Company' },
  government: { nl: 'Overheid', en: 'Government' },
  foundation: { nl: 'Stichting', en: 'Foundation' },
  community: { nl: 'Gemeenschap', en: 'Community' },
  person: { nl: 'Persoon', en: 'Person' },
};
const EXIT_STRATEGY_LABELS: Labels<(typeof EXIT_STRATEGIES)[number]> = {
  replace: { nl: 'Vervangen', en: 'Replace' },
  insource: { nl: 'Insourcen', en: 'Insource' },
  'multi-vendor': { nl: 'Meerdere leveranciers', en: 'Multiple vendors' },
  escrow: { nl: 'Escrow', en: 'Escrow' },
  terminate: { nl: 'Beëindigen', en: 'Terminate' },
};
const EFFORT_LABELS: Labels<(typeof EFFORT_LEVELS)[number]> = {
  low: { nl: 'Laag', en: 'Low' },
  medium: { nl: 'Middel', en: 'Medium' },
  high: { nl: 'Hoog', en: 'High' },
};

const vocabulary = <T extends string>(codes: readonly T[], labels: Labels<T>): Vocabulary => ({ codes, labels });

export const VOCABULARIES = {
  layer: vocabulary(LAYERS, LAYER_LABELS),
  priority: vocabulary(PRIORITIES, PRIORITY_LABELS),
  publicInterest: vocabulary(PUBLIC_INTERESTS, PUBLIC_INTEREST_LABELS),
  assetType: vocabulary(ASSET_TYPES, ASSET_TYPE_LABELS),
  dataSensitivity: vocabulary(DATA_SENSITIVITIES, DATA_SENSITIVITY_LABELS),
  keyControl: vocabulary(KEY_CONTROLS, KEY_CONTROL_LABELS),
  dataExport: vocabulary(DATA_EXPORT_LEVELS, DATA_EXPORT_LABELS),
  partyKind: vocabulary(PARTY_KINDS, PARTY_KIND_LABELS),
  relation: vocabulary(DEPENDENCY_RELATIONS, DEPENDENCY_RELATION_LABELS),
  exitStrategy: vocabulary(EXIT_STRATEGIES, EXIT_STRATEGY_LABELS),
  effort: vocabulary(EFFORT_LEVELS, EFFORT_LABELS),
} as const;

/**
 * Words for the kind at an end of a dependency. Besides the codes and their Dutch and English words
 * (singular and plural), "applicatie"/"application" mean asset — most assets in a Dutch register are
 * called applications — and "leverancier"/"supplier" mean party, the usual reading of a dependency
 * on a party. Written back as the code.
 */
export const END_KIND_WORDS: Record<RefKind, readonly string[]> = {
  process: ['process', 'processes', 'proces', 'processen'],
  asset: ['asset', 'assets', 'applicatie', 'applicaties', 'application', 'applications'],
  party: ['party', 'parties', 'partij', 'partijen', 'leverancier', 'leveranciers', 'supplier', 'suppliers'],
  product: ['product', 'products', 'producten'],
  component: ['component', 'components', 'componenten'],
};
export const END_KIND_LABELS: Labels<RefKind> = {
  process: { nl: 'proces', en: 'process' },
  asset: { nl: 'asset', en: 'asset' },
  party: { nl: 'partij', en: 'party' },
  product: { nl: 'product', en: 'product' },
  component: { nl: 'component', en: 'component' },
};

const col = (field: string, nl: string, en: string, value: ValueType, more: Partial<Column> = {}): Column => ({
  field,
  header: { nl, en },
  value,
  ...more,
});
const key = col(
  '',
  'Sleutel',
  'Key',
  { type: 'key' },
  {
    hint: {
      nl: 'Het id van het record in Stapel; leeg laten voor een nieuw record. Met dezelfde sleutel werkt een nieuwe import het record bij.',
      en: "The record's id in Stapel; leave empty for a new record. A re-import with the same key updates the record.",
    },
  },
);
const name = col('name', 'Naam', 'Name', { type: 'text' }, { required: true });
const description = col('description', 'Omschrijving', 'Description', { type: 'text' });

const CONSUMER_KINDS: readonly RefKind[] = ['process', 'asset'];
const PROVIDER_KINDS: readonly RefKind[] = ['asset', 'component', 'party'];

export const TEMPLATES: Record<TemplateKind, Template> = {
  process: {
    kind: 'process',
    sheet: { nl: 'Processen', en: 'Processes' },
    columns: [
      key,
      name,
      description,
      col('vital', 'Vitaal', 'Vital', { type: 'boolean' }),
      col('publicInterests', 'Publieke belangen', 'Public interests', {
        type: 'enum',
        vocabulary: VOCABULARIES.publicInterest,
        many: true,
      }),
      col('maxTolerableDowntimeHours', 'Maximaal toelaatbare uitval (uren)', 'Maximum tolerable downtime (hours)', {
        type: 'number',
      }),
      col('owner', 'Eigenaar', 'Owner', { type: 'text' }),
    ],
  },
  party: {
    kind: 'party',
    sheet: { nl: 'Partijen', en: 'Parties' },
    columns: [
      key,
      name,
      col('kind', 'Soort', 'Type', { type: 'enum', vocabulary: VOCABULARIES.partyKind }),
      col('country', 'Land hoofdkantoor', 'Headquarters country', { type: 'country' }),
      col(
        'parentId',
        'Moederorganisatie',
        'Parent',
        { type: 'ref', kind: 'party' },
        {
          hint: {
            nl: 'Sleutel of naam van de partij die deze bezit.',
            en: 'Key or name of the party that owns this one.',
          },
        },
      ),
      col('identifiers.lei', 'LEI', 'LEI', { type: 'identifier' }),
      col('identifiers.euid', 'EUID', 'EUID', { type: 'identifier' }),
      col('identifiers.kvk', 'KvK-nummer', 'KvK number', { type: 'identifier' }),
      col('identifiers.vat', 'Btw-nummer', 'VAT number', { type: 'identifier' }),
      col('aliases', 'Andere namen', 'Aliases', { type: 'list' }),
      col('website', 'Website', 'Website', { type: 'text' }),
      description,
    ],
  },
  product: {
    kind: 'product',
    sheet: { nl: 'Producten', en: 'Products' },
    columns: [
      key,
      name,
      col('vendorId', 'Leverancier', 'Vendor', { type: 'ref', kind: 'party' }),
      col(
        'category',
        'Categorie',
        'Category',
        { type: 'text' },
        {
          hint: {
            nl: 'Productcategorie uit de kennisbank, bv. "office-suite" of "public-cloud".',
            en: 'Product category from the knowledge base, e.g. "office-suite" or "public-cloud".',
          },
        },
      ),
      col('layers', 'Lagen', 'Layers', { type: 'enum', vocabulary: VOCABULARIES.layer, many: true }),
      col('openSource', 'Open source', 'Open source', { type: 'boolean' }),
      col('licence', 'Licentie (SPDX)', 'Licence (SPDX)', { type: 'text' }),
      col('openStandards', 'Open standaarden', 'Open standards', { type: 'list' }),
      description,
    ],
  },
  asset: {
    kind: 'asset',
    sheet: { nl: 'Assets', en: 'Assets' },
    columns: [
      key,
      name,
      col('type', 'Type', 'Type', { type: 'enum', vocabulary: VOCABULARIES.assetType }),
      col('layers', 'Lagen', 'Layers', { type: 'enum', vocabulary: VOCABULARIES.layer, many: true }),
      col('priority', 'Beleidsprioriteit', 'Policy priority', { type: 'enum', vocabulary: VOCABULARIES.priority }),
      description,
      col('productId', 'Product', 'Product', { type: 'ref', kind: 'product' }),
      col(
        'providerId',
        'Leverancier',
        'Provider',
        { type: 'ref', kind: 'party' },
        {
          hint: {
            nl: 'Sleutel of naam van de partij die de asset levert, bv. "Microsoft".',
            en: 'Key or name of the party that delivers the asset, e.g. "Microsoft".',
          },
        },
      ),
      col('hostingPartyId', 'Hostingpartij', 'Hosting party', { type: 'ref', kind: 'party' }),
      col('hostingLocations', 'Hostinglanden', 'Hosting countries', { type: 'country', many: true }),
      col('dataLocations.atRest', 'Dataopslag (landen)', 'Data at rest (countries)', { type: 'country', many: true }),
      col('dataLocations.processing', 'Dataverwerking (landen)', 'Data processing (countries)', {
        type: 'country',
        many: true,
      }),
      col('dataSensitivity', 'Gevoeligheid gegevens', 'Data sensitivity', {
        type: 'enum',
        vocabulary: VOCABULARIES.dataSensitivity,
      }),
      col('keyControl', 'Sleutelbeheer', 'Key control', { type: 'enum', vocabulary: VOCABULARIES.keyControl }),
      col('users', 'Gebruikers', 'Users', { type: 'integer' }),
      col('lockIn.openStandards', 'Open standaarden', 'Open standards', { type: 'list' }),
      col('lockIn.dataExport', 'Data-export', 'Data export', { type: 'enum', vocabulary: VOCABULARIES.dataExport }),
      col('lockIn.proprietaryFormats', 'Gesloten formaten', 'Proprietary formats', { type: 'boolean' }),
      col('tags', 'Labels', 'Tags', { type: 'list' }),
    ],
  },
  dependency: {
    kind: 'dependency',
    sheet: { nl: 'Afhankelijkheden', en: 'Dependencies' },
    columns: [
      key,
      col('from', 'Soort afnemer', 'Consumer kind', { type: 'endKind', kinds: CONSUMER_KINDS }),
      col(
        'from',
        'Afnemer',
        'Consumer',
        { type: 'end', kinds: CONSUMER_KINDS },
        {
          required: true,
          hint: {
            nl: 'Sleutel of naam van het proces of de asset dat afhankelijk is.',
            en: 'Key or name of the process or asset that depends on the provider.',
          },
        },
      ),
      col('to', 'Soort aanbieder', 'Provider kind', { type: 'endKind', kinds: PROVIDER_KINDS }),
      col(
        'to',
        'Aanbieder',
        'Provider',
        { type: 'end', kinds: PROVIDER_KINDS },
        {
          required: true,
          hint: {
            nl: 'Sleutel of naam van de asset, component of partij waarvan de afnemer afhangt.',
            en: 'Key or name of the asset, component or party the consumer depends on.',
          },
        },
      ),
      col('relation', 'Relatie', 'Relation', { type: 'enum', vocabulary: VOCABULARIES.relation }),
      col(
        'redundancyGroup',
        'Redundantiegroep',
        'Redundancy group',
        { type: 'text' },
        {
          hint: {
            nl: 'Afhankelijkheden met dezelfde groep zijn alternatieven: één ervan volstaat.',
            en: 'Dependencies of one group are alternatives: any one of them suffices.',
          },
        },
      ),
      description,
    ],
  },
  contract: {
    kind: 'contract',
    sheet: { nl: 'Contracten', en: 'Contracts' },
    columns: [
      key,
      name,
      col('supplierId', 'Leverancier', 'Supplier', { type: 'ref', kind: 'party' }),
      col('assetIds', 'Assets', 'Assets', { type: 'ref', kind: 'asset', many: true }),
      col('reference', 'Kenmerk', 'Contract reference', { type: 'text' }),
      col('startDate', 'Startdatum', 'Start date', { type: 'date' }),
      col('endDate', 'Einddatum', 'End date', { type: 'date' }),
      col('noticePeriodDays', 'Opzegtermijn (dagen)', 'Notice period (days)', { type: 'integer' }),
      col('annualValueEur', 'Jaarwaarde (EUR)', 'Annual value (EUR)', { type: 'number' }),
      col('governingLaw', 'Toepasselijk recht', 'Governing law', { type: 'country' }),
      col('exitClause', 'Exitclausule', 'Exit clause', { type: 'boolean' }),
      description,
    ],
  },
  exitPlan: {
    kind: 'exitPlan',
    sheet: { nl: 'Exitplannen', en: 'Exit plans' },
    columns: [
      key,
      name,
      col('assetId', 'Asset', 'Asset', { type: 'ref', kind: 'asset' }),
      col('strategy', 'Strategie', 'Strategy', { type: 'enum', vocabulary: VOCABULARIES.exitStrategy }),
      col('targetAlternative', 'Alternatief', 'Target alternative', { type: 'text' }),
      col('targetProductId', 'Doelproduct', 'Target product', { type: 'ref', kind: 'product' }),
      col('effort', 'Inspanning', 'Effort', { type: 'enum', vocabulary: VOCABULARIES.effort }),
      col('timeToSwitchDays', 'Overstaptijd (dagen)', 'Time to switch (days)', { type: 'integer' }),
      col('lastTested', 'Laatst getest', 'Last tested', { type: 'date' }),
      description,
    ],
  },
};

/** Help sheet name. */
export const HELP_SHEET: Bilingual = { nl: 'Toelichting', en: 'Help' };

/**
 * The form in which headers, sheet names and vocabulary words are compared: accents dropped, lower
 * case, "-", "_" and runs of white space as one space ("Continuïteit" = "continuiteit",
 * "runs-on" = "Runs on").
 */
export function normaliseWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** The column a header names in a template (Dutch or English header, or the field path), if any. */
export function columnByHeader(template: Template, header: string): Column | undefined {
  const word = normaliseWord(header);
  if (!word) return undefined;
  return template.columns.find(
    (c) =>
      normaliseWord(c.header.nl) === word ||
      normaliseWord(c.header.en) === word ||
      (c.field !== '' && c.value.type !== 'endKind' && normaliseWord(c.field) === word),
  );
}

/** The template kind a sheet name stands for (Dutch or English sheet name, the code or its plural). */
export function kindBySheetName(sheet: string): TemplateKind | undefined {
  const word = normaliseWord(sheet);
  const plurals: Record<TemplateKind, string> = {
    process: 'processes',
    party: 'parties',
    product: 'products',
    asset: 'assets',
    dependency: 'dependencies',
    contract: 'contracts',
    exitPlan: 'exit plans',
  };
  return TEMPLATE_KINDS.find(
    (k) =>
      normaliseWord(TEMPLATES[k].sheet.nl) === word ||
      normaliseWord(TEMPLATES[k].sheet.en) === word ||
      normaliseWord(k) === word ||
      normaliseWord(plurals[k]) === word,
  );
}

/** The code a vocabulary word stands for: the code itself or its Dutch or English label. */
export function vocabularyCode(vocabulary: Vocabulary, text: string): string | undefined {
  const word = normaliseWord(text);
  return vocabulary.codes.find(
    (code) =>
      normaliseWord(code) === word ||
      normaliseWord(vocabulary.labels[code]!.nl) === word ||
      normaliseWord(vocabulary.labels[code]!.en) === word,
  );
}

/** The kind a dependency-end word stands for, among `kinds`. */
export function endKindByWord(kinds: readonly RefKind[], text: string): RefKind | undefined {
  const word = normaliseWord(text);
  return kinds.find((k) => END_KIND_WORDS[k].includes(word));
}

/** The top-level spec field a column fills (what ImportRow.owns lists). */
export const ownedField = (column: Column): string => column.field.split('.')[0]!;

/** "code (Dutch label / English label)" for each code, for messages and the help sheet. */
export function describeVocabulary(vocabulary: Vocabulary, lang: Lang): string {
  return vocabulary.codes
    .map((code) => {
      const l = vocabulary.labels[code]!;
      const labels = [...new Set([l[lang], l[lang === 'nl' ? 'en' : 'nl']])].filter(
        (x) => normaliseWord(x) !== normaliseWord(code),
      );
      return labels.length ? `${code} (${labels.join(' / ')})` : code;
    })
    .join(', ');
}

/** What a column accepts, in words, for messages and the help sheet. */
export function describeValueType(value: ValueType, lang: Lang): string {
  const nl = lang === 'nl';
  switch (value.type) {
    case 'key':
      return nl
        ? 'sleutel: kleine letters, cijfers, ".", "_" of "-"'
        : 'key: lower-case letters, digits, ".", "_" or "-"';
    case 'text':
      return nl ? 'tekst' : 'text';
    case 'identifier':
      return nl ? 'code, zonder spaties' : 'code, without spaces';
    case 'integer':
      return nl ? 'geheel getal' : 'whole number';
    case 'number':
      return nl ? 'getal, bv. 1234,5 of 1234.5' : 'number, e.g. 1234.5';
    case 'boolean':
      return nl ? 'ja of nee (ook: yes/no, true/false, 1/0)' : 'yes or no (also: ja/nee, true/false, 1/0)';
    case 'list':
      return nl ? 'lijst, waarden gescheiden door ";"' : 'list, values separated by ";"';
    case 'enum':
      return (
        (value.many
          ? nl
            ? 'lijst (gescheiden door ";") van: '
            : 'list (separated by ";") of: '
          : nl
            ? 'één van: '
            : 'one of: ') + describeVocabulary(value.vocabulary, lang)
      );
    case 'date':
      return nl ? 'datum als JJJJ-MM-DD (ook DD-MM-JJJJ)' : 'date as YYYY-MM-DD (also DD-MM-YYYY)';
    case 'country':
      return value.many
        ? nl
          ? 'landcodes (ISO 3166-1, bv. NL; DE) of landnamen, gescheiden door ";"'
          : 'country codes (ISO 3166-1, e.g. NL; DE) or country names, separated by ";"'
        : nl
          ? 'landcode (ISO 3166-1, bv. NL) of landnaam'
          : 'country code (ISO 3166-1, e.g. NL) or country name';
    case 'ref': {
      const kind = END_KIND_LABELS[value.kind][lang];
      return value.many
        ? nl
          ? `sleutels of namen van ${kind}s, gescheiden door ";"`
          : `keys or names of ${kind}s, separated by ";"`
        : nl
          ? `sleutel of naam van een ${kind}`
          : `key or name of a ${kind}`;
    }
    case 'endKind':
      return (
        (nl ? 'één van: ' : 'one of: ') +
        value.kinds
          .map((k) => `${k}${END_KIND_LABELS[k][lang] !== k ? ` (${END_KIND_LABELS[k][lang]})` : ''}`)
          .join(', ')
      );
    case 'end':
      return nl
        ? `sleutel of naam van een ${value.kinds.map((k) => END_KIND_LABELS[k].nl).join(', ')}`
        : `key or name of a ${value.kinds.map((k) => END_KIND_LABELS[k].en).join(', ')}`;
  }
}
