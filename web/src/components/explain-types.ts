/**
 * The shapes of the analysis, graph and register responses the stack view and the detail pages
 * read. For the graph and register responses only the fields the UI uses are declared.
 */
/**
 * The analysis types are the server's own (src/analysis, a pure module without I/O), imported as
 * types only, so the UI and the API cannot drift apart.
 */
import type { Analysis as FullAnalysis, AnalysisSummary as Summary } from '../../../src/analysis/index.js';
import type { GraphDocument } from '../../../src/domain/index.js';

export type {
  AssetRisk,
  Concentration,
  ConcentrationRow,
  Factor,
  GroupOutcome,
  ProcessRisk,
  SourceRef,
  ThreatScore,
} from '../../../src/analysis/index.js';
export type Analysis = FullAnalysis;
export type AnalysisSummary = Summary;
export type TopRisk = Analysis['portfolio']['topRisks'][number];
export type SummaryAsset = AnalysisSummary['assets'][number];

export type { GraphEdge, GraphNode } from '../../../src/domain/index.js';
export type Graph = GraphDocument;

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
