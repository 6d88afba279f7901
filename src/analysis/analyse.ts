/**
 * The whole risk picture of a register: every asset scored and explained, every process with its
 * propagated risk, and the portfolio — concentration by ultimate parent, country and category,
 * single points of failure, top risks, strategic dependencies per layer, and missing data.
 */
import { LAYERS, type Layer } from '../domain/index.js';
import { ExposureIndex, levelOf, scoreAsset, servedImpacts, type AssetRisk, type Level } from './asset-risk.js';
import { hhi, type KnowledgeIndex } from './knowledge-index.js';
import { Propagator, type GroupOutcome } from './propagation.js';
import { components, upstreamMax, upstreamUnion } from './upstream.js';
import { RegisterView, type RegisterData } from './register-view.js';
import type { RiskConfig } from './risk-config.js';

export interface ProcessRisk {
  processId: string;
  name: string;
  vital: boolean;
  continuity: { likelihood: number; impact: number; score: number; level: Level; via?: string; groups: GroupOutcome[] };
  access: { score: number; level: Level; via?: string };
  /** For vital processes: the assets it cannot do without, reached through required edges only. */
  singlePointsOfFailure?: string[];
}

export interface ConcentrationRow {
  key: string;
  label: string;
  /** Assets whose provider's ultimate parent (or its country, or category) this is. */
  assets: number;
  /** Vital processes that depend on it anywhere upstream. */
  vitalProcesses: number;
  /** Share of all vital processes, 0–1. */
  vitalShare: number;
}

export interface Concentration {
  rows: ConcentrationRow[];
  /** HHI (0–10,000) of the assets' distribution over the keys. */
  hhi: number;
}

export interface Analysis {
  organisation: string;
  generatedAt: string;
  knowledgeBaseVersion: string;
  configVersion: string;
  assets: AssetRisk[];
  processes: ProcessRisk[];
  portfolio: {
    byUltimateParent: Concentration;
    byCountry: Concentration;
    byCategory: Concentration;
    strategicByLayer: Record<Layer, string[]>;
    singlePointsOfFailure: { assetId: string; processes: string[] }[];
    topRisks: {
      assetId: string;
      name: string;
      threat: 'continuity' | 'access';
      score: number;
      level: Level;
      strategic: boolean;
    }[];
  };
  dataQuality: { assetId: string; missing: string[] }[];
}

export interface AnalyseInput {
  organisation: string;
  register: RegisterData;
  kb: KnowledgeIndex;
  config: RiskConfig;
  today?: Date;
}

export function analyse({ organisation, register, kb, config, today = new Date() }: AnalyseInput): Analysis {
  const view = new RegisterView(register);
  const g = view.graph;
  const ctx = { view, kb, config, today, exposures: new ExposureIndex(view), impacts: servedImpacts(view, config) };
  // Scored in node order (register order, duplicates of an id left out).
  const assets = view.assetAt.map((a, v) => scoreAsset(a, ctx, v));
  const comp = components(g.assetCount, g.upstream);
  const propagator = new Propagator(view, assets, comp, (v) => ctx.exposures.ownRoots[v]!);

  // Highest access score anywhere upstream of an asset (access is not lowered by redundancy).
  const maxAccess = upstreamMax(comp, (v) => assets[v]!.access.score);
  /** Asset nodes a process needs directly (required or in a group). */
  const direct = (processNode: number) =>
    g.upstream.adj.subarray(g.upstream.off[processNode]!, g.upstream.off[processNode + 1]!);

  /** For each asset node, the vital processes it alone can stop. */
  const spofProcesses: (string[] | undefined)[] = [];
  const spofOf = (node: number): string[] => {
    const reached = view.closureNodes([node], true);
    const id = g.processIds[node - g.assetCount]!;
    for (const v of reached) (spofProcesses[v] ??= []).push(id);
    return reached.map((v) => g.assetIds[v]!);
  };
  const processes: ProcessRisk[] = register.processes.map((p) => {
    const prop = propagator.consumer(`process:${p.id}`);
    const impact = impactOf(p, config);
    const score = Math.round(prop.likelihood * impact * 10) / 10;
    const node = g.processIndex.get(p.id)!;
    let access = { score: 0, via: undefined as string | undefined };
    for (const a of direct(node))
      if (maxAccess.value(a) > access.score) access = { score: maxAccess.value(a), via: g.assetIds[maxAccess.at(a)] };
    return {
      processId: p.id,
      name: p.name,
      vital: p.vital,
      continuity: {
        likelihood: prop.likelihood,
        impact,
        score,
        level: levelOf(score, config),
        ...(prop.via ? { via: prop.via } : {}),
        groups: prop.groups,
      },
      access: { score: access.score, level: levelOf(access.score, config), ...(access.via ? { via: access.via } : {}) },
      ...(p.vital ? { singlePointsOfFailure: spofOf(node) } : {}),
    };
  });

  // ---- portfolio ------------------------------------------------------------------------------
  const vital = register.processes.filter((p) => p.vital);
  const parentOf = (a: AssetRisk) => a.ultimateParent?.id;
  const countryOf = (a: AssetRisk) => a.ultimateParent?.country;
  const categories = view.assetAt.map((asset) => {
    const product = asset.productId ? view.products.get(asset.productId) : undefined;
    return product?.category ?? `type:${asset.type}`;
  });
  const categoryOf = (_: AssetRisk, v: number) => categories[v]!;
  // What each vital process depends on anywhere upstream: ultimate parents, their countries, and
  // the categories of the assets it reaches.
  const categoriesUpstream = upstreamUnion(comp, (v) => [categories[v]!]);
  const vitalKeys = vital.map((p) => {
    const ups = direct(g.processIndex.get(p.id)!);
    const parents = new Set(propagator.roots.unionOf(ups));
    const countries = new Set<string>();
    for (const r of parents) {
      const c = view.parties.get(r)?.country;
      if (c) countries.add(c);
    }
    const categories = new Set(categoriesUpstream.unionOf(ups));
    return { parents, countries, categories };
  });
  const concentration = (
    keyOf: (a: AssetRisk, v: number) => string | undefined,
    label: (key: string) => string,
    keysOfProcess: (k: (typeof vitalKeys)[number]) => ReadonlySet<string>,
  ): Concentration => {
    const counts = new Map<string, number>();
    for (let v = 0; v < assets.length; v++) {
      const k = keyOf(assets[v]!, v);
      if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0) || 1;
    const rows = [...counts].map(([key, n]) => {
      const dependent = vitalKeys.filter((k) => keysOfProcess(k).has(key)).length;
      return {
        key,
        label: label(key),
        assets: n,
        vitalProcesses: dependent,
        vitalShare: vital.length ? Math.round((dependent / vital.length) * 100) / 100 : 0,
      };
    });
    rows.sort((x, y) => y.vitalProcesses - x.vitalProcesses || y.assets - x.assets || x.key.localeCompare(y.key));
    return { rows, hhi: hhi([...counts.values()].map((n) => (100 * n) / total)) };
  };
  const partyName = (id: string) => view.parties.get(id)?.name ?? id;
  const byUltimateParent = concentration(parentOf, partyName, (k) => k.parents);
  const byCountry = concentration(
    countryOf,
    (c) => kb.country(c)?.name ?? c,
    (k) => k.countries,
  );
  const byCategory = concentration(
    categoryOf,
    (k) => kb.category(k)?.name.en ?? k,
    (k) => k.categories,
  );

  const strategicByLayer = Object.fromEntries(
    LAYERS.map((l) => [l, assets.filter((a) => a.strategic && a.layers.includes(l)).map((a) => a.assetId)]),
  ) as Record<Layer, string[]>;
  const spof = new Map<string, string[]>();
  for (let v = 0; v < g.assetCount; v++) if (spofProcesses[v]) spof.set(g.assetIds[v]!, spofProcesses[v]!);
  const topRisks = assets
    .map((a) => {
      const threat = a.access.score > a.continuity.score ? ('access' as const) : ('continuity' as const);
      const s = a[threat];
      return { assetId: a.assetId, name: a.name, threat, score: s.score, level: s.level, strategic: a.strategic };
    })
    .sort(
      (x, y) => Number(y.strategic) - Number(x.strategic) || y.score - x.score || x.assetId.localeCompare(y.assetId),
    )
    .slice(0, 10);

  return {
    organisation,
    generatedAt: today.toISOString(),
    knowledgeBaseVersion: kb.version,
    configVersion: config.version,
    assets,
    processes,
    portfolio: {
      byUltimateParent,
      byCountry,
      byCategory,
      strategicByLayer,
      singlePointsOfFailure: [...spof]
        .map(([assetId, procs]) => ({ assetId, processes: procs }))
        .sort((a, b) => b.processes.length - a.processes.length || a.assetId.localeCompare(b.assetId)),
      topRisks,
    },
    dataQuality: assets.filter((a) => a.missing.length).map((a) => ({ assetId: a.assetId, missing: a.missing })),
  };
}

function impactOf(p: { vital: boolean; maxTolerableDowntimeHours?: number }, config: RiskConfig): number {
  const ci = config.continuityImpact;
  const short = p.maxTolerableDowntimeHours !== undefined && p.maxTolerableDowntimeHours <= ci.shortDowntimeHours;
  return Math.min(5, (p.vital ? ci.vital : ci.nonVital) + (short ? ci.shortDowntimeBonus : 0));
}
