/**
 * The whole risk picture of a register: every asset scored and explained, every process with its
 * propagated risk, and the portfolio — concentration by ultimate parent, country and category,
 * single points of failure, top risks, strategic dependencies per layer, and missing data.
 */
import { LAYERS, type Layer } from '../domain/index.js';
import { ExposureIndex, levelOf, scoreAsset, servedImpacts, type AssetRisk, type Level } from './asset-risk.js';
import { hhi, type KnowledgeIndex } from './knowledge-index.js';
import { Propagator, type GroupOutcome } from './propagation.js';
import { RegisterView, type RegisterData } from './register-view.js';
import type { RiskConfig } from './risk-config.js';

export interface ProcessRisk {
  processId: string;
  name: string;
  vital: boolean;
  continuity: { likelihood: number; impact: number; score: number; level: Level; via?: string; groups: GroupOutcome[] };
  access: { score: number; level: Level; via?: string };
  /** Assets this process cannot do without: reached through required edges only. */
  singlePointsOfFailure: string[];
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
  const ctx = { view, kb, config, today, exposures: new ExposureIndex(view), impacts: servedImpacts(view, config) };
  const assets = register.assets.map((a) => scoreAsset(a, ctx));
  const byId = new Map(assets.map((a) => [a.assetId, a]));
  const propagator = new Propagator(view, byId);

  // Highest access score anywhere upstream of an asset (access is not lowered by redundancy).
  const accessMemo = new Map<string, { score: number; via: string }>();
  const maxAccess = (id: string, visiting = new Set<string>()): { score: number; via: string } => {
    const known = accessMemo.get(id);
    if (known) return known;
    let best = { score: byId.get(id)?.access.score ?? 0, via: id };
    if (visiting.has(id)) return best;
    visiting.add(id);
    for (const up of view.upstream(id)) {
      const u = maxAccess(up, visiting);
      if (u.score > best.score) best = u;
    }
    visiting.delete(id);
    accessMemo.set(id, best);
    return best;
  };

  const processes: ProcessRisk[] = register.processes.map((p) => {
    const prop = propagator.process(p.id);
    const impact = impactOf(p, config);
    const score = Math.round(prop.likelihood * impact * 10) / 10;
    const needs = view.needs.get(`process:${p.id}`);
    let access = { score: 0, via: undefined as string | undefined };
    for (const a of needs ? [...needs.required, ...needs.groups.flatMap((g) => g.members)] : []) {
      const m = maxAccess(a);
      if (m.score > access.score) access = m;
    }
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
      singlePointsOfFailure: requiredClosure(view, p.id),
    };
  });

  // ---- portfolio ------------------------------------------------------------------------------
  const vital = register.processes.filter((p) => p.vital);
  const vitalRoots = new Map<string, Set<string>>(); // process → ultimate parents it depends on
  for (const p of vital) {
    const needs = view.needs.get(`process:${p.id}`);
    const roots = new Set<string>();
    for (const a of needs ? [...needs.required, ...needs.groups.flatMap((g) => g.members)] : [])
      for (const r of propagator.rootsOf(a)) roots.add(r);
    vitalRoots.set(p.id, roots);
  }
  const parentOf = (a: AssetRisk) => a.ultimateParent?.id;
  const countryOf = (a: AssetRisk) => a.ultimateParent?.country;
  const categoryOf = (a: AssetRisk) => {
    const asset = view.assets.get(a.assetId)!;
    const product = asset.productId ? view.products.get(asset.productId) : undefined;
    return product?.category ?? `type:${asset.type}`;
  };
  const concentration = (
    keyOf: (a: AssetRisk) => string | undefined,
    label: (key: string) => string,
    rootMatches: (root: string, key: string) => boolean,
  ): Concentration => {
    const counts = new Map<string, number>();
    for (const a of assets) {
      const k = keyOf(a);
      if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const total = [...counts.values()].reduce((s, n) => s + n, 0) || 1;
    const rows = [...counts].map(([key, n]) => {
      const dependent = vital.filter((p) => [...vitalRoots.get(p.id)!].some((r) => rootMatches(r, key))).length;
      return {
        key,
        label: label(key),
        assets: n,
        vitalProcesses: dependent,
        vitalShare: vital.length ? Math.round((dependent / vital.length) * 100) / 100 : 0,
      };
    });
    rows.sort((a, b) => b.vitalProcesses - a.vitalProcesses || b.assets - a.assets || a.key.localeCompare(b.key));
    return { rows, hhi: hhi([...counts.values()].map((n) => (100 * n) / total)) };
  };
  const partyName = (id: string) => view.parties.get(id)?.name ?? id;
  const byUltimateParent = concentration(parentOf, partyName, (root, key) => root === key);
  const byCountry = concentration(
    countryOf,
    (c) => kb.country(c)?.name ?? c,
    (root, key) => view.parties.get(root)?.country === key,
  );
  const byCategory = concentration(
    categoryOf,
    (k) => kb.category(k)?.name.en ?? k,
    () => false,
  );
  // For categories, "depends on" means: the vital process needs an asset of that category.
  for (const row of byCategory.rows) {
    const inCategory = new Set(assets.filter((a) => categoryOf(a) === row.key).map((a) => a.assetId));
    row.vitalProcesses = vital.filter((p) => reachesAny(view, p.id, inCategory)).length;
    row.vitalShare = vital.length ? Math.round((row.vitalProcesses / vital.length) * 100) / 100 : 0;
  }
  byCategory.rows.sort(
    (a, b) => b.vitalProcesses - a.vitalProcesses || b.assets - a.assets || a.key.localeCompare(b.key),
  );

  const strategicByLayer = Object.fromEntries(
    LAYERS.map((l) => [l, assets.filter((a) => a.strategic && a.layers.includes(l)).map((a) => a.assetId)]),
  ) as Record<Layer, string[]>;
  const spof = new Map<string, string[]>();
  for (const p of processes)
    if (p.vital) for (const a of p.singlePointsOfFailure) spof.set(a, [...(spof.get(a) ?? []), p.processId]);
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

/** Assets a process reaches through required edges only: each one alone can stop it. */
function requiredClosure(view: RegisterView, processId: string): string[] {
  const seen = new Set<string>();
  const queue = [...(view.needs.get(`process:${processId}`)?.required ?? [])];
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(view.needs.get(`asset:${id}`)?.required ?? []));
  }
  return [...seen].sort();
}

function reachesAny(view: RegisterView, processId: string, targets: Set<string>): boolean {
  const seen = new Set<string>();
  const needs = view.needs.get(`process:${processId}`);
  const queue = needs ? [...needs.required, ...needs.groups.flatMap((g) => g.members)] : [];
  while (queue.length) {
    const id = queue.pop()!;
    if (targets.has(id)) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...view.upstream(id));
  }
  return false;
}
