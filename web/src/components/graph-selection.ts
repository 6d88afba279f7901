/**
 * What the explorer shows: the neighbourhood of the focus (or the whole graph), then the filters
 * on bands, strategic assets and relation types. The canvas and the accessible list both draw
 * this one selection, so they always hold the same nodes.
 */
import {
  adjacency,
  BANDS,
  bandOf,
  neighbourhood,
  type Band,
  type GraphDocument,
  type GraphEdge,
  type GraphNode,
} from './graph-model';
import type { NodeRisk } from './graph-risk';

export interface GraphFilter {
  /** "process:<id>" or "asset:<id>" (any node ref); empty for the whole graph. */
  focus: string;
  depth: number;
  bands: ReadonlySet<Band>;
  onlyStrategic: boolean;
  relations: ReadonlySet<string>;
}

export interface GraphSelection {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Nodes in the focus's neighbourhood before the band and strategic filters. */
  reached: number;
}

export function selectGraph(
  doc: GraphDocument,
  filter: GraphFilter,
  risks: ReadonlyMap<string, NodeRisk>,
): GraphSelection {
  const relationOk = (r: string) => filter.relations.has(r);
  const inScope = filter.focus
    ? neighbourhood(adjacency(doc.edges), filter.focus, filter.depth, relationOk)
    : undefined;
  const reachedNodes = inScope ? doc.nodes.filter((n) => inScope.has(n.ref)) : doc.nodes;
  const nodes = reachedNodes.filter(
    (n) =>
      // The focus always stays: it is what the view is about.
      n.ref === filter.focus ||
      (filter.bands.has(bandOf(n)) && !(filter.onlyStrategic && n.kind === 'asset' && !risks.get(n.ref)?.strategic)),
  );
  const kept = new Set(nodes.map((n) => n.ref));
  const edges = doc.edges.filter((e) => relationOk(e.relation) && kept.has(e.from) && kept.has(e.to));
  return { nodes, edges, reached: reachedNodes.length };
}

/** The relation types of a graph, in a stable order (explicit dependencies first). */
export function relationsOf(doc: GraphDocument): string[] {
  const explicit = new Set<string>();
  const implied = new Set<string>();
  for (const e of doc.edges) (e.implied ? implied : explicit).add(e.relation);
  return [...[...explicit].sort(), ...[...implied].filter((r) => !explicit.has(r)).sort()];
}

/** The bands a graph has nodes in, top to bottom. */
export function bandsOf(doc: GraphDocument): Band[] {
  const present = new Set(doc.nodes.map(bandOf));
  return BANDS.filter((b) => present.has(b));
}
