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
  verified: boolean;
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
}

export interface CategoryFacts extends Category {
  /** Herfindahl–Hirschman index (0–10,000) of the published shares; the rest counts as fragmented. */
  hhi?: number;
}

/** HHI of market shares in percent: Σ share². */
export function hhi(shares: readonly number[]): number {
  return Math.round(shares.reduce((sum, s) => sum + s * s, 0));
}

export class KnowledgeIndex {
  private readonly countryFacts = new Map<string, CountryFacts>();
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
      });
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

  source(id: string): SourceRef {
    const s = this.sourceById.get(id);
    return s
      ? { kind: 'knowledge-base', id, title: s.title, ...(s.url ? { url: s.url } : {}), verified: s.verified }
      : { kind: 'knowledge-base', id, title: `unknown source "${id}"`, verified: false };
  }

  sources(ids: readonly string[]): SourceRef[] {
    return ids.map((id) => this.source(id));
  }
}
