/**
 * The scenario API as the web UI uses it: the built-in library, saved scenarios and cuts as the
 * forms build them (defaults left out), and a run's result — the engine's own types.
 */

import type {
  AssetOutcome,
  CutOffAsset,
  NodeState,
  ProcessChange,
  ProcessOutcome,
  ScenarioResult,
} from '../../../src/analysis/index.js';

/** The engine's result types, as the API sends them. */
export type { AssetOutcome, CutOffAsset, NodeState, ProcessChange, ProcessOutcome, ScenarioResult };

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
