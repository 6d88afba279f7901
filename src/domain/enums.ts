/**
 * The fixed vocabularies of Stapel: the six layers of the DOSA digital stack, the fifteen DOSA
 * policy priorities, the public interests a process serves, and the closed lists used by records.
 * Each vocabulary is a tuple of stable codes (stored, exported, used in the API) with Dutch and
 * English labels for people.
 */
import { z } from 'zod';

export type Lang = 'nl' | 'en';
export type Labels<T extends string> = Record<T, { nl: string; en: string }>;

/** The six layers of the DOSA digital stack, bottom (1) to top (6). */
export const LAYERS = [
  'raw-materials',
  'hardware',
  'physical-infrastructure',
  'soft-infrastructure',
  'data',
  'applications',
] as const;
export type Layer = (typeof LAYERS)[number];
export const layerSchema = z.enum(LAYERS);
export const LAYER_LABELS: Labels<Layer> = {
  'raw-materials': { nl: 'Grondstoffen', en: 'Raw materials' },
  hardware: { nl: 'Hardware', en: 'Hardware' },
  'physical-infrastructure': { nl: 'Fysieke infrastructuur', en: 'Physical infrastructure' },
  'soft-infrastructure': { nl: 'Zachte infrastructuur', en: 'Soft infrastructure' },
  data: { nl: 'Data', en: 'Data' },
  applications: { nl: 'Applicaties en diensten', en: 'Applications and services' },
};
/** 1-based position of a layer in the stack (1 = raw materials). */
export const layerNumber = (layer: Layer): number => LAYERS.indexOf(layer) + 1;

/** The ten specific and five cross-cutting DOSA policy priorities, in the agenda's order. */
export const SPECIFIC_PRIORITIES = [
  'critical-raw-materials',
  'quantum',
  'photonics',
  'semiconductors',
  'network-technology',
  'open-source-software',
  'cloud',
  'ai',
  'cybersecurity',
  'office-software',
] as const;
export const CROSS_CUTTING_PRIORITIES = [
  'competitiveness',
  'effective-policy',
  'security-policy',
  'knowledge-and-skills',
  'international-cooperation',
] as const;
export const PRIORITIES = [...SPECIFIC_PRIORITIES, ...CROSS_CUTTING_PRIORITIES] as const;
export type Priority = (typeof PRIORITIES)[number];
export const prioritySchema = z.enum(PRIORITIES);
export const PRIORITY_LABELS: Labels<Priority> = {
  'critical-raw-materials': { nl: 'Kritieke grondstoffen', en: 'Critical raw materials' },
  quantum: { nl: 'Quantumtechnologie', en: 'Quantum technology' },
  photonics: { nl: 'Fotonica', en: 'Photonics' },
  semiconductors: { nl: 'Halfgeleiders', en: 'Semiconductors' },
  'network-technology': { nl: 'Netwerktechnologie', en: 'Network technology' },
  'open-source-software': { nl: 'Open source software', en: 'Open source software' },
  cloud: { nl: 'Cloud', en: 'Cloud' },
  ai: { nl: 'AI', en: 'AI' },
  cybersecurity: { nl: 'Cybersecurity', en: 'Cybersecurity' },
  'office-software': { nl: 'Kantoorsoftware', en: 'Office software' },
  competitiveness: { nl: 'Concurrentievermogen', en: 'Competitiveness' },
  'effective-policy': {
    nl: 'Effectievere beleidsontwikkeling en besluitvorming',
    en: 'More effective policy-making and decision-making',
  },
  'security-policy': { nl: 'Veiligheidsbeleid', en: 'Security policy' },
  'knowledge-and-skills': { nl: 'Kennis en vaardigheden', en: 'Knowledge and skills' },
  'international-cooperation': { nl: 'Internationale samenwerking', en: 'International cooperation' },
};

/** Public interests a process can serve (DOSA: "publieke belangen"). */
export const PUBLIC_INTERESTS = [
  'national-security',
  'public-service-continuity',
  'fundamental-rights-privacy',
  'earning-capacity',
  'democratic-rule-of-law',
] as const;
export type PublicInterest = (typeof PUBLIC_INTERESTS)[number];
export const publicInterestSchema = z.enum(PUBLIC_INTERESTS);
export const PUBLIC_INTEREST_LABELS: Labels<PublicInterest> = {
  'national-security': { nl: 'Nationale veiligheid', en: 'National security' },
  'public-service-continuity': {
    nl: 'Continuïteit van publieke dienstverlening',
    en: 'Continuity of public services',
  },
  'fundamental-rights-privacy': {
    nl: 'Grondrechten en privacy',
    en: 'Fundamental rights and privacy',
  },
  'earning-capacity': { nl: 'Verdienvermogen', en: 'Earning capacity' },
  'democratic-rule-of-law': { nl: 'Democratische rechtsorde', en: 'Democratic rule of law' },
};

export const ASSET_TYPES = [
  'application',
  'saas',
  'iaas',
  'paas',
  'platform',
  'network',
  'connectivity',
  'hardware',
  'data-service',
  'ai-model',
  'facility',
  'raw-material',
] as const;
export type AssetType = (typeof ASSET_TYPES)[number];
export const ASSET_TYPE_LABELS: Labels<AssetType> = {
  application: { nl: 'Applicatie', en: 'Application' },
  saas: { nl: 'SaaS-dienst', en: 'SaaS service' },
  iaas: { nl: 'IaaS-dienst', en: 'IaaS service' },
  paas: { nl: 'PaaS-dienst', en: 'PaaS service' },
  platform: { nl: 'Platform', en: 'Platform' },
  network: { nl: 'Netwerk', en: 'Network' },
  connectivity: { nl: 'Connectiviteit', en: 'Connectivity' },
  hardware: { nl: 'Hardware', en: 'Hardware' },
  'data-service': { nl: 'Datadienst', en: 'Data service' },
  'ai-model': { nl: 'AI-model', en: 'AI model' },
  facility: { nl: 'Faciliteit', en: 'Facility' },
  'raw-material': { nl: 'Grondstof', en: 'Raw material' },
};

/** How sensitive the data an asset holds or processes is; drives the access threat. */
export const DATA_SENSITIVITIES = ['none', 'internal', 'personal', 'special-category', 'classified'] as const;
export const DATA_SENSITIVITY_LABELS: Labels<(typeof DATA_SENSITIVITIES)[number]> = {
  none: { nl: 'Geen of openbaar', en: 'None or public' },
  internal: { nl: 'Intern', en: 'Internal' },
  personal: { nl: 'Persoonsgegevens', en: 'Personal data' },
  'special-category': {
    nl: 'Bijzondere persoonsgegevens',
    en: 'Special-category personal data',
  },
  classified: { nl: 'Gerubriceerd', en: 'Classified' },
};

/** Who holds the keys that protect an asset's data (an access factor). */
export const KEY_CONTROLS = ['customer', 'provider', 'none', 'unknown'] as const;
export const DATA_EXPORT_LEVELS = ['full', 'partial', 'none', 'unknown'] as const;

export const PARTY_KINDS = ['company', 'government', 'foundation', 'community', 'person'] as const;

export const DEPENDENCY_RELATIONS = ['uses', 'runs-on', 'supplied-by', 'contains'] as const;
export const DEPENDENCY_RELATION_LABELS: Labels<(typeof DEPENDENCY_RELATIONS)[number]> = {
  uses: { nl: 'gebruikt', en: 'uses' },
  'runs-on': { nl: 'draait op', en: 'runs on' },
  'supplied-by': { nl: 'geleverd door', en: 'supplied by' },
  contains: { nl: 'bevat', en: 'contains' },
};

export const EXIT_STRATEGIES = ['replace', 'insource', 'multi-vendor', 'escrow', 'terminate'] as const;
export const EFFORT_LEVELS = ['low', 'medium', 'high'] as const;
export const MEASURE_STATUSES = ['planned', 'in-progress', 'done', 'cancelled'] as const;
export const ORGANISATION_KINDS = [
  'municipality',
  'province',
  'water-authority',
  'ministry',
  'agency',
  'hospital',
  'bank',
  'insurer',
  'company',
  'other',
] as const;

export const PROVENANCE_METHODS = ['entered', 'imported', 'inferred', 'discovered'] as const;
