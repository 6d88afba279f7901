/**
 * Evaluates a cut-off scenario on a register: which assets are cut off directly and why, which
 * assets and processes then run degraded or stop, the public interests hit, vital processes
 * stopped, and when each is back (from exit plans and the scenario's duration; when neither says,
 * the result says so). The graph is compiled once per register and reused for every evaluation.
 */
import type { ComponentRecord, ProcessRecord } from '../../domain/index.js';
import type { Cut } from '../../domain/scenario.js';
import type { KnowledgeIndex } from '../knowledge-index.js';
import { RegisterView, type RegisterData } from '../register-view.js';
import { CutPropagator, DEGRADED, STOPPED } from './propagate.js';
import { resolveCuts } from './resolve-cuts.js';

export interface ScenarioData extends RegisterData {
  components: readonly ComponentRecord[];
}

export interface ScenarioDefinition {
  id?: string;
  name: string;
  cuts: Cut[];
  durationHours?: number;
}

export type NodeState = 'running' | 'degraded' | 'stopped';

export interface CutOffAsset {
  assetId: string;
  name: string;
  /** Why the scenario cuts it off. */
  reasons: string[];
  /** Hours until it runs again; null when nothing says (no exit plan, no duration). */
  restoreHours: number | null;
  /** What the restore time rests on. */
  restoreBasis: string;
}

export interface AssetOutcome {
  assetId: string;
  name: string;
  state: Exclude<NodeState, 'running'>;
  restoreHours?: number | null;
  /** The upstream asset whose failure passed on to this one (absent for assets cut off directly). */
  cause?: string;
}

export interface ProcessOutcome {
  processId: string;
  name: string;
  vital: boolean;
  state: NodeState;
  publicInterests: string[];
  restoreHours?: number | null;
  maxTolerableDowntimeHours?: number;
  /** True when the time to restore exceeds the tolerable downtime (unknown restore counts as exceeding). */
  exceedsTolerableDowntime?: boolean;
  /** From the process down to an asset cut off directly: how the cut reaches it. */
  path?: string[];
}

export interface ScenarioResult {
  scenario: ScenarioDefinition;
  cutOff: CutOffAsset[];
  assets: AssetOutcome[];
  processes: ProcessOutcome[];
  summary: {
    assets: Record<NodeState, number>;
    processes: Record<NodeState, number>;
    vitalStopped: string[];
    publicInterestsHit: string[];
    /** The longest restore time among stopped processes; null when one of them has none. */
    restoreHours: number | null;
    /** Assets cut off directly that have no exit plan with a time to switch. */
    withoutExitPlan: string[];
  };
}

const hoursOrNull = (h: number) => (Number.isFinite(h) ? h : null);

/** A register compiled for scenario evaluation; build once per register version, evaluate many times. */
export class ScenarioEngine {
  readonly view: RegisterView;
  private readonly propagator: CutPropagator;

  constructor(
    readonly data: ScenarioData,
    readonly kb: KnowledgeIndex,
  ) {
    this.view = new RegisterView(data);
    this.propagator = new CutPropagator(this.view.graph, undefined, this.exitCaps());
  }

  /** Hours each asset's fastest exit plan needs to replace it (+Infinity without one). */
  private exitCaps(): Float64Array {
    const g = this.view.graph;
    const caps = new Float64Array(g.assetCount).fill(Infinity);
    for (const [assetId, plans] of this.view.exitPlans) {
      const v = g.assetIndex.get(assetId);
      if (v === undefined) continue;
      for (const p of plans)
        if (p.timeToSwitchDays !== undefined) caps[v] = Math.min(caps[v]!, p.timeToSwitchDays * 24);
    }
    return caps;
  }

  evaluate(scenario: ScenarioDefinition): ScenarioResult {
    const { view } = this;
    const g = view.graph;
    const hits = resolveCuts(
      { view, kb: this.kb, components: this.data.components, dependencies: this.data.dependencies },
      scenario.cuts,
    );
    const seeds = [...hits.keys()];
    const duration = scenario.durationHours ?? Infinity;
    const cutOff: CutOffAsset[] = [];
    const seedRestore = seeds.map((v) => {
      const asset = view.assetAt[v]!;
      const plans = (view.exitPlans.get(asset.id) ?? []).filter((p) => p.timeToSwitchDays !== undefined);
      const fastest = plans.sort((a, b) => a.timeToSwitchDays! - b.timeToSwitchDays!)[0];
      const planHours = fastest ? fastest.timeToSwitchDays! * 24 : Infinity;
      const hours = Math.min(duration, planHours);
      const basis = !Number.isFinite(hours)
        ? 'no exit plan with a time to switch, and the scenario sets no duration'
        : planHours <= duration
          ? `exit plan "${fastest!.name}": switch in ${fastest!.timeToSwitchDays} days`
          : `the scenario lasts ${duration} hours${fastest ? ` (sooner than exit plan "${fastest.name}")` : ''}`;
      cutOff.push({
        assetId: asset.id,
        name: asset.name,
        reasons: hits.get(v)!,
        restoreHours: hoursOrNull(hours),
        restoreBasis: basis,
      });
      return hours;
    });
    const out = this.propagator.run(seeds, seedRestore);
    const state = out.state;
    const restore = out.restore;
    const cause = out.cause;
    const label = (s: number): NodeState => (s === STOPPED ? 'stopped' : s === DEGRADED ? 'degraded' : 'running');
    const isSeed = new Uint8Array(g.assetCount);
    for (const v of seeds) isSeed[v] = 1;

    const assets: AssetOutcome[] = [];
    const assetCounts: Record<NodeState, number> = { running: 0, degraded: 0, stopped: 0 };
    // Only what the cut reached can be other than running.
    const reachedAssets = [...out.reached].filter((v) => v < g.assetCount).sort((a, b) => a - b);
    assetCounts.running = g.assetCount - reachedAssets.length;
    for (const v of reachedAssets) {
      const s = label(state(v)) as AssetOutcome['state'];
      assetCounts[s]++;
      assets.push({
        assetId: g.assetIds[v]!,
        name: view.assetAt[v]!.name,
        state: s,
        ...(s === 'stopped' ? { restoreHours: hoursOrNull(restore(v)) } : {}),
        ...(cause(v) >= 0 && !isSeed[v] ? { cause: g.assetIds[cause(v)]! } : {}),
      });
    }

    const processCounts: Record<NodeState, number> = { running: 0, degraded: 0, stopped: 0 };
    const interests = new Set<string>();
    const vitalStopped: string[] = [];
    let worstRestore = 0;
    const processes: ProcessOutcome[] = g.processIds.map((id, k) => {
      const v = g.assetCount + k;
      const p: ProcessRecord = view.processes.get(id)!;
      const s = label(state(v));
      processCounts[s]++;
      if (s === 'running')
        return { processId: id, name: p.name, vital: p.vital, state: s, publicInterests: p.publicInterests };
      for (const i of p.publicInterests) interests.add(i);
      const out: ProcessOutcome = {
        processId: id,
        name: p.name,
        vital: p.vital,
        state: s,
        publicInterests: p.publicInterests,
        path: pathOf(v),
      };
      if (s === 'stopped') {
        if (p.vital) vitalStopped.push(id);
        const r = restore(v);
        worstRestore = Math.max(worstRestore, r);
        out.restoreHours = hoursOrNull(r);
        if (p.maxTolerableDowntimeHours !== undefined) {
          out.maxTolerableDowntimeHours = p.maxTolerableDowntimeHours;
          out.exceedsTolerableDowntime = r > p.maxTolerableDowntimeHours;
        }
      }
      return out;
    });

    /** From a node down to an asset cut off directly (the node itself left out). */
    function pathOf(v: number): string[] {
      return out
        .pathToCut(v)
        .slice(1)
        .map((u) => `asset:${g.assetIds[u]!}`);
    }

    return {
      scenario,
      cutOff,
      assets,
      processes,
      summary: {
        assets: assetCounts,
        processes: processCounts,
        vitalStopped,
        publicInterestsHit: [...interests].sort(),
        restoreHours: processCounts.stopped ? hoursOrNull(worstRestore) : 0,
        withoutExitPlan: cutOff
          .filter((c) => !(view.exitPlans.get(c.assetId) ?? []).some((p) => p.timeToSwitchDays !== undefined))
          .map((c) => c.assetId),
      },
    };
  }
}
