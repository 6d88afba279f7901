/**
 * Turns the cuts of a scenario into the assets they cut off directly, each with the reasons why:
 * a party (and what it owns), a knowledge-base vendor, a country (by seat, ownership, hosting or
 * production), a product, a vulnerable component version range, or one asset standing for a
 * hosting region, a site or a cable.
 */
import { PackageURL } from 'packageurl-js';
import semver from 'semver';
import { describeIssues, InputError, type Issue } from '../../domain/errors.js';
import type { ComponentRecord, DependencyRecord, PartyRecord } from '../../domain/index.js';
import type { Cut } from '../../domain/scenario.js';
import type { KnowledgeIndex } from '../knowledge-index.js';
import type { RegisterView } from '../register-view.js';
import { supplierLinker, type SupplierLink } from '../sbom/suppliers.js';

export interface CutRegister {
  view: RegisterView;
  kb: KnowledgeIndex;
  components: readonly ComponentRecord[];
  /** Dependencies on parties and components (asset → party, asset → component). */
  dependencies: readonly DependencyRecord[];
}

/** Asset types a cut of a given kind may name. */
const ASSET_CUT_TYPES: Partial<Record<Cut['kind'], readonly string[]>> = {
  'hosting-region': ['iaas', 'paas', 'platform', 'facility'],
  site: ['facility'],
  cable: ['connectivity', 'network'],
};
const MADE_TYPES = new Set(['hardware', 'raw-material']);

/** The asset nodes each cut hits, with one reason per hit. Throws InputError naming the cut's field. */
export function resolveCuts(reg: CutRegister, cuts: readonly Cut[]): Map<number, string[]> {
  const { view } = reg;
  const hits = new Map<number, string[]>();
  const issues: Issue[] = [];
  const hit = (assetId: string, reason: string) => {
    const v = view.graph.assetIndex.get(assetId);
    if (v === undefined) return;
    const list = hits.get(v);
    if (list) {
      if (!list.includes(reason)) list.push(reason);
    } else hits.set(v, [reason]);
  };
  const children = new Map<string, PartyRecord[]>();
  for (const p of view.parties.values())
    if (p.parentId) children.set(p.parentId, [...(children.get(p.parentId) ?? []), p]);
  /** A party and (when asked) everything it owns, down the ownership chains. */
  const owned = (roots: readonly string[], includeOwned: boolean) => {
    const out = new Set<string>(roots);
    if (!includeOwned) return out;
    const stack = [...roots];
    while (stack.length)
      for (const c of children.get(stack.pop()!) ?? [])
        if (!out.has(c.id)) {
          out.add(c.id);
          stack.push(c.id);
        }
    return out;
  };
  /** Cuts every asset a party in `parties` provides, hosts, makes the product of, or supplies. */
  const cutParties = (parties: ReadonlySet<string>, why: (partyId: string) => string) => {
    for (const a of view.assets.values()) {
      const product = a.productId ? view.products.get(a.productId) : undefined;
      for (const [role, id] of [
        ['provider', a.providerId],
        ['host', a.hostingPartyId],
        ['vendor of the product', product?.vendorId],
      ] as const)
        if (id && parties.has(id)) hit(a.id, `${why(id)} (${role})`);
    }
    for (const d of reg.dependencies)
      if (d.to.startsWith('party:') && d.from.startsWith('asset:') && parties.has(d.to.slice(6)))
        hit(d.from.slice(6), `${why(d.to.slice(6))} (supplier)`);
  };
  const partyName = (id: string) => view.parties.get(id)?.name ?? id;
  let links: (SupplierLink | undefined)[] | undefined;
  /** Cuts assets holding components whose supplier link passes `test`; links are made once. */
  const cutComponents = (test: (l: SupplierLink) => boolean, why: (l: SupplierLink) => string) => {
    const linker = supplierLinker(reg.kb);
    links ??= reg.components.map((c) => linker.link(c));
    const counted = new Map<string, { n: number; link: SupplierLink }>();
    reg.components.forEach((c, i) => {
      const l = links![i];
      if (!l || !test(l)) return;
      const e = counted.get(c.assetId) ?? { n: 0, link: l };
      e.n++;
      counted.set(c.assetId, e);
    });
    for (const [assetId, { n, link }] of counted)
      hit(assetId, `holds ${n} component${n === 1 ? '' : 's'} ${why(link)} (${link.matchedOn})`);
  };

  cuts.forEach((cut, i) => {
    const at = (field: string, message: string) => issues.push({ path: ['cuts', i, field], message });
    switch (cut.kind) {
      case 'party': {
        if (!view.parties.has(cut.partyId)) return at('partyId', `party "${cut.partyId}" is not in the register`);
        const parties = owned([cut.partyId], cut.includeOwned);
        cutParties(parties, (id) =>
          id === cut.partyId
            ? `${partyName(id)} cut off`
            : `${partyName(id)}, owned by ${partyName(cut.partyId)}, cut off`,
        );
        return;
      }
      case 'vendor': {
        const vendor = reg.kb.vendor(cut.vendorId);
        if (!vendor) return at('vendorId', `vendor "${cut.vendorId}" is not in the knowledge base`);
        const matched: string[] = [];
        for (const p of view.parties.values()) {
          const m = [p.name, ...p.aliases, ...(p.website ? [p.website] : [])]
            .map((n) => reg.kb.matchVendor(n))
            .find((x) => x !== undefined);
          if (!m) continue;
          const chain = cut.includeOwned ? reg.kb.vendorChain(m.vendor.id).map((v) => v.id) : [m.vendor.id];
          if (chain.includes(vendor.id)) matched.push(p.id);
        }
        cutParties(
          owned(matched, cut.includeOwned),
          (id) => `${partyName(id)} (${vendor.name} in the knowledge base) cut off`,
        );
        if (cut.components)
          cutComponents(
            (l) =>
              cut.includeOwned
                ? reg.kb.vendorChain(l.vendorId).some((v) => v.id === vendor.id)
                : l.vendorId === vendor.id,
            () => `from ${vendor.name}`,
          );
        return;
      }
      case 'country': {
        const c = cut.country;
        const scope = new Set(cut.scope);
        const parties = new Set<string>();
        for (const p of view.parties.values()) {
          if (scope.has('headquartered') && p.country === c) parties.add(p.id);
          if (scope.has('owned') && view.chain(p.id).some((x) => x.country === c)) parties.add(p.id);
        }
        cutParties(parties, (id) => {
          const p = view.parties.get(id)!;
          return p.country === c
            ? `${p.name} is headquartered in ${c}`
            : `${p.name} is owned from ${c} (${view.chain(id).find((x) => x.country === c)!.name})`;
        });
        for (const a of view.assets.values())
          if (a.hostingLocations.includes(c)) {
            const made = MADE_TYPES.has(a.type);
            if (made && scope.has('made')) hit(a.id, `produced in ${c}`);
            if (!made && scope.has('hosted')) hit(a.id, `hosted in ${c}`);
          }
        if (scope.has('components'))
          cutComponents(
            (l) => reg.kb.vendorChain(l.vendorId).some((v) => v.country === c),
            (l) => `from ${reg.kb.vendor(l.vendorId)?.name ?? l.vendorId}, owned from ${c}`,
          );
        return;
      }
      case 'product': {
        if (!view.products.has(cut.productId))
          return at('productId', `product "${cut.productId}" is not in the register`);
        const name = view.products.get(cut.productId)!.name;
        for (const a of view.assets.values()) if (a.productId === cut.productId) hit(a.id, `product ${name} cut off`);
        return;
      }
      case 'component': {
        const wanted = purlKey(cut.purl);
        if (cut.range && !semver.validRange(cut.range, { loose: true }))
          return at('range', `"${cut.range}" is not a version range (use e.g. ">=2.0.0 <2.15.0")`);
        const affected = new Set<string>();
        for (const comp of reg.components) {
          if (!comp.purl) continue;
          const key = purlKey(comp.purl);
          if (key !== wanted) continue;
          const version = comp.version ?? safeVersion(comp.purl);
          if (cut.range && !inRange(version, cut.range)) continue;
          affected.add(comp.id);
          hit(
            comp.assetId,
            `contains ${comp.name}${version ? ` ${version}` : ''} (${cut.purl}${cut.range ? ` ${cut.range}` : ''})`,
          );
        }
        for (const d of reg.dependencies)
          if (d.to.startsWith('component:') && d.from.startsWith('asset:') && affected.has(d.to.slice(10)))
            hit(d.from.slice(6), `depends on an affected component (${cut.purl})`);
        return;
      }
      default: {
        const a = view.assets.get(cut.assetId);
        if (!a) return at('assetId', `asset "${cut.assetId}" is not in the register`);
        const types = ASSET_CUT_TYPES[cut.kind];
        if (types && !types.includes(a.type))
          return at('assetId', `asset "${a.id}" is a ${a.type}; a ${cut.kind} cut names a ${types.join(' or ')} asset`);
        hit(a.id, `${a.name} cut off${cut.kind === 'asset' ? '' : ` (${cut.kind})`}`);
      }
    }
  });
  if (issues.length)
    throw new InputError(
      `the scenario names things the register or knowledge base does not hold:\n${describeIssues(issues)}`,
      issues,
    );
  return hits;
}

/** type/namespace/name of a package URL, lower-cased where the purl spec says names are case-insensitive. */
function purlKey(purl: string): string {
  try {
    const p = PackageURL.fromString(purl.includes('@') ? purl : `${purl}@0`);
    const lower = ['maven', 'npm', 'pypi', 'github', 'bitbucket', 'golang'].includes(p.type);
    const ns = p.namespace ?? '';
    return `${p.type}/${lower ? ns.toLowerCase() : ns}/${lower ? p.name.toLowerCase() : p.name}`;
  } catch {
    return purl.toLowerCase();
  }
}

function safeVersion(purl: string): string | undefined {
  try {
    return PackageURL.fromString(purl).version ?? undefined;
  } catch {
    return undefined;
  }
}

/** Whether a version lies in a semver range; versions that are not semver are coerced (2.14 → 2.14.0). */
export function inRange(version: string | undefined, range: string): boolean {
  if (!version) return true; // an unknown version may be affected: cut it, and the reason says so
  const v = semver.valid(version, { loose: true }) ?? semver.coerce(version, { includePrerelease: true })?.version;
  return v ? semver.satisfies(v, range, { loose: true, includePrerelease: true }) : true;
}
