/**
 * Compressed sparse row (CSR) adjacency: the neighbours of node v are adj[off[v]] … adj[off[v+1]-1].
 * Two typed arrays instead of an array of arrays, so graphs of millions of edges stay compact and
 * walks over them touch contiguous memory.
 */
export interface Csr {
  /** Offsets, length nodeCount + 1. */
  off: Int32Array;
  /** Neighbours, length edgeCount. */
  adj: Int32Array;
}

/**
 * Builds a CSR from edge lists (source[i] → target[i] for i < edgeCount) by a counting sort on the
 * source, which keeps the edges of each node in input order.
 */
export function buildCsr(nodeCount: number, source: Int32Array, target: Int32Array, edgeCount: number): Csr {
  const off = new Int32Array(nodeCount + 1);
  for (let i = 0; i < edgeCount; i++) off[source[i]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) off[v + 1]! += off[v]!;
  const fill = off.slice(0, nodeCount);
  const adj = new Int32Array(edgeCount);
  for (let i = 0; i < edgeCount; i++) adj[fill[source[i]!]!++] = target[i]!;
  return { off, adj };
}

/** The same graph with every edge turned around. */
export function reverseCsr({ off, adj }: Csr, nodeCount: number): Csr {
  const source = new Int32Array(adj.length);
  for (let v = 0; v < nodeCount; v++) for (let e = off[v]!; e < off[v + 1]!; e++) source[e] = v;
  return buildCsr(nodeCount, adj, source, adj.length);
}

/** A growable pair of edge arrays, for building a CSR when the edge count is not known up front. */
export class EdgeList {
  source: Int32Array;
  target: Int32Array;
  length = 0;

  constructor(capacity = 16) {
    this.source = new Int32Array(Math.max(1, capacity));
    this.target = new Int32Array(Math.max(1, capacity));
  }

  push(from: number, to: number): void {
    if (this.length === this.source.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.source = grow(this.source);
      this.target = grow(this.target);
    }
    this.source[this.length] = from;
    this.target[this.length++] = to;
  }

  toCsr(nodeCount: number): Csr {
    return buildCsr(nodeCount, this.source, this.target, this.length);
  }
}
