/**
 * Cut-off scenarios (DOSA: "wat als een leverancier, land of component uitvalt?"): what is cut off,
 * for how long, and the measures whose effect a comparison applies. Cuts name register records or
 * countries; the scenario engine (src/analysis/scenario) turns them into the assets that stop.
 */
import { z } from 'zod';
import { countryCodeSchema } from './identifiers.js';
import { idSchema, refSchema } from './ids.js';

/** How a country cut reaches the register (sanctions, export bans: the scenario chooses). */
export const COUNTRY_SCOPES = ['headquartered', 'owned', 'hosted', 'made', 'components'] as const;
/** The scopes a country cut has when it names none ('components' is asked for explicitly). */
export const DEFAULT_COUNTRY_SCOPES = ['headquartered', 'owned', 'hosted', 'made'] as const;
export type CountryScope = (typeof COUNTRY_SCOPES)[number];

const purlSchema = z
  .string()
  .max(2000)
  .regex(
    /^pkg:[a-z0-9.+-]+\/[^@?#]+$/i,
    'give a package URL without version, e.g. pkg:maven/org.apache.logging.log4j/log4j-core',
  );

export const cutSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('party'),
    partyId: idSchema,
    /** Also cut every party it owns, down the ownership chains (default). */
    includeOwned: z.boolean().default(true),
  }),
  /** A vendor of the knowledge base, matched to the register's parties by name, alias or web domain. */
  z.strictObject({
    kind: z.literal('vendor'),
    vendorId: z.string().min(1).max(200),
    includeOwned: z.boolean().default(true),
    /** Also cut assets whose SBOM holds components from the vendor (by purl namespace or supplier). */
    components: z.boolean().default(false),
  }),
  z.strictObject({
    kind: z.literal('country'),
    country: countryCodeSchema,
    /**
     * headquartered: parties with their seat there; owned: parties whose ownership chain leads to a
     * party there; hosted: assets hosted there; made: hardware and raw materials produced there;
     * components: assets whose SBOM holds components from a supplier owned from there.
     */
    scope: z
      .array(z.enum(COUNTRY_SCOPES))
      .min(1)
      .refine((xs) => new Set(xs).size === xs.length, 'list the same value only once')
      .default([...DEFAULT_COUNTRY_SCOPES]),
  }),
  z.strictObject({ kind: z.literal('product'), productId: idSchema }),
  z.strictObject({
    kind: z.literal('component'),
    purl: purlSchema,
    /** A semver range of affected versions (e.g. ">=2.0.0-beta9 <2.15.0"); every version when absent. */
    range: z.string().min(1).max(500).optional(),
  }),
  /** An asset that stands for a hosting region (a cloud region or datacentre the others run on). */
  z.strictObject({ kind: z.literal('hosting-region'), assetId: idSchema }),
  /** A physical site (a facility asset). */
  z.strictObject({ kind: z.literal('site'), assetId: idSchema }),
  /** A cable or other connectivity asset. */
  z.strictObject({ kind: z.literal('cable'), assetId: idSchema }),
  z.strictObject({ kind: z.literal('asset'), assetId: idSchema }),
]);
export type Cut = z.output<typeof cutSchema>;
export type CutKind = Cut['kind'];

/** Where a scenario comes from: a real event, with its date and source. */
export const eventSourceSchema = z.strictObject({
  title: z.string().min(1).max(500),
  url: z.url().max(2000).optional(),
  /** The event's date (YYYY-MM-DD). */
  date: z.iso.date(),
  /** When the source was last checked. */
  retrieved: z.iso.date().optional(),
  verified: z.boolean().default(true),
});

/** The writable fields of a stored scenario. */
export const scenarioSpec = z.strictObject({
  name: z.string().trim().min(1, 'a name is required').max(300),
  description: z.string().max(10_000).optional(),
  cuts: z.array(cutSchema).min(1, 'a scenario cuts off at least one thing').max(100),
  /** How long the cut lasts; without it the cut lasts until an exit plan restores the service. */
  durationHours: z.number().min(0).max(1_000_000).optional(),
  /** The built-in scenario this one was made from, if any. */
  basedOn: z.string().max(200).optional(),
});

/**
 * What a measure changes in the register when it is done — applied by a scenario comparison.
 * exit-plan: an exit plan for an asset; redundancy: alternatives added next to an asset for a
 * consumer (a redundancy group); switch: an asset moved to another provider, product or hosting.
 */
export const measureEffectSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('exit-plan'),
    assetId: idSchema,
    timeToSwitchDays: z.number().int().min(0).max(3650),
  }),
  z.strictObject({
    kind: z.literal('redundancy'),
    /** The consumer ("process:id" or "asset:id") that gains the alternative. */
    consumer: refSchema,
    /** The asset it uses now. */
    assetId: idSchema,
    /** The alternative assets that can take over. */
    alternatives: z.array(idSchema).min(1).max(50),
  }),
  z.strictObject({
    kind: z.literal('switch'),
    assetId: idSchema,
    providerId: idSchema.optional(),
    productId: idSchema.optional(),
    hostingPartyId: idSchema.optional(),
    hostingLocations: z.array(countryCodeSchema).max(50).optional(),
  }),
]);
export type MeasureEffect = z.output<typeof measureEffectSchema>;

const localised = z.strictObject({ nl: z.string().min(1).max(2000), en: z.string().min(1).max(2000) });

/** A built-in scenario from a real event (src/knowledge/data/scenarios.json). */
export const libraryScenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: localised,
  description: localised,
  cuts: z.array(cutSchema).min(1),
  durationHours: z.number().min(0).optional(),
  event: eventSourceSchema,
  sources: z.array(eventSourceSchema).min(1),
});
export type LibraryScenario = z.output<typeof libraryScenarioSchema>;

export const scenarioLibrarySchema = z.strictObject({
  version: z.string(),
  scenarios: z.array(libraryScenarioSchema),
});

/** How a request names a scenario: a saved one by id, a built-in one as "library:<id>", or inline. */
export const LIBRARY_PREFIX = 'library:';
