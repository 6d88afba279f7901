/**
 * Enrichment on entry: when a new party, product or asset names something the knowledge base
 * knows, fill the fields the user left empty — never overwrite — and record for each filled field
 * that it was inferred, by which rule, from which entry.
 */
import type { ProvenanceEntry } from '../domain/index.js';
import type { KnowledgeIndex } from './knowledge-index.js';

export interface Enriched {
  /** Fields to set. */
  fields: Record<string, unknown>;
  /** Per-field provenance of what was set. */
  provenance: Record<string, ProvenanceEntry>;
}

const inferred = (rule: string, source: string, at: string): ProvenanceEntry => ({
  method: 'inferred',
  rule,
  source,
  at,
});

export function enrichParty(
  party: { name: string; aliases?: string[]; country?: string; website?: string },
  kb: KnowledgeIndex,
  at: string,
): Enriched {
  const out: Enriched = { fields: {}, provenance: {} };
  const match = [party.name, ...(party.aliases ?? []), ...(party.website ? [party.website] : [])]
    .map((n) => kb.matchVendor(n))
    .find(Boolean);
  if (!match) return out;
  const source = `knowledge base: vendor "${match.vendor.id}" (matched on ${match.matchedOn}, confidence ${match.confidence})`;
  if (!party.country) {
    out.fields.country = match.vendor.country;
    out.provenance.country = inferred('kb.vendor-country', source, at);
  }
  if (!party.website && match.vendor.domains[0]) {
    out.fields.website = `https://${match.vendor.domains[0]}`;
    out.provenance.website = inferred('kb.vendor-domain', source, at);
  }
  return out;
}

export function enrichProduct(
  product: { category?: string; layers?: string[] },
  vendorName: string | undefined,
  kb: KnowledgeIndex,
  at: string,
): Enriched {
  const out: Enriched = { fields: {}, provenance: {} };
  let category = product.category;
  if (!category && vendorName) {
    const match = kb.matchVendor(vendorName);
    if (match?.vendor.categories.length === 1) {
      category = match.vendor.categories[0]!;
      out.fields.category = category;
      out.provenance.category = inferred(
        'kb.vendor-single-category',
        `knowledge base: vendor "${match.vendor.id}" is active in one category`,
        at,
      );
    }
  }
  const facts = kb.category(category);
  if (facts && !product.layers?.length) {
    out.fields.layers = [facts.layer];
    out.provenance.layers = inferred('kb.category-layer', `knowledge base: category "${facts.id}"`, at);
  }
  return out;
}

export function enrichAsset(
  asset: { priority?: string },
  productCategory: string | undefined,
  kb: KnowledgeIndex,
  at: string,
): Enriched {
  const out: Enriched = { fields: {}, provenance: {} };
  const facts = kb.category(productCategory);
  if (facts?.priority && !asset.priority) {
    out.fields.priority = facts.priority;
    out.provenance.priority = inferred('kb.category-priority', `knowledge base: category "${facts.id}"`, at);
  }
  return out;
}
