/**
 * Facts that flow up the asset graph (from what an asset runs on or uses to the asset itself),
 * computed once over the strongly connected components: an asset in a cycle sees everything its
 * cycle sees. Tarjan's algorithm, iterative so deep graphs do not exhaust the stack; it emits each
 * component after every component it reaches, so one pass in emission order is enough.
 */
import { buildCsr, type Csr } from './csr.js';

export interface Components {
  /** Component number of each node. */
  of: Int32Array;
  count: number;
  /** Members of each component, components in emission order (upstream components first). */
  members: Csr;
  /** Components each component points at (deduplicated). */
  next: Csr;
}

/** Components of the graph over nodes 0 … n-1 with edges `graph` (edges to nodes ≥ n are ignored). */
export function components(n: number, graph: Csr): Components {
  const { component, count } = tarjan(n, graph);
  const nodes = new Int32Array(n);
  for (let v = 0; v < n; v++) nodes[v] = v;
  const members = buildCsr(count, component, nodes, n);
  // Edges between components, each once: `mark` remembers the last component that listed a target.
  const mark = new Int32Array(count).fill(-1);
  const from: number[] = [];
  const to: number[] = [];
  for (let c = 0; c < count; c++)
    for (let i = members.off[c]!; i < members.off[c + 1]!; i++) {
      const v = members.adj[i]!;
      for (let e = graph.off[v]!; e < graph.off[v + 1]!; e++) {
        const w = graph.adj[e]!;
        if (w >= n) continue;
        const d = component[w]!;
        if (d !== c && mark[d] !== c) {
          mark[d] = c;
          from.push(c);
          to.push(d);
        }
      }
    }
  return {
    of: component,
    count,
    members,
    next: buildCsr(count, Int32Array.from(from), Int32Array.from(to), from.length),
  };
}

/**
 * Tarjan's strongly connected components over nodes 0 … n-1 of a CSR graph, without recursion.
 * Components are numbered in the order they complete: every component a node reaches has a lower
 * number than the node's own.
 */
export function tarjan(n: number, { off, adj }: Csr): { component: Int32Array; count: number } {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const frames = new Int32Array(n);
  const cursor = new Int32Array(n);
  let sp = 0;
  let counter = 0;
  let count = 0;
  for (let start = 0; start < n; start++) {
    if (index[start] !== -1) continue;
    let fp = 0;
    const open = (v: number) => {
      index[v] = low[v] = counter++;
      stack[sp++] = v;
      onStack[v] = 1;
      cursor[v] = off[v]!;
      frames[fp++] = v;
    };
    open(start);
    while (fp > 0) {
      const v = frames[fp - 1]!;
      if (cursor[v]! < off[v + 1]!) {
        const w = adj[cursor[v]!++]!;
        if (w >= n) continue;
        if (index[w] === -1) open(w);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      fp--;
      if (fp > 0) {
        const parent = frames[fp - 1]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          component[w] = count;
        } while (w !== v);
        count++;
      }
    }
  }
  return { component, count };
}

/** Sets that flow up the graph, kept as bitsets over the values seen: unions are word-wise ORs. */
export interface UpstreamSets<T> {
  /** The values of node v and everything upstream of it. */
  get(v: number): ReadonlySet<T>;
  /** The values two nodes have in common (without building either set). */
  common(a: number, b: number): T[];
  /** The values of any of the nodes and everything upstream of them (one bitwise OR per node). */
  unionOf(nodes: Iterable<number>): T[];
}

/**
 * For every node, the union of `own(v)` over the node and everything upstream of it. Nodes of one
 * component share one bitset; sets are materialised only when asked for.
 */
export function upstreamUnion<T>(comp: Components, own: (v: number) => Iterable<T>): UpstreamSets<T> {
  const universe: T[] = [];
  const indexOf = new Map<T, number>();
  const { members, next } = comp;
  const ownBits: number[][] = [];
  for (let c = 0; c < comp.count; c++) {
    const bits: number[] = [];
    for (let i = members.off[c]!; i < members.off[c + 1]!; i++)
      for (const x of own(members.adj[i]!)) {
        let b = indexOf.get(x);
        if (b === undefined) {
          b = universe.length;
          universe.push(x);
          indexOf.set(x, b);
        }
        bits.push(b);
      }
    ownBits.push(bits);
  }
  const words = Math.ceil(universe.length / 32) || 1;
  // One flat array: component c owns words [c·words, (c+1)·words).
  const sets = new Uint32Array(comp.count * words);
  for (let c = 0; c < comp.count; c++) {
    const base = c * words;
    for (const b of ownBits[c]!) sets[base + (b >>> 5)]! |= 1 << (b & 31);
    for (let e = next.off[c]!; e < next.off[c + 1]!; e++) {
      const other = next.adj[e]! * words;
      for (let w = 0; w < words; w++) sets[base + w]! |= sets[other + w]!;
    }
  }
  const cache = new Map<number, ReadonlySet<T>>();
  const empty: ReadonlySet<T> = new Set();
  return {
    common(a, b) {
      const out: T[] = [];
      if (a < 0 || b < 0 || a >= comp.of.length || b >= comp.of.length) return out;
      const x = comp.of[a]! * words;
      const y = comp.of[b]! * words;
      for (let w = 0; w < words; w++)
        for (let word = sets[x + w]! & sets[y + w]!; word; word &= word - 1)
          out.push(universe[w * 32 + (31 - Math.clz32(word & -word))]!);
      return out;
    },
    unionOf(nodes) {
      const acc = new Uint32Array(words);
      for (const v of nodes) {
        if (v < 0 || v >= comp.of.length) continue;
        const base = comp.of[v]! * words;
        for (let w = 0; w < words; w++) acc[w]! |= sets[base + w]!;
      }
      const out: T[] = [];
      for (let w = 0; w < words; w++)
        for (let word = acc[w]!; word; word &= word - 1) out.push(universe[w * 32 + (31 - Math.clz32(word & -word))]!);
      return out;
    },
    get(v) {
      if (v < 0 || v >= comp.of.length) return empty;
      const c = comp.of[v]!;
      let set = cache.get(c);
      if (!set) {
        const values = new Set<T>();
        const base = c * words;
        for (let w = 0; w < words; w++)
          for (let word = sets[base + w]!; word; word &= word - 1)
            values.add(universe[w * 32 + (31 - Math.clz32(word & -word))]!);
        cache.set(c, (set = values));
      }
      return set;
    },
  };
}

/** For every node, the highest `own(v)` over the node and everything upstream, and the node that has it. */
export interface UpstreamMax {
  value(v: number): number;
  at(v: number): number;
}

export function upstreamMax(comp: Components, own: (v: number) => number): UpstreamMax {
  const { members, next } = comp;
  const value = new Float64Array(comp.count);
  const at = new Int32Array(comp.count);
  for (let c = 0; c < comp.count; c++) {
    let best = -Infinity;
    let where = members.adj[members.off[c]!]!;
    for (let i = members.off[c]!; i < members.off[c + 1]!; i++) {
      const v = members.adj[i]!;
      const x = own(v);
      if (x > best) {
        best = x;
        where = v;
      }
    }
    for (let e = next.off[c]!; e < next.off[c + 1]!; e++) {
      const d = next.adj[e]!;
      if (value[d]! > best) {
        best = value[d]!;
        where = at[d]!;
      }
    }
    value[c] = best;
    at[c] = where;
  }
  return { value: (v) => value[comp.of[v]!]!, at: (v) => at[comp.of[v]!]! };
}
