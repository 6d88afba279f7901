/**
 * What changed between two analyses of one register (a snapshot and a later snapshot, or the
 * register as it is now): assets that came and went, risk levels that rose or fell, dependencies
 * that became or stopped being strategic, concentration that grew or shrank, and data gaps closed
 * or opened — the "since the previous report" part of a board report.
 */
import type { Analysis } from './analyse.js';
import type { Level } from './asset-risk.js';

const RANK: Record<Level, number> = { low: 0, medium: 1, high: 2, 'very-high': 3 };

export interface LevelChange {
  assetId: string;
  name: string;
  threat: 'continuity' | 'access';
  from: Level;
  to: Level;
  fromScore: number;
  toScore: number;
}

export interface AnalysisChanges {
  assetsAdded: { assetId: string; name: string }[];
  assetsRemoved: { assetId: string; name: string }[];
  /** Level changes per threat, rises first. */
  risen: LevelChange[];
  fallen: LevelChange[];
  becameStrategic: { assetId: string; name: string }[];
  noLongerStrategic: { assetId: string; name: string }[];
  /** HHI of assets over ultimate parents and over countries, before and after. */
  concentration: { byUltimateParent: { from: number; to: number }; byCountry: { from: number; to: number } };
  /** Facts missing, summed over all assets, before and after. */
  dataGaps: { from: number; to: number };
}

export function analysisChanges(before: Analysis, after: Analysis): AnalysisChanges {
  const old = new Map(before.assets.map((a) => [a.assetId, a]));
  const now = new Map(after.assets.map((a) => [a.assetId, a]));
  const brief = (a: { assetId: string; name: string }) => ({ assetId: a.assetId, name: a.name });
  const risen: LevelChange[] = [];
  const fallen: LevelChange[] = [];
  const becameStrategic: { assetId: string; name: string }[] = [];
  const noLongerStrategic: { assetId: string; name: string }[] = [];
  for (const a of after.assets) {
    const b = old.get(a.assetId);
    if (!b) continue;
    for (const threat of ['continuity', 'access'] as const) {
      const from = b[threat].level;
      const to = a[threat].level;
      if (from === to) continue;
      const change = {
        assetId: a.assetId,
        name: a.name,
        threat,
        from,
        to,
        fromScore: b[threat].score,
        toScore: a[threat].score,
      };
      (RANK[to] > RANK[from] ? risen : fallen).push(change);
    }
    if (a.strategic && !b.strategic) becameStrategic.push(brief(a));
    if (!a.strategic && b.strategic) noLongerStrategic.push(brief(a));
  }
  const bySeverity = (x: LevelChange, y: LevelChange) =>
    Math.abs(RANK[y.to] - RANK[y.from]) - Math.abs(RANK[x.to] - RANK[x.from]) || x.assetId.localeCompare(y.assetId);
  const gaps = (a: Analysis) => a.dataQuality.reduce((n, d) => n + d.missing.length, 0);
  return {
    assetsAdded: after.assets.filter((a) => !old.has(a.assetId)).map(brief),
    assetsRemoved: before.assets.filter((a) => !now.has(a.assetId)).map(brief),
    risen: risen.sort(bySeverity),
    fallen: fallen.sort(bySeverity),
    becameStrategic,
    noLongerStrategic,
    concentration: {
      byUltimateParent: { from: before.portfolio.byUltimateParent.hhi, to: after.portfolio.byUltimateParent.hhi },
      byCountry: { from: before.portfolio.byCountry.hhi, to: after.portfolio.byCountry.hhi },
    },
    dataGaps: { from: gaps(before), to: gaps(after) },
  };
}
