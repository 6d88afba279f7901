/**
 * Enrichment on entry, wired to the store: looks up the product or vendor a new record names and
 * asks the pure rules (src/analysis/enrich.ts) what the organisation's knowledge base can fill in.
 */
import { enrichAsset, enrichParty, enrichProduct, type Enriched } from '../analysis/index.js';
import type { KindKey } from '../domain/index.js';
import type { Db } from '../store/database.js';
import { getRecord } from '../store/record.repository.js';
import type { Store } from '../store/database.js';
import { KnowledgeService } from './knowledge.service.js';
import { RegisterService, type Enricher } from './register.service.js';

const NOTHING: Enriched = { fields: {}, provenance: {} };

export function knowledgeEnricher(knowledge: KnowledgeService): Enricher {
  return async (db: Db, key: KindKey, orgId: string, spec: Record<string, unknown>, at: string) => {
    if (key !== 'party' && key !== 'product' && key !== 'asset') return NOTHING;
    const kb = await knowledge.indexFor(orgId, db);
    if (key === 'party') return enrichParty(spec as { name: string }, kb, at);
    if (key === 'product') {
      const vendor = typeof spec.vendorId === 'string' ? await getRecord(db, 'party', orgId, spec.vendorId) : undefined;
      return enrichProduct(spec, vendor?.name, kb, at);
    }
    const product =
      typeof spec.productId === 'string' ? await getRecord(db, 'product', orgId, spec.productId) : undefined;
    return enrichAsset(spec, product?.category, kb, at);
  };
}

/** The register service as the API and CLI use it: new records are enriched from the knowledge base. */
export function enrichingRegister(store: Store): RegisterService {
  return new RegisterService(store, knowledgeEnricher(new KnowledgeService(store)));
}
