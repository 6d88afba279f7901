/**
 * The register as the risk engine reads it: records indexed by id, ownership chains resolved to
 * the ultimate parent, and the dependency edges split into required ones and redundancy groups.
 */
import type {
  AssetRecord,
  DependencyRecord,
  ExitPlanRecord,
  PartyRecord,
  ProcessRecord,
  ProductRecord,
} from '../domain/index.js';

export interface RegisterData {
  processes: readonly ProcessRecord[];
  assets: readonly AssetRecord[];
  parties: readonly PartyRecord[];
  products: readonly ProductRecord[];
  dependencies: readonly DependencyRecord[];
  exitPlans: readonly ExitPlanRecord[];
}

/** The assets a consumer needs: each required one, and each redundancy group (any member suffices). */
export interface Needs {
  required: string[];
  groups: { name: string; members: string[] }[];
}

const NONE: readonly string[] = [];

/** The asset graph with integer ids: upstream lists by position, as ids and as indexes. */
export interface IndexedGraph {
  ids: string[];
  index: Map<string, number>;
  all: string[][];
  allIdx: number[][];
  requiredIdx: number[][];
}

export class RegisterView {
  readonly assets = new Map<string, AssetRecord>();
  readonly parties = new Map<string, PartyRecord>();
  readonly products = new Map<string, ProductRecord>();
  readonly processes = new Map<string, ProcessRecord>();
  /** Exit plans by asset id. */
  readonly exitPlans = new Map<string, ExitPlanRecord[]>();
  /** What each process and asset needs, keyed by "process:id" / "asset:id". */
  readonly needs = new Map<string, Needs>();
  /** Consumers of each asset ("process:id" / "asset:id"). */
  readonly consumers = new Map<string, string[]>();
  /** The assets each asset runs on (relation runs-on): the hosting it inherits exposure from. */
  readonly runsOn = new Map<string, string[]>();

  constructor(readonly data: RegisterData) {
    for (const a of data.assets) this.assets.set(a.id, a);
    for (const p of data.parties) this.parties.set(p.id, p);
    for (const p of data.products) this.products.set(p.id, p);
    for (const p of data.processes) this.processes.set(p.id, p);
    for (const e of data.exitPlans) this.exitPlans.set(e.assetId, [...(this.exitPlans.get(e.assetId) ?? []), e]);
    for (const d of data.dependencies) {
      // Each field read once: registers bring hundreds of thousands of edges.
      const { from, to: toRef, redundancyGroup, relation } = d;
      if (!toRef.startsWith('asset:')) continue;
      const fromAsset = from.startsWith('asset:');
      if (!fromAsset && !from.startsWith('process:')) continue;
      const to = toRef.slice(6);
      if (!this.assets.has(to)) continue;
      let needs = this.needs.get(from);
      if (!needs) this.needs.set(from, (needs = { required: [], groups: [] }));
      if (redundancyGroup) {
        const group = needs.groups.find((g) => g.name === redundancyGroup);
        if (group) group.members.push(to);
        else needs.groups.push({ name: redundancyGroup, members: [to] });
      } else needs.required.push(to);
      const consumers = this.consumers.get(to);
      if (consumers) consumers.push(from);
      else this.consumers.set(to, [from]);
      if (fromAsset && relation === 'runs-on') {
        const id = from.slice(6);
        const hosts = this.runsOn.get(id);
        if (hosts) hosts.push(to);
        else this.runsOn.set(id, [to]);
      }
    }
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

  /** Assets an asset runs on or uses, required or in a group (its upstream). */
  upstream(assetId: string): readonly string[] {
    return this.graph().all[this.graph().index.get(assetId) ?? -1] ?? NONE;
  }

  private indexed?: IndexedGraph;

  /** The asset graph with integer ids, for walks over large registers. */
  graph(): IndexedGraph {
    if (this.indexed) return this.indexed;
    const ids = [...this.assets.keys()];
    const index = new Map(ids.map((id, i) => [id, i]));
    const toIdx = (list: readonly string[]) => list.map((id) => index.get(id)!).filter((i) => i !== undefined);
    const all: string[][] = [];
    const allIdx: number[][] = [];
    const requiredIdx: number[][] = [];
    for (const id of ids) {
      const n = this.needs.get(`asset:${id}`);
      const up = n ? [...n.required, ...n.groups.flatMap((g) => g.members)] : [];
      all.push(up);
      allIdx.push(toIdx(up));
      requiredIdx.push(n ? toIdx(n.required) : []);
    }
    this.indexed = { ids, index, all, allIdx, requiredIdx };
    return this.indexed;
  }

  /**
   * Assets reached from `starts` along upstream edges (all of them, or only required ones), as
   * asset ids. A breadth-first walk over integer arrays: registers can hold many thousands.
   */
  closure(starts: readonly string[], requiredOnly: boolean): string[] {
    const g = this.graph();
    const adjacency = requiredOnly ? g.requiredIdx : g.allIdx;
    const seen = new Uint8Array(g.ids.length);
    const queue: number[] = [];
    for (const id of starts) {
      const i = g.index.get(id);
      if (i !== undefined && !seen[i]) {
        seen[i] = 1;
        queue.push(i);
      }
    }
    for (let head = 0; head < queue.length; head++)
      for (const j of adjacency[queue[head]!]!)
        if (!seen[j]) {
          seen[j] = 1;
          queue.push(j);
        }
    return queue.map((i) => g.ids[i]!);
  }
}
