/**
 * The shipped knowledge base: every file validates, the files refer to each other consistently,
 * and every fact names a source (verified ones with an address and a check date).
 */
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../src/domain/index.js';
import { knowledgeBase, knowledgeIndex } from '../src/knowledge/knowledge-base.js';

const kb = knowledgeBase();
const index = knowledgeIndex();

describe('shipped knowledge base', () => {
  it('covers all ISO 3166-1 countries and the key memberships', () => {
    const codes = kb.countries.countries.map((c) => c.code);
    expect(new Set(codes).size).toBe(249);
    expect(kb.countries.groups.eu.members).toHaveLength(27);
    expect(kb.countries.groups.eea.members).toHaveLength(30);
    expect(kb.countries.groups.nato.members).toHaveLength(32);
    expect([...kb.countries.groups.offensiveCyberAgainstNl.members].sort()).toEqual(['CN', 'IR', 'KP', 'RU']);
    for (const list of [
      kb.countries.groups.eu.members,
      kb.countries.groups.nato.members,
      kb.countries.jurisdictionLaws.map((j) => j.country),
    ])
      for (const c of list) expect(codes).toContain(c);
    expect(index.country('NL')).toMatchObject({ eu: true, eea: true, nato: true, offensiveCyber: false });
    expect(index.country('US')?.laws.map((l) => l.id)).toEqual(expect.arrayContaining(['us-cloud-act', 'us-fisa-702']));
    expect(index.country('US')?.adequacy).toMatch(/Data Privacy Framework|DPF/);
  });

  it('has at least the required laws, with scope', () => {
    const ids = kb.laws.laws.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(['us-cloud-act', 'us-fisa-702', 'cn-national-intelligence-law']));
    expect(kb.laws.laws.find((l) => l.id === 'us-cloud-act')).toMatchObject({
      country: 'US',
      extraterritorial: true,
      compelsAccess: true,
    });
    for (const j of kb.countries.jurisdictionLaws) for (const l of j.laws) expect(ids).toContain(l);
  });

  it('has at least 150 vendors over all six layers, with ownership chains that end', () => {
    const vendors = kb.vendors.vendors;
    expect(vendors.length).toBeGreaterThanOrEqual(150);
    const ids = new Set(vendors.map((v) => v.id));
    expect(ids.size).toBe(vendors.length);
    for (const v of vendors) if (v.parent) expect(ids.has(v.parent), `${v.id} → ${v.parent}`).toBe(true);
    for (const v of vendors) expect(index.vendorChain(v.id).at(-1)!.parent, `chain of ${v.id} ends`).toBeUndefined();
    for (const layer of LAYERS)
      expect(vendors.filter((v) => v.layers.includes(layer)).length, layer).toBeGreaterThanOrEqual(5);
    expect(index.vendorChain('vmware').map((v) => v.id)).toContain('broadcom');
    expect(index.vendorChain('red-hat').map((v) => v.id)).toContain('ibm');
  });

  it('maps categories to a layer, a DORA service type where one applies, and concentration from shares', () => {
    const cats = kb.categories.categories;
    expect(cats.length).toBeGreaterThanOrEqual(25);
    expect(kb.categories.doraServiceTypes.map((t) => t.code)).toEqual(
      Array.from({ length: 19 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`),
    );
    const vendorIds = new Set(kb.vendors.vendors.map((v) => v.id));
    const withShares = cats.filter((c) => c.marketShares);
    expect(withShares.length).toBeGreaterThanOrEqual(8);
    for (const c of withShares) {
      const total = c.marketShares!.shares.reduce((s, x) => s + x.share, 0) + (c.marketShares!.other ?? 0);
      expect(total, c.id).toBeLessThanOrEqual(100.5);
      for (const s of c.marketShares!.shares) expect(vendorIds.has(s.vendor), `${c.id}: ${s.vendor}`).toBe(true);
      expect(index.category(c.id)!.hhi).toBe(
        Math.round(c.marketShares!.shares.reduce((h, s) => h + s.share * s.share, 0)),
      );
    }
    const categoryIds = new Set(cats.map((c) => c.id));
    for (const v of kb.vendors.vendors)
      for (const c of v.categories) expect(categoryIds.has(c), `${v.id}: ${c}`).toBe(true);
  });

  it('lists European and open-source alternatives per category', () => {
    const alts = kb.alternatives.alternatives;
    expect(alts.length).toBeGreaterThanOrEqual(40);
    const categoryIds = new Set(kb.categories.categories.map((c) => c.id));
    const vendorIds = new Set(kb.vendors.vendors.map((v) => v.id));
    for (const a of alts) {
      expect(categoryIds.has(a.category), a.id).toBe(true);
      if (a.vendor) expect(vendorIds.has(a.vendor), a.id).toBe(true);
    }
    expect(alts.filter((a) => a.category === 'office-suite').length).toBeGreaterThanOrEqual(2);
  });

  it('cites an existing source for every fact; verified sources have an address and a check date', () => {
    const files = [kb.countries, kb.laws, kb.vendors, kb.categories, kb.alternatives];
    const cited: [string, Record<string, unknown>][] = [];
    const g = kb.countries.groups;
    for (const s of [
      ...g.eu.sources,
      ...g.eea.sources,
      ...g.nato.sources,
      ...g.gdprAdequacy.sources,
      ...g.offensiveCyberAgainstNl.sources,
      ...kb.countries.jurisdictionLaws.flatMap((j) => j.sources),
    ])
      cited.push([s, kb.countries.sources]);
    for (const l of kb.laws.laws) for (const s of l.sources) cited.push([s, kb.laws.sources]);
    for (const v of kb.vendors.vendors) for (const s of v.sources) cited.push([s, kb.vendors.sources]);
    for (const c of kb.categories.categories)
      for (const s of [...c.sources, ...(c.marketShares?.sources ?? [])]) cited.push([s, kb.categories.sources]);
    for (const a of kb.alternatives.alternatives) for (const s of a.sources) cited.push([s, kb.alternatives.sources]);
    for (const [id, sources] of cited) expect(sources[id], `source "${id}"`).toBeDefined();
    for (const f of files)
      for (const [id, s] of Object.entries(f.sources)) {
        if (s.verified) {
          expect(s.url, `verified source ${id} has an address`).toBeDefined();
          expect(s.checked, `verified source ${id} has a check date`).toBeDefined();
        }
      }
  });

  it('finds vendors by name, alias and domain, and shows them with their chain and sources', () => {
    expect(index.search('microsoft', 'vendor')[0]).toMatchObject({ kind: 'vendor', id: 'microsoft', rank: 3 });
    expect(index.matchVendor('Microsoft Corp.')?.vendor.id).toBe('microsoft');
    expect(index.matchVendor('https://www.microsoft.com/nl-nl')?.vendor.id).toBe('microsoft');
    const aws = index.show('vendor', 'aws') as { ultimateParent: string; sources: { title: string }[] };
    expect(aws.ultimateParent).toBe('amazon');
    expect(aws.sources.length).toBeGreaterThan(0);
  });
});
