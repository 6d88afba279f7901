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
import type { Needs, RegisterView } from './register-view.js';
import { assetComponents, upstreamUnion, type Components, type UpstreamSets } from './upstream.js';

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
  partitions: string[][];
  sharedRoots: string[];
}

export class Propagator {
  /** Ultimate parents each asset depends on, through its own exposure and everything upstream. */
  readonly roots: UpstreamSets<string>;
  private readonly effective = new Map<string, number>();
  private readonly partitionMemo = new Map<string, Partitioned>();

  constructor(
    private readonly view: RegisterView,
    private readonly risks: Map<string, AssetRisk>,
    comp: Components = assetComponents(view),
    /** Ultimate parents behind each asset itself (its provider and host); upstream ones are added here. */
    ownRoots: (assetId: string) => Iterable<string> = (id) => risks.get(id)?.roots ?? [],
  ) {
    this.roots = upstreamUnion(comp, ownRoots);
    this.settle(comp);
  }

  rootsOf(assetId: string): ReadonlySet<string> {
    return this.roots.get(assetId);
  }

  /** Effective continuity likelihood of an asset. */
  likelihood(assetId: string): number {
    return this.effective.get(assetId) ?? this.risks.get(assetId)?.continuity.likelihood ?? 1;
  }

  /** The propagated continuity of a consumer ("process:id" or "asset:id"), with its groups explained. */
  consumer(ref: string): Propagated {
    const own = ref.startsWith('asset:') ? this.likelihood(ref.slice(6)) : 1;
    const needs = this.view.needs.get(ref);
    let best: Propagated = { likelihood: own, groups: [] };
    if (!needs) return best;
    for (const id of needs.required) {
      const l = this.likelihood(id);
      if (l > best.likelihood || (best.via === undefined && ref.startsWith('process:')))
        best = { ...best, likelihood: l, via: id };
    }
    for (const g of needs.groups) {
      const outcome = this.group(ref, g.name, g.members);
      best.groups.push(outcome);
      if (outcome.likelihood > best.likelihood)
        best = { ...best, likelihood: outcome.likelihood, via: `group:${g.name}` };
    }
    return best;
  }

  /**
   * Effective likelihoods, component by component with upstream components first: an asset outside
   * a cycle is computed once from final inputs; inside a cycle a worklist raises members until
   * nothing changes (values only rise and are bounded, so it ends).
   */
  private settle(comp: Components): void {
    for (const [id, r] of this.risks) this.effective.set(id, r.continuity.likelihood);
    for (const members of comp.members) {
      if (members.length === 1) {
        // Outside any cycle: one computation from final inputs.
        const id = members[0]!;
        const needs = this.view.needs.get(`asset:${id}`);
        if (needs) this.effective.set(id, Math.max(this.likelihood(id), this.needed(`asset:${id}`, needs)));
        continue;
      }
      const inComponent = new Set(members);
      const queue = [...members];
      const queued = new Set(members);
      while (queue.length) {
        const id = queue.pop()!;
        queued.delete(id);
        const needs = this.view.needs.get(`asset:${id}`);
        if (!needs) continue;
        const value = Math.max(this.likelihood(id), this.needed(`asset:${id}`, needs));
        if (value <= this.likelihood(id)) continue;
        this.effective.set(id, value);
        for (const c of this.view.consumers.get(id) ?? []) {
          const consumer = c.slice(6);
          if (c.startsWith('asset:') && inComponent.has(consumer) && !queued.has(consumer)) {
            queued.add(consumer);
            queue.push(consumer);
          }
        }
      }
    }
  }

  /** The highest likelihood among what a consumer needs (required assets and groups). */
  private needed(ref: string, needs: Needs): number {
    let value = 1;
    for (const id of needs.required) value = Math.max(value, this.likelihood(id));
    for (const g of needs.groups)
      value = Math.max(value, this.groupLikelihood(this.partition(ref, g.name, g.members).partitions));
    return value;
  }

  private groupLikelihood(partitions: string[][]): number {
    let p = 1;
    for (const part of partitions) p *= Math.max(...part.map((m) => toP(this.likelihood(m))));
    return toLikelihood(p);
  }

  private group(ref: string, name: string, members: string[]): GroupOutcome {
    const { partitions, sharedRoots } = this.partition(ref, name, members);
    return {
      name,
      members,
      partitions,
      independent: partitions.length === members.length && members.length > 1,
      sharedRoots,
      likelihood: this.groupLikelihood(partitions),
    };
  }

  /** Union-find over the members: two that share an upstream ultimate parent fail together. */
  private partition(ref: string, name: string, members: string[]): Partitioned {
    const key = `${ref}\u0000${name}`;
    const known = this.partitionMemo.get(key);
    if (known) return known;
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
    const groups = new Map<number, string[]>();
    members.forEach((m, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), m]));
    const result = { partitions: [...groups.values()], sharedRoots: [...shared].sort() };
    this.partitionMemo.set(key, result);
    return result;
  }
}
