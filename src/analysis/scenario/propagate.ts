/**
 * The cut-off engine: given the assets cut off directly, which assets and processes keep running,
 * run degraded or stop — a least fixed point over the AND/OR dependency graph, on typed arrays.
 *
 * A node stops when a required dependency stops or when every member of one of its redundancy
 * groups stops; it runs degraded when a required dependency is degraded or a redundancy group has
 * lost some members. States only rise (running → degraded → stopped), so a worklist over the
 * reverse edges reaches the fixed point with each edge handled at most once per rise, cycles
 * included: a cycle nothing outside cuts stays running.
 *
 * Restore time rises the same way: a stopped node is back when its last required cause is back; a
 * stopped redundancy group is back when its first member is back. An asset with an exit plan is
 * back after its switch time at the latest, whatever it ran on (it is replaced). Unknown (no exit
 * plan, no duration) is +Infinity.
 */
import { buildCsr, type Csr } from '../csr.js';

/** The graph the engine needs: the register graph (register-view.ts) fits it. */
export interface CutGraph {
  assetCount: number;
  nodeCount: number;
  required: Csr;
  groupsOf: Csr;
  groupMembers: Csr;
  groupOwner: Int32Array;
  upstream: Csr;
}

export const RUNNING = 0;
export const DEGRADED = 1;
export const STOPPED = 2;

/** Reverse edges with what each edge is for: -1 a required edge, k ≥ 0 membership of group k. */
export interface ReverseEdges {
  off: Int32Array;
  to: Int32Array;
  via: Int32Array;
}

/** Builds the reverse edges once per graph; evaluations reuse them. */
export function reverseEdges(g: CutGraph): ReverseEdges {
  const m = g.required.adj.length + g.groupMembers.adj.length;
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  const tag = new Int32Array(m);
  let i = 0;
  for (let v = 0; v < g.nodeCount; v++)
    for (let e = g.required.off[v]!; e < g.required.off[v + 1]!; e++) {
      source[i] = g.required.adj[e]!;
      target[i] = v;
      tag[i++] = -1;
    }
  const groups = g.groupOwner.length;
  for (let k = 0; k < groups; k++)
    for (let e = g.groupMembers.off[k]!; e < g.groupMembers.off[k + 1]!; e++) {
      source[i] = g.groupMembers.adj[e]!;
      target[i] = g.groupOwner[k]!;
      tag[i++] = k;
    }
  // Sort the (target, tag) pairs by source with one counting sort: tags travel as edge numbers.
  const order = new Int32Array(m);
  for (let e = 0; e < m; e++) order[e] = e;
  const { off, adj } = buildCsr(g.nodeCount, source, order, m);
  const to = new Int32Array(m);
  const via = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    to[e] = target[adj[e]!]!;
    via[e] = tag[adj[e]!]!;
  }
  return { off, to, via };
}

export interface CutOutcome {
  /** RUNNING, DEGRADED or STOPPED per node. */
  state: Uint8Array;
  /** Hours until a stopped node runs again (+Infinity: unknown); NaN for nodes not stopped. */
  restore: Float64Array;
  /** The upstream node that first raised each node's state (-1 for running and seed nodes). */
  cause: Int32Array;
}

/**
 * Propagates a cut. `seeds` are the asset nodes cut off directly and `seedRestore[i]` the hours
 * until seed i runs again (+Infinity when unknown).
 */
export function propagateCut(
  g: CutGraph,
  reverse: ReverseEdges,
  seeds: ArrayLike<number>,
  seedRestore: ArrayLike<number>,
  /** Per asset node, the hours its exit plan needs to replace it (+Infinity or absent: no plan). */
  cap?: Float64Array,
): CutOutcome {
  const n = g.nodeCount;
  const state = new Uint8Array(n);
  const restore = new Float64Array(n).fill(NaN);
  const cause = new Int32Array(n).fill(-1);
  /** The state and restore time last passed on to consumers. */
  const sentState = new Uint8Array(n);
  const sentRestore = new Float64Array(n).fill(NaN);
  const groups = g.groupOwner.length;
  const stoppedMembers = new Int32Array(groups);
  const hitMembers = new Int32Array(groups);
  const queued = new Uint8Array(n);
  // A ring buffer: a node is in it at most once at a time.
  const queue = new Int32Array(n + 1);
  let head = 0;
  let tail = 0;
  const push = (v: number) => {
    if (queued[v]) return;
    queued[v] = 1;
    queue[tail] = v;
    tail = tail === n ? 0 : tail + 1;
  };
  for (let i = 0; i < seeds.length; i++) {
    const v = seeds[i]!;
    const r = seedRestore[i]!;
    // A seed cut by several cuts is back when the last of them lifts.
    restore[v] = state[v] === STOPPED ? Math.max(restore[v]!, r) : r;
    state[v] = STOPPED;
    push(v);
  }
  const { off, to, via } = reverse;
  const { off: memberOff, adj: members } = g.groupMembers;
  while (head !== tail) {
    const u = queue[head]!;
    head = head === n ? 0 : head + 1;
    queued[u] = 0;
    const before = sentState[u]!;
    const now = state[u]!;
    const r = restore[u]!;
    const restoreChanged = now === STOPPED && !(sentRestore[u] === r);
    if (before === now && !restoreChanged) continue;
    sentState[u] = now;
    if (now === STOPPED) sentRestore[u] = r;
    for (let e = off[u]!; e < off[u + 1]!; e++) {
      const w = to[e]!;
      const k = via[e]!;
      let s: number;
      let wr = NaN;
      if (k < 0) {
        s = now;
        if (now === STOPPED) wr = r;
      } else {
        if (before === RUNNING) hitMembers[k]!++;
        if (now === STOPPED && before !== STOPPED) stoppedMembers[k]!++;
        const size = memberOff[k + 1]! - memberOff[k]!;
        if (stoppedMembers[k] === size) {
          s = STOPPED;
          // The group is back when its first member is back.
          wr = Infinity;
          for (let i = memberOff[k]!; i < memberOff[k + 1]!; i++) wr = Math.min(wr, restore[members[i]!]!);
        } else s = hitMembers[k]! > 0 ? DEGRADED : RUNNING;
      }
      if (cap && w < cap.length && wr > cap[w]!) wr = cap[w]!;
      if (s > state[w]!) {
        state[w] = s;
        cause[w] = u;
        if (s === STOPPED) restore[w] = wr;
        push(w);
      } else if (s === STOPPED && wr > restore[w]!) {
        restore[w] = wr;
        push(w);
      }
    }
  }
  return { state, restore, cause };
}
