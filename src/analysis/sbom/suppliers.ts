/**
 * Links SBOM components to the knowledge base's vendors, so that component origin counts in the
 * risk picture and in scenarios: first by package URL (the namespaces a vendor publishes under,
 * e.g. pkg:maven/com.microsoft, pkg:npm/%40azure), then by the supplier name the SBOM states.
 * A link is an inference, so it carries the rule that made it and a confidence.
 */
import type { Vendor } from '../../domain/index.js';
import type { KnowledgeIndex } from '../knowledge-index.js';

export interface SupplierLink {
  vendorId: string;
  /** The vendor's ultimate parent (itself when it has none), and that parent's country. */
  ultimateParentId: string;
  country: string;
  /** The rule: `purl namespace pkg:npm/%40azure` or `supplier name "…" (alias "…")`. */
  matchedOn: string;
  confidence: number;
}

// A namespace ends at one of these, so pkg:npm/%40azure does not claim pkg:npm/%40azurex/….
const BOUNDARY = new Set(['/', '.', '@', '?', '#', ':']);

export class SupplierLinker {
  /** Namespaces per purl type ("pkg:npm/"), longest first so the most specific wins. */
  private readonly byType = new Map<string, { prefix: string; vendor: Vendor }[]>();
  private readonly byName = new Map<string, SupplierLink | undefined>();

  constructor(private readonly kb: KnowledgeIndex) {
    for (const vendor of kb.kb.vendors.vendors)
      for (const ns of vendor.purlNamespaces) {
        const prefix = ns.toLowerCase();
        const type = prefix.slice(0, prefix.indexOf('/') + 1);
        const list = this.byType.get(type) ?? [];
        list.push({ prefix, vendor });
        this.byType.set(type, list);
      }
    for (const list of this.byType.values()) list.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /** The vendor a component comes from, or undefined when neither its purl nor its supplier says. */
  link(component: { purl?: string; supplier?: string }): SupplierLink | undefined {
    if (component.purl) {
      const purl = component.purl.toLowerCase();
      const slash = purl.indexOf('/');
      for (const { prefix, vendor } of this.byType.get(purl.slice(0, slash + 1)) ?? [])
        if (
          purl.startsWith(prefix) &&
          (purl.length === prefix.length || BOUNDARY.has(prefix.at(-1)!) || BOUNDARY.has(purl[prefix.length]!))
        )
          return this.linkTo(vendor, `purl namespace ${prefix}`, 0.9);
    }
    const supplier = component.supplier?.trim();
    if (!supplier) return undefined;
    if (!this.byName.has(supplier)) {
      const m = this.kb.matchVendor(supplier);
      this.byName.set(
        supplier,
        m ? this.linkTo(m.vendor, `supplier name "${supplier}" (${m.matchedOn})`, m.confidence * 0.9) : undefined,
      );
    }
    return this.byName.get(supplier);
  }

  private linkTo(vendor: Vendor, matchedOn: string, confidence: number): SupplierLink {
    const top = this.kb.vendorChain(vendor.id).at(-1) ?? vendor;
    return { vendorId: vendor.id, ultimateParentId: top.id, country: top.country, matchedOn, confidence };
  }
}

const linkers = new WeakMap<KnowledgeIndex, SupplierLinker>();
/** One linker per knowledge index: building the namespace table is the costly part. */
export function supplierLinker(kb: KnowledgeIndex): SupplierLinker {
  let l = linkers.get(kb);
  if (!l) linkers.set(kb, (l = new SupplierLinker(kb)));
  return l;
}

export interface AssetSupplier {
  vendorId: string;
  ultimateParentId: string;
  country: string;
  components: number;
  /** The rules that linked them, most used first (up to three). */
  matchedOn: string[];
}

/** The vendors an asset's components come from, with how many components each. */
export function suppliersOf(kb: KnowledgeIndex, list: Iterable<{ purl?: string; supplier?: string }>): AssetSupplier[] {
  const linker = supplierLinker(kb);
  const byVendor = new Map<string, { link: SupplierLink; components: number; rules: Map<string, number> }>();
  for (const c of list) {
    const link = linker.link(c);
    if (!link) continue;
    const entry = byVendor.get(link.vendorId) ?? { link, components: 0, rules: new Map<string, number>() };
    entry.components++;
    entry.rules.set(link.matchedOn, (entry.rules.get(link.matchedOn) ?? 0) + 1);
    byVendor.set(link.vendorId, entry);
  }
  return [...byVendor.values()]
    .map(({ link, components, rules }) => ({
      vendorId: link.vendorId,
      ultimateParentId: link.ultimateParentId,
      country: link.country,
      components,
      matchedOn: [...rules]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 3)
        .map(([r]) => r),
    }))
    .sort((a, b) => b.components - a.components || a.vendorId.localeCompare(b.vendorId));
}
