/**
 * The shape of the shipped knowledge base (src/knowledge/data/*.json). Every fact names its source
 * by id; a source says what public document states the fact, who published it, where, and when it
 * was checked — or `verified: false` when it could not be checked (METHOD.md: never invent a source).
 */
import { z } from 'zod';
import { LAYERS, PRIORITIES } from './enums.js';

const isoDate = z.iso.date();
export const sourceIdSchema = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/);

export const sourceSchema = z.strictObject({
  title: z.string().min(1),
  publisher: z.string().optional(),
  url: z.url().optional(),
  /** Publication date of the document, when known. */
  published: isoDate.optional(),
  /** When the fact was last checked against the document. */
  checked: isoDate.optional(),
  /** False when the fact could not be checked against a public document. */
  verified: z.boolean(),
  note: z.string().optional(),
});
export type Source = z.infer<typeof sourceSchema>;
const sources = z.record(sourceIdSchema, sourceSchema);
const sourceRefs = z.array(sourceIdSchema).min(1);
const label = z.strictObject({ nl: z.string().min(1), en: z.string().min(1) });
const countryCode = z.string().regex(/^[A-Z]{2}$/);
const kbId = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/);

// ---- countries and laws --------------------------------------------------------------------------

export const countriesFileSchema = z.strictObject({
  version: isoDate,
  sources,
  /** All ISO 3166-1 countries (alpha-2 code and names). */
  countries: z.array(z.strictObject({ code: countryCode, name: label })).min(240),
  /** Memberships and designations, each one sourced list. */
  groups: z.strictObject({
    eu: z.strictObject({ members: z.array(countryCode), sources: sourceRefs }),
    eea: z.strictObject({ members: z.array(countryCode), sources: sourceRefs }),
    nato: z.strictObject({ members: z.array(countryCode), sources: sourceRefs }),
    /** Countries with an EU GDPR adequacy decision, with its scope. */
    gdprAdequacy: z.strictObject({
      members: z.array(z.strictObject({ code: countryCode, scope: z.string().min(1), decided: isoDate.optional() })),
      sources: sourceRefs,
    }),
    /** Countries with an offensive cyber programme against the Netherlands (AIVD/MIVD, NCTV). */
    offensiveCyberAgainstNl: z.strictObject({ members: z.array(countryCode), sources: sourceRefs }),
  }),
  /** Which extraterritorial-access laws apply to organisations under a country's jurisdiction. */
  jurisdictionLaws: z.array(z.strictObject({ country: countryCode, laws: z.array(kbId).min(1), sources: sourceRefs })),
});
export type CountriesFile = z.infer<typeof countriesFileSchema>;

export const lawsFileSchema = z.strictObject({
  version: isoDate,
  sources,
  laws: z.array(
    z.strictObject({
      id: kbId,
      name: z.string().min(1),
      country: countryCode,
      citation: z.string().min(1),
      year: z.number().int(),
      /** Who it binds and what it compels, in a sentence. */
      scope: z.string().min(1),
      /** Reaches data held outside the country. */
      extraterritorial: z.boolean(),
      /** Can compel disclosure of or access to data. */
      compelsAccess: z.boolean(),
      sources: sourceRefs,
    }),
  ),
});
export type LawsFile = z.infer<typeof lawsFileSchema>;

// ---- vendors -------------------------------------------------------------------------------------

export const vendorSchema = z.strictObject({
  id: kbId,
  name: z.string().min(1),
  kind: z.enum(['company', 'foundation', 'community', 'government', 'cooperative']).default('company'),
  /** Headquarters country. */
  country: countryCode,
  /** The vendor id of the owning or controlling entity; its chain ends at the ultimate parent. */
  parent: kbId.optional(),
  aliases: z.array(z.string().min(1)).default([]),
  domains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)).default([]),
  /** purl prefixes the vendor publishes under, e.g. "pkg:maven/com.microsoft" or "pkg:npm/%40azure". */
  purlNamespaces: z.array(z.string().startsWith('pkg:')).default([]),
  layers: z.array(z.enum(LAYERS)).min(1),
  /** Category ids (categories.json) the vendor is active in. */
  categories: z.array(kbId).default([]),
  publiclyListed: z.boolean().optional(),
  sources: sourceRefs,
  note: z.string().optional(),
});
export type Vendor = z.infer<typeof vendorSchema>;
export const vendorsFileSchema = z.strictObject({ version: isoDate, sources, vendors: z.array(vendorSchema).min(150) });

// ---- categories and alternatives -----------------------------------------------------------------

export const DORA_SERVICE_TYPES = [
  'S01',
  'S02',
  'S03',
  'S04',
  'S05',
  'S06',
  'S07',
  'S08',
  'S09',
  'S10',
  'S11',
  'S12',
  'S13',
  'S14',
  'S15',
  'S16',
  'S17',
  'S18',
  'S19',
] as const;
export const SUBSTITUTABILITY = ['easy', 'medium', 'highly-complex', 'not-substitutable'] as const;

export const categorySchema = z.strictObject({
  id: kbId,
  name: label,
  layer: z.enum(LAYERS),
  priority: z.enum(PRIORITIES).optional(),
  /** DORA ICT service type (Implementing Regulation (EU) 2024/2956), where one applies. */
  doraServiceType: z.enum(DORA_SERVICE_TYPES).optional(),
  /** How hard it typically is to switch supplier in this category, and why. */
  substitutability: z.enum(SUBSTITUTABILITY),
  substitutabilityReason: z.string().min(1),
  /** Published market shares, in percent; `other` is the rest of the market. */
  marketShares: z
    .strictObject({
      market: z.string().min(1),
      year: z.number().int(),
      shares: z.array(z.strictObject({ vendor: kbId, share: z.number().min(0).max(100) })).min(1),
      other: z.number().min(0).max(100).optional(),
      sources: sourceRefs,
    })
    .optional(),
  sources: sourceRefs,
});
export type Category = z.infer<typeof categorySchema>;
export const categoriesFileSchema = z.strictObject({
  version: isoDate,
  sources,
  doraServiceTypes: z.array(z.strictObject({ code: z.enum(DORA_SERVICE_TYPES), name: z.string().min(1) })).length(19),
  doraSources: sourceRefs,
  categories: z.array(categorySchema).min(25),
});

export const alternativeSchema = z.strictObject({
  id: kbId,
  name: z.string().min(1),
  category: kbId,
  /** Vendor id, when the maker is in vendors.json. */
  vendor: kbId.optional(),
  country: countryCode,
  /** SPDX licence expression, or "proprietary". */
  licence: z.string().min(1),
  openSource: z.boolean(),
  selfHostable: z.boolean(),
  maturity: z.enum(['emerging', 'established', 'mature']),
  /** Products it replaces, by name. */
  replaces: z.array(z.string().min(1)).default([]),
  sources: sourceRefs,
});
export type Alternative = z.infer<typeof alternativeSchema>;
export const alternativesFileSchema = z.strictObject({
  version: isoDate,
  sources,
  alternatives: z.array(alternativeSchema).min(40),
});
