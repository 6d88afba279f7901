/**
 * Comparison mode: the same scenario on the register as it is and on the register after measures
 * take effect — an exit plan, an alternative added as redundancy, or a switch to another provider,
 * product or hosting. The register data are never changed; effects apply to a copy.
 */
import { describeIssues, InputError, type Issue } from '../../domain/errors.js';
import type { DependencyRecord, ExitPlanRecord } from '../../domain/index.js';
import type { MeasureEffect } from '../../domain/scenario.js';
import type { KnowledgeIndex } from '../knowledge-index.js';
import {
  ScenarioEngine,
  type NodeState,
  type ScenarioData,
  type ScenarioDefinition,
  type ScenarioResult,
} from './evaluate.js';

export interface ProcessChange {
  processId: string;
  name: string;
  before: NodeState;
  after: NodeState;
  restoreBefore?: number | null;
  restoreAfter?: number | null;
}

export interface ScenarioComparison {
  before: ScenarioResult;
  after: ScenarioResult;
  /** The effects applied, in words. */
  applied: string[];
  /** Processes whose state or restore time differs. */
  changes: ProcessChange[];
}

/** A labelled effect: where it comes from (a measure, or the request) for the explanation. */
export interface SourcedEffect {
  effect: MeasureEffect;
  source: string;
}

export function compareScenario(
  data: ScenarioData,
  kb: KnowledgeIndex,
  scenario: ScenarioDefinition,
  effects: readonly SourcedEffect[],
  before: ScenarioEngine = new ScenarioEngine(data, kb),
): ScenarioComparison {
  const { data: changed, applied } = applyEffects(data, effects);
  const b = before.evaluate(scenario);
  const a = new ScenarioEngine(changed, kb).evaluate(scenario);
  const afterById = new Map(a.processes.map((p) => [p.processId, p]));
  const changes: ProcessChange[] = [];
  for (const p of b.processes) {
    const q = afterById.get(p.processId)!;
    if (p.state === q.state && p.restoreHours === q.restoreHours) continue;
    changes.push({
      processId: p.processId,
      name: p.name,
      before: p.state,
      after: q.state,
      ...(p.restoreHours !== undefined ? { restoreBefore: p.restoreHours } : {}),
      ...(q.restoreHours !== undefined ? { restoreAfter: q.restoreHours } : {}),
    });
  }
  return { before: b, after: a, applied, changes };
}

/** The register with the effects applied (a new object; the input is not touched). */
export function applyEffects(
  data: ScenarioData,
  effects: readonly SourcedEffect[],
): { data: ScenarioData; applied: string[] } {
  const assets = new Map(data.assets.map((a) => [a.id, a]));
  const parties = new Set(data.parties.map((p) => p.id));
  const products = new Set(data.products.map((p) => p.id));
  const processes = new Set(data.processes.map((p) => p.id));
  let dependencies: DependencyRecord[] = [...data.dependencies];
  const exitPlans: ExitPlanRecord[] = [...data.exitPlans];
  const applied: string[] = [];
  const issues: Issue[] = [];
  const now = new Date(0).toISOString();
  const envelope = { revision: 1, createdAt: now, updatedAt: now, provenance: { method: 'entered', at: now } };
  effects.forEach(({ effect, source }, i) => {
    const bad = (field: string, message: string) => issues.push({ path: ['effects', i, field], message });
    const asset = assets.get(effect.assetId);
    if (!asset) return bad('assetId', `asset "${effect.assetId}" is not in the register`);
    switch (effect.kind) {
      case 'exit-plan':
        exitPlans.push({
          ...envelope,
          id: `effect-${i}`,
          name: `${source}: exit plan`,
          assetId: asset.id,
          strategy: 'replace',
          timeToSwitchDays: effect.timeToSwitchDays,
        } as unknown as ExitPlanRecord);
        applied.push(`${source}: exit plan for ${asset.name}, switch in ${effect.timeToSwitchDays} days`);
        return;
      case 'redundancy': {
        const [kind, id] = effect.consumer.split(':') as [string, string];
        if (kind === 'process' ? !processes.has(id) : kind === 'asset' ? !assets.has(id) : true)
          return bad('consumer', `"${effect.consumer}" is not a process or asset in the register`);
        const missing = effect.alternatives.filter((a) => !assets.has(a));
        if (missing.length) return bad('alternatives', `not in the register: ${missing.join(', ')}`);
        const target = `asset:${asset.id}`;
        const edge = dependencies.find((d) => d.from === effect.consumer && d.to === target);
        if (!edge) return bad('assetId', `${effect.consumer} does not depend on ${asset.id}`);
        const group = edge.redundancyGroup ?? `alternatives-to-${asset.id}`;
        dependencies = dependencies.map((d) => (d === edge ? { ...d, redundancyGroup: group } : d));
        effect.alternatives.forEach((alt, j) =>
          dependencies.push({
            ...envelope,
            id: `effect-${i}-${j}`,
            from: effect.consumer,
            to: `asset:${alt}`,
            relation: 'uses',
            redundancyGroup: group,
          } as unknown as DependencyRecord),
        );
        applied.push(
          `${source}: ${effect.consumer} can use ${effect.alternatives.map((a) => assets.get(a)!.name).join(', ')} instead of ${asset.name}`,
        );
        return;
      }
      case 'switch': {
        if (effect.providerId && !parties.has(effect.providerId))
          return bad('providerId', `party "${effect.providerId}" is not in the register`);
        if (effect.hostingPartyId && !parties.has(effect.hostingPartyId))
          return bad('hostingPartyId', `party "${effect.hostingPartyId}" is not in the register`);
        if (effect.productId && !products.has(effect.productId))
          return bad('productId', `product "${effect.productId}" is not in the register`);
        assets.set(asset.id, {
          ...asset,
          ...(effect.providerId ? { providerId: effect.providerId } : {}),
          ...(effect.productId ? { productId: effect.productId } : {}),
          ...(effect.hostingPartyId ? { hostingPartyId: effect.hostingPartyId } : {}),
          ...(effect.hostingLocations ? { hostingLocations: effect.hostingLocations } : {}),
        });
        applied.push(
          `${source}: ${asset.name} switched${effect.providerId ? ` to provider ${effect.providerId}` : ''}`,
        );
        return;
      }
    }
  });
  if (issues.length)
    throw new InputError(`the effects name things the register does not hold:\n${describeIssues(issues)}`, issues);
  return { data: { ...data, assets: [...assets.values()], dependencies, exitPlans }, applied };
}
