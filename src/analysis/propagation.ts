/**
 * Propagates continuity risk from assets to processes through the dependency graph with AND/OR
 * semantics: a consumer is as exposed as its most exposed required dependency (weakest link); a
 * redundancy group is exposed only as far as its members can fail together — members that share an
 * ultimate parent anywhere upstream count as one, and independent members must all fail.
 *
 * Effective likelihoods are computed over the strongly connected components, upstream first, so
 * every asset is computed from final inputs and cycles settle.
 */
import type { AssetRisk } from './asset-risk.js';
import type { RegisterView } from './register-view.js';
import { components, upstreamUnion, type Components, type UpstreamSets } from './upstream.js';

/** Interruption likelihood 1–5 as a 0–1 proxy, and back. */
export const toP = (likelihood: number) => (likelihood - 1) / 4;
export const toLikelihood = (p: number) => Math.round((1 + 4 * p) * 10) / 10;

export interface GroupOutcome {
  name: string;
  members: string[];
  /** Members merged because they share an ultimate parent upstream; each inner list fails together. */
  partitions: string[][];
  independent: boolean;
  /** Ultimate parents shared between members, when any. */
  sharedRoots: string[];
  likelihood: number;
}

export interface Propagated {
  /** Effective likelihood including what the consumer depends on. */
  likelihood: number;
  /** The dependency (asset id, or "group:<name>") that sets it. */
  via?: string;
  groups: GroupOutcome[];
}

interface Partitioned {
  /** Member node numbers, merged where they share an upstream ultimate parent. */
  partitions: number[][];
  sharedRoots: string[];
}

export class Propagator {
  /** Ultimate parents each asset depends on, through its own exposure and everything upstream. */
  readonly roots: UpstreamSets<string>;
  /** Effective likelihood of each asset node. */
  private readonly effective: Float64Array;
  /** By group number. */
  private readonly partitionMemo = new Map<number, Partitioned>();

  constructor(
    private readonly view: RegisterView,
    /** The scored risk of each asset node. */
    risks: readonly (AssetRisk | undefined)[],
    comp: Components = components(view.graph.assetCount, view.graph.upstream),
    /** Ultimate parents behind each asset itself (its provider and host); upstream ones are added here. */
    ownRoots: (v: number) => Iterable<string> = (v) => risks[v]?.roots ?? [],
  ) {
    this.roots = upstreamUnion(comp, ownRoots);
    this.effective = new Float64Array(view.graph.assetCount);
    for (let v = 0; v < this.effective.length; v++) this.effective[v] = risks[v]?.continuity.likelihood ?? 1;
    this.settle(comp);
  }

  /** Ultimate parents an asset depends on, itself included. */
  rootsOf(assetId: string): ReadonlySet<string> {
    return this.roots.get(this.view.graph.assetIndex.get(assetId) ?? -1);
  }

  /** Effective continuity likelihood of an asset. */
  likelihood(assetId: string): number {
    const v = this.view.graph.assetIndex.get(assetId);
    return v === undefined ? 1 : this.effective[v]!;
  }

  /** The propagated continuity of a consumer ("process:id" or "asset:id"), with its groups explained. */
  consumer(ref: string): Propagated {
    const g = this.view.graph;
    const v = this.view.node(ref);
    const isAsset = v !== undefined && v < g.assetCount;
    let best: Propagated = { likelihood: isAsset ? this.effective[v]! : 1, groups: [] };
    if (v === undefined) return best;
    const { off, adj } = g.required;
    for (let e = off[v]!; e < off[v + 1]!; e++) {
      const l = this.effective[adj[e]!]!;
      if (l > best.likelihood || (best.via === undefined && !isAsset))
        best = { ...best, likelihood: l, via: g.assetIds[adj[e]!]! };
    }
    for (let e = g.groupsOf.off[v]!; e < g.groupsOf.off[v + 1]!; e++) {
      const outcome = this.group(g.groupsOf.adj[e]!);
      best.groups.push(outcome);
      if (outcome.likelihood > best.likelihood)
        best = { ...best, likelihood: outcome.likelihood, via: `group:${outcome.name}` };
    }
    return best;
  }

  /**
   * Effective likelihoods, component by component with upstream components first: an asset outside
   * a cycle is computed once from final inputs; inside a cycle a worklist raises members until
   * nothing changes (values only rise and are bounded, so it ends).
   */
  private settle(comp: Components): void {
    const g = this.view.graph;
    const { members } = comp;
    const eff = this.effective;
    const queued = new Uint8Array(g.assetCount);
    for (let c = 0; c < comp.count; c++) {
      const first = members.off[c]!;
      const end = members.off[c + 1]!;
      if (end - first === 1) {
        // Outside any cycle: one computation from final inputs.
        const v = members.adj[first]!;
        const n = this.needed(v);
        if (n > eff[v]!) eff[v] = n;
        continue;
      }
      const queue: number[] = [];
      for (let i = first; i < end; i++) {
        queue.push(members.adj[i]!);
        queued[members.adj[i]!] = 1;
      }
      while (queue.length) {
        const v = queue.pop()!;
        queued[v] = 0;
        const value = this.needed(v);
        if (value <= eff[v]!) continue;
        eff[v] = value;
        for (let e = g.consumers.off[v]!; e < g.consumers.off[v + 1]!; e++) {
          const w = g.consumers.adj[e]!;
          if (w < g.assetCount && comp.of[w] === c && !queued[w]) {
            queued[w] = 1;
            queue.push(w);
          }
        }
      }
    }
  }

  /** The highest likelihood among what a node needs (required assets and groups); 1 when nothing. */
  private needed(v: number): number {
    const g = this.view.graph;
    const eff = this.effective;
    let value = 1;
    for (let e = g.required.off[v]!; e < g.required.off[v + 1]!; e++) {
      const l = eff[g.required.adj[e]!]!;
      if (l > value) value = l;
    }
    for (let e = g.groupsOf.off[v]!; e < g.groupsOf.off[v + 1]!; e++) {
      const l = this.groupLikelihood(this.partition(g.groupsOf.adj[e]!).partitions);
      if (l > value) value = l;
    }
    return value;
  }

  private groupLikelihood(partitions: number[][]): number {
    let p = 1;
    for (const part of partitions) {
      let worst = 0;
      for (const m of part) worst = Math.max(worst, toP(this.effective[m]!));
      p *= worst;
    }
    return toLikelihood(p);
  }

  private group(k: number): GroupOutcome {
    const g = this.view.graph;
    const { partitions, sharedRoots } = this.partition(k);
    const members: string[] = [];
    for (let e = g.groupMembers.off[k]!; e < g.groupMembers.off[k + 1]!; e++)
      members.push(g.assetIds[g.groupMembers.adj[e]!]!);
    return {
      name: g.groupName[k]!,
      members,
      partitions: partitions.map((part) => part.map((m) => g.assetIds[m]!)),
      independent: partitions.length === members.length && members.length > 1,
      sharedRoots,
      likelihood: this.groupLikelihood(partitions),
    };
  }

  /** Union-find over the members of group k: two that share an upstream ultimate parent fail together. */
  private partition(k: number): Partitioned {
    const known = this.partitionMemo.get(k);
    if (known) return known;
    const { off, adj } = this.view.graph.groupMembers;
    const members = Array.from(adj.subarray(off[k]!, off[k + 1]!));
    const parent = members.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    const shared = new Set<string>();
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) {
        const common = this.roots.common(members[i]!, members[j]!);
        if (!common.length) continue;
        for (const r of common) shared.add(r);
        parent[find(i)] = find(j);
      }
    const groups = new Map<number, number[]>();
    members.forEach((m, i) => {
      const root = find(i);
      const list = groups.get(root);
      if (list) list.push(m);
      else groups.set(root, [m]);
    });
    const result = { partitions: [...groups.values()], sharedRoots: [...shared].sort() };
    this.partitionMemo.set(k, result);
    return result;
  }
}
