/**
 * Scores one asset (a dependency of the organisation) on the two DOSA threats — continuity and
 * access — as likelihood × impact, with every factor explained: its value (0–1), weight,
 * contribution to the likelihood, the fact behind it and that fact's source.
 */
import type { AssetRecord, PartyRecord, ProcessRecord } from '../domain/index.js';
import type { CountryFacts, KnowledgeIndex, SourceRef } from './knowledge-index.js';
import type { RegisterView } from './register-view.js';
import { components, upstreamUnion } from './upstream.js';
import type { RiskConfig } from './risk-config.js';

export type Level = 'low' | 'medium' | 'high' | 'very-high';

export interface Factor {
  id: string;
  label: string;
  /** Normalised 0 (no risk) … 1 (maximal). */
  value: number;
  weight: number;
  /** Points this factor adds to the likelihood (likelihood = 1 + Σ contributions). */
  contribution: number;
  /** The fact behind the value, in words. */
  fact: string;
  sources: SourceRef[];
  /** True when the value is a default because a fact is missing. */
  missing?: boolean;
}

export interface ThreatScore {
  /** 1 (rare) … 5 (almost certain). */
  likelihood: number;
  /** 1 (minor) … 5 (severe). */
  impact: number;
  /** likelihood × impact, 1 … 25. */
  score: number;
  level: Level;
  factors: Factor[];
  /** Why the impact is what it is. */
  impactReason: string;
  impactSources: SourceRef[];
}

export interface AssetRisk {
  assetId: string;
  name: string;
  layers: string[];
  strategic: boolean;
  /** Why it is (or is not) strategic. */
  strategicReason: string;
  provider?: { id: string; name: string };
  ultimateParent?: { id: string; name: string; country?: string };
  /** Countries whose jurisdiction reaches the asset: ownership chains of provider and hosts. */
  jurisdictions: string[];
  /** Ultimate parents the asset depends on through its provider, hosting and upstream assets. */
  roots: string[];
  continuity: ThreatScore;
  access: ThreatScore;
  /** The process that sets the continuity impact, if any. */
  process?: string;
  /** Facts whose absence weakens the picture. */
  missing: string[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const registerRef = (id: string, title: string): SourceRef => ({ kind: 'register', id, title, verified: true });
const configRefs = new Map<string, SourceRef>();
/** The configuration as a source; one shared (read-only) object per key. */
function configRef(key: string): SourceRef {
  let ref = configRefs.get(key);
  if (!ref)
    configRefs.set(
      key,
      (ref = { kind: 'configuration', id: `risk-config.${key}`, title: `risk configuration: ${key}`, verified: true }),
    );
  return ref;
}

const sharedFactors = new WeakMap<KnowledgeIndex, WeakMap<RiskConfig, Map<string, Factor>>>();
/**
 * A factor that depends only on the knowledge base, the configuration and `key` (not on the asset),
 * made once and shared by every asset it applies to: registers hold thousands of assets of the
 * same category. Shared factors are read-only; their contribution is the same for every asset
 * because every asset's threat uses the same weights.
 */
function shared(kb: KnowledgeIndex, config: RiskConfig, key: string, make: () => Factor): Factor {
  let byConfig = sharedFactors.get(kb);
  if (!byConfig) sharedFactors.set(kb, (byConfig = new WeakMap()));
  let factors = byConfig.get(config);
  if (!factors) byConfig.set(config, (factors = new Map()));
  let factor = factors.get(key);
  if (!factor) factors.set(key, (factor = make()));
  return factor;
}

const lawSourceLists = new WeakMap<KnowledgeIndex, SourceRef[]>();
/** The first sources of the law catalogue: what "no access law known" rests on. */
function lawSources(kb: KnowledgeIndex): SourceRef[] {
  let list = lawSourceLists.get(kb);
  if (!list)
    lawSourceLists.set(kb, (list = kb.sources([...new Set(kb.kb.laws.laws.flatMap((l) => l.sources))]).slice(0, 3)));
  return list;
}

/** A factor whose fact is missing: it takes the configured default and says so. */
function missingFactor(
  id: string,
  label: string,
  value: number,
  weight: number,
  fact: string,
  configKey: string,
): Factor {
  return { id, label, value, weight, contribution: 0, fact, sources: [configRef(configKey)], missing: true };
}

export function levelOf(score: number, config: RiskConfig): Level {
  const l = config.levels;
  return score >= l.veryHigh ? 'very-high' : score >= l.high ? 'high' : score >= l.medium ? 'medium' : 'low';
}

/** Likelihood 1 + 4 × weighted mean of the factor values; fills in each factor's contribution. */
export function likelihoodOf(factors: Factor[]): number {
  const total = factors.reduce((s, f) => s + f.weight, 0) || 1;
  for (const f of factors) f.contribution = round1((4 * f.weight * f.value) / total);
  return round1(1 + (4 * factors.reduce((s, f) => s + f.weight * f.value, 0)) / total);
}

export function threat(
  factors: Factor[],
  impact: number,
  impactReason: string,
  impactSources: SourceRef[],
  config: RiskConfig,
): ThreatScore {
  const likelihood = likelihoodOf(factors);
  const score = round1(likelihood * impact);
  return { likelihood, impact, score, level: levelOf(score, config), factors, impactReason, impactSources };
}

/** Who reaches an asset through jurisdiction: countries (with the party and path that bring each) and ultimate parents. */
export interface Exposure {
  /** Country → the party (or location) that brings it and how. The asset's own provider comes first. */
  countries: Map<string, { via: string; who: string }>;
  /** Ultimate parents of the parties that provide or host the asset or anything it runs on. */
  roots: ReadonlySet<string>;
  /** The chain of the asset's own provider (or host), up to its ultimate parent. */
  chain: PartyRecord[];
}

/**
 * Exposure of every asset, inherited along runs-on edges. Computed once over the components of the
 * runs-on graph (assets that run on each other in a cycle share their exposure), aggregated by
 * country and ultimate parent so its size stays bounded however large the hosting graph. Indexed
 * by the asset's node number in the register graph.
 */
export class ExposureIndex {
  private readonly byAsset: Exposure[] = [];
  /** Ultimate parents of each asset's own provider and host (without what it runs on). */
  readonly ownRoots: string[][] = [];

  constructor(view: RegisterView) {
    const g = view.graph;
    const comp = components(g.assetCount, g.runsOn);
    const chains: PartyRecord[][] = [];
    /** Adds the countries of an asset's own provider and host to `into`, and returns their ultimate parents. */
    const addOwn = (v: number, into: Exposure['countries']): string[] => {
      const asset = view.assetAt[v]!;
      const roots: string[] = [];
      let first: PartyRecord[] = [];
      for (const [role, partyId] of [
        ['provider', asset.providerId],
        ['host', asset.hostingPartyId],
      ] as const) {
        const chain = view.chain(partyId);
        if (!chain.length) continue;
        if (!first.length) first = chain;
        const root = chain.at(-1)!.id;
        if (!roots.includes(root)) roots.push(root);
        for (const p of chain)
          if (p.country && !into.has(p.country)) into.set(p.country, { via: `${role} of ${asset.name}`, who: p.name });
      }
      chains[v] = first;
      return roots;
    };
    const { members, next } = comp;
    const own: Exposure['countries'][] = [];
    const inherited: Exposure['countries'][] = [];
    for (let c = 0; c < comp.count; c++) {
      // The component's map starts with its members' own entries (an asset alone in its component,
      // the common case, has its own entries first), then what it runs on.
      const countries: Exposure['countries'] = new Map();
      const alone = members.off[c + 1]! - members.off[c]! === 1;
      for (let i = members.off[c]!; i < members.off[c + 1]!; i++) {
        const v = members.adj[i]!;
        const mine: Exposure['countries'] = alone ? countries : new Map();
        this.ownRoots[v] = addOwn(v, mine);
        if (!alone) {
          own[v] = mine;
          for (const [code, e] of mine) if (!countries.has(code)) countries.set(code, e);
        }
      }
      for (let e = next.off[c]!; e < next.off[c + 1]!; e++)
        for (const [code, x] of inherited[next.adj[e]!]!)
          if (!countries.has(code))
            countries.set(code, { who: x.who, via: x.via.endsWith(' via hosting') ? x.via : `${x.via} via hosting` });
      inherited.push(countries);
    }
    const roots = upstreamUnion(comp, (v) => this.ownRoots[v]!);
    for (let v = 0; v < g.assetCount; v++) {
      const c = comp.of[v]!;
      let countries = inherited[c]!;
      const mine = own[v];
      if (mine) {
        // In a cycle: the asset's own entries first, then the component's.
        countries = new Map(mine);
        for (const [code, e] of inherited[c]!) if (!countries.has(code)) countries.set(code, e);
      }
      this.byAsset.push({ countries, roots: roots.get(v), chain: chains[v]! });
    }
  }

  of(v: number | undefined): Exposure {
    return (v !== undefined && this.byAsset[v]) || { countries: new Map(), roots: new Set(), chain: [] };
  }
}

/** The highest continuity impact of the processes an asset serves, directly or through other assets. */
export interface ServedImpact {
  impact: number;
  /** The process that sets the impact. */
  process?: ProcessRecord;
}

/**
 * Continuity impact per asset node: each process's impact flows down its needs to every asset it
 * reaches; an asset keeps the highest. A worklist fixed point over the CSR arrays, so cycles are
 * handled and each asset rises at most a few times (impacts are 1–5).
 */
export function servedImpacts(view: RegisterView, config: RiskConfig): (ServedImpact | undefined)[] {
  const ci = config.continuityImpact;
  const g = view.graph;
  const { off, adj } = g.upstream;
  const impact = new Uint8Array(g.assetCount);
  const setBy = new Int32Array(g.assetCount).fill(-1);
  const queue: number[] = [];
  for (let k = 0; k < g.processIds.length; k++) {
    const p = view.processes.get(g.processIds[k]!)!;
    const short = p.maxTolerableDowntimeHours !== undefined && p.maxTolerableDowntimeHours <= ci.shortDowntimeHours;
    const value = Math.min(5, (p.vital ? ci.vital : ci.nonVital) + (short ? ci.shortDowntimeBonus : 0));
    const node = g.assetCount + k;
    for (let e = off[node]!; e < off[node + 1]!; e++) {
      const a = adj[e]!;
      if (impact[a]! >= value) continue;
      impact[a] = value;
      setBy[a] = k;
      queue.push(a);
    }
  }
  while (queue.length) {
    const v = queue.pop()!;
    const value = impact[v]!;
    for (let e = off[v]!; e < off[v + 1]!; e++) {
      const a = adj[e]!;
      if (impact[a]! >= value) continue;
      impact[a] = value;
      setBy[a] = setBy[v]!;
      queue.push(a);
    }
  }
  const out: (ServedImpact | undefined)[] = [];
  for (let v = 0; v < g.assetCount; v++)
    out.push(
      setBy[v] === -1 ? undefined : { impact: impact[v]!, process: view.processes.get(g.processIds[setBy[v]!]!)! },
    );
  return out;
}

function countryValue(c: CountryFacts | undefined, config: RiskConfig): number {
  const r = config.countryRelation;
  if (!c) return r.unknown;
  if (c.offensiveCyber) return r.offensiveCyber;
  if (c.eu) return r.eu;
  if (c.eea) return r.eea;
  if (c.nato || c.adequacy) return r.allied;
  return r.other;
}

const described = new WeakMap<CountryFacts, string>();
function describeCountry(c: CountryFacts): string {
  const known = described.get(c);
  if (known) return known;
  const text = describeCountryText(c);
  described.set(c, text);
  return text;
}

function describeCountryText(c: CountryFacts): string {
  const tags = [
    c.eu ? 'EU' : c.eea ? 'EEA' : '',
    c.nato ? 'NATO' : '',
    c.adequacy ? `GDPR adequacy (${c.adequacy})` : '',
    c.offensiveCyber ? 'offensive cyber programme against NL' : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${c.name} (${c.code}${tags ? `: ${tags}` : ''})`;
}

export interface ScoringContext {
  view: RegisterView;
  kb: KnowledgeIndex;
  config: RiskConfig;
  today: Date;
  exposures: ExposureIndex;
  /** By asset node number. */
  impacts: (ServedImpact | undefined)[];
}

export function scoreAsset(
  asset: AssetRecord,
  { view, kb, config, today, exposures, impacts }: ScoringContext,
  node = view.graph.assetIndex.get(asset.id),
): AssetRisk {
  const missing: string[] = [];
  /** The asset's own register entry, as the source of what the register says about it. */
  const self = registerRef(`asset:${asset.id}`, asset.name);
  const product = asset.productId ? view.products.get(asset.productId) : undefined;
  // Without a product category, some asset types imply one (a raw material, a cloud region).
  const typeCategory = config.typeCategories[asset.type];
  const category = kb.category(product?.category) ?? kb.category(product?.category ? undefined : typeCategory);
  const exposure = exposures.of(node);
  /** Countries whose jurisdiction reaches the asset; `who` names the party (or the location) that brings each. */
  // Shared with the exposure index (read-only) unless the asset adds locations of its own.
  let countries: ReadonlyMap<string, { via: string; who: string }> = exposure.countries;
  // Where the asset is hosted or produced: that state can seize it or ban its export.
  if (asset.hostingLocations.some((code) => !countries.has(code))) {
    const own = new Map(countries);
    for (const code of asset.hostingLocations)
      if (!own.has(code))
        own.set(code, { via: `hosting or production location of ${asset.name}`, who: kb.country(code)?.name ?? code });
    countries = own;
  }
  const roots = [...exposure.roots];

  // ---- continuity ---------------------------------------------------------------------------
  const cw = config.continuityWeights;
  const factors: Factor[] = [];
  {
    const c = config.concentration;
    if (category?.hhi !== undefined) {
      const v = category.hhi <= c.unconcentrated ? c.low : category.hhi > c.highlyConcentrated ? c.high : c.moderate;
      const top = () =>
        category
          .marketShares!.shares.slice(0, 3)
          .map((s) => `${s.vendor} ${s.share}%`)
          .join(', ');
      factors.push(
        shared(kb, config, `concentration\u0000${category.id}\u0000${product?.category ? '' : 'type'}`, () => ({
          id: 'concentration',
          label: 'market concentration',
          value: v,
          weight: cw.concentration,
          contribution: 0,
          fact: `HHI ${category.hhi} in ${category.marketShares!.market} (${top()})${product?.category ? '' : ` — category "${category.id}" from the asset type`}`,
          sources: kb.sources(category.marketShares!.sources),
        })),
      );
    } else {
      missing.push(
        category ? `market shares for category "${category.id}"` : `a knowledge-base category for ${asset.name}`,
      );
      factors.push(
        missingFactor(
          'concentration',
          'market concentration',
          c.unknown,
          cw.concentration,
          category ? `no published market shares for ${category.name.en}` : 'category unknown',
          'concentration.unknown',
        ),
      );
    }
  }
  {
    const s = config.substitutability;
    const notes: string[] = [];
    let v = category ? s[category.substitutability] : s.unknown;
    notes.push(
      category
        ? `${category.name.en}: ${category.substitutability} (${category.substitutabilityReason})`
        : 'substitutability of the category unknown',
    );
    if (asset.lockIn?.dataExport === 'none') {
      v += s.noDataExport;
      notes.push('no data export');
    }
    if (asset.lockIn?.proprietaryFormats) {
      v += s.proprietaryFormats;
      notes.push('proprietary formats');
    }
    if (asset.lockIn?.openStandards.length) {
      v += s.openStandards;
      notes.push(`open standards: ${asset.lockIn.openStandards.join(', ')}`);
    }
    if (product?.openSource) {
      v += s.openSource;
      notes.push(`open source (${product.licence ?? 'licence unknown'})`);
    }
    v = clamp01(v);
    const plans = view.exitPlans.get(asset.id) ?? [];
    const fresh = plans.find(
      (p) => p.lastTested && (today.getTime() - Date.parse(p.lastTested)) / 86_400_000 <= s.exitPlanFreshDays,
    );
    if (fresh) {
      v *= s.testedExitPlan;
      notes.push(`exit plan "${fresh.name}" tested ${fresh.lastTested}`);
    } else if (plans.length) {
      v *= s.untestedExitPlan;
      notes.push(`exit plan "${plans[0]!.name}" not tested in the last ${s.exitPlanFreshDays} days`);
    } else notes.push('no exit plan');
    if (!category) missing.push(`substitutability of ${asset.name} (no knowledge-base category)`);
    factors.push({
      id: 'substitutability',
      label: 'substitutability',
      value: round1(v * 100) / 100,
      weight: cw.substitutability,
      contribution: 0,
      fact: notes.join('; '),
      sources: [
        ...(category ? kb.sources(category.sources) : [configRef('substitutability.unknown')]),
        ...plans.map((p) => registerRef(`exit-plan:${p.id}`, p.name)),
      ],
      ...(category ? {} : { missing: true }),
    });
  }
  {
    let worst: { facts?: CountryFacts; via: string; who: string } | undefined;
    let v = -1;
    let worstCode = '';
    for (const code of countries.keys()) {
      const cv = countryValue(kb.country(code), config);
      if (cv > v) {
        v = cv;
        worstCode = code;
      }
    }
    if (worstCode) {
      const facts = kb.country(worstCode);
      worst = { ...countries.get(worstCode)!, ...(facts ? { facts } : {}) };
    }
    if (worst?.facts) {
      factors.push({
        id: 'countryRelation',
        label: "relation with the supplier's country",
        value: v,
        weight: cw.countryRelation,
        contribution: 0,
        fact: `${describeCountry(worst.facts)}, through ${worst.who} (${worst.via})`,
        sources: worst.facts.standingSources,
      });
    } else {
      missing.push(`the country of the provider of ${asset.name}`);
      factors.push(
        missingFactor(
          'countryRelation',
          "relation with the supplier's country",
          config.countryRelation.unknown,
          cw.countryRelation,
          'no provider or provider country in the register',
          'countryRelation.unknown',
        ),
      );
    }
    const code = worst?.facts?.code;
    const m = config.mutualDependence;
    const mutual = !code ? m.default : worst?.facts?.eu || worst?.facts?.eea ? m.eu : (m.byCountry[code] ?? m.default);
    factors.push(
      shared(kb, config, `mutualDependence\u0000${code ?? ''}`, () => ({
        id: 'mutualDependence',
        label: 'mutual dependence',
        value: round1((1 - mutual) * 100) / 100,
        weight: cw.mutualDependence,
        contribution: 0,
        fact: code
          ? `${code} depends on the EU in return to degree ${mutual} (configuration judgement)`
          : 'no supplier country',
        sources: [configRef('mutualDependence')],
      })),
    );
  }
  const served = node === undefined ? undefined : impacts[node];
  const p = served?.process;
  const ci = config.continuityImpact;
  const impact = served?.impact ?? ci.noProcess;
  const short = p?.maxTolerableDowntimeHours !== undefined && p.maxTolerableDowntimeHours <= ci.shortDowntimeHours;
  const impactReason = p
    ? `serves ${p.vital ? 'vital' : 'non-vital'} process "${p.name}"${short ? ` (max. downtime ${p.maxTolerableDowntimeHours} h)` : ''}`
    : 'serves no process in the register';
  const continuity = threat(factors, impact, impactReason, p ? [registerRef(`process:${p.id}`, p.name)] : [], config);

  // ---- access -------------------------------------------------------------------------------
  const aw = config.accessWeights;
  if (asset.type === 'raw-material') {
    // A raw material holds no data: the access threat does not apply.
    const na = (id: string, label: string, weight: number): Factor => ({
      id,
      label,
      value: 0,
      weight,
      contribution: 0,
      fact: 'not applicable: a raw material holds no data',
      sources: [configRef('accessImpact.none')],
    });
    const access = threat(
      [
        na('jurisdiction', 'jurisdiction exposure', aw.jurisdiction),
        na('dataLocation', 'data location', aw.dataLocation),
        na('keyControl', 'who holds the keys', aw.keyControl),
      ],
      config.accessImpact.none,
      'a raw material holds no data',
      [],
      config,
    );
    return result(access);
  }
  const accessFactors: Factor[] = [];
  {
    const j = config.jurisdiction;
    let e: { facts?: CountryFacts; via: string; who: string } | undefined;
    for (const [code, entry] of countries) {
      const facts = kb.country(code);
      if (facts && (facts.laws.some((l) => l.compelsAccess && l.extraterritorial) || facts.offensiveCyber)) {
        e = { ...entry, facts };
        break;
      }
    }
    if (e) {
      const laws = e.facts!.laws.filter((l) => l.compelsAccess && l.extraterritorial);
      accessFactors.push({
        id: 'jurisdiction',
        label: 'jurisdiction exposure',
        value: laws.length ? j.compelledAccessLaw : j.offensiveCyber,
        weight: aw.jurisdiction,
        contribution: 0,
        fact: laws.length
          ? `${e.who} (${e.via}) is under ${e.facts!.code} law: ${laws.map((l) => l.name).join(', ')}`
          : `${e.who} (${e.via}) is in ${e.facts!.name}, a state with an offensive cyber programme against NL`,
        sources: laws.length ? kb.sources([...new Set(laws.flatMap((l) => l.sources))]) : e.facts!.standingSources,
      });
    } else if (countries.size) {
      accessFactors.push({
        id: 'jurisdiction',
        label: 'jurisdiction exposure',
        value: j.none,
        weight: aw.jurisdiction,
        contribution: 0,
        fact: `no extraterritorial access law known for ${[...countries.keys()].join(', ')}`,
        sources: lawSources(kb),
      });
    } else {
      accessFactors.push(
        missingFactor(
          'jurisdiction',
          'jurisdiction exposure',
          j.unknown,
          aw.jurisdiction,
          'no provider or provider country in the register',
          'jurisdiction.unknown',
        ),
      );
    }
  }
  {
    const d = config.dataLocation;
    const locations = [...new Set([...asset.dataLocations.atRest, ...asset.dataLocations.processing])];
    if (locations.length) {
      let v = 0;
      let worst = '';
      for (const code of locations) {
        const c = kb.country(code);
        const cv = !c ? d.unknown : c.eu || c.eea ? d.euEea : c.adequacy ? d.adequacy : d.other;
        if (cv >= v) {
          v = cv;
          worst = c ? describeCountry(c) : code;
        }
      }
      accessFactors.push({
        id: 'dataLocation',
        label: 'data location',
        value: v,
        weight: aw.dataLocation,
        contribution: 0,
        fact: `data at rest in ${asset.dataLocations.atRest.join(', ') || '?'}, processed in ${asset.dataLocations.processing.join(', ') || '?'}; most exposed: ${worst}`,
        sources: [self],
      });
    } else {
      missing.push(`data locations of ${asset.name}`);
      accessFactors.push(
        missingFactor(
          'dataLocation',
          'data location',
          d.unknown,
          aw.dataLocation,
          'data location not in the register',
          'dataLocation.unknown',
        ),
      );
    }
  }
  {
    const k = config.keyControl;
    const kc = asset.keyControl ?? 'unknown';
    if (kc === 'unknown') missing.push(`who holds the keys of ${asset.name}`);
    accessFactors.push({
      id: 'keyControl',
      label: 'who holds the keys',
      value: k[kc],
      weight: aw.keyControl,
      contribution: 0,
      fact: kc === 'unknown' ? 'not in the register' : `keys held by: ${kc}`,
      sources: [self],
      ...(kc === 'unknown' ? { missing: true } : {}),
    });
  }
  const sensitivity = asset.dataSensitivity ?? 'unknown';
  if (sensitivity === 'unknown') missing.push(`data sensitivity of ${asset.name}`);
  const access = threat(
    accessFactors,
    config.accessImpact[sensitivity],
    `data sensitivity: ${sensitivity}`,
    [self],
    config,
  );

  return result(access);

  function result(access: ThreatScore): AssetRisk {
    const strategicByContinuity = continuity.impact >= config.strategic.continuityImpact;
    const strategicByAccess = access.impact >= config.strategic.accessImpact;
    const provider = asset.providerId ? view.parties.get(asset.providerId) : undefined;
    const parent = exposure.chain.at(-1);
    return {
      assetId: asset.id,
      name: asset.name,
      layers: asset.layers,
      strategic: strategicByContinuity || strategicByAccess,
      strategicReason:
        [
          strategicByContinuity ? `continuity: ${continuity.impactReason}` : '',
          strategicByAccess ? `access: ${access.impactReason}` : '',
        ]
          .filter(Boolean)
          .join('; ') || 'neither serves a vital process nor holds sensitive information',
      ...(provider ? { provider: { id: provider.id, name: provider.name } } : {}),
      ...(parent
        ? {
            ultimateParent: {
              id: parent.id,
              name: parent.name,
              ...(parent.country ? { country: parent.country } : {}),
            },
          }
        : {}),
      jurisdictions: [...countries.keys()],
      roots,
      continuity,
      access,
      ...(p ? { process: p.id } : {}),
      missing,
    };
  }
}
