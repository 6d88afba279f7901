/**
 * The register as the risk engine reads it: records indexed by id, ownership chains resolved to
 * the ultimate parent, and the dependency edges compiled once into integer CSR arrays — required
 * edges, redundancy groups, runs-on edges and their reverse — so every later pass walks typed
 * arrays instead of string-keyed maps.
 */
import type { AssetSupplier } from './sbom/suppliers.js';
import type {
  AssetRecord,
  DependencyRecord,
  ExitPlanRecord,
  PartyRecord,
  ProcessRecord,
  ProductRecord,
} from '../domain/index.js';
import { EdgeList, reverseCsr, type Csr } from './csr.js';

export interface RegisterData {
  processes: readonly ProcessRecord[];
  assets: readonly AssetRecord[];
  parties: readonly PartyRecord[];
  products: readonly ProductRecord[];
  dependencies: readonly DependencyRecord[];
  exitPlans: readonly ExitPlanRecord[];
  /** Knowledge-base vendors each asset's SBOM components come from (see analysis/sbom/suppliers). */
  componentSuppliers?: readonly { assetId: string; suppliers: readonly AssetSupplier[] }[];
}

/** The assets a consumer needs: each required one, and each redundancy group (any member suffices). */
export interface Needs {
  required: string[];
  groups: { name: string; members: string[] }[];
}

/**
 * The dependency graph with integer node numbers: assets are 0 … assetCount-1 in register order,
 * processes follow (assetCount … nodeCount-1). Edges point from a consumer to what it needs.
 */
export interface AssetGraph {
  assetCount: number;
  nodeCount: number;
  assetIds: string[];
  processIds: string[];
  /** Asset id → node number. */
  assetIndex: Map<string, number>;
  /** Process id → node number (≥ assetCount). */
  processIndex: Map<string, number>;
  /** Required upstream assets of each node. */
  required: Csr;
  /** Every upstream asset of each node: the required ones and every redundancy-group member. */
  upstream: Csr;
  /** Redundancy groups of each node (group numbers). */
  groupsOf: Csr;
  groupName: string[];
  /** The node each group belongs to. */
  groupOwner: Int32Array;
  /** Members of each group (asset node numbers). */
  groupMembers: Csr;
  /** The assets each asset runs on (relation runs-on): the hosting it inherits exposure from. */
  runsOn: Csr;
  /** The consumers of each node (reverse of `upstream`). */
  consumers: Csr;
}

export class RegisterView {
  readonly assets = new Map<string, AssetRecord>();
  readonly parties = new Map<string, PartyRecord>();
  readonly products = new Map<string, ProductRecord>();
  readonly processes = new Map<string, ProcessRecord>();
  /** Exit plans by asset id. */
  readonly exitPlans = new Map<string, ExitPlanRecord[]>();
  readonly graph: AssetGraph;
  /** The asset record of each asset node. */
  readonly assetAt: AssetRecord[];

  constructor(readonly data: RegisterData) {
    // The first record of an id wins, as in the graph's numbering.
    for (const a of data.assets) if (!this.assets.has(a.id)) this.assets.set(a.id, a);
    for (const p of data.parties) this.parties.set(p.id, p);
    for (const p of data.products) this.products.set(p.id, p);
    for (const p of data.processes) this.processes.set(p.id, p);
    for (const e of data.exitPlans) this.exitPlans.set(e.assetId, [...(this.exitPlans.get(e.assetId) ?? []), e]);
    this.graph = compileGraph(data);
    this.assetAt = this.graph.assetIds.map((id) => this.assets.get(id)!);
  }

  private readonly chains = new Map<string, PartyRecord[]>();

  /** The chain from a party up to its ultimate parent (the party itself first); cycles are cut. */
  chain(partyId: string | undefined): PartyRecord[] {
    if (!partyId) return [];
    const known = this.chains.get(partyId);
    if (known) return known;
    const out: PartyRecord[] = [];
    const seen = new Set<string>();
    for (let id: string | undefined = partyId; id && !seen.has(id);) {
      seen.add(id);
      const p = this.parties.get(id);
      if (!p) break;
      out.push(p);
      id = p.parentId;
    }
    this.chains.set(partyId, out);
    return out;
  }

  ultimateParent(partyId: string | undefined): PartyRecord | undefined {
    return this.chain(partyId).at(-1);
  }

  /** The node number of "asset:id" or "process:id", if the register holds it. */
  node(ref: string): number | undefined {
    if (ref.startsWith('asset:')) return this.graph.assetIndex.get(ref.slice(6));
    if (ref.startsWith('process:')) return this.graph.processIndex.get(ref.slice(8));
    return undefined;
  }

  /** What a consumer ("process:id" / "asset:id") needs, as asset ids; undefined when it needs nothing. */
  needs(ref: string): Needs | undefined {
    const v = this.node(ref);
    if (v === undefined) return undefined;
    const g = this.graph;
    if (g.upstream.off[v] === g.upstream.off[v + 1]) return undefined;
    return {
      required: this.ids(g.required, v),
      groups: this.groupsOf(v).map((k) => ({ name: g.groupName[k]!, members: this.ids(g.groupMembers, k) })),
    };
  }

  /** Group numbers of a node. */
  groupsOf(v: number): number[] {
    const { off, adj } = this.graph.groupsOf;
    return Array.from(adj.subarray(off[v]!, off[v + 1]!));
  }

  /** Neighbours of `v` in `csr` as asset ids. */
  ids(csr: Csr, v: number): string[] {
    const out: string[] = [];
    for (let e = csr.off[v]!; e < csr.off[v + 1]!; e++) out.push(this.graph.assetIds[csr.adj[e]!]!);
    return out;
  }

  /** Assets an asset runs on or uses, required or in a group (its upstream). */
  upstream(assetId: string): string[] {
    const v = this.graph.assetIndex.get(assetId);
    return v === undefined ? [] : this.ids(this.graph.upstream, v);
  }

  /**
   * Assets reached from the nodes `starts` along upstream edges (all of them, or only required
   * ones), nearest first, as asset ids. A breadth-first walk over the CSR arrays.
   */
  closure(starts: Iterable<number>, requiredOnly: boolean): string[] {
    return this.closureNodes(starts, requiredOnly).map((v) => this.graph.assetIds[v]!);
  }

  /** As `closure`, as node numbers. */
  closureNodes(starts: Iterable<number>, requiredOnly: boolean): number[] {
    const g = this.graph;
    const { off, adj } = requiredOnly ? g.required : g.upstream;
    const seen = new Uint8Array(g.nodeCount);
    const queue: number[] = [];
    for (const s of starts)
      for (let e = off[s]!; e < off[s + 1]!; e++) {
        const j = adj[e]!;
        if (!seen[j]) {
          seen[j] = 1;
          queue.push(j);
        }
      }
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head]!;
      for (let e = off[v]!; e < off[v + 1]!; e++) {
        const j = adj[e]!;
        if (!seen[j]) {
          seen[j] = 1;
          queue.push(j);
        }
      }
    }
    return queue;
  }
}

/** Compiles the dependency records into CSR arrays; edges to unknown assets or from other kinds are left out. */
export function compileGraph(data: RegisterData): AssetGraph {
  const assetIds: string[] = [];
  const assetIndex = new Map<string, number>();
  for (const a of data.assets)
    if (!assetIndex.has(a.id)) {
      assetIndex.set(a.id, assetIds.length);
      assetIds.push(a.id);
    }
  const assetCount = assetIds.length;
  const processIds: string[] = [];
  const processIndex = new Map<string, number>();
  for (const p of data.processes)
    if (!processIndex.has(p.id)) {
      processIndex.set(p.id, assetCount + processIds.length);
      processIds.push(p.id);
    }
  const nodeCount = assetCount + processIds.length;
  const m = data.dependencies.length;
  // Edge ends are looked up by their full reference ("asset:x", "process:y"): no slicing per edge.
  const byRef = new Map<string, number>();
  for (let v = 0; v < assetCount; v++) byRef.set(`asset:${assetIds[v]}`, v);
  for (let k = 0; k < processIds.length; k++) byRef.set(`process:${processIds[k]}`, assetCount + k);
  const required = new EdgeList(m);
  const upstream = new EdgeList(m);
  const runsOn = new EdgeList(assetCount);
  const nodeGroups = new EdgeList();
  const members = new EdgeList();
  const groupName: string[] = [];
  const groupOwner: number[] = [];
  const groupKey = new Map<string, number>();
  for (const d of data.dependencies) {
    // Each field read once: registers bring hundreds of thousands of edges.
    const { from, to, redundancyGroup, relation } = d;
    const target = byRef.get(to);
    // Only assets are needed; processes are consumers only.
    if (target === undefined || target >= assetCount) continue;
    const source = byRef.get(from);
    if (source === undefined) continue;
    upstream.push(source, target);
    if (redundancyGroup) {
      const key = `${source}\u0000${redundancyGroup}`;
      let k = groupKey.get(key);
      if (k === undefined) {
        groupKey.set(key, (k = groupName.length));
        groupName.push(redundancyGroup);
        groupOwner.push(source);
        nodeGroups.push(source, k);
      }
      members.push(k, target);
    } else required.push(source, target);
    if (source < assetCount && relation === 'runs-on') runsOn.push(source, target);
  }
  const upstreamCsr = upstream.toCsr(nodeCount);
  return {
    assetCount,
    nodeCount,
    assetIds,
    processIds,
    assetIndex,
    processIndex,
    required: required.toCsr(nodeCount),
    upstream: upstreamCsr,
    groupsOf: nodeGroups.toCsr(nodeCount),
    groupName,
    groupOwner: Int32Array.from(groupOwner),
    groupMembers: members.toCsr(groupName.length),
    runsOn: runsOn.toCsr(assetCount),
    consumers: reverseCsr(upstreamCsr, nodeCount),
  };
}
