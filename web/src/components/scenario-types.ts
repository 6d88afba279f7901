/**
 * The scenario API as the web UI reads it (src/analysis/scenario/evaluate.ts, compare.ts,
 * src/domain/scenario.ts): the built-in library, saved scenarios, cuts, and a run's result.
 */

export type NodeState = 'running' | 'degraded' | 'stopped';

export const CUT_KINDS = [
  'party',
  'vendor',
  'country',
  'product',
  'component',
  'asset',
  'hosting-region',
  'site',
  'cable',
] as const;
export type CutKind = (typeof CUT_KINDS)[number];

export const COUNTRY_SCOPES = ['headquartered', 'owned', 'hosted', 'made', 'components'] as const;
export type CountryScope = (typeof COUNTRY_SCOPES)[number];
export const DEFAULT_COUNTRY_SCOPES: CountryScope[] = ['headquartered', 'owned', 'hosted', 'made'];

/** Asset types a cut of a given kind may name (as the engine checks, resolve-cuts.ts). */
export const ASSET_CUT_TYPES: Partial<Record<CutKind, readonly string[]>> = {
  'hosting-region': ['iaas', 'paas', 'platform', 'facility'],
  site: ['facility'],
  cable: ['connectivity', 'network'],
};

export type Cut =
  | { kind: 'party'; partyId: string; includeOwned?: boolean }
  | { kind: 'vendor'; vendorId: string; includeOwned?: boolean; components?: boolean }
  | { kind: 'country'; country: string; scope?: CountryScope[] }
  | { kind: 'product'; productId: string }
  | { kind: 'component'; purl: string; range?: string }
  | { kind: 'asset' | 'hosting-region' | 'site' | 'cable'; assetId: string };

interface Localised {
  nl: string;
  en: string;
}

export interface LibraryScenario {
  id: string;
  name: Localised;
  description: Localised;
  cuts: Cut[];
  durationHours?: number;
  event: { title: string; url?: string; date: string; verified?: boolean };
  sources: { title: string; url?: string; date: string; verified?: boolean }[];
}

export interface SavedScenario {
  id: string;
  name: string;
  description?: string;
  cuts: Cut[];
  durationHours?: number;
}

export interface CutOffAsset {
  assetId: string;
  name: string;
  reasons: string[];
  restoreHours: number | null;
  restoreBasis: string;
}

export interface AssetOutcome {
  assetId: string;
  name: string;
  state: Exclude<NodeState, 'running'>;
  restoreHours?: number | null;
  cause?: string;
}

export interface ProcessOutcome {
  processId: string;
  name: string;
  vital: boolean;
  state: NodeState;
  publicInterests: string[];
  restoreHours?: number | null;
  maxTolerableDowntimeHours?: number;
  exceedsTolerableDowntime?: boolean;
  path?: string[];
}

export interface ScenarioResult {
  scenario: { id?: string; name: string; cuts: Cut[]; durationHours?: number };
  cutOff: CutOffAsset[];
  assets: AssetOutcome[];
  processes: ProcessOutcome[];
  summary: {
    assets: Record<NodeState, number>;
    processes: Record<NodeState, number>;
    vitalStopped: string[];
    publicInterestsHit: string[];
    restoreHours: number | null;
    withoutExitPlan: string[];
  };
}

export interface ProcessChange {
  processId: string;
  name: string;
  before: NodeState;
  after: NodeState;
  restoreBefore?: number | null;
  restoreAfter?: number | null;
}

export interface ScenarioRun {
  organisation: string;
  registerVersion: number;
  result: ScenarioResult;
  comparison?: { before: ScenarioResult; after: ScenarioResult; applied: string[]; changes: ProcessChange[] };
}

/** What the page posts to `{base}/scenario-runs`. */
export interface RunRequest {
  scenario: string | { name: string; cuts: Cut[]; durationHours?: number };
  compare?: { measures: 'planned' };
}
