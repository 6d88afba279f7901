/**
 * Fast lookups over the knowledge base for the risk engine: per-country facts (EU, EEA, NATO,
 * adequacy, offensive cyber programme, laws) with the sources behind each, categories with their
 * concentration (HHI), and sources by id.
 */
import type { Category, CountriesFile, LawsFile, Source, Vendor, Alternative } from '../domain/index.js';

export interface KnowledgeBase {
  countries: CountriesFile;
  laws: LawsFile;
  vendors: { version: string; sources: Record<string, Source>; vendors: Vendor[] };
  categories: {
    version: string;
    sources: Record<string, Source>;
    categories: Category[];
    doraServiceTypes: { code: string; name: string }[];
  };
  alternatives: { version: string; sources: Record<string, Source>; alternatives: Alternative[] };
}

/** A source as shown in an explanation. */
export interface SourceRef {
  kind: 'knowledge-base' | 'register' | 'configuration';
  id: string;
  title: string;
  url?: string;
  /** Who published the document, when it was published, and when the fact was last checked. */
  publisher?: string;
  published?: string;
  checked?: string;
  verified: boolean;
  note?: string;
}

export interface CountryFacts {
  code: string;
  name: string;
  eu: boolean;
  eea: boolean;
  nato: boolean;
  adequacy?: string;
  offensiveCyber: boolean;
  laws: LawsFile['laws'];
  /** Sources of the group memberships and laws that make up these facts. */
  sources: SourceRef[];
  /** The sources behind the country's standing: the list that decides its relation value. */
  standingSources: SourceRef[];
}

export interface CategoryFacts extends Category {
  /** Herfindahl–Hirschman index (0–10,000) of the published shares; the rest counts as fragmented. */
  hhi?: number;
}

/** HHI of market shares in percent: Σ share². */
export function hhi(shares: readonly number[]): number {
  return Math.round(shares.reduce((sum, s) => sum + s * s, 0));
}

export const KB_KINDS = ['vendor', 'category', 'alternative', 'country', 'law'] as const;
export type KbKind = (typeof KB_KINDS)[number];
/** The kinds an organisation may add to or override. */
export const KB_OVERRIDABLE = ['vendor', 'category', 'alternative'] as const;
export type KbOverridable = (typeof KB_OVERRIDABLE)[number];

export interface KbHit {
  kind: KbKind;
  id: string;
  name: string;
  /** A short line of what the entry is. */
  detail: string;
  /** 3 exact id or name, 2 alias or name prefix, 1 text inside. */
  rank: number;
}

export interface VendorMatch {
  vendor: Vendor;
  /** 1 for the exact name, 0.9 for an alias or the name without legal form, 0.8 for a web domain. */
  confidence: number;
  matchedOn: string;
}

const LEGAL_FORMS =
  /\b(b\.?v\.?|n\.?v\.?|inc\.?|incorporated|ltd\.?|limited|llc|gmbh|ag|se|sa|s\.a\.|sarl|s\.?a\.?r\.?l\.?|plc|corp\.?|corporation|co\.?|company|holding|holdings|group|oyj|ab|asa|spa|s\.p\.a\.)(?![a-z0-9])/g;

/** Lower-case name without punctuation and legal forms, for matching free-text vendor names. */
export function normaliseName(name: string): string {
  // Legal forms first: their patterns include the dots ("B.V.", "S.A.") that the next step removes.
  return name
    .toLowerCase()
    .replace(LEGAL_FORMS, ' ')
    .replace(/[,.()&'"]/g, ' ')
    .replace(LEGAL_FORMS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export class KnowledgeIndex {
  private readonly countryFacts = new Map<string, CountryFacts>();
  private readonly vendorById = new Map<string, Vendor>();
  private readonly vendorByName = new Map<string, { vendor: Vendor; confidence: number; matchedOn: string }>();
  private readonly categoryFacts = new Map<string, CategoryFacts>();
  private readonly sourceById = new Map<string, Source>();
  readonly version: string;

  constructor(readonly kb: KnowledgeBase) {
    this.version = [kb.countries.version, kb.laws.version, kb.vendors.version, kb.categories.version].sort().at(-1)!;
    for (const file of [kb.countries, kb.laws, kb.vendors, kb.categories, kb.alternatives])
      for (const [id, s] of Object.entries(file.sources)) this.sourceById.set(id, s);
    const g = kb.countries.groups;
    const lawById = new Map(kb.laws.laws.map((l) => [l.id, l]));
    for (const c of kb.countries.countries) {
      const inGroup = (list: readonly string[]) => list.includes(c.code);
      const adequacy = g.gdprAdequacy.members.find((m) => m.code === c.code);
      const lawEntries = kb.countries.jurisdictionLaws.filter((j) => j.country === c.code);
      const laws = lawEntries.flatMap((j) => j.laws.map((id) => lawById.get(id)!).filter(Boolean));
      const sourceIds = new Set<string>([
        ...g.eu.sources,
        ...(inGroup(g.nato.members) ? g.nato.sources : []),
        ...(adequacy ? g.gdprAdequacy.sources : []),
        ...(inGroup(g.offensiveCyberAgainstNl.members) ? g.offensiveCyberAgainstNl.sources : []),
        ...lawEntries.flatMap((j) => j.sources),
        ...laws.flatMap((l) => l.sources),
      ]);
      this.countryFacts.set(c.code, {
        code: c.code,
        name: c.name.en,
        eu: inGroup(g.eu.members),
        eea: inGroup(g.eea.members),
        nato: inGroup(g.nato.members),
        ...(adequacy ? { adequacy: adequacy.scope } : {}),
        offensiveCyber: inGroup(g.offensiveCyberAgainstNl.members),
        laws,
        sources: [...sourceIds].map((id) => this.source(id)),
        standingSources: this.sources(
          inGroup(g.offensiveCyberAgainstNl.members)
            ? g.offensiveCyberAgainstNl.sources
            : inGroup(g.eu.members)
              ? g.eu.sources
              : inGroup(g.eea.members)
                ? g.eea.sources
                : inGroup(g.nato.members)
                  ? g.nato.sources
                  : adequacy
                    ? g.gdprAdequacy.sources
                    : g.eu.sources,
        ),
      });
    }
    for (const v of kb.vendors.vendors) {
      this.vendorById.set(v.id, v);
      const add = (key: string, confidence: number, matchedOn: string) => {
        const cur = this.vendorByName.get(key);
        if (!cur || cur.confidence < confidence) this.vendorByName.set(key, { vendor: v, confidence, matchedOn });
      };
      add(v.name.toLowerCase(), 1, 'name');
      add(normaliseName(v.name), 0.9, 'name without legal form');
      for (const a of v.aliases) {
        add(a.toLowerCase(), 0.9, `alias "${a}"`);
        add(normaliseName(a), 0.9, `alias "${a}"`);
      }
      for (const d of v.domains) add(d, 0.8, `domain ${d}`);
    }
    for (const c of kb.categories.categories) {
      const shares = c.marketShares?.shares.map((s) => s.share);
      this.categoryFacts.set(c.id, { ...c, ...(shares ? { hhi: hhi(shares) } : {}) });
    }
  }

  country(code: string | undefined): CountryFacts | undefined {
    return code ? this.countryFacts.get(code) : undefined;
  }

  category(id: string | undefined): CategoryFacts | undefined {
    return id ? this.categoryFacts.get(id) : undefined;
  }

  categories(): CategoryFacts[] {
    return [...this.categoryFacts.values()];
  }

  vendor(id: string | undefined): Vendor | undefined {
    return id ? this.vendorById.get(id) : undefined;
  }

  /** The vendor, its parent, … up to the ultimate parent. */
  vendorChain(id: string): Vendor[] {
    const out: Vendor[] = [];
    const seen = new Set<string>();
    for (
      let v = this.vendorById.get(id);
      v && !seen.has(v.id);
      v = v.parent ? this.vendorById.get(v.parent) : undefined
    ) {
      seen.add(v.id);
      out.push(v);
    }
    return out;
  }

  /** Matches a free-text vendor name (or web domain) to a knowledge-base vendor. */
  matchVendor(name: string): VendorMatch | undefined {
    const trimmed = name.trim().toLowerCase();
    const host = trimmed
      .replace(/^https?:\/\//, '')
      .replace(/^www\./, '')
      .split('/')[0]!;
    return this.vendorByName.get(trimmed) ?? this.vendorByName.get(normaliseName(name)) ?? this.vendorByName.get(host);
  }

  /** Entries whose id, name, alias or domain contains `text`, best first. */
  search(text: string, kind?: KbKind, limit = 50): KbHit[] {
    const q = text.trim().toLowerCase();
    const hits: KbHit[] = [];
    const rank = (id: string, names: string[], others: string[]): number => {
      const all = [id, ...names].map((n) => n.toLowerCase());
      if (all.includes(q)) return 3;
      if (all.some((n) => n.startsWith(q)) || others.some((o) => o.toLowerCase() === q)) return 2;
      if ([...all, ...others.map((o) => o.toLowerCase())].some((n) => n.includes(q))) return 1;
      return 0;
    };
    const push = (k: KbKind, id: string, name: string, detail: string, r: number) => {
      if (r > 0 && (!kind || kind === k)) hits.push({ kind: k, id, name, detail, rank: r });
    };
    for (const v of this.kb.vendors.vendors)
      push(
        'vendor',
        v.id,
        v.name,
        `${v.kind} in ${v.country}${v.parent ? `, part of ${this.vendorChain(v.id).at(-1)!.name}` : ''}`,
        rank(v.id, [v.name], [...v.aliases, ...v.domains]),
      );
    for (const c of this.kb.categories.categories)
      push(
        'category',
        c.id,
        c.name.en,
        `${c.layer}, substitutability ${c.substitutability}`,
        rank(c.id, [c.name.en, c.name.nl], []),
      );
    for (const a of this.kb.alternatives.alternatives)
      push(
        'alternative',
        a.id,
        a.name,
        `${a.category} alternative from ${a.country}, ${a.licence}`,
        rank(a.id, [a.name], a.replaces),
      );
    for (const c of this.countryFacts.values())
      push(
        'country',
        c.code,
        c.name,
        [c.eu ? 'EU' : '', c.nato ? 'NATO' : ''].filter(Boolean).join(', ') || 'country',
        rank(c.code, [c.name], []),
      );
    for (const l of this.kb.laws.laws)
      push('law', l.id, l.name, `${l.country}, ${l.citation}`, rank(l.id, [l.name], [l.citation]));
    return hits.sort((a, b) => b.rank - a.rank || a.name.localeCompare(b.name)).slice(0, limit);
  }

  /** One entry with its sources resolved (and, for a vendor, its chain to the ultimate parent). */
  show(kind: KbKind, id: string): Record<string, unknown> | undefined {
    switch (kind) {
      case 'vendor': {
        const v = this.vendorById.get(id);
        if (!v) return undefined;
        const chain = this.vendorChain(id);
        return {
          ...v,
          ownershipChain: chain.map((c) => ({ id: c.id, name: c.name, country: c.country })),
          ultimateParent: chain.at(-1)!.id,
          sources: this.sources(v.sources),
        };
      }
      case 'category': {
        const c = this.categoryFacts.get(id);
        return (
          c && {
            ...c,
            sources: this.sources(c.sources),
            ...(c.marketShares
              ? { marketShares: { ...c.marketShares, sources: this.sources(c.marketShares.sources) } }
              : {}),
          }
        );
      }
      case 'alternative': {
        const a = this.kb.alternatives.alternatives.find((x) => x.id === id);
        return a && { ...a, sources: this.sources(a.sources) };
      }
      case 'country': {
        const c = this.countryFacts.get(id.toUpperCase());
        return c && { ...c, laws: c.laws.map((l) => l.id) };
      }
      case 'law': {
        const l = this.kb.laws.laws.find((x) => x.id === id);
        return l && { ...l, sources: this.sources(l.sources) };
      }
    }
  }

  source(id: string): SourceRef {
    const s = this.sourceById.get(id);
    if (!s) return { kind: 'knowledge-base', id, title: `unknown source "${id}"`, verified: false };
    return {
      kind: 'knowledge-base',
      id,
      title: s.title,
      ...(s.url ? { url: s.url } : {}),
      ...(s.publisher ? { publisher: s.publisher } : {}),
      ...(s.published ? { published: s.published } : {}),
      ...(s.checked ? { checked: s.checked } : {}),
      verified: s.verified,
      ...(s.note ? { note: s.note } : {}),
    };
  }

  private readonly sourceLists = new Map<string, SourceRef[]>();

  /** The sources of a list of ids; the same list gives the same (shared, read-only) array. */
  sources(ids: readonly string[]): SourceRef[] {
    const key = ids.join('\u0000');
    let list = this.sourceLists.get(key);
    if (!list) this.sourceLists.set(key, (list = ids.map((id) => this.source(id))));
    return list;
  }
}

/** An organisation's own knowledge-base entry (validated against the entry kind's schema). */
export interface OrgKbEntry {
  kind: KbOverridable;
  id: string;
  data: Vendor | Category | Alternative;
  justification: string;
}

/** The source id that stands for an organisation's own entry. */
export const orgSourceId = (kind: string, id: string) => `org.${kind}.${id}`;

/**
 * The knowledge base as an organisation sees it: its own entries replace shipped ones with the
 * same id or are added; each cites an implicit source that names the organisation and its
 * justification, marked unverified.
 */
export function mergeOrgEntries(kb: KnowledgeBase, orgId: string, entries: readonly OrgKbEntry[]): KnowledgeBase {
  if (!entries.length) return kb;
  const lists = { vendor: 'vendors', category: 'categories', alternative: 'alternatives' } as const;
  const merged = {
    vendor: { ...kb.vendors, sources: { ...kb.vendors.sources }, vendors: [...kb.vendors.vendors] },
    category: { ...kb.categories, sources: { ...kb.categories.sources }, categories: [...kb.categories.categories] },
    alternative: {
      ...kb.alternatives,
      sources: { ...kb.alternatives.sources },
      alternatives: [...kb.alternatives.alternatives],
    },
  };
  for (const e of entries) {
    const file = merged[e.kind] as unknown as { sources: Record<string, Source> } & Record<string, { id: string }[]>;
    file.sources[orgSourceId(e.kind, e.id)] = {
      title: `Entered by organisation "${orgId}": ${e.justification}`,
      verified: false,
      note: 'an organisation’s own entry, not checked by Stapel',
    };
    const list = file[lists[e.kind]]!;
    const at = list.findIndex((x) => x.id === e.id);
    if (at >= 0) list[at] = e.data;
    else list.push(e.data);
  }
  return { ...kb, vendors: merged.vendor, categories: merged.category, alternatives: merged.alternative };
}
