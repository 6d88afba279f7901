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
  /**
   * An upstream node whose state explains this one's (-1 for running nodes and seeds): a stopped
   * required dependency or a member of a stopped redundancy group for a stopped node; a degraded
   * required dependency or a lost group member for a degraded one. Found from the final states
   * when asked, not recorded during the run.
   */
  cause(v: number): number;
  /** From a node down to a node cut off directly, each step a cause of the one before (node first). */
  pathToCut(v: number): number[];
}

// Per-node flags, one byte: the state (2 bits), the state last passed on (2 bits), queued,
// "restore rose since last passed on", "restore changed while queued", and "has an exit-plan cap"
// (fixed per propagator, kept when a run's flags are cleared).
const STATE = 3;
const SENT_SHIFT = 2;
const QUEUED = 16;
const RESTORE_DIRTY = 32;
/** The restore time changed while the node was queued: read it from the node, not the queue. */
const STALE = 64;
const HAS_CAP = 128;

/**
 * Propagates cuts over one graph. Its scratch arrays are sized to the graph once and cleared after
 * each run only where the run reached, so an evaluation costs in proportion to what the cut
 * reaches, not to the size of the register.
 *
 * Restore times are kept per node as a two-byte index into the run's few distinct values (the
 * seeds' times and the exit-plan caps, sorted, so comparing indexes compares hours): with the
 * one-byte flags that keeps the engine's per-node state small enough to stay in cache, so a run
 * costs little more than a bare search of what the cut reaches.
 */
export class CutPropagator {
  readonly reverse: ReverseEdges;
  private readonly flags: Uint8Array;
  private readonly restoreIndex: Uint16Array;
  /**
   * Per redundancy group k, in one 16-byte slot: [4k] owner, [4k+1] first member edge, [4k+2]
   * member count, [4k+3] members hit (low 16 bits) and stopped (high 16 bits) in this run.
   */
  private readonly groups: Int32Array;
  private readonly queue: Int32Array;
  /** The restore index of each queued node, beside it in the queue (read in queue order). */
  private readonly queueRestore: Uint16Array;
  /** The nodes the last run reached, and the group slots it touched: what the next run clears. */
  private readonly reachedNodes: Int32Array;
  private reachedCount = 0;
  private readonly touchedGroups: Int32Array;
  private touchedCount = 0;
  /** The distinct finite caps, sorted. */
  private readonly capValues: number[];

  /**
   * `cap[v]`: the hours the exit plan of asset v needs to replace it (+Infinity: no plan). A node
   * with an exit plan is back after that time at the latest, whatever it ran on.
   */
  constructor(
    readonly graph: CutGraph,
    reverse: ReverseEdges = reverseEdges(graph),
    private readonly cap?: Float64Array,
  ) {
    this.reverse = reverse;
    const n = graph.nodeCount;
    this.flags = new Uint8Array(n);
    this.restoreIndex = new Uint16Array(n);
    const caps = new Set<number>();
    if (cap)
      for (let v = 0; v < Math.min(n, cap.length); v++)
        if (Number.isFinite(cap[v]!)) {
          this.flags[v] = HAS_CAP;
          caps.add(cap[v]!);
        }
    this.capValues = [...caps].sort((a, b) => a - b);
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
    this.queueRestore = new Uint16Array(n + 1);
    this.reachedNodes = new Int32Array(n);
    this.touchedGroups = new Int32Array(groupCount);
  }

  /**
   * Runs a cut. `seeds` are the asset nodes cut off directly and `seedRestore[i]` the hours until
   * seed i runs again (+Infinity when unknown).
   */
  run(seeds: ArrayLike<number>, seedRestore: ArrayLike<number>): CutOutcome {
    this.reset();
    const g = this.graph;
    const n = g.nodeCount;
    const flags = this.flags;
    const ri = this.restoreIndex;
    const queue = this.queue;
    const queued = this.queueRestore;
    const groups = this.groups;
    const { off, to } = this.reverse;
    const members = g.groupMembers.adj;
    const reachedNodes = this.reachedNodes;
    const touchedGroups = this.touchedGroups;
    const cap = this.cap;
    // The run's restore times: the seeds' and the caps', sorted; an index stands for its time.
    const values = [...new Set([...Array.from(seedRestore), ...this.capValues, Infinity])].sort((a, b) => a - b);
    if (values.length > 0xffff) throw new RangeError(`${values.length} distinct restore times; at most 65,535`);
    const indexOf = (hours: number) => {
      let lo = 0;
      let hi = values.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (values[mid]! < hours) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    // Every restore time is a max or min of seed times and caps, so none is below the smallest:
    // passing that time on can never raise a stopped node, and the check is skipped.
    const floor = 0;
    let reachedCount = 0;
    let touchedCount = 0;
    let head = 0;
    let tail = 0;
    for (let i = 0; i < seeds.length; i++) {
      const v = seeds[i]!;
      let r = indexOf(seedRestore[i]!);
      const f = flags[v]!;
      if ((f & STATE) === RUNNING) reachedNodes[reachedCount++] = v;
      // A seed cut by several cuts is back when the last of them lifts.
      else if ((f & STATE) === STOPPED) r = Math.max(ri[v]!, r);
      ri[v] = r;
      flags[v] = (f & ~STATE) | STOPPED | QUEUED | (f & QUEUED ? STALE : 0);
      if (!(f & QUEUED)) {
        queue[tail] = v;
        queued[tail] = r;
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
      // -1 stands for "no restore time" (the node is degraded).
      const r = now !== STOPPED ? -1 : f & STALE ? ri[u]! : carried;
      const newlyHit = before === RUNNING;
      const newlyStopped = now === STOPPED && before !== STOPPED;
      for (let e = off[u]!, end = off[u + 1]!; e < end; e++) {
        let w = to[e]!;
        // A required edge passes the state on, and a stopped node its restore time.
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
            wr = 0xffff;
            const first = groups[slot + 1]!;
            for (let i = first; i < first + size; i++) wr = Math.min(wr, ri[members[i]!]!);
          } else if ((counts & 0xffff) > 0) {
            s = DEGRADED;
            wr = -1;
          } else continue;
        }
        const fw = flags[w]!;
        if (fw & HAS_CAP && s === STOPPED) wr = Math.min(wr, indexOf(cap![w]!));
        const sw = fw & STATE;
        if (s > sw) {
          if (sw === RUNNING) reachedNodes[reachedCount++] = w;
          if (s === STOPPED) ri[w] = wr;
          flags[w] = (fw & ~STATE) | s | QUEUED | (fw & QUEUED ? STALE : 0);
        } else if (s === STOPPED && wr > floor && wr > ri[w]!) {
          ri[w] = wr;
          flags[w] = fw | QUEUED | RESTORE_DIRTY | (fw & QUEUED ? STALE : 0);
        } else continue;
        if (!(fw & QUEUED)) {
          queue[tail] = w;
          queued[tail] = wr < 0 ? 0 : wr;
          tail = tail === n ? 0 : tail + 1;
        }
      }
    }
    this.reachedCount = reachedCount;
    this.touchedCount = touchedCount;
    return this.outcome(reachedNodes.subarray(0, reachedCount), seeds, values);
  }

  private outcome(reached: Int32Array, seeds: ArrayLike<number>, values: number[]): CutOutcome {
    const flags = this.flags;
    const ri = this.restoreIndex;
    const state = (v: number) => flags[v]! & STATE;
    let parent: Int32Array | undefined;
    const explained = () => (parent ??= this.explain(reached, seeds));
    return {
      reached,
      state,
      restore: (v) => (state(v) === STOPPED ? values[ri[v]!]! : NaN),
      cause: (v) => (state(v) === RUNNING ? -1 : explained()[v]!),
      pathToCut: (v) => {
        const path = [v];
        if (state(v) === RUNNING) return path;
        const p = explained();
        for (let u = p[v]!; u >= 0; u = p[u]!) path.push(u);
        return path;
      },
    };
  }

  /**
   * Causes from the final states: one breadth-first pass from the seeds over what the run reached,
   * along edges that explain the consumer's state — a stopped required dependency or a fully stopped
   * group for a stopped node; any required dependency or group member not running for a degraded
   * one. Each node's cause is then the first step of a shortest account of why it is down.
   */
  private explain(reached: Int32Array, seeds: ArrayLike<number>): Int32Array {
    const n = this.graph.nodeCount;
    const parent = (this.parents ??= new Int32Array(n));
    const queue = (this.explainQueue ??= new Int32Array(n));
    const flags = this.flags;
    const groups = this.groups;
    const { off, to } = this.reverse;
    const UNSEEN = -2;
    for (const v of reached) parent[v] = UNSEEN;
    let tail = 0;
    for (let i = 0; i < seeds.length; i++)
      if (parent[seeds[i]!] === UNSEEN) {
        parent[seeds[i]!] = -1;
        queue[tail++] = seeds[i]!;
      }
    for (let head = 0; head < tail; head++) {
      const u = queue[head]!;
      const su = flags[u]! & STATE;
      for (let e = off[u]!; e < off[u + 1]!; e++) {
        let w = to[e]!;
        let fullyStopped = false;
        if (w < 0) {
          const slot = 4 * ~w;
          w = groups[slot]!;
          fullyStopped = groups[slot + 3]! >>> 16 === groups[slot + 2]!;
        }
        const sw = flags[w]! & STATE;
        if (sw === RUNNING || parent[w] !== UNSEEN) continue;
        const explains = to[e]! >= 0 ? su >= sw : sw === STOPPED ? fullyStopped : true;
        if (!explains) continue;
        parent[w] = u;
        queue[tail++] = w;
      }
    }
    return parent;
  }

  private parents?: Int32Array;
  private explainQueue?: Int32Array;

  /** Clears what the previous run touched (the exit-plan marks stay). */
  private reset(): void {
    for (let i = 0; i < this.reachedCount; i++) this.flags[this.reachedNodes[i]!]! &= HAS_CAP;
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
  const o = new CutPropagator(g, reverse, cap).run(seeds, seedRestore);
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
