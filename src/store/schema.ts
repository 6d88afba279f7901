/**
 * The database schema (Drizzle). Every table is keyed by organisation (org_id first in every
 * primary key) so the schema can be distributed by tenant without change. Column property names
 * equal the domain field names, so a row maps to a record by dropping orgId and nulls.
 * Migrations are generated from this file by drizzle-kit into ./migrations and checked in.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

const envelope = () => ({
  orgId: text('org_id').notNull(),
  id: text('id').notNull(),
  revision: integer('revision').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
  provenance: jsonb('provenance').notNull(),
});
const textList = (name: string) =>
  text(name)
    .array()
    .notNull()
    .default(sql`'{}'::text[]`);

export const organisations = pgTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  country: text('country').notNull(),
  sector: text('sector'),
  identifiers: jsonb('identifiers').notNull(),
  description: text('description'),
  revision: integer('revision').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
  provenance: jsonb('provenance').notNull(),
});

export const processes = pgTable(
  'processes',
  {
    ...envelope(),
    name: text('name').notNull(),
    description: text('description'),
    vital: boolean('vital').notNull(),
    publicInterests: textList('public_interests'),
    maxTolerableDowntimeHours: doublePrecision('max_tolerable_downtime_hours'),
    owner: text('owner'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const parties = pgTable(
  'parties',
  {
    ...envelope(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    country: text('country'),
    parentId: text('parent_id'),
    identifiers: jsonb('identifiers').notNull(),
    aliases: textList('aliases'),
    website: text('website'),
    description: text('description'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('parties_parent_idx').on(t.orgId, t.parentId)],
);

export const products = pgTable(
  'products',
  {
    ...envelope(),
    name: text('name').notNull(),
    vendorId: text('vendor_id'),
    category: text('category'),
    layers: textList('layers'),
    openSource: boolean('open_source').notNull(),
    licence: text('licence'),
    openStandards: textList('open_standards'),
    description: text('description'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('products_vendor_idx').on(t.orgId, t.vendorId)],
);

export const assets = pgTable(
  'assets',
  {
    ...envelope(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    layers: textList('layers'),
    priority: text('priority'),
    description: text('description'),
    productId: text('product_id'),
    providerId: text('provider_id'),
    hostingPartyId: text('hosting_party_id'),
    hostingLocations: textList('hosting_locations'),
    dataLocations: jsonb('data_locations').notNull(),
    dataSensitivity: text('data_sensitivity'),
    keyControl: text('key_control'),
    users: integer('users'),
    lockIn: jsonb('lock_in'),
    tags: textList('tags'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('assets_provider_idx').on(t.orgId, t.providerId),
    index('assets_hosting_idx').on(t.orgId, t.hostingPartyId),
    index('assets_product_idx').on(t.orgId, t.productId),
  ],
);

export const components = pgTable(
  'components',
  {
    ...envelope(),
    assetId: text('asset_id').notNull(),
    name: text('name').notNull(),
    version: text('version'),
    purl: text('purl'),
    supplier: text('supplier'),
    licences: textList('licences'),
    hashes: jsonb('hashes').notNull(),
    dependsOn: textList('depends_on'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('components_asset_idx').on(t.orgId, t.assetId),
    index('components_name_idx').on(t.orgId, t.name),
    index('components_purl_idx').on(t.orgId, t.purl),
  ],
);

export const dependencies = pgTable(
  'dependencies',
  {
    ...envelope(),
    from: text('from_ref').notNull(),
    to: text('to_ref').notNull(),
    relation: text('relation').notNull(),
    redundancyGroup: text('redundancy_group'),
    description: text('description'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('dependencies_from_idx').on(t.orgId, t.from),
    index('dependencies_to_idx').on(t.orgId, t.to),
  ],
);

export const contracts = pgTable(
  'contracts',
  {
    ...envelope(),
    name: text('name').notNull(),
    supplierId: text('supplier_id').notNull(),
    assetIds: textList('asset_ids'),
    reference: text('reference'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    noticePeriodDays: integer('notice_period_days'),
    annualValueEur: doublePrecision('annual_value_eur'),
    governingLaw: text('governing_law'),
    exitClause: boolean('exit_clause'),
    description: text('description'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('contracts_supplier_idx').on(t.orgId, t.supplierId)],
);

export const exitPlans = pgTable(
  'exit_plans',
  {
    ...envelope(),
    name: text('name').notNull(),
    assetId: text('asset_id').notNull(),
    strategy: text('strategy').notNull(),
    targetAlternative: text('target_alternative'),
    targetProductId: text('target_product_id'),
    effort: text('effort'),
    timeToSwitchDays: integer('time_to_switch_days'),
    lastTested: date('last_tested', { mode: 'string' }),
    description: text('description'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('exit_plans_asset_idx').on(t.orgId, t.assetId)],
);

export const measures = pgTable(
  'measures',
  {
    ...envelope(),
    name: text('name').notNull(),
    description: text('description'),
    owner: text('owner'),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status').notNull(),
    progress: integer('progress').notNull(),
    priorities: textList('priorities'),
    targets: textList('targets'),
    effects: jsonb('effects')
      .notNull()
      .default(sql`'[]'::jsonb`),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/** Cut-off scenarios, stored per organisation so they can be run again. */
export const scenarios = pgTable(
  'scenarios',
  {
    ...envelope(),
    name: text('name').notNull(),
    description: text('description'),
    cuts: jsonb('cuts').notNull(),
    durationHours: doublePrecision('duration_hours'),
    basedOn: text('based_on'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/**
 * The SBOM document behind an asset's components (one per asset, replaced on re-import): what it
 * was, who made it and when, and its NTIA minimum-elements quality as computed at import.
 */
export const sboms = pgTable(
  'sboms',
  {
    orgId: text('org_id').notNull(),
    assetId: text('asset_id').notNull(),
    format: text('format').notNull(),
    specVersion: text('spec_version').notNull(),
    documentId: text('document_id'),
    created: text('created'),
    authors: textList('authors'),
    tools: textList('tools'),
    subject: jsonb('subject'),
    file: text('file'),
    components: integer('components').notNull(),
    quality: jsonb('quality').notNull(),
    /** Knowledge-base vendors the components come from (linked at import), with counts and rules. */
    suppliers: jsonb('suppliers').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.assetId] })],
);

/**
 * OSV vulnerability records. Public reference data shared by every organisation (the one table
 * not keyed by organisation), filled from the OSV API or an offline OSV dump.
 */
export const vulnerabilities = pgTable('vulnerabilities', {
  id: text('id').primaryKey(),
  modified: timestamp('modified', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
  withdrawn: timestamp('withdrawn', { withTimezone: true, mode: 'date', precision: 3 }),
  aliases: textList('aliases'),
  summary: text('summary'),
  record: jsonb('record').notNull(),
  source: text('source').notNull(),
  fetchedAt: timestamp('fetched_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
});

/** Which packages (OSV ecosystem and name) each vulnerability record names, to match components. */
export const vulnerabilityPackages = pgTable(
  'vulnerability_packages',
  {
    ecosystem: text('ecosystem').notNull(),
    name: text('name').notNull(),
    vulnId: text('vuln_id').notNull(),
  },
  (t) => [
    // Name first: components are matched by name, then the ecosystem is checked.
    primaryKey({ columns: [t.name, t.ecosystem, t.vulnId] }),
    index('vulnerability_packages_vuln_idx').on(t.vulnId),
  ],
);

/** A component of an asset affected by a vulnerability, as found by the last match. */
export const findings = pgTable(
  'findings',
  {
    orgId: text('org_id').notNull(),
    componentId: text('component_id').notNull(),
    vulnId: text('vuln_id').notNull(),
    assetId: text('asset_id').notNull(),
    reason: text('reason').notNull(),
    foundAt: timestamp('found_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.componentId, t.vulnId] }),
    index('findings_asset_idx').on(t.orgId, t.assetId),
    index('findings_vuln_idx').on(t.orgId, t.vulnId),
  ],
);

/**
 * Snapshots: the analysis of an organisation's register frozen at a moment, with the results of
 * the standard scenarios, so board reports can compare periods.
 */
export const snapshots = pgTable(
  'snapshots',
  {
    orgId: text('org_id').notNull(),
    id: text('id').notNull(),
    label: text('label'),
    takenAt: timestamp('taken_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    actor: text('actor').notNull(),
    registerVersion: bigint('register_version', { mode: 'number' }).notNull(),
    knowledgeBaseVersion: text('knowledge_base_version').notNull(),
    configVersion: text('config_version').notNull(),
    analysis: jsonb('analysis').notNull(),
    scenarios: jsonb('scenarios').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/**
 * The DORA register of information last imported for an organisation, kept whole: the values the
 * register has no field for (reasons, codes, B_99.01 definitions …) come from here when the register
 * is exported again, so a package round-trips (src/ingest/dora/register-to-dora.ts).
 */
export const doraSupplements = pgTable('dora_supplements', {
  orgId: text('org_id').primaryKey(),
  source: text('source').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
  actor: text('actor').notNull(),
  report: jsonb('report').notNull(),
});

/** Append-only history of every change to a record (a trigger refuses UPDATE and DELETE). */
export const changes = pgTable(
  'changes',
  {
    orgId: text('org_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    kind: text('kind').notNull(),
    recordId: text('record_id').notNull(),
    op: text('op').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.seq] }), index('changes_record_idx').on(t.orgId, t.kind, t.recordId)],
);

/** The drizzle table of each record kind, keyed like KINDS. */
export const KIND_TABLES = {
  process: processes,
  party: parties,
  product: products,
  asset: assets,
  component: components,
  dependency: dependencies,
  contract: contracts,
  exitPlan: exitPlans,
  measure: measures,
  scenario: scenarios,
} as const;

/**
 * An organisation's own knowledge-base entries: additions (new id) or overrides (an id of the
 * shipped set) of vendors, categories and alternatives. The shipped files stay read-only.
 */
export const kbEntries = pgTable(
  'kb_entries',
  {
    orgId: text('org_id').notNull(),
    kind: text('kind').notNull(),
    id: text('id').notNull(),
    data: jsonb('data').notNull(),
    justification: text('justification').notNull(),
    revision: integer('revision').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    provenance: jsonb('provenance').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.kind, t.id] })],
);

/** An organisation's overrides of the risk configuration, with the justification they need. */
export const riskSettings = pgTable('risk_settings', {
  orgId: text('org_id').primaryKey(),
  overrides: jsonb('overrides').notNull(),
  justification: text('justification').notNull(),
  revision: integer('revision').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
});
