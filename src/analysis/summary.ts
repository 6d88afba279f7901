/**
 * What a dashboard shows of the risk picture: per asset and process the higher of its two scores
 * and its level (without the factors), the portfolio views, and how much data is missing.
 */
import type { Analysis } from './analyse.js';
import type { Level } from './asset-risk.js';

export interface AnalysisSummary {
  organisation: string;
  generatedAt: string;
  knowledgeBaseVersion: string;
  assets: {
    assetId: string;
    name: string;
    layers: string[];
    strategic: boolean;
    /** The higher of the continuity and access scores, and which it is. */
    threat: 'continuity' | 'access';
    score: number;
    level: Level;
    missing: number;
  }[];
  processes: { processId: string; name: string; vital: boolean; score: number; level: Level }[];
  portfolio: Analysis['portfolio'];
  dataQuality: { assetsWithGaps: number; gaps: number };
}

/** The summary of an analysis: per asset and process its higher score, without the factors. */
export function summariseAnalysis(a: Analysis): AnalysisSummary {
  return {
    organisation: a.organisation,
    generatedAt: a.generatedAt,
    knowledgeBaseVersion: a.knowledgeBaseVersion,
    assets: a.assets.map((x) => {
      const threat = x.access.score > x.continuity.score ? ('access' as const) : ('continuity' as const);
      return {
        assetId: x.assetId,
        name: x.name,
        layers: x.layers,
        strategic: x.strategic,
        threat,
        score: x[threat].score,
        level: x[threat].level,
        missing: x.missing.length,
      };
    }),
    processes: a.processes.map((p) => {
      const top = p.access.score > p.continuity.score ? p.access : p.continuity;
      return { processId: p.processId, name: p.name, vital: p.vital, score: top.score, level: top.level };
    }),
    portfolio: a.portfolio,
    dataQuality: {
      assetsWithGaps: a.dataQuality.length,
      gaps: a.dataQuality.reduce((n, d) => n + d.missing.length, 0),
    },
  };
}
