/**
 * The dependency graph as the explorer uses it: the API's graph document, the bands the nodes are
 * drawn in (processes on top, then the six DOSA layers from applications down to raw materials,
 * then the parties), the neighbourhood of a focus node, and the positions of a layered drawing.
 * Pure functions over plain data, so the canvas, the list and the tests agree on the same
 * selection.
 */

import type { GraphDocument, GraphEdge, GraphNode } from '../../../src/domain/index.js';

export type { GraphDocument, GraphEdge, GraphNode };

/** The bands from top to bottom: processes, the stack from applications down, then the parties. */
export const BANDS = [
  'process',
  'applications',
  'data',
  'soft-infrastructure',
  'physical-infrastructure',
  'hardware',
  'raw-materials',
  'party',
  'other',
] as const;
export type Band = (typeof BANDS)[number];

const LAYER_BANDS = new Set<string>(BANDS.slice(1, 7));

/** The band a node is drawn in: a process, a party, or its highest stack layer. */
export function bandOf(node: GraphNode): Band {
  if (node.kind === 'process') return 'process';
  if (node.kind === 'party') return 'party';
  const layers = (node.layers ?? []).filter((l) => LAYER_BANDS.has(l));
  if (!layers.length) return 'other';
  // The highest layer: the one nearest the top of the drawing.
  return layers.sort((a, b) => BANDS.indexOf(a as Band) - BANDS.indexOf(b as Band))[0] as Band;
}

/** Outgoing (what a node depends on) and incoming (what depends on it) edges per node. */
export interface Adjacency {
  down: Map<string, GraphEdge[]>;
  up: Map<string, GraphEdge[]>;
}

export function adjacency(edges: readonly GraphEdge[]): Adjacency {
  const down = new Map<string, GraphEdge[]>();
  const up = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    (down.get(e.from) ?? down.set(e.from, []).get(e.from)!).push(e);
    (up.get(e.to) ?? up.set(e.to, []).get(e.to)!).push(e);
  }
  return { down, up };
}

/**
 * The nodes within `depth` steps of `focus`: down along what it depends on and up along what
 * depends on it (each direction on its own, so an asset's neighbourhood does not spread sideways
 * to everything its suppliers also serve). Only edges whose relation passes `relation` count.
 */
export function neighbourhood(
  adj: Adjacency,
  focus: string,
  depth: number,
  relation: (r: string) => boolean = () => true,
): Set<string> {
  const seen = new Set([focus]);
  for (const [map, next] of [
    [adj.down, (e: GraphEdge) => e.to],
    [adj.up, (e: GraphEdge) => e.from],
  ] as const) {
    let frontier = [focus];
    const visited = new Set([focus]);
    for (let step = 0; step < depth && frontier.length; step++) {
      const following: string[] = [];
      for (const ref of frontier)
        for (const e of map.get(ref) ?? []) {
          if (!relation(e.relation)) continue;
          const n = next(e);
          if (visited.has(n)) continue;
          visited.add(n);
          seen.add(n);
          following.push(n);
        }
      frontier = following;
    }
  }
  return seen;
}

export interface Position {
  x: number;
  y: number;
}

/** Horizontal distance between nodes, vertical distance between rows and between bands. */
const DX = 180;
const ROW = 120;
const BAND_GAP = 220;
/**
 * How many nodes a row holds before a band wraps onto more rows: about the square root of the
 * whole drawing, so a big register becomes a roughly square picture instead of a long strip.
 */
const perRowFor = (total: number) => Math.min(80, Math.max(8, Math.ceil(Math.sqrt(total) * 1.3)));

/**
 * Positions for a layered drawing: y by band (wrapping a wide band onto more rows), x by place in
 * the band. Each band is ordered by the mean place of its neighbours in the bands above (one
 * barycentre pass), which removes most crossings at linear cost.
 */
export function layeredPositions(
  nodes: readonly { ref: string; band: Band; name: string }[],
  edges: readonly { from: string; to: string }[],
): { positions: Map<string, Position>; bandRows: Map<Band, { top: number; bottom: number }>; width: number } {
  const byBand = new Map<Band, { ref: string; name: string }[]>();
  for (const n of nodes) (byBand.get(n.band) ?? byBand.set(n.band, []).get(n.band)!).push(n);
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    (neighbours.get(e.from) ?? neighbours.set(e.from, []).get(e.from)!).push(e.to);
    (neighbours.get(e.to) ?? neighbours.set(e.to, []).get(e.to)!).push(e.from);
  }
  const order = new Map<string, number>();
  const positions = new Map<string, Position>();
  const bandRows = new Map<Band, { top: number; bottom: number }>();
  const perRowMax = perRowFor(nodes.length);
  let y = 0;
  for (const band of BANDS) {
    const members = byBand.get(band);
    if (!members?.length) continue;
    const key = new Map(
      members.map((m) => {
        const placed = (neighbours.get(m.ref) ?? []).map((r) => order.get(r)).filter((o) => o !== undefined);
        return [m.ref, placed.length ? placed.reduce((a, b) => a + b, 0) / placed.length : Infinity];
      }),
    );
    members.sort((a, b) => key.get(a.ref)! - key.get(b.ref)! || a.name.localeCompare(b.name));
    const perRow = Math.min(perRowMax, members.length);
    bandRows.set(band, { top: y, bottom: y + (Math.ceil(members.length / perRow) - 1) * ROW });
    members.forEach((m, i) => {
      const row = Math.floor(i / perRow);
      const inRow = Math.min(perRow, members.length - row * perRow);
      const col = i % perRow;
      // Centre every row; offset wrapped rows by half a step so their edges do not overlap.
      const x = (col - (inRow - 1) / 2) * DX + (row % 2) * (DX / 2);
      positions.set(m.ref, { x, y: y + row * ROW });
      // The relative place in the band (0..1), for ordering the bands below.
      order.set(m.ref, (col + 0.5) / perRow);
    });
    y += Math.ceil(members.length / perRow) * ROW + BAND_GAP;
  }
  return { positions, bandRows, width: perRowMax * DX };
}
