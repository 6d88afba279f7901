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

/** Where an organisation's software components come from, by their supplier in the knowledge base. */
export interface ComponentOriginRow {
  key: string;
  label: string;
  /** Component occurrences linked to it, and the assets they are in. */
  components: number;
  assets: number;
  /** Vital processes that need one of those assets anywhere upstream. */
  vitalProcesses: number;
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
    /** SBOM components by the ultimate parent and country of their supplier (linked via the knowledge base). */
    componentOrigin: { byUltimateParent: ComponentOriginRow[]; byCountry: ComponentOriginRow[] };
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

  const componentOrigin = originOf(register, view, kb, vital.length, (keysOf) => {
    const union = upstreamUnion(comp, keysOf);
    return vital.map((p) => new Set(union.unionOf(direct(g.processIndex.get(p.id)!))));
  });

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
      componentOrigin,
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

/**
 * Component origin: occurrences per supplier's ultimate parent and per its country, with the vital
 * processes that reach an asset holding them. `vitalSets` turns per-asset keys into the key set
 * each vital process reaches upstream.
 */
function originOf(
  register: RegisterData,
  view: RegisterView,
  kb: KnowledgeIndex,
  vitalCount: number,
  vitalSets: (keysOf: (v: number) => readonly string[]) => Set<string>[],
): Analysis['portfolio']['componentOrigin'] {
  const g = view.graph;
  const parentKeys: string[][] = Array.from({ length: g.assetCount }, () => []);
  const countryKeys: string[][] = Array.from({ length: g.assetCount }, () => []);
  const tally = (m: Map<string, { components: number; assets: Set<string> }>, key: string, n: number, a: string) => {
    const t = m.get(key) ?? { components: 0, assets: new Set<string>() };
    t.components += n;
    t.assets.add(a);
    m.set(key, t);
  };
  const byParent = new Map<string, { components: number; assets: Set<string> }>();
  const byCountry = new Map<string, { components: number; assets: Set<string> }>();
  for (const { assetId, suppliers } of register.componentSuppliers ?? []) {
    const v = g.assetIndex.get(assetId);
    if (v === undefined) continue;
    for (const s of suppliers) {
      tally(byParent, s.ultimateParentId, s.components, assetId);
      tally(byCountry, s.country, s.components, assetId);
      if (!parentKeys[v]!.includes(s.ultimateParentId)) parentKeys[v]!.push(s.ultimateParentId);
      if (!countryKeys[v]!.includes(s.country)) countryKeys[v]!.push(s.country);
    }
  }
  if (!byParent.size) return { byUltimateParent: [], byCountry: [] };
  const rows = (
    m: Map<string, { components: number; assets: Set<string> }>,
    reached: Set<string>[],
    label: (k: string) => string,
  ): ComponentOriginRow[] =>
    [...m]
      .map(([key, t]) => {
        const n = reached.filter((s) => s.has(key)).length;
        return {
          key,
          label: label(key),
          components: t.components,
          assets: t.assets.size,
          vitalProcesses: n,
          vitalShare: vitalCount ? Math.round((n / vitalCount) * 100) / 100 : 0,
        };
      })
      .sort((x, y) => y.components - x.components || x.key.localeCompare(y.key));
  return {
    byUltimateParent: rows(
      byParent,
      vitalSets((v) => parentKeys[v]!),
      (k) => kb.vendor(k)?.name ?? k,
    ),
    byCountry: rows(
      byCountry,
      vitalSets((v) => countryKeys[v]!),
      (k) => kb.country(k)?.name ?? k,
    ),
  };
}
