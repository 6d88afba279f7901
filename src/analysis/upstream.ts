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
  const known = new Set(ids);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const of = new Map<string, number>();
  const members: string[][] = [];
  let counter = 0;
  for (const start of ids) {
    if (index.has(start)) continue;
    const work: { id: string; ups: string[]; i: number }[] = [];
    const open = (id: string) => {
      index.set(id, counter);
      low.set(id, counter++);
      stack.push(id);
      onStack.add(id);
      work.push({ id, ups: next(id).filter((u) => known.has(u)), i: 0 });
    };
    open(start);
    while (work.length) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.ups.length) {
        const up = frame.ups[frame.i++]!;
        if (!index.has(up)) open(up);
        else if (onStack.has(up)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(up)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let id: string;
        do {
          id = stack.pop()!;
          onStack.delete(id);
          of.set(id, members.length);
          component.push(id);
        } while (id !== frame.id);
        members.push(component);
      }
    }
  }
  const edges = members.map((m, c) => {
    const out = new Set<number>();
    for (const id of m)
      for (const up of next(id)) {
        const t = of.get(up);
        if (t !== undefined && t !== c) out.add(t);
      }
    return out;
  });
  return { of, members, next: edges };
}

/** Components of the asset graph along what each asset runs on or uses. */
export const assetComponents = (view: RegisterView): Components =>
  components([...view.assets.keys()], (id) => view.upstream(id));

/** Sets that flow up the graph, kept as bitsets over the values seen: unions are word-wise ORs. */
export interface UpstreamSets<T> {
  /** The values of the asset and everything upstream of it. */
  get(assetId: string): ReadonlySet<T>;
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
  return {
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
