/**
 * The dependency graph of an organisation as one document (GET /api/orgs/{org}/graph): the shape
 * the graph service writes and the web UI reads.
 */
export interface GraphNode {
  ref: string;
  kind: string;
  id: string;
  name: string;
  layers?: string[];
  type?: string;
  vital?: boolean;
  country?: string;
}

export interface GraphEdge {
  /** The dependency id; absent on edges implied by a record's fields. */
  id?: string;
  from: string;
  to: string;
  relation: string;
  redundancyGroup?: string;
  /** True for edges implied by fields (parentId, providerId, hostingPartyId, productId). */
  implied?: boolean;
}

export interface GraphDocument {
  organisation: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}
