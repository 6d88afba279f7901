/**
 * The six register kinds the register pages edit, described as data: their names, the extra
 * table columns, the list filters the API offers (records.routes.ts, KindDescriptor.filters) and
 * the form fields with the API's field names (src/domain/kinds.ts). The list and the form are
 * generic and read these descriptions, so a field is added in one place.
 */
import type { ReactNode } from 'react';
import { Link } from './ui';
import type { Label, RecordSource, RegisterRecord, VocabularyName } from './register-data';

/** Where a select's or checkbox group's choices come from. */
export type Options =
  | { vocabulary: VocabularyName }
  | { codes: Record<string, Label> }
  | { records: RecordSource }
  /** Processes and assets as "kind:id" references (a measure's targets). */
  | { targets: true };

export interface FieldDef {
  /** The API's field path: `name`, `dataLocations.atRest`. */
  name: string;
  label: Label;
  hint?: Label;
  input: 'text' | 'textarea' | 'number' | 'date' | 'select' | 'checkboxes' | 'boolean' | 'tristate' | 'list';
  options?: Options;
  required?: boolean;
  /** Only asked when creating (the id). */
  createOnly?: boolean;
  /** The value a new record starts with (the API's default, so the form shows it). */
  initial?: string;
}

/** How table cells turn codes and ids into words in the current language. */
export interface Cells {
  vocabulary(name: VocabularyName, code: unknown): string;
  code(labels: Record<string, Label>, code: unknown): string;
  record(source: RecordSource, id: unknown): string;
  yesNo(value: unknown): string;
  number(value: unknown): string;
}

export interface Column {
  header: Label;
  cell: (record: RegisterRecord, cells: Cells) => ReactNode;
}

export interface FilterDef {
  /** The list endpoint's query parameter. */
  param: 'layer' | 'priority' | 'type';
  label: Label;
  options: Options;
}

export interface KindDef {
  /** URL segment of the API and of the page. */
  plural: string;
  many: Label;
  one: Label;
  newOne: Label;
  /** The detail page of a record, for kinds that have one. */
  detail?: (id: string) => string;
  columns: Column[];
  /** Record lists the columns name. */
  listSources: RecordSource[];
  filters: FilterDef[];
  fields: FieldDef[];
}

// ---- closed lists the API has no vocabulary for (src/domain/enums.ts) ---------------------------

export const PARTY_KINDS: Record<string, Label> = {
  company: { nl: 'Bedrijf', en: 'Company' },
  government: { nl: 'Overheid', en: 'Government' },
  foundation: { nl: 'Stichting', en: 'Foundation' },
  community: { nl: 'Gemeenschap', en: 'Community' },
  person: { nl: 'Persoon', en: 'Person' },
};
export const KEY_CONTROLS: Record<string, Label> = {
  customer: { nl: 'Wijzelf (de klant)', en: 'We (the customer)' },
  provider: { nl: 'De leverancier', en: 'The provider' },
  none: { nl: 'Niemand (geen versleuteling)', en: 'Nobody (no encryption)' },
  unknown: { nl: 'Onbekend', en: 'Unknown' },
};
export const EXIT_STRATEGIES: Record<string, Label> = {
  replace: { nl: 'Vervangen', en: 'Replace' },
  insource: { nl: 'Zelf gaan doen', en: 'Insource' },
  'multi-vendor': { nl: 'Meerdere leveranciers', en: 'Multi-vendor' },
  escrow: { nl: 'Escrow', en: 'Escrow' },
  terminate: { nl: 'Beëindigen', en: 'Terminate' },
};
export const EFFORT_LEVELS: Record<string, Label> = {
  low: { nl: 'Laag', en: 'Low' },
  medium: { nl: 'Gemiddeld', en: 'Medium' },
  high: { nl: 'Hoog', en: 'High' },
};
export const MEASURE_STATUSES: Record<string, Label> = {
  planned: { nl: 'Gepland', en: 'Planned' },
  'in-progress': { nl: 'In uitvoering', en: 'In progress' },
  done: { nl: 'Gereed', en: 'Done' },
  cancelled: { nl: 'Geannuleerd', en: 'Cancelled' },
};

// ---- fields every kind shares --------------------------------------------------------------------

const idField: FieldDef = {
  name: 'id',
  label: { nl: 'Id', en: 'Id' },
  hint: {
    nl: 'Kleine letters, cijfers, ".", "_" of "-". Laat leeg om Stapel er een te laten maken; later wijzigen kan niet.',
    en: 'Lower-case letters, digits, ".", "_" or "-". Leave empty to let Stapel make one; it cannot be changed later.',
  },
  input: 'text',
  createOnly: true,
};
const nameField: FieldDef = { name: 'name', label: { nl: 'Naam', en: 'Name' }, input: 'text', required: true };
const descriptionField: FieldDef = {
  name: 'description',
  label: { nl: 'Beschrijving', en: 'Description' },
  input: 'textarea',
};
const countryHint: Label = {
  nl: 'Tweeletterige ISO-landcode in hoofdletters, bijvoorbeeld NL.',
  en: 'Two-letter ISO country code in capitals, for example NL.',
};
const countriesHint: Label = {
  nl: 'Tweeletterige ISO-landcodes in hoofdletters, gescheiden door komma’s, bijvoorbeeld NL, DE.',
  en: 'Two-letter ISO country codes in capitals, separated by commas, for example NL, DE.',
};
const ownerField: FieldDef = { name: 'owner', label: { nl: 'Eigenaar', en: 'Owner' }, input: 'text' };

const assetLink = (id: unknown, cells: Cells) =>
  typeof id === 'string' ? <Link to={`/assets/${encodeURIComponent(id)}`}>{cells.record('assets', id)}</Link> : '';

// ---- the kinds ---------------------------------------------------------------------------------

const processes: KindDef = {
  plural: 'processes',
  many: { nl: 'Processen', en: 'Processes' },
  one: { nl: 'proces', en: 'process' },
  newOne: { nl: 'Nieuw proces', en: 'New process' },
  detail: (id) => `/processes/${encodeURIComponent(id)}`,
  columns: [
    { header: { nl: 'Vitaal', en: 'Vital' }, cell: (r, c) => c.yesNo(r.vital) },
    {
      header: { nl: 'Maximale uitval (uren)', en: 'Maximum downtime (hours)' },
      cell: (r, c) => c.number(r.maxTolerableDowntimeHours),
    },
    { header: { nl: 'Eigenaar', en: 'Owner' }, cell: (r) => (typeof r.owner === 'string' ? r.owner : '') },
  ],
  listSources: [],
  filters: [],
  fields: [
    idField,
    nameField,
    descriptionField,
    { name: 'vital', label: { nl: 'Vitaal proces', en: 'Vital process' }, input: 'boolean' },
    {
      name: 'publicInterests',
      label: { nl: 'Publieke belangen', en: 'Public interests' },
      input: 'checkboxes',
      options: { vocabulary: 'publicInterests' },
    },
    {
      name: 'maxTolerableDowntimeHours',
      label: { nl: 'Maximaal toelaatbare uitval (uren)', en: 'Maximum tolerable downtime (hours)' },
      input: 'number',
    },
    ownerField,
  ],
};

const assets: KindDef = {
  plural: 'assets',
  many: { nl: 'Voorzieningen', en: 'Assets' },
  one: { nl: 'voorziening', en: 'asset' },
  newOne: { nl: 'Nieuwe voorziening', en: 'New asset' },
  detail: (id) => `/assets/${encodeURIComponent(id)}`,
  columns: [
    { header: { nl: 'Soort', en: 'Type' }, cell: (r, c) => c.vocabulary('assetTypes', r.type) },
    {
      header: { nl: 'Lagen', en: 'Layers' },
      cell: (r, c) => (Array.isArray(r.layers) ? r.layers.map((l) => c.vocabulary('layers', l)).join(', ') : ''),
    },
    {
      header: { nl: 'Beleidsprioriteit', en: 'Policy priority' },
      cell: (r, c) => c.vocabulary('priorities', r.priority),
    },
    { header: { nl: 'Leverancier', en: 'Provider' }, cell: (r, c) => c.record('parties', r.providerId) },
  ],
  listSources: ['parties'],
  filters: [
    { param: 'layer', label: { nl: 'Laag', en: 'Layer' }, options: { vocabulary: 'layers' } },
    {
      param: 'priority',
      label: { nl: 'Beleidsprioriteit', en: 'Policy priority' },
      options: { vocabulary: 'priorities' },
    },
    { param: 'type', label: { nl: 'Soort', en: 'Type' }, options: { vocabulary: 'assetTypes' } },
  ],
  fields: [
    idField,
    nameField,
    {
      name: 'type',
      label: { nl: 'Soort', en: 'Type' },
      input: 'select',
      options: { vocabulary: 'assetTypes' },
      required: true,
    },
    {
      name: 'layers',
      label: { nl: 'Lagen van de digitale stapel', en: 'Layers of the digital stack' },
      input: 'checkboxes',
      options: { vocabulary: 'layers' },
      required: true,
    },
    {
      name: 'priority',
      label: { nl: 'Beleidsprioriteit', en: 'Policy priority' },
      input: 'select',
      options: { vocabulary: 'priorities' },
    },
    descriptionField,
    {
      name: 'providerId',
      label: { nl: 'Leverancier', en: 'Provider' },
      hint: { nl: 'De partij die de voorziening levert.', en: 'The party that delivers the asset.' },
      input: 'select',
      options: { records: 'parties' },
    },
    {
      name: 'hostingPartyId',
      label: { nl: 'Hostingpartij', en: 'Hosting party' },
      hint: {
        nl: 'De partij op wier infrastructuur de voorziening draait, als dat niet de leverancier zelf is.',
        en: 'The party whose infrastructure runs the asset, when it is not the provider’s own.',
      },
      input: 'select',
      options: { records: 'parties' },
    },
    {
      name: 'hostingLocations',
      label: { nl: 'Hostinglocaties', en: 'Hosting locations' },
      hint: countriesHint,
      input: 'list',
    },
    {
      name: 'dataLocations.atRest',
      label: { nl: 'Opslaglocaties van de data', en: 'Where the data is stored' },
      hint: countriesHint,
      input: 'list',
    },
    {
      name: 'dataLocations.processing',
      label: { nl: 'Verwerkingslocaties van de data', en: 'Where the data is processed' },
      hint: countriesHint,
      input: 'list',
    },
    {
      name: 'dataSensitivity',
      label: { nl: 'Gevoeligheid van de data', en: 'Data sensitivity' },
      input: 'select',
      options: { vocabulary: 'dataSensitivities' },
    },
    {
      name: 'keyControl',
      label: { nl: 'Wie beheert de sleutels', en: 'Who holds the keys' },
      input: 'select',
      options: { codes: KEY_CONTROLS },
    },
    { name: 'users', label: { nl: 'Aantal gebruikers', en: 'Number of users' }, input: 'number' },
  ],
};

const parties: KindDef = {
  plural: 'parties',
  many: { nl: 'Partijen', en: 'Parties' },
  one: { nl: 'partij', en: 'party' },
  newOne: { nl: 'Nieuwe partij', en: 'New party' },
  columns: [
    { header: { nl: 'Soort', en: 'Kind' }, cell: (r, c) => c.code(PARTY_KINDS, r.kind) },
    { header: { nl: 'Land', en: 'Country' }, cell: (r) => (typeof r.country === 'string' ? r.country : '') },
    { header: { nl: 'Moederbedrijf', en: 'Parent' }, cell: (r, c) => c.record('parties', r.parentId) },
  ],
  listSources: ['parties'],
  filters: [{ param: 'type', label: { nl: 'Soort', en: 'Kind' }, options: { codes: PARTY_KINDS } }],
  fields: [
    idField,
    nameField,
    {
      name: 'kind',
      label: { nl: 'Soort', en: 'Kind' },
      input: 'select',
      options: { codes: PARTY_KINDS },
      initial: 'company',
    },
    {
      name: 'country',
      label: { nl: 'Land van het hoofdkantoor', en: 'Headquarters country' },
      hint: countryHint,
      input: 'text',
    },
    {
      name: 'parentId',
      label: { nl: 'Moederbedrijf', en: 'Parent' },
      hint: {
        nl: 'De partij die deze bezit of beheerst; de keten leidt naar de uiteindelijke eigenaar.',
        en: 'The party that owns or controls this one; its chain leads to the ultimate parent.',
      },
      input: 'select',
      options: { records: 'parties' },
    },
    {
      name: 'identifiers.kvk',
      label: { nl: 'KvK-nummer', en: 'Dutch Chamber of Commerce (KvK) number' },
      input: 'text',
    },
    { name: 'identifiers.lei', label: { nl: 'LEI', en: 'LEI' }, input: 'text' },
    { name: 'website', label: { nl: 'Website', en: 'Website' }, input: 'text' },
    descriptionField,
  ],
};

const contracts: KindDef = {
  plural: 'contracts',
  many: { nl: 'Contracten', en: 'Contracts' },
  one: { nl: 'contract', en: 'contract' },
  newOne: { nl: 'Nieuw contract', en: 'New contract' },
  columns: [
    { header: { nl: 'Leverancier', en: 'Supplier' }, cell: (r, c) => c.record('parties', r.supplierId) },
    { header: { nl: 'Einddatum', en: 'End date' }, cell: (r) => (typeof r.endDate === 'string' ? r.endDate : '') },
    { header: { nl: 'Waarde per jaar (€)', en: 'Annual value (€)' }, cell: (r, c) => c.number(r.annualValueEur) },
  ],
  listSources: ['parties'],
  filters: [],
  fields: [
    idField,
    nameField,
    {
      name: 'supplierId',
      label: { nl: 'Leverancier', en: 'Supplier' },
      input: 'select',
      options: { records: 'parties' },
      required: true,
    },
    {
      name: 'assetIds',
      label: { nl: 'Voorzieningen onder dit contract', en: 'Assets under this contract' },
      input: 'checkboxes',
      options: { records: 'assets' },
    },
    { name: 'reference', label: { nl: 'Kenmerk', en: 'Reference' }, input: 'text' },
    { name: 'startDate', label: { nl: 'Begindatum', en: 'Start date' }, input: 'date' },
    { name: 'endDate', label: { nl: 'Einddatum', en: 'End date' }, input: 'date' },
    { name: 'noticePeriodDays', label: { nl: 'Opzegtermijn (dagen)', en: 'Notice period (days)' }, input: 'number' },
    { name: 'annualValueEur', label: { nl: 'Waarde per jaar (€)', en: 'Annual value (€)' }, input: 'number' },
    {
      name: 'governingLaw',
      label: { nl: 'Toepasselijk recht (land)', en: 'Governing law (country)' },
      hint: countryHint,
      input: 'text',
    },
    { name: 'exitClause', label: { nl: 'Exitclausule', en: 'Exit clause' }, input: 'tristate' },
    descriptionField,
  ],
};

const exitPlans: KindDef = {
  plural: 'exit-plans',
  many: { nl: 'Exitplannen', en: 'Exit plans' },
  one: { nl: 'exitplan', en: 'exit plan' },
  newOne: { nl: 'Nieuw exitplan', en: 'New exit plan' },
  columns: [
    { header: { nl: 'Voorziening', en: 'Asset' }, cell: (r, c) => assetLink(r.assetId, c) },
    { header: { nl: 'Strategie', en: 'Strategy' }, cell: (r, c) => c.code(EXIT_STRATEGIES, r.strategy) },
    { header: { nl: 'Inspanning', en: 'Effort' }, cell: (r, c) => c.code(EFFORT_LEVELS, r.effort) },
  ],
  listSources: ['assets'],
  filters: [{ param: 'type', label: { nl: 'Strategie', en: 'Strategy' }, options: { codes: EXIT_STRATEGIES } }],
  fields: [
    idField,
    nameField,
    {
      name: 'assetId',
      label: { nl: 'Voorziening', en: 'Asset' },
      hint: { nl: 'De voorziening waar dit plan uit vertrekt.', en: 'The asset this plan exits from.' },
      input: 'select',
      options: { records: 'assets' },
      required: true,
    },
    {
      name: 'strategy',
      label: { nl: 'Strategie', en: 'Strategy' },
      input: 'select',
      options: { codes: EXIT_STRATEGIES },
      required: true,
    },
    { name: 'targetAlternative', label: { nl: 'Alternatief', en: 'Alternative' }, input: 'text' },
    { name: 'effort', label: { nl: 'Inspanning', en: 'Effort' }, input: 'select', options: { codes: EFFORT_LEVELS } },
    { name: 'timeToSwitchDays', label: { nl: 'Overstaptijd (dagen)', en: 'Time to switch (days)' }, input: 'number' },
    { name: 'lastTested', label: { nl: 'Laatst beproefd', en: 'Last tested' }, input: 'date' },
    descriptionField,
  ],
};

const measures: KindDef = {
  plural: 'measures',
  many: { nl: 'Maatregelen', en: 'Measures' },
  one: { nl: 'maatregel', en: 'measure' },
  newOne: { nl: 'Nieuwe maatregel', en: 'New measure' },
  columns: [
    { header: { nl: 'Status', en: 'Status' }, cell: (r, c) => c.code(MEASURE_STATUSES, r.status) },
    { header: { nl: 'Voortgang (%)', en: 'Progress (%)' }, cell: (r, c) => c.number(r.progress) },
    { header: { nl: 'Uiterste datum', en: 'Due date' }, cell: (r) => (typeof r.dueDate === 'string' ? r.dueDate : '') },
  ],
  listSources: [],
  filters: [
    {
      param: 'priority',
      label: { nl: 'Beleidsprioriteit', en: 'Policy priority' },
      options: { vocabulary: 'priorities' },
    },
    { param: 'type', label: { nl: 'Status', en: 'Status' }, options: { codes: MEASURE_STATUSES } },
  ],
  fields: [
    idField,
    nameField,
    descriptionField,
    ownerField,
    { name: 'dueDate', label: { nl: 'Uiterste datum', en: 'Due date' }, input: 'date' },
    {
      name: 'status',
      label: { nl: 'Status', en: 'Status' },
      input: 'select',
      options: { codes: MEASURE_STATUSES },
      initial: 'planned',
    },
    { name: 'progress', label: { nl: 'Voortgang (%)', en: 'Progress (%)' }, input: 'number', initial: '0' },
    {
      name: 'priorities',
      label: { nl: 'Beleidsprioriteiten', en: 'Policy priorities' },
      input: 'checkboxes',
      options: { vocabulary: 'priorities' },
    },
    {
      name: 'targets',
      label: { nl: 'Voor welke processen en voorzieningen', en: 'For which processes and assets' },
      hint: {
        nl: 'De processen en voorzieningen waarvan de maatregel het risico verkleint.',
        en: 'The processes and assets whose risk the measure reduces.',
      },
      input: 'checkboxes',
      options: { targets: true },
    },
  ],
};

export const REGISTER_KINDS: KindDef[] = [processes, assets, parties, contracts, exitPlans, measures];

export const kindDef = (plural: string | undefined) => REGISTER_KINDS.find((k) => k.plural === plural);

/** The record lists a form's selects and checkbox groups need. */
export function formSources(kind: KindDef): RecordSource[] {
  const out = new Set<RecordSource>();
  for (const f of kind.fields) {
    if (f.options && 'records' in f.options) out.add(f.options.records);
    if (f.options && 'targets' in f.options) {
      out.add('processes');
      out.add('assets');
    }
  }
  return [...out];
}
