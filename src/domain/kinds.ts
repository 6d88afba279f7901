/**
 * The concepts of the register (DESIGN.md, "Concepts"), each one zod schema of its writable fields
 * (the spec) inside a shared envelope (id, revision, timestamps, provenance). A kind descriptor says
 * which fields refer to other records and which fields the list filters use, so generic code —
 * store, history, API routes, CLI, backup — serves every kind.
 */
import { z } from 'zod';
import {
  ASSET_TYPES,
  DATA_EXPORT_LEVELS,
  DATA_SENSITIVITIES,
  DEPENDENCY_RELATIONS,
  EFFORT_LEVELS,
  EXIT_STRATEGIES,
  KEY_CONTROLS,
  MEASURE_STATUSES,
  PARTY_KINDS,
  layerSchema,
  prioritySchema,
  publicInterestSchema,
} from './enums.js';
import { countryCodeSchema, euidSchema, kvkSchema, leiSchema, vatSchema } from './identifiers.js';
import { idSchema, parseRef, refSchema, type RefKind } from './ids.js';
import { provenanceSchema } from './provenance.js';
import { measureEffectSchema, scenarioSpec } from './scenario.js';

const name = z.string().trim().min(1, 'a name is required').max(300);
const text = z.string().max(10_000);
const isoDate = z.iso.date('use a date as YYYY-MM-DD');
const uniqueList = <T extends z.ZodType<string>>(item: T) =>
  z
    .array(item)
    .max(1000)
    .refine((xs) => new Set(xs).size === xs.length, 'list the same value only once')
    .default([]);

export const processSpec = z.strictObject({
  name,
  description: text.optional(),
  vital: z.boolean().default(false),
  publicInterests: uniqueList(publicInterestSchema),
  /** Maximum tolerable downtime in hours before the process's failure does lasting harm. */
  maxTolerableDowntimeHours: z.number().min(0).max(100_000).optional(),
  owner: z.string().max(300).optional(),
});

export const assetSpec = z.strictObject({
  name,
  type: z.enum(ASSET_TYPES),
  layers: uniqueList(layerSchema).refine((l) => l.length > 0, 'name at least one stack layer'),
  priority: prioritySchema.optional(),
  description: text.optional(),
  productId: idSchema.optional(),
  /** The party that delivers the asset. */
  providerId: idSchema.optional(),
  /** The party whose infrastructure runs the asset, when it is not the provider's own. */
  hostingPartyId: idSchema.optional(),
  hostingLocations: uniqueList(countryCodeSchema),
  dataLocations: z
    .strictObject({ atRest: uniqueList(countryCodeSchema), processing: uniqueList(countryCodeSchema) })
    .default({ atRest: [], processing: [] }),
  dataSensitivity: z.enum(DATA_SENSITIVITIES).optional(),
  keyControl: z.enum(KEY_CONTROLS).optional(),
  users: z.number().int().min(0).optional(),
  lockIn: z
    .strictObject({
      openStandards: uniqueList(z.string().min(1).max(100)),
      dataExport: z.enum(DATA_EXPORT_LEVELS).default('unknown'),
      proprietaryFormats: z.boolean().optional(),
    })
    .optional(),
  tags: uniqueList(z.string().min(1).max(100)),
});

export const partySpec = z.strictObject({
  name,
  kind: z.enum(PARTY_KINDS).default('company'),
  /** Headquarters country. */
  country: countryCodeSchema.optional(),
  /** The party that owns or controls this one; its chain leads to the ultimate parent. */
  parentId: idSchema.optional(),
  identifiers: z
    .strictObject({
      lei: leiSchema.optional(),
      euid: euidSchema.optional(),
      kvk: kvkSchema.optional(),
      vat: vatSchema.optional(),
    })
    .default({}),
  aliases: uniqueList(z.string().min(1).max(300)),
  website: z.string().max(500).optional(),
  description: text.optional(),
});

export const productSpec = z.strictObject({
  name,
  vendorId: idSchema.optional(),
  category: z.string().max(200).optional(),
  layers: uniqueList(layerSchema),
  openSource: z.boolean().default(false),
  /** SPDX licence expression. */
  licence: z.string().max(500).optional(),
  openStandards: uniqueList(z.string().min(1).max(100)),
  description: text.optional(),
});

export const componentSpec = z.strictObject({
  /** The asset whose SBOM lists this component. */
  assetId: idSchema,
  name,
  version: z.string().max(200).optional(),
  purl: z.string().max(2000).optional(),
  supplier: z.string().max(300).optional(),
  licences: uniqueList(z.string().min(1).max(500)),
  hashes: z
    .array(z.object({ alg: z.string().min(1).max(50), content: z.string().min(1).max(200) }))
    .max(20)
    .default([]),
  /** Ids of the components this one depends on (the SBOM's dependency graph). */
  dependsOn: uniqueList(idSchema),
});

/** Which kinds may depend on which (DESIGN.md: process→asset, asset→asset/component/party). */
export const ALLOWED_DEPENDENCIES: Record<RefKind, readonly RefKind[]> = {
  process: ['asset'],
  asset: ['asset', 'component', 'party'],
  party: [],
  product: [],
  component: [],
};

export const dependencySpec = z.strictObject({
  /** The consumer, as "kind:id". */
  from: refSchema,
  /** The provider, as "kind:id". */
  to: refSchema,
  relation: z.enum(DEPENDENCY_RELATIONS).default('uses'),
  /** Members of one redundancy group are alternatives (OR); without a group the edge is required (AND). */
  redundancyGroup: z.string().min(1).max(100).optional(),
  description: text.optional(),
});
function checkDependency(d: z.output<typeof dependencySpec>, ctx: RefineContext): void {
  {
    const from = parseRef(d.from);
    const to = parseRef(d.to);
    if (!from || !to) return;
    if (!ALLOWED_DEPENDENCIES[from.kind].includes(to.kind)) {
      const allowed = ALLOWED_DEPENDENCIES[from.kind];
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: allowed.length
          ? `a ${from.kind} can depend on ${allowed.join(', ')}, not on a ${to.kind}`
          : `a ${from.kind} cannot be the consumer of a dependency`,
      });
    }
    if (d.from === d.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'a record cannot depend on itself' });
  }
}

export const contractSpec = z.strictObject({
  name,
  supplierId: idSchema,
  assetIds: uniqueList(idSchema),
  reference: z.string().max(200).optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  noticePeriodDays: z.number().int().min(0).max(3650).optional(),
  annualValueEur: z.number().min(0).optional(),
  /** Country whose law governs the contract. */
  governingLaw: countryCodeSchema.optional(),
  exitClause: z.boolean().optional(),
  description: text.optional(),
});
function checkContract(c: z.output<typeof contractSpec>, ctx: RefineContext): void {
  if (c.startDate && c.endDate && c.endDate < c.startDate)
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'the end date lies before the start date' });
}

export const exitPlanSpec = z.strictObject({
  name,
  assetId: idSchema,
  strategy: z.enum(EXIT_STRATEGIES),
  /** The alternative to move to, as free text when it is not a product in the register. */
  targetAlternative: z.string().max(300).optional(),
  targetProductId: idSchema.optional(),
  effort: z.enum(EFFORT_LEVELS).optional(),
  timeToSwitchDays: z.number().int().min(0).max(3650).optional(),
  lastTested: isoDate.optional(),
  description: text.optional(),
});

export const measureSpec = z.strictObject({
  name,
  description: text.optional(),
  owner: z.string().max(300).optional(),
  dueDate: isoDate.optional(),
  status: z.enum(MEASURE_STATUSES).default('planned'),
  progress: z.number().int().min(0).max(100).default(0),
  priorities: uniqueList(prioritySchema),
  /** The processes and assets the measure reduces risk for, as "kind:id". */
  targets: uniqueList(refSchema),
  /** What the measure changes in the register once done: a scenario comparison applies these. */
  effects: z.array(measureEffectSchema).max(50).default([]),
});

/** A reference from a field of one kind to records of another. */
export interface ReferenceField {
  field: string;
  kind: RefKind | 'exit-plan';
  many?: boolean;
}

/** Filter parameters of list endpoints, mapped to the field they filter on. */
export interface KindFilters {
  layer?: string;
  priority?: string;
  type?: string;
}

/** The part of zod's refinement context the cross-field checks use. */
export interface RefineContext {
  addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void;
}

export interface KindDescriptor<S extends z.ZodObject = z.ZodObject> {
  /** Singular name used in messages, refs and the CLI. */
  kind: string;
  /** URL segment and backup key. */
  plural: string;
  /** Prefix of generated ids. */
  idPrefix: string;
  /** The writable fields, without cross-field checks (so it can be extended). */
  spec: S;
  /** Cross-field checks, applied wherever the spec is validated. */
  check?: (value: z.output<S>, ctx: RefineContext) => void;
  references: ReferenceField[];
  filters: KindFilters;
}

function defineKind<S extends z.ZodObject>(d: KindDescriptor<S>): KindDescriptor<S> {
  return d;
}

export const KINDS = {
  process: defineKind({
    kind: 'process',
    plural: 'processes',
    idPrefix: 'proc',
    spec: processSpec,
    references: [],
    filters: {},
  }),
  party: defineKind({
    kind: 'party',
    plural: 'parties',
    idPrefix: 'party',
    spec: partySpec,
    references: [{ field: 'parentId', kind: 'party' }],
    filters: { type: 'kind' },
  }),
  product: defineKind({
    kind: 'product',
    plural: 'products',
    idPrefix: 'prod',
    spec: productSpec,
    references: [{ field: 'vendorId', kind: 'party' }],
    filters: { layer: 'layers', type: 'category' },
  }),
  asset: defineKind({
    kind: 'asset',
    plural: 'assets',
    idPrefix: 'asset',
    spec: assetSpec,
    references: [
      { field: 'productId', kind: 'product' },
      { field: 'providerId', kind: 'party' },
      { field: 'hostingPartyId', kind: 'party' },
    ],
    filters: { layer: 'layers', priority: 'priority', type: 'type' },
  }),
  component: defineKind({
    kind: 'component',
    plural: 'components',
    idPrefix: 'comp',
    spec: componentSpec,
    references: [
      { field: 'assetId', kind: 'asset' },
      { field: 'dependsOn', kind: 'component', many: true },
    ],
    filters: {},
  }),
  dependency: defineKind({
    kind: 'dependency',
    plural: 'dependencies',
    idPrefix: 'dep',
    spec: dependencySpec,
    check: checkDependency,
    references: [], // from/to are checked as refs (see ReferenceChecker)
    filters: { type: 'relation' },
  }),
  contract: defineKind({
    kind: 'contract',
    plural: 'contracts',
    idPrefix: 'contract',
    spec: contractSpec,
    check: checkContract,
    references: [
      { field: 'supplierId', kind: 'party' },
      { field: 'assetIds', kind: 'asset', many: true },
    ],
    filters: {},
  }),
  exitPlan: defineKind({
    kind: 'exit-plan',
    plural: 'exit-plans',
    idPrefix: 'exit',
    spec: exitPlanSpec,
    references: [
      { field: 'assetId', kind: 'asset' },
      { field: 'targetProductId', kind: 'product' },
    ],
    filters: { type: 'strategy' },
  }),
  measure: defineKind({
    kind: 'measure',
    plural: 'measures',
    idPrefix: 'measure',
    spec: measureSpec,
    references: [],
    filters: { priority: 'priorities', type: 'status' },
  }),
  scenario: defineKind({
    kind: 'scenario',
    plural: 'scenarios',
    idPrefix: 'scenario',
    spec: scenarioSpec,
    // Cuts name parties, products and assets inside a list; the scenario engine checks them when it
    // runs and names the cut that no longer matches.
    references: [],
    filters: {},
  }),
} as const;

export type KindKey = keyof typeof KINDS;
/** Kinds in the order that satisfies references on import (referenced kinds first). */
export const KIND_ORDER: KindKey[] = [
  'process',
  'party',
  'product',
  'asset',
  'component',
  'dependency',
  'contract',
  'exitPlan',
  'measure',
  'scenario',
];

export function kindByPlural(plural: string): KindKey | undefined {
  return KIND_ORDER.find((k) => KINDS[k].plural === plural);
}
export function kindByName(name: string): KindKey | undefined {
  return KIND_ORDER.find((k) => KINDS[k].kind === name || KINDS[k].plural === name || k === name);
}

/** The envelope every stored record shares. */
export const envelopeSchema = z.object({
  id: idSchema,
  /** Incremented on every change; an update names the revision it was based on (409 when stale). */
  revision: z.number().int().positive(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  provenance: provenanceSchema,
});
export type Envelope = z.infer<typeof envelopeSchema>;

export type Spec<K extends KindKey> = z.output<(typeof KINDS)[K]['spec']>;
export type SpecInput<K extends KindKey> = z.input<(typeof KINDS)[K]['spec']>;
export type RecordOf<K extends KindKey> = Spec<K> & Envelope;

export type ProcessRecord = RecordOf<'process'>;
export type AssetRecord = RecordOf<'asset'>;
export type PartyRecord = RecordOf<'party'>;
export type ProductRecord = RecordOf<'product'>;
export type ComponentRecord = RecordOf<'component'>;
export type DependencyRecord = RecordOf<'dependency'>;
export type ContractRecord = RecordOf<'contract'>;
export type ExitPlanRecord = RecordOf<'exitPlan'>;
export type MeasureRecord = RecordOf<'measure'>;
export type ScenarioRecord = RecordOf<'scenario'>;

function withChecks<S extends z.ZodObject>(key: KindKey, schema: S): S {
  const check = (KINDS[key] as KindDescriptor).check;
  return check ? schema.superRefine((v, ctx) => check(v, ctx as RefineContext)) : schema;
}

/** The spec of a kind with its cross-field checks. */
export const specSchema = (key: KindKey) => withChecks(key, KINDS[key].spec as z.ZodObject);

/** What a create request carries: the spec, optionally with an id and provenance. */
export const createSchema = (key: KindKey) =>
  withChecks(
    key,
    (KINDS[key].spec as z.ZodObject).safeExtend({ id: idSchema.optional(), provenance: provenanceSchema.optional() }),
  );

/** What an update carries: the spec, optionally with the revision it was based on (or If-Match). */
export const updateSchema = (key: KindKey) =>
  withChecks(key, (KINDS[key].spec as z.ZodObject).safeExtend({ revision: z.number().int().positive().optional() }));

/** A stored record of a kind: its spec inside the envelope. */
export const recordSchema = (key: KindKey) =>
  withChecks(key, (KINDS[key].spec as z.ZodObject).safeExtend(envelopeSchema.shape));
