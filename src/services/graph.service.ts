/**
 * The dependency graph of an organisation as one document: every process, asset, party (and on
 * request component) as a node, every dependency as an edge, plus the edges the records imply —
 * ownership (party → parent), provider and hosting (asset → party).
 */
import { KINDS, type GraphDocument, type GraphEdge, type GraphNode, type KindKey } from '../domain/index.js';

export type { GraphDocument, GraphEdge, GraphNode } from '../domain/index.js';
import type { Store } from '../store/database.js';
import * as records from '../store/record.repository.js';
import { RegisterService } from './register.service.js';

export class GraphService {
  private readonly register: RegisterService;
  constructor(readonly store: Store) {
    this.register = new RegisterService(store);
  }

  async graph(orgId: string, { components = false } = {}): Promise<GraphDocument> {
    return this.store.transaction(async ({ db }) => {
      await this.register.getOrganisation(orgId, db);
      const kinds: KindKey[] = [
        'process',
        'asset',
        'party',
        'product',
        ...(components ? (['component'] as const) : []),
      ];
      const nodes: GraphNode[] = [];
      const edges: GraphEdge[] = [];
      for (const key of kinds) {
        for (const r of (await records.allRecords(db, key, orgId)) as unknown as Record<string, unknown>[]) {
          const kind = KINDS[key].kind;
          const ref = `${kind}:${String(r.id)}`;
          nodes.push({
            ref,
            kind,
            id: String(r.id),
            name: String(r.name),
            ...(Array.isArray(r.layers) ? { layers: r.layers as string[] } : {}),
            ...(typeof r.type === 'string' ? { type: r.type } : {}),
            ...(typeof r.vital === 'boolean' ? { vital: r.vital } : {}),
            ...(typeof r.country === 'string' ? { country: r.country } : {}),
          });
          const imply = (field: string, kindTo: string, relation: string) => {
            if (typeof r[field] === 'string')
              edges.push({ from: ref, to: `${kindTo}:${r[field] as string}`, relation, implied: true });
          };
          imply('parentId', 'party', 'owned-by');
          imply('providerId', 'party', 'provided-by');
          imply('hostingPartyId', 'party', 'hosted-by');
          imply('productId', 'product', 'instance-of');
          imply('vendorId', 'party', 'made-by');
        }
      }
      const refs = new Set(nodes.map((n) => n.ref));
      for (const d of await records.allRecords(db, 'dependency', orgId)) {
        if (!components && (d.to.startsWith('component:') || d.from.startsWith('component:'))) continue;
        edges.push({
          id: d.id,
          from: d.from,
          to: d.to,
          relation: d.relation,
          ...(d.redundancyGroup ? { redundancyGroup: d.redundancyGroup } : {}),
        });
      }
      if (components)
        for (const c of await records.allRecords(db, 'component', orgId))
          for (const dep of c.dependsOn)
            edges.push({ from: `component:${c.id}`, to: `component:${dep}`, relation: 'depends-on', implied: true });
      return { organisation: orgId, nodes, edges: edges.filter((e) => refs.has(e.from) && refs.has(e.to)) };
    });
  }
}
