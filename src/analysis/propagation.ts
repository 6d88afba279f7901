/**
 * Propagates continuity risk from assets to processes through the dependency graph with AND/OR
 * semantics: a consumer is as exposed as its most exposed required dependency (weakest link); a
 * redundancy group is exposed only as far as its members can fail together — members that share an
 * ultimate parent anywhere upstream count as one, and independent members must all fail.
 */
import type { AssetRisk } from './asset-risk.js';
import type { RegisterView } from './register-view.js';

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

export class Propagator {
  private readonly effective = new Map<string, Propagated>();
  private readonly rootMemo = new Map<string, Set<string>>();

  constructor(
    private readonly view: RegisterView,
    private readonly risks: Map<string, AssetRisk>,
  ) {}

  /** Ultimate parents an asset depends on, through its own exposure and everything upstream. */
  rootsOf(assetId: string, visiting = new Set<string>()): Set<string> {
    const known = this.rootMemo.get(assetId);
    if (known) return known;
    const roots = new Set(this.risks.get(assetId)?.roots ?? []);
    if (visiting.has(assetId)) return roots;
    visiting.add(assetId);
    for (const up of this.view.upstream(assetId)) for (const r of this.rootsOf(up, visiting)) roots.add(r);
    visiting.delete(assetId);
    this.rootMemo.set(assetId, roots);
    return roots;
  }

  /** Effective continuity likelihood of an asset. */
  asset(assetId: string, visiting = new Set<string>()): Propagated {
    const known = this.effective.get(assetId);
    if (known) return known;
    const own = this.risks.get(assetId)?.continuity.likelihood ?? 1;
    if (visiting.has(assetId)) return { likelihood: own, groups: [] };
    visiting.add(assetId);
    const result = this.combine(`asset:${assetId}`, own, assetId, visiting);
    visiting.delete(assetId);
    this.effective.set(assetId, result);
    return result;
  }

  /** Effective continuity likelihood of a process (it has no exposure of its own). */
  process(processId: string): Propagated {
    return this.combine(`process:${processId}`, 1, undefined, new Set());
  }

  private combine(consumer: string, own: number, ownId: string | undefined, visiting: Set<string>): Propagated {
    const needs = this.view.needs.get(consumer);
    let best: Propagated = { likelihood: own, ...(ownId ? { via: ownId } : {}), groups: [] };
    if (!needs) return best;
    for (const id of needs.required) {
      const l = this.asset(id, visiting).likelihood;
      if (l > best.likelihood) best = { ...best, likelihood: l, via: id };
    }
    for (const g of needs.groups) {
      const outcome = this.group(g.name, g.members, visiting);
      best.groups.push(outcome);
      if (outcome.likelihood > best.likelihood)
        best = { ...best, likelihood: outcome.likelihood, via: `group:${g.name}` };
    }
    return best;
  }

  private group(name: string, members: string[], visiting: Set<string>): GroupOutcome {
    // Union-find over members: two members that share an upstream ultimate parent fail together.
    const parent = members.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    const roots = members.map((m) => this.rootsOf(m));
    const shared = new Set<string>();
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++)
        for (const r of roots[i]!)
          if (roots[j]!.has(r)) {
            shared.add(r);
            parent[find(i)] = find(j);
          }
    const partitions = new Map<number, string[]>();
    members.forEach((m, i) => partitions.set(find(i), [...(partitions.get(find(i)) ?? []), m]));
    let p = 1;
    for (const part of partitions.values()) p *= Math.max(...part.map((m) => toP(this.asset(m, visiting).likelihood)));
    return {
      name,
      members,
      partitions: [...partitions.values()],
      independent: partitions.size === members.length && members.length > 1,
      sharedRoots: [...shared],
      likelihood: toLikelihood(p),
    };
  }
}
