/**
 * The shapes of the analysis, graph and register responses the stack view and the detail pages
 * read (src/analysis/analyse.ts, asset-risk.ts and the graph route are the source of truth; only
 * the fields the UI uses are declared).
 */
import type { Level } from './risk';

export interface SourceRef {
  kind: string;
  id: string;
  title: string;
  url?: string;
  verified: boolean;
}

export interface Factor {
  id: string;
  label: string;
  value: number;
  weight: number;
  contribution: number;
  fact: string;
  sources: SourceRef[];
  missing?: boolean;
}

export interface ThreatScore {
  likelihood: number;
  impact: number;
  score: number;
  level: Level;
  factors: Factor[];
  impactReason: string;
  impactSources: SourceRef[];
}

export interface AssetRisk {
  assetId: string;
  name: string;
  layers: string[];
  strategic: boolean;
  strategicReason: string;
  provider?: { id: string; name: string };
  ultimateParent?: { id: string; name: string; country?: string };
  jurisdictions: string[];
  roots: string[];
  continuity: ThreatScore;
  access: ThreatScore;
  process?: string;
  missing: string[];
}

export interface GroupOutcome {
  name: string;
  members: string[];
  partitions: string[][];
  independent: boolean;
  sharedRoots: string[];
  likelihood: number;
}

export interface ProcessRisk {
  processId: string;
  name: string;
  vital: boolean;
  continuity: { likelihood: number; impact: number; score: number; level: Level; via?: string; groups: GroupOutcome[] };
  access: { score: number; level: Level; via?: string };
  singlePointsOfFailure?: string[];
}

export interface ConcentrationRow {
  key: string;
  label: string;
  assets: number;
  vitalProcesses: number;
  vitalShare: number;
}

export interface Concentration {
  rows: ConcentrationRow[];
  hhi: number;
}

export interface TopRisk {
  assetId: string;
  name: string;
  threat: 'continuity' | 'access';
  score: number;
  level: Level;
  strategic: boolean;
}

export interface Analysis {
  organisation: string;
  assets: AssetRisk[];
  processes: ProcessRisk[];
  portfolio: {
    byUltimateParent: Concentration;
    byCountry: Concentration;
    byCategory: Concentration;
    topRisks: TopRisk[];
  };
}

/** `GET {base}/analysis/summary`: per asset its more severe threat, without the factors. */
export interface SummaryAsset {
  assetId: string;
  name: string;
  layers: string[];
  strategic: boolean;
  threat: 'continuity' | 'access';
  score: number;
  level: Level;
  missing: number;
}

export interface AnalysisSummary {
  organisation: string;
  assets: SummaryAsset[];
  portfolio: Analysis['portfolio'];
}

export interface GraphNode {
  ref: string;
  kind: string;
  id: string;
  name: string;
  layers?: string[];
  type?: string;
  vital?: boolean;
  country?: string;
}

export interface GraphEdge {
  id?: string;
  from: string;
  to: string;
  relation: string;
  redundancyGroup?: string;
  implied?: boolean;
}

export interface Graph {
  organisation: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface Party {
  id: string;
  name: string;
  country?: string;
  parentId?: string;
}

export interface AssetRecord {
  id: string;
  name: string;
  type: string;
  layers: string[];
  description?: string;
  providerId?: string;
  productId?: string;
  dataSensitivity?: string;
}

export interface ProcessRecord {
  id: string;
  name: string;
  description?: string;
  vital: boolean;
  maxTolerableDowntimeHours?: number;
  owner?: string;
}

interface VocabEntry {
  code: string;
  nl: string;
  en: string;
}

export interface Vocabularies {
  layers: (VocabEntry & { number: number })[];
  assetTypes: VocabEntry[];
  dataSensitivities: VocabEntry[];
  relations: VocabEntry[];
}

export interface SbomDocument {
  assetId: string;
  format: string;
  specVersion: string;
  created?: string;
  authors: string[];
  tools: string[];
  subject?: { name: string; version?: string };
  components: number;
  importedAt: string;
  quality: { score: number; components: number };
}

/** The six layers bottom (1) to top (6), as the API codes them. */
export const LAYER_CODES = [
  'raw-materials',
  'hardware',
  'physical-infrastructure',
  'soft-infrastructure',
  'data',
  'applications',
] as const;
