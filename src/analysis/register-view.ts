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
      if (!d.to.startsWith('asset:') || !(d.from.startsWith('process:') || d.from.startsWith('asset:'))) continue;
      const to = d.to.slice(6);
      if (!this.assets.has(to)) continue;
      const needs = this.needs.get(d.from) ?? { required: [], groups: [] };
      if (d.redundancyGroup) {
        const group = needs.groups.find((g) => g.name === d.redundancyGroup);
        if (group) group.members.push(to);
        else needs.groups.push({ name: d.redundancyGroup, members: [to] });
      } else needs.required.push(to);
      this.needs.set(d.from, needs);
      const consumers = this.consumers.get(to);
      if (consumers) consumers.push(d.from);
      else this.consumers.set(to, [d.from]);
      if (d.relation === 'runs-on' && d.from.startsWith('asset:')) {
        const from = d.from.slice(6);
        const hosts = this.runsOn.get(from);
        if (hosts) hosts.push(to);
        else this.runsOn.set(from, [to]);
      }
    }
  }

  /** The chain from a party up to its ultimate parent (the party itself first); cycles are cut. */
  chain(partyId: string | undefined): PartyRecord[] {
    const out: PartyRecord[] = [];
    const seen = new Set<string>();
    for (let id = partyId; id && !seen.has(id);) {
      seen.add(id);
      const p = this.parties.get(id);
      if (!p) break;
      out.push(p);
      id = p.parentId;
    }
    return out;
  }

  ultimateParent(partyId: string | undefined): PartyRecord | undefined {
    return this.chain(partyId).at(-1);
  }

  /** Assets an asset runs on or uses, required or in a group (its upstream). */
  upstream(assetId: string): string[] {
    const n = this.needs.get(`asset:${assetId}`);
    return n ? [...n.required, ...n.groups.flatMap((g) => g.members)] : [];
  }
}
