/**
 * The digital-autonomy report for the board (Actieplan Digitale Autonomie: boards account for
 * their organisation's digital autonomy): the figures a report is made of, taken from the analysis,
 * the built-in scenarios, exit plans and measures, and — when there is a previous snapshot — what
 * changed since. Pure: renderers (Markdown, HTML, PDF) turn this into words in Dutch or English.
 * Every number here is one the analysis gives; the report adds no scoring of its own.
 */
import { LAYERS, type ExitPlanRecord, type Layer, type MeasureRecord } from '../../domain/index.js';
import type { Analysis } from '../analyse.js';
import type { Level } from '../asset-risk.js';
import type { AnalysisChanges } from '../snapshot-changes.js';

export const LEVELS: readonly Level[] = ['low', 'medium', 'high', 'very-high'];

export interface ReportScenario {
  id: string;
  name: { nl: string; en: string };
  processesStopped: number;
  processesDegraded: number;
  vitalStopped: string[];
  restoreHours: number | null;
}

export interface BoardReportInput {
  organisation: { id: string; name: string };
  analysis: Analysis;
  scenarios: readonly ReportScenario[];
  exitPlans: readonly ExitPlanRecord[];
  measures: readonly MeasureRecord[];
  /** The previous snapshot and what changed since, when the report compares periods. */
  since?: { id: string; takenAt: string; changes: AnalysisChanges };
  /** The weights the scores were made with (the effective risk configuration). */
  weights: { continuity: Record<string, number>; access: Record<string, number> };
  /** Exit plans tested longer ago than this many days count as not tested (default 365). */
  testedWithinDays?: number;
  date: Date;
}

export interface BoardReport {
  organisation: { id: string; name: string };
  date: string;
  summary: {
    dependencies: number;
    strategic: number;
    /** Assets whose more severe threat is high or very high. */
    highRisk: number;
    strategicHighRisk: number;
    topParent?: { name: string; assets: number; vitalShare: number };
    worstScenario?: { name: { nl: string; en: string }; vitalStopped: number; processesStopped: number };
    strategicWithoutExitPlan: number;
    vitalProcesses: number;
  };
  /** Per layer (raw materials first): assets by level of their more severe threat. */
  layers: { layer: Layer; assets: number; strategic: number; byLevel: Record<Level, number> }[];
  /** The strategic dependencies with the highest risk, each with why it is strategic and its main factors. */
  topDependencies: {
    assetId: string;
    name: string;
    threat: 'continuity' | 'access';
    score: number;
    level: Level;
    why: string;
    ultimateParent?: string;
    country?: string;
    mainFactors: { label: string; fact: string; contribution: number }[];
  }[];
  concentration: {
    byUltimateParent: { label: string; assets: number; vitalShare: number }[];
    byCountry: { label: string; assets: number; vitalShare: number }[];
    hhiParent: number;
    hhiCountry: number;
  };
  scenarios: ReportScenario[];
  exitPlans: {
    present: number;
    tested: number;
    untested: number;
    /** Strategic assets without any exit plan. */
    missing: { assetId: string; name: string }[];
  };
  measures: { total: number; byStatus: Record<string, number>; averageProgress: number };
  since?: BoardReportInput['since'];
  dataQuality: { assetsWithGaps: number; gaps: number; worst: { assetId: string; name: string; missing: string[] }[] };
  methodology: {
    knowledgeBaseVersion: string;
    configVersion: string;
    generatedAt: string;
    weights: { continuity: Record<string, number>; access: Record<string, number> };
  };
}

const worse = (a: Analysis['assets'][number]) => (a.access.score > a.continuity.score ? a.access : a.continuity);

export function boardReport(input: BoardReportInput): BoardReport {
  const { analysis: a } = input;
  const date = input.date.toISOString().slice(0, 10);
  const high = (l: Level) => l === 'high' || l === 'very-high';
  const withPlan = new Set(input.exitPlans.map((p) => p.assetId));
  const strategic = a.assets.filter((x) => x.strategic);
  const missing = strategic.filter((x) => !withPlan.has(x.assetId)).map((x) => ({ assetId: x.assetId, name: x.name }));
  const cutoff = input.date.getTime() - (input.testedWithinDays ?? 365) * 86_400_000;
  const tested = input.exitPlans.filter((p) => p.lastTested && Date.parse(p.lastTested) >= cutoff).length;
  const worst = [...input.scenarios].sort(
    (x, y) => y.vitalStopped.length - x.vitalStopped.length || y.processesStopped - x.processesStopped,
  )[0];
  const parent = a.portfolio.byUltimateParent.rows[0];
  const byStatus: Record<string, number> = {};
  for (const m of input.measures) byStatus[m.status] = (byStatus[m.status] ?? 0) + 1;
  const rows = (c: Analysis['portfolio']['byCountry']) =>
    c.rows.slice(0, 5).map((r) => ({ label: r.label, assets: r.assets, vitalShare: r.vitalShare }));
  const byId = new Map(a.assets.map((x) => [x.assetId, x]));
  return {
    organisation: input.organisation,
    date,
    summary: {
      dependencies: a.assets.length,
      strategic: strategic.length,
      highRisk: a.assets.filter((x) => high(worse(x).level)).length,
      strategicHighRisk: strategic.filter((x) => high(worse(x).level)).length,
      ...(parent ? { topParent: { name: parent.label, assets: parent.assets, vitalShare: parent.vitalShare } } : {}),
      ...(worst
        ? {
            worstScenario: {
              name: worst.name,
              vitalStopped: worst.vitalStopped.length,
              processesStopped: worst.processesStopped,
            },
          }
        : {}),
      strategicWithoutExitPlan: missing.length,
      vitalProcesses: a.processes.filter((p) => p.vital).length,
    },
    layers: LAYERS.map((layer) => {
      const on = a.assets.filter((x) => x.layers.includes(layer));
      const byLevel = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
      for (const x of on) byLevel[worse(x).level]++;
      return { layer, assets: on.length, strategic: on.filter((x) => x.strategic).length, byLevel };
    }),
    topDependencies: a.portfolio.topRisks
      .filter((t) => t.strategic)
      .slice(0, 5)
      .map((t) => {
        const x = byId.get(t.assetId)!;
        const factors = [...x[t.threat].factors].sort((f, g) => g.contribution - f.contribution).slice(0, 2);
        return {
          assetId: t.assetId,
          name: t.name,
          threat: t.threat,
          score: t.score,
          level: t.level,
          why: x.strategicReason,
          ...(x.ultimateParent ? { ultimateParent: x.ultimateParent.name } : {}),
          ...(x.ultimateParent?.country ? { country: x.ultimateParent.country } : {}),
          mainFactors: factors.map((f) => ({ label: f.label, fact: f.fact, contribution: f.contribution })),
        };
      }),
    concentration: {
      byUltimateParent: rows(a.portfolio.byUltimateParent),
      byCountry: rows(a.portfolio.byCountry),
      hhiParent: a.portfolio.byUltimateParent.hhi,
      hhiCountry: a.portfolio.byCountry.hhi,
    },
    scenarios: [...input.scenarios],
    exitPlans: {
      present: input.exitPlans.length,
      tested,
      untested: input.exitPlans.length - tested,
      missing,
    },
    measures: {
      total: input.measures.length,
      byStatus,
      averageProgress: input.measures.length
        ? Math.round(input.measures.reduce((n, m) => n + m.progress, 0) / input.measures.length)
        : 0,
    },
    ...(input.since ? { since: input.since } : {}),
    dataQuality: {
      assetsWithGaps: a.dataQuality.length,
      gaps: a.dataQuality.reduce((n, d) => n + d.missing.length, 0),
      worst: [...a.dataQuality]
        .sort((x, y) => y.missing.length - x.missing.length || x.assetId.localeCompare(y.assetId))
        .slice(0, 5)
        .map((d) => ({ assetId: d.assetId, name: byId.get(d.assetId)?.name ?? d.assetId, missing: d.missing })),
    },
    methodology: {
      knowledgeBaseVersion: a.knowledgeBaseVersion,
      configVersion: a.configVersion,
      generatedAt: a.generatedAt,
      weights: input.weights,
    },
  };
}
