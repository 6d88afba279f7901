/**
 * The enumeration codes of the DORA register of information (EBA taxonomy 4.0) and what they mean:
 * the closed lists the templates use (type of code, type of person, ICT service types, levels of
 * sensitiveness, reliance, substitutability, …), countries (eba_GA) and currencies (eba_CU), with
 * the Stapel value each one maps to where Stapel has a field for it. Codes Stapel has no field for
 * are listed for labels only and pass through an import untouched (they stay in the DORA supplement).
 *
 * Every code below is in the AllowedValue list of its column in the taxonomy's table definitions
 * (reference/dora-4.0/taxonomy/tab/b_*.json). The meanings are not in those files: they come from the
 * EBA's DPM dictionary, which we could not read directly. Each list names where its meanings were
 * read; `verified: true` means at least two independent public sources agree on the meaning, and
 * `verified: false` that we found one source or none — shown as such, never guessed.
 */
import { DATA_SENSITIVITIES } from '../../domain/enums.js';
import { SUBSTITUTABILITY } from '../../domain/knowledge.js';

export interface CodeMeaning {
  /** The qualified name as the package writes it, e.g. "eba_ZZ:x959". */
  code: string;
  label: string;
  /** False when no two independent sources agree on the meaning. */
  verified: boolean;
}

type DataSensitivity = (typeof DATA_SENSITIVITIES)[number];
type Substitutability = (typeof SUBSTITUTABILITY)[number];

/*
 * Sources of the meanings (read, not copied; checked 2026-11-22):
 *  [CISO]  intuitem/ciso-assistant-community, backend/core/dora.py — DORA code lists of an open-source GRC tool.
 *  [ROI-A] an open-source DORA RoI export module (found by code search; the index does not name the
 *          repository) that cites the EBA's "List of possible values for all data fields with drop downs"
 *          (3 March 2025).
 *  [ROI-B] an open-source French DORA RoI tool (code search, repository not named) listing the option
 *          numbers, EBA codes and official English labels of each closed list.
 *  [VR]    EBA validation rule v8817_m (quoted in EIOPA Q&A DORA 203-3272 and in [ROI-A]'s tests):
 *          a legal person (eba_CT:x212) is identified by eba_qCO:qx2000 or qx2002 — LEI or EUID.
 *  [ITS]   Commission Implementing Regulation (EU) 2024/2956, Annex I (column instructions) and
 *          Annex III (ICT service types), as published on digitalacts.eu and in categories.json.
 */

/** Type of code identifying a provider or an entity (B_02.02 c0040, B_05.01 c0020/c0040/c0120, …). [ROI-A][ROI-B][VR] */
export const TYPE_OF_CODE = {
  LEI: { code: 'eba_qCO:qx2000', label: 'LEI', verified: true },
  NIN: { code: 'eba_qCO:qx2001', label: 'National identification number (NIN)', verified: true },
  EUID: { code: 'eba_qCO:qx2002', label: 'EUID', verified: true },
  CRN: { code: 'eba_qCO:qx2003', label: 'Company registration number (CRN)', verified: true },
  VAT: { code: 'eba_qCO:qx2004', label: 'VAT number', verified: true },
  PNR: { code: 'eba_qCO:qx2005', label: 'Passport number (PNR)', verified: true },
} as const satisfies Record<string, CodeMeaning>;
export type IdentifierType = keyof typeof TYPE_OF_CODE;

/** Type of person of the provider (B_05.01 c0070). [CISO][ROI-A][ROI-B] */
export const PERSON_TYPE = {
  legal: {
    code: 'eba_CT:x212',
    label: 'Legal person, excluding individual acting in a business capacity',
    verified: true,
  },
  natural: { code: 'eba_CT:x213', label: 'Individual acting in a business capacity', verified: true },
} as const satisfies Record<string, CodeMeaning>;

/** Type of entity (B_01.01 c0040, B_01.02 c0040; x317 and x318 only in B_01.02). [CISO][ROI-A][ROI-B] */
export const ENTITY_TYPES: readonly CodeMeaning[] = [
  { code: 'eba_CT:x12', label: 'Credit institution', verified: true },
  { code: 'eba_CT:x300', label: 'Payment institution', verified: true },
  { code: 'eba_CT:x301', label: 'Account information service provider', verified: true },
  { code: 'eba_CT:x302', label: 'Electronic money institution', verified: true },
  { code: 'eba_CT:x303', label: 'Crypto-asset service provider', verified: true },
  { code: 'eba_CT:x304', label: 'Central securities depository', verified: true },
  { code: 'eba_CT:x305', label: 'Trading venue', verified: true },
  { code: 'eba_CT:x306', label: 'Trade repository', verified: true },
  { code: 'eba_CT:x307', label: 'Manager of alternative investment funds', verified: true },
  { code: 'eba_CT:x308', label: 'Data reporting service provider', verified: true },
  { code: 'eba_CT:x309', label: 'Insurance and reinsurance undertaking', verified: true },
  { code: 'eba_CT:x310', label: 'Issuer of asset-referenced tokens', verified: true },
  { code: 'eba_CT:x311', label: 'Institution for occupational retirement provision', verified: true },
  { code: 'eba_CT:x312', label: 'Credit rating agency', verified: true },
  { code: 'eba_CT:x313', label: 'Administrator of critical benchmarks', verified: true },
  { code: 'eba_CT:x314', label: 'Crowdfunding service provider', verified: true },
  { code: 'eba_CT:x315', label: 'Securitisation repository', verified: true },
  { code: 'eba_CT:x316', label: 'Other financial entity', verified: true },
  { code: 'eba_CT:x317', label: 'Non-financial entity: ICT intra-group service provider', verified: true },
  { code: 'eba_CT:x318', label: 'Non-financial entity: other', verified: true },
  {
    code: 'eba_CT:x320',
    label: 'Insurance intermediary, reinsurance intermediary or ancillary insurance intermediary',
    verified: true,
  },
  { code: 'eba_CT:x599', label: 'Investment firm', verified: true },
  { code: 'eba_CT:x639', label: 'Management company', verified: true },
  { code: 'eba_CT:x643', label: 'Central counterparty', verified: true },
];

/**
 * Stapel organisation kinds that name a type of financial entity. Only these two are unambiguous:
 * a bank is a credit institution, an insurer an insurance or reinsurance undertaking.
 */
export const ENTITY_TYPE_BY_ORGANISATION_KIND: Readonly<Record<string, string>> = {
  bank: 'eba_CT:x12',
  insurer: 'eba_CT:x309',
};

/** Hierarchy of the entity within the group (B_01.02 c0050). [CISO][ROI-A][ROI-B] */
export const HIERARCHY: readonly CodeMeaning[] = [
  { code: 'eba_RP:x53', label: 'Ultimate parent', verified: true },
  { code: 'eba_RP:x551', label: 'Parent other than ultimate parent', verified: true },
  { code: 'eba_RP:x56', label: 'Subsidiary', verified: true },
  { code: 'eba_RP:x21', label: 'Entity other than entities of the group', verified: true },
  { code: 'eba_RP:x210', label: 'Outsourcing', verified: true },
];

/** Type of contractual arrangement (B_02.01 c0020). [CISO][ROI-A][ROI-B] */
export const ARRANGEMENT_TYPE = {
  standalone: { code: 'eba_CO:x1', label: 'Standalone arrangement', verified: true },
  overarching: { code: 'eba_CO:x2', label: 'Overarching arrangement', verified: true },
  subsequent: { code: 'eba_CO:x3', label: 'Subsequent or associated arrangement', verified: true },
} as const satisfies Record<string, CodeMeaning>;

/** Reason of the termination or ending of the arrangement (B_02.02 c0090). [CISO][ROI-A][ROI-B] */
export const TERMINATION_REASONS: readonly CodeMeaning[] = [
  { code: 'eba_CO:x4', label: 'Termination not for cause: expired and not renewed', verified: true },
  {
    code: 'eba_CO:x5',
    label: 'Termination for cause: provider in breach of law, regulation or contract',
    verified: true,
  },
  {
    code: 'eba_CO:x6',
    label: 'Termination for cause: impediments of the provider altering the function',
    verified: true,
  },
  { code: 'eba_CO:x7', label: 'Termination for cause: weaknesses in managing and securing data', verified: true },
  { code: 'eba_CO:x8', label: 'Termination as requested by the competent authority', verified: true },
  { code: 'eba_CO:x9', label: 'Other reasons for termination', verified: true },
];

/** Yes / no (B_02.02 c0140, B_07.01 c0080) and "assessment not performed" (B_06.01 c0050, B_07.01 c0110). [CISO][ROI-A][ROI-B] */
export const YES = { code: 'eba_BT:x28', label: 'Yes', verified: true } as const satisfies CodeMeaning;
export const NO = { code: 'eba_BT:x29', label: 'No', verified: true } as const satisfies CodeMeaning;
export const NOT_ASSESSED = {
  code: 'eba_BT:x21',
  label: 'Assessment not performed',
  verified: true,
} as const satisfies CodeMeaning;

/** Sensitiveness of the data (B_02.02 c0170) and impact of discontinuing (B_06.01 / B_07.01 c0100). [CISO][ROI-A][ROI-B] */
export const LEVEL = {
  low: { code: 'eba_ZZ:x791', label: 'Low', verified: true },
  medium: { code: 'eba_ZZ:x792', label: 'Medium', verified: true },
  high: { code: 'eba_ZZ:x793', label: 'High', verified: true },
} as const satisfies Record<string, CodeMeaning>;
export const IMPACT_NOT_ASSESSED = {
  code: 'eba_ZZ:x799',
  label: 'Assessment not performed',
  verified: true,
} as const satisfies CodeMeaning;

/**
 * Stapel data sensitivity → DORA sensitiveness (an inference, tagged as such on export). Public or
 * internal data is low, personal data medium, special-category and classified data high — the
 * GDPR's own step between ordinary and special-category personal data. The reverse is not mapped:
 * "medium" does not say whether data are personal, so an imported level stays in the supplement.
 */
export const SENSITIVENESS_BY_DATA_SENSITIVITY: Readonly<Record<DataSensitivity, string>> = {
  none: LEVEL.low.code,
  internal: LEVEL.low.code,
  personal: LEVEL.medium.code,
  'special-category': LEVEL.high.code,
  classified: LEVEL.high.code,
};

/** Level of reliance on the ICT service (B_02.02 c0180). [CISO][ROI-A][ROI-B] */
export const RELIANCE: readonly CodeMeaning[] = [
  { code: 'eba_ZZ:x794', label: 'Not significant', verified: true },
  { code: 'eba_ZZ:x795', label: 'Low reliance', verified: true },
  { code: 'eba_ZZ:x796', label: 'Material reliance', verified: true },
  { code: 'eba_ZZ:x797', label: 'Full reliance', verified: true },
];

/** Substitutability of the provider (B_07.01 c0050) ↔ the knowledge base's category substitutability. [CISO][ROI-A][ROI-B] */
export const SUBSTITUTABILITY_CODES: Readonly<Record<Substitutability, CodeMeaning>> = {
  'not-substitutable': { code: 'eba_ZZ:x959', label: 'Not substitutable', verified: true },
  'highly-complex': { code: 'eba_ZZ:x960', label: 'Highly complex substitutability', verified: true },
  medium: { code: 'eba_ZZ:x961', label: 'Medium complexity in terms of substitutability', verified: true },
  easy: { code: 'eba_ZZ:x962', label: 'Easily substitutable', verified: true },
};

/** Reason if the provider is not or hardly substitutable (B_07.01 c0060). [CISO][ROI-A][ROI-B] */
export const SUBSTITUTABILITY_REASONS: readonly CodeMeaning[] = [
  { code: 'eba_ZZ:x963', label: 'Lack of real alternatives', verified: true },
  { code: 'eba_ZZ:x964', label: 'Difficulties in migrating or reintegrating', verified: true },
  {
    code: 'eba_ZZ:x965',
    label: 'Lack of real alternatives and difficulties in migrating or reintegrating',
    verified: true,
  },
];

/** Possibility of reintegration of the service (B_07.01 c0090). [CISO][ROI-A][ROI-B]; x0 only in [ROI-A]. */
export const REINTEGRATION: readonly CodeMeaning[] = [
  { code: 'eba_ZZ:x798', label: 'Easy', verified: true },
  { code: 'eba_ZZ:x966', label: 'Difficult', verified: true },
  { code: 'eba_ZZ:x967', label: 'Highly complex', verified: true },
  { code: 'eba_ZZ:x0', label: 'Not applicable', verified: false },
];

/** Nature of the entity making use of the services (B_04.01 c0030). [CISO][ROI-A] */
export const BRANCH_NATURE: readonly CodeMeaning[] = [
  { code: 'eba_ZZ:x838', label: 'Branch of a financial entity', verified: true },
  { code: 'eba_ZZ:x839', label: 'Not a branch', verified: true },
];

/** ICT service types S01–S19 (ITS Annex III; names as in categories.json doraServiceTypes). [ITS][CISO] */
export const ICT_SERVICE_TYPES: readonly CodeMeaning[] = [
  ['S01', 'ICT project management'],
  ['S02', 'ICT Development'],
  ['S03', 'ICT help desk and first level support'],
  ['S04', 'ICT security management services'],
  ['S05', 'Provision of data'],
  ['S06', 'Data analysis'],
  ['S07', 'ICT, facilities and hosting services (excluding Cloud services)'],
  ['S08', 'Computation'],
  ['S09', 'Non-Cloud Data storage'],
  ['S10', 'Telecom carrier'],
  ['S11', 'Network infrastructure'],
  ['S12', 'Hardware and physical devices'],
  ['S13', 'Software licencing (excluding SaaS)'],
  ['S14', 'ICT operation management (including maintenance)'],
  ['S15', 'ICT Consulting'],
  ['S16', 'ICT Risk management'],
  ['S17', 'Cloud services: IaaS'],
  ['S18', 'Cloud services: PaaS'],
  ['S19', 'Cloud services: SaaS'],
].map(([s, label]) => ({ code: `eba_TA:${s}`, label: label!, verified: true }));

/** Codes whose meaning we could not establish; listed so a label lookup says so instead of guessing. */
export const UNVERIFIED_CODES: readonly CodeMeaning[] = [
  {
    code: 'eba_GA:x28',
    label: 'Country list member other than an ISO country (meaning not verified)',
    verified: false,
  },
  {
    code: 'eba_CU:x46',
    label: 'Currency list member other than an ISO currency (meaning not verified)',
    verified: false,
  },
];

/*
 * Asset types and service types. Equivalent pairs say the same thing in both vocabularies (a SaaS
 * service is "Cloud services: SaaS"); the export tags them FILLED. Near pairs are a reading of the
 * asset type (a facility is most likely hosting); the export tags them INFERRED. The import maps each
 * service type to the asset type and stack layer closest to it; for services that are not a thing
 * the organisation runs (consulting, help desk, project management) that is "application" in the
 * "applications and services" layer, marked inferred — the exact service type stays in the supplement.
 */
export const SERVICE_TYPE_BY_ASSET_TYPE: Readonly<Record<string, string>> = {
  saas: 'S19',
  iaas: 'S17',
  paas: 'S18',
  connectivity: 'S10',
  network: 'S11',
  hardware: 'S12',
};
export const NEAR_SERVICE_TYPE_BY_ASSET_TYPE: Readonly<Record<string, string>> = {
  facility: 'S07',
  'data-service': 'S05',
};
export const ASSET_BY_SERVICE_TYPE: Readonly<Record<string, { type: string; layer: string }>> = {
  S01: { type: 'application', layer: 'applications' },
  S02: { type: 'application', layer: 'applications' },
  S03: { type: 'application', layer: 'applications' },
  S04: { type: 'application', layer: 'applications' },
  S05: { type: 'data-service', layer: 'data' },
  S06: { type: 'data-service', layer: 'data' },
  S07: { type: 'facility', layer: 'physical-infrastructure' },
  S08: { type: 'platform', layer: 'soft-infrastructure' },
  S09: { type: 'platform', layer: 'soft-infrastructure' },
  S10: { type: 'connectivity', layer: 'physical-infrastructure' },
  S11: { type: 'network', layer: 'physical-infrastructure' },
  S12: { type: 'hardware', layer: 'hardware' },
  S13: { type: 'application', layer: 'applications' },
  S14: { type: 'application', layer: 'applications' },
  S15: { type: 'application', layer: 'applications' },
  S16: { type: 'application', layer: 'applications' },
  S17: { type: 'iaas', layer: 'soft-infrastructure' },
  S18: { type: 'paas', layer: 'soft-infrastructure' },
  S19: { type: 'saas', layer: 'applications' },
};

// ---- qualified names ---------------------------------------------------------------------------

/** "NL" → "eba_GA:NL". */
export const countryCode = (iso: string): string => `eba_GA:${iso}`;
/** "eba_GA:NL" → "NL"; undefined for members that are not ISO countries (eba_GA:x28). */
export function isoCountry(code: string | undefined): string | undefined {
  const m = code ? /^eba_GA:([A-Z]{2})$/.exec(code) : null;
  return m ? m[1] : undefined;
}
/** "EUR" → "eba_CU:EUR". */
export const currencyCode = (iso: string): string => `eba_CU:${iso}`;
/** "eba_CU:EUR" → "EUR"; undefined for members that are not ISO currencies. */
export function isoCurrency(code: string | undefined): string | undefined {
  const m = code ? /^eba_CU:([A-Z]{3})$/.exec(code) : null;
  return m ? m[1] : undefined;
}
/** "S19" → "eba_TA:S19". */
export const serviceTypeCode = (s: string): string => `eba_TA:${s}`;
/** "eba_TA:S19" → "S19"; undefined for anything else. */
export function serviceType(code: string | undefined): string | undefined {
  const m = code ? /^eba_TA:(S(?:0[1-9]|1[0-9]))$/.exec(code) : null;
  return m ? m[1] : undefined;
}
/** The identifier type of a type-of-code value ("eba_qCO:qx2000" → "LEI"). */
export function identifierType(code: string | undefined): IdentifierType | undefined {
  return (Object.keys(TYPE_OF_CODE) as IdentifierType[]).find((k) => TYPE_OF_CODE[k].code === code);
}
/** The category substitutability a B_07.01 c0050 code stands for. */
export function substitutabilityOf(code: string | undefined): Substitutability | undefined {
  return (Object.keys(SUBSTITUTABILITY_CODES) as Substitutability[]).find(
    (k) => SUBSTITUTABILITY_CODES[k].code === code,
  );
}

const ALL_CODES = new Map<string, CodeMeaning>(
  [
    ...Object.values(TYPE_OF_CODE),
    ...Object.values(PERSON_TYPE),
    ...ENTITY_TYPES,
    ...HIERARCHY,
    ...Object.values(ARRANGEMENT_TYPE),
    ...TERMINATION_REASONS,
    YES,
    NO,
    NOT_ASSESSED,
    ...Object.values(LEVEL),
    IMPACT_NOT_ASSESSED,
    ...RELIANCE,
    ...Object.values(SUBSTITUTABILITY_CODES),
    ...SUBSTITUTABILITY_REASONS,
    ...REINTEGRATION,
    ...BRANCH_NATURE,
    ...ICT_SERVICE_TYPES,
    ...UNVERIFIED_CODES,
  ].map((c) => [c.code, c]),
);

/**
 * What a code means, for people: the closed lists above, ISO countries and currencies as themselves.
 * Undefined for codes of lists not described here (licensed activities, eba_TA:x…), which pass through.
 * The same code can mean different things in different columns only for eba_ZZ:x791–x793 (low,
 * medium, high), which read the same in both.
 */
export function codeMeaning(code: string): CodeMeaning | undefined {
  const known = ALL_CODES.get(code);
  if (known) return known;
  const country = isoCountry(code);
  if (country) return { code, label: country, verified: true };
  const currency = isoCurrency(code);
  if (currency) return { code, label: currency, verified: true };
  return undefined;
}
