/**
 * The risk of each graph node from `GET {base}/analysis`: continuity and access per asset and per
 * process, and the worse of the two as the node's level (what the graph colours and shapes by).
 * Parties and products have no score of their own.
 */
import { LEVEL_COLOURS, LEVEL_SYMBOLS, type Level } from './risk';
import type { NodeShape } from './graph-canvas';

interface Score {
  score: number;
  level: Level;
}

/** The part of the analysis answer the graph reads. */
export interface AnalysisDocument {
  assets: { assetId: string; strategic?: boolean; strategicReason?: string; continuity: Score; access: Score }[];
  processes: { processId: string; continuity: Score; access: Score }[];
}

export interface NodeRisk {
  level: Level;
  continuity: Score;
  access: Score;
  strategic?: boolean;
  strategicReason?: string;
}

const ORDER: Level[] = ['low', 'medium', 'high', 'very-high'];
const worse = (a: Level, b: Level): Level => (ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b);

export function risksByRef(analysis: AnalysisDocument | undefined): Map<string, NodeRisk> {
  const out = new Map<string, NodeRisk>();
  if (!analysis) return out;
  for (const a of analysis.assets)
    out.set(`asset:${a.assetId}`, {
      level: worse(a.continuity.level, a.access.level),
      continuity: a.continuity,
      access: a.access,
      ...(a.strategic !== undefined ? { strategic: a.strategic } : {}),
      ...(a.strategicReason ? { strategicReason: a.strategicReason } : {}),
    });
  for (const p of analysis.processes)
    out.set(`process:${p.processId}`, {
      level: worse(p.continuity.level, p.access.level),
      continuity: p.continuity,
      access: p.access,
    });
  return out;
}

/** The canvas shape per level; it matches the symbol RiskBadge shows (● ▲ ◆ ■). */
export const LEVEL_SHAPES: Record<Level, NodeShape> = {
  low: 'ellipse',
  medium: 'triangle',
  high: 'diamond',
  'very-high': 'rectangle',
};
/** Nodes without a score (parties, products): grey, rounded. 5.7:1 against white. */
export const NO_LEVEL = { colour: '#666666', shape: 'round-rectangle' as NodeShape, symbol: '○' };

export function levelLook(level: Level | undefined): { colour: string; shape: NodeShape; symbol: string } {
  if (!level) return NO_LEVEL;
  return { colour: LEVEL_COLOURS[level], shape: LEVEL_SHAPES[level], symbol: LEVEL_SYMBOLS[level] };
}
