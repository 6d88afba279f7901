/**
 * Facts that flow up the asset graph (from what an asset runs on or uses to the asset itself),
 * computed once over the strongly connected components: an asset in a cycle sees everything its
 * cycle sees. Tarjan's algorithm, iterative so deep graphs do not exhaust the stack; it emits each
 * component after every component it reaches, so one pass in emission order is enough.
 */
import type { RegisterView } from './register-view.js';

export interface Components {
  /** Component index of each asset. */
  of: Map<string, number>;
  /** Members of each component, in emission order (upstream components first). */
  members: string[][];
  /** Components each component points at (deduplicated). */
  next: Set<number>[];
}

/** Components of the graph over `ids` whose edges `next(id)` gives (ids outside `ids` are ignored). */
export function components(ids: readonly string[], next: (id: string) => readonly string[]): Components {
  const position = new Map(ids.map((id, i) => [id, i]));
  const adjacency = ids.map((id) => {
    const out: number[] = [];
    for (const up of next(id)) {
      const j = position.get(up);
      if (j !== undefined) out.push(j);
    }
    return out;
  });
  const { component, count } = tarjan(adjacency);
  const of = new Map<string, number>();
  const members: string[][] = Array.from({ length: count }, () => []);
  ids.forEach((id, i) => {
    of.set(id, component[i]!);
    members[component[i]!]!.push(id);
  });
  const edges = Array.from({ length: count }, () => new Set<number>());
  adjacency.forEach((ups, i) => {
    const c = component[i]!;
    for (const j of ups) if (component[j] !== c) edges[c]!.add(component[j]!);
  });
  return { of, members, next: edges };
}

/**
 * Tarjan's strongly connected components over integer adjacency lists, without recursion.
 * Components are numbered in the order they complete: every component a node reaches has a lower
 * number than the node's own.
 */
export function tarjan(adjacency: readonly (readonly number[])[]): { component: Int32Array; count: number } {
  const n = adjacency.length;
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
      cursor[v] = 0;
      frames[fp++] = v;
    };
    open(start);
    while (fp > 0) {
      const v = frames[fp - 1]!;
      const ups = adjacency[v]!;
      if (cursor[v]! < ups.length) {
        const w = ups[cursor[v]!++]!;
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

/** Components of the asset graph along what each asset runs on or uses. */
export const assetComponents = (view: RegisterView): Components =>
  components([...view.assets.keys()], (id) => view.upstream(id));

/** Sets that flow up the graph, kept as bitsets over the values seen: unions are word-wise ORs. */
export interface UpstreamSets<T> {
  /** The values of the asset and everything upstream of it. */
  get(assetId: string): ReadonlySet<T>;
  /** The values two assets have in common (without building either set). */
  common(a: string, b: string): T[];
}

/**
 * For every asset, the union of `own(x)` over the asset and everything upstream of it. Assets of
 * one component share one bitset; sets are materialised only when asked for.
 */
export function upstreamUnion<T>(comp: Components, own: (assetId: string) => Iterable<T>): UpstreamSets<T> {
  const universe: T[] = [];
  const indexOf = new Map<T, number>();
  const ownBits: number[][] = comp.members.map((m) => {
    const bits: number[] = [];
    for (const id of m)
      for (const x of own(id)) {
        let i = indexOf.get(x);
        if (i === undefined) {
          i = universe.length;
          universe.push(x);
          indexOf.set(x, i);
        }
        bits.push(i);
      }
    return bits;
  });
  const words = Math.ceil(universe.length / 32) || 1;
  const perComponent: Uint32Array[] = [];
  comp.members.forEach((_, c) => {
    const set = new Uint32Array(words);
    for (const i of ownBits[c]!) set[i >>> 5]! |= 1 << (i & 31);
    for (const n of comp.next[c]!) {
      const other = perComponent[n]!;
      for (let w = 0; w < words; w++) set[w]! |= other[w]!;
    }
    perComponent.push(set);
  });
  const cache = new Map<number, ReadonlySet<T>>();
  const empty: ReadonlySet<T> = new Set();
  const bitsOf = (assetId: string) => {
    const c = comp.of.get(assetId);
    return c === undefined ? undefined : perComponent[c]!;
  };
  return {
    common(a, b) {
      const x = bitsOf(a);
      const y = bitsOf(b);
      const out: T[] = [];
      if (!x || !y) return out;
      for (let w = 0; w < words; w++)
        for (let word = x[w]! & y[w]!; word; word &= word - 1)
          out.push(universe[w * 32 + (31 - Math.clz32(word & -word))]!);
      return out;
    },
    get(assetId) {
      const c = comp.of.get(assetId);
      if (c === undefined) return empty;
      let set = cache.get(c);
      if (!set) {
        const values = new Set<T>();
        const bits = perComponent[c]!;
        for (let w = 0; w < words; w++)
          for (let word = bits[w]!; word; word &= word - 1)
            values.add(universe[w * 32 + (31 - Math.clz32(word & -word))]!);
        cache.set(c, (set = values));
      }
      return set;
    },
  };
}

/** For every asset, the highest `own(x)` over the asset and everything upstream, with where it is. */
export function upstreamMax(
  comp: Components,
  own: (assetId: string) => number,
): Map<string, { value: number; at: string }> {
  const perComponent: { value: number; at: string }[] = [];
  comp.members.forEach((m, c) => {
    let best = { value: -Infinity, at: m[0]! };
    for (const id of m) if (own(id) > best.value) best = { value: own(id), at: id };
    for (const n of comp.next[c]!) if (perComponent[n]!.value > best.value) best = perComponent[n]!;
    perComponent.push(best);
  });
  const out = new Map<string, { value: number; at: string }>();
  for (const [id, c] of comp.of) out.set(id, perComponent[c]!);
  return out;
}
