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

/**
 * Reverse edges: for each node, the consumers that need it. A required edge holds the consumer's
 * node number; a redundancy-group membership holds ~k (negative) for group k, whose owner is the
 * consumer — one array instead of two keeps the walk's memory traffic down.
 */
export interface ReverseEdges {
  off: Int32Array;
  to: Int32Array;
}

/** Builds the reverse edges once per graph; evaluations reuse them. */
export function reverseEdges(g: CutGraph): ReverseEdges {
  const m = g.required.adj.length + g.groupMembers.adj.length;
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  let i = 0;
  for (let v = 0; v < g.nodeCount; v++)
    for (let e = g.required.off[v]!; e < g.required.off[v + 1]!; e++) {
      source[i] = g.required.adj[e]!;
      target[i++] = v;
    }
  const groups = g.groupOwner.length;
  for (let k = 0; k < groups; k++)
    for (let e = g.groupMembers.off[k]!; e < g.groupMembers.off[k + 1]!; e++) {
      source[i] = g.groupMembers.adj[e]!;
      target[i++] = ~k;
    }
  const { off, adj } = buildCsr(g.nodeCount, source, target, m);
  return { off, to: adj };
}

/** The outcome of one cut, valid until the propagator runs the next one. */
export interface CutOutcome {
  /** The nodes not running, in the order the cut reached them. */
  reached: Int32Array;
  /** RUNNING, DEGRADED or STOPPED. */
  state(v: number): number;
  /** Hours until a stopped node runs again (+Infinity: unknown); NaN for nodes not stopped. */
  restore(v: number): number;
  /** The upstream node that first raised the node's state (-1 for running and seed nodes). */
  cause(v: number): number;
}

// Per-node flags, one byte: the state (2 bits), the state last passed on (2 bits), queued,
// "restore rose since last passed on", and "restore changed while queued".
const STATE = 3;
const SENT_SHIFT = 2;
const QUEUED = 16;
const RESTORE_DIRTY = 32;
/** The restore time changed while the node was queued: read it from the node, not the queue. */
const STALE = 64;

/**
 * Propagates cuts over one graph. Its scratch arrays are sized to the graph once and reset after
 * each run only where the run touched them, so an evaluation costs in proportion to what the cut
 * reaches, not to the size of the register.
 */
export class CutPropagator {
  readonly reverse: ReverseEdges;
  private readonly flags: Uint8Array;
  /**
   * Restore hours of node v at [2v] (as float32: whole hours are exact up to 16.7 million) and its
   * cause at [2v+1] (as int32), two views of one buffer: both in one 8-byte slot, so a raise
   * touches one cache line, and the whole array is half the size of float64 pairs.
   */
  private readonly restoreOf: Float32Array;
  private readonly causeOf: Int32Array;
  /**
   * Per redundancy group k, in one 16-byte slot: [4k] owner, [4k+1] first member edge, [4k+2]
   * member count, [4k+3] members hit (low 16 bits) and stopped (high 16 bits) in this run.
   */
  private readonly groups: Int32Array;
  private readonly queue: Int32Array;
  /**
   * The restore time of each queued node, beside it in the queue: read in queue order, it spares
   * the walk a random read of the node's own slot (the one access a bare search does not have).
   */
  private readonly queueRestore: Float32Array;
  /** The nodes the last run reached, and the group slots it touched: what the next run clears. */
  private readonly reachedNodes: Int32Array;
  private reachedCount = 0;
  private readonly touchedGroups: Int32Array;
  private touchedCount = 0;

  constructor(
    readonly graph: CutGraph,
    reverse: ReverseEdges = reverseEdges(graph),
  ) {
    this.reverse = reverse;
    const n = graph.nodeCount;
    this.flags = new Uint8Array(n);
    const slots = new ArrayBuffer(8 * n);
    this.restoreOf = new Float32Array(slots);
    this.causeOf = new Int32Array(slots);
    const groupCount = graph.groupOwner.length;
    this.groups = new Int32Array(4 * groupCount);
    for (let k = 0; k < groupCount; k++) {
      const size = graph.groupMembers.off[k + 1]! - graph.groupMembers.off[k]!;
      if (size >= 0x8000)
        throw new RangeError(`redundancy group ${k} has ${size} members; at most 32,767 are supported`);
      this.groups[4 * k] = graph.groupOwner[k]!;
      this.groups[4 * k + 1] = graph.groupMembers.off[k]!;
      this.groups[4 * k + 2] = size;
    }
    this.queue = new Int32Array(n + 1);
    this.queueRestore = new Float32Array(n + 1);
    this.reachedNodes = new Int32Array(n);
    this.touchedGroups = new Int32Array(groupCount);
  }

  /**
   * Runs a cut. `seeds` are the asset nodes cut off directly, `seedRestore[i]` the hours until
   * seed i runs again (+Infinity when unknown), and `cap[v]` the hours the exit plan of asset v
   * needs to replace it (+Infinity or absent: no plan).
   */
  run(seeds: ArrayLike<number>, seedRestore: ArrayLike<number>, cap?: Float64Array): CutOutcome {
    this.reset();
    const g = this.graph;
    const n = g.nodeCount;
    const flags = this.flags;
    const rf = this.restoreOf;
    const ci = this.causeOf;
    const queue = this.queue;
    const queued = this.queueRestore;
    const groups = this.groups;
    const { off, to } = this.reverse;
    const members = g.groupMembers.adj;
    const reachedNodes = this.reachedNodes;
    const touchedGroups = this.touchedGroups;
    let reachedCount = 0;
    let touchedCount = 0;
    let head = 0;
    let tail = 0;
    // Every restore time is a max or min of seed times and caps, so none is below the smallest of
    // them: passing on that time can never raise a stopped node, and its check is skipped.
    let floor = cap === undefined ? Infinity : this.smallestCap(cap);
    for (let i = 0; i < seedRestore.length; i++) floor = Math.min(floor, seedRestore[i]!);
    for (let i = 0; i < seeds.length; i++) {
      const v = seeds[i]!;
      const r = seedRestore[i]!;
      const f = flags[v]!;
      if ((f & STATE) === RUNNING) reachedNodes[reachedCount++] = v;
      // A seed cut by several cuts is back when the last of them lifts.
      rf[2 * v] = (f & STATE) === STOPPED ? Math.max(rf[2 * v]!, r) : r;
      ci[2 * v + 1] = -1;
      flags[v] = (f & ~STATE) | STOPPED | QUEUED | (f & QUEUED ? STALE : 0);
      if (!(f & QUEUED)) {
        queue[tail] = v;
        queued[tail] = rf[2 * v]!;
        tail = tail === n ? 0 : tail + 1;
      }
    }
    while (head !== tail) {
      const u = queue[head]!;
      const carried = queued[head]!;
      head = head === n ? 0 : head + 1;
      const f = flags[u]!;
      const now = f & STATE;
      const before = (f >> SENT_SHIFT) & STATE;
      const restoreRose = now === STOPPED && (before !== STOPPED || (f & RESTORE_DIRTY) !== 0);
      flags[u] = (f & ~(QUEUED | RESTORE_DIRTY | STALE | (STATE << SENT_SHIFT))) | (now << SENT_SHIFT);
      if (before === now && !restoreRose) continue;
      const r = now !== STOPPED ? NaN : f & STALE ? rf[2 * u]! : carried;
      const newlyHit = before === RUNNING;
      const newlyStopped = now === STOPPED && before !== STOPPED;
      for (let e = off[u]!, end = off[u + 1]!; e < end; e++) {
        let w = to[e]!;
        // A required edge passes the state on, and a stopped node its restore time (NaN otherwise).
        let s = now;
        let wr = r;
        if (w < 0) {
          const slot = 4 * ~w;
          w = groups[slot]!;
          let counts = groups[slot + 3]!;
          if (counts === 0) touchedGroups[touchedCount++] = slot;
          if (newlyHit) counts += 1;
          if (newlyStopped) counts += 0x10000;
          groups[slot + 3] = counts;
          const size = groups[slot + 2]!;
          if (counts >>> 16 === size) {
            s = STOPPED;
            // The group is back when its first member is back.
            wr = Infinity;
            const first = groups[slot + 1]!;
            for (let i = first; i < first + size; i++) wr = Math.min(wr, rf[2 * members[i]!]!);
          } else if ((counts & 0xffff) > 0) {
            s = DEGRADED;
            wr = NaN;
          } else continue;
        }
        if (cap !== undefined && cap[w]! < wr) wr = cap[w]!;
        const fw = flags[w]!;
        const sw = fw & STATE;
        if (s > sw) {
          if (sw === RUNNING) reachedNodes[reachedCount++] = w;
          ci[2 * w + 1] = u;
          if (s === STOPPED) rf[2 * w] = wr;
          flags[w] = (fw & ~STATE) | s | QUEUED | (fw & QUEUED ? STALE : 0);
        } else if (s === STOPPED && wr > floor && Math.fround(wr) > rf[2 * w]!) {
          rf[2 * w] = wr;
          flags[w] = fw | QUEUED | RESTORE_DIRTY | (fw & QUEUED ? STALE : 0);
        } else continue;
        if (!(fw & QUEUED)) {
          queue[tail] = w;
          queued[tail] = wr;
          tail = tail === n ? 0 : tail + 1;
        }
      }
    }
    this.reachedCount = reachedCount;
    this.touchedCount = touchedCount;
    const reached = reachedNodes.subarray(0, reachedCount);
    return {
      reached,
      state: (v) => flags[v]! & STATE,
      restore: (v) => ((flags[v]! & STATE) === STOPPED ? rf[2 * v]! : NaN),
      cause: (v) => ((flags[v]! & STATE) === RUNNING ? -1 : ci[2 * v + 1]!),
    };
  }

  private capSeen?: Float64Array;
  private capMin = Infinity;

  /** The smallest cap, computed once per caps array (an engine passes the same one every run). */
  private smallestCap(cap: Float64Array): number {
    if (cap !== this.capSeen) {
      this.capSeen = cap;
      this.capMin = Infinity;
      for (let v = 0; v < cap.length; v++) this.capMin = Math.min(this.capMin, cap[v]!);
    }
    return this.capMin;
  }

  /** Clears what the previous run touched. */
  private reset(): void {
    for (let i = 0; i < this.reachedCount; i++) this.flags[this.reachedNodes[i]!] = 0;
    this.reachedCount = 0;
    for (let i = 0; i < this.touchedCount; i++) this.groups[this.touchedGroups[i]! + 3] = 0;
    this.touchedCount = 0;
  }
}

/** One cut as whole-graph arrays (for tests and small registers; evaluations use CutPropagator). */
export function propagateCut(
  g: CutGraph,
  reverse: ReverseEdges,
  seeds: ArrayLike<number>,
  seedRestore: ArrayLike<number>,
  cap?: Float64Array,
): { state: Uint8Array; restore: Float64Array; cause: Int32Array } {
  const o = new CutPropagator(g, reverse).run(seeds, seedRestore, cap);
  const state = new Uint8Array(g.nodeCount);
  const restore = new Float64Array(g.nodeCount).fill(NaN);
  const cause = new Int32Array(g.nodeCount).fill(-1);
  for (const v of o.reached) {
    state[v] = o.state(v);
    restore[v] = o.restore(v);
    cause[v] = o.cause(v);
  }
  return { state, restore, cause };
}
