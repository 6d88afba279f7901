/**
 * Cut-off scenarios of an organisation: the built-in library, saved scenarios (records of kind
 * "scenario", with history and backup like every record), and runs — with a comparison against the
 * register after planned measures or chosen effects. The compiled engine is kept per organisation
 * and register version (the last change number), so repeated runs do not rebuild it; evaluation
 * never goes through the database.
 */
import {
  InputError,
  LIBRARY_PREFIX,
  measureEffectSchema,
  parseInput,
  scenarioSpec,
  type LibraryScenario,
  type MeasureEffect,
  type ScenarioRecord,
} from '../domain/index.js';
import {
  compareScenario,
  ScenarioEngine,
  type ReportScenario,
  type ScenarioComparison,
  type ScenarioDefinition,
  type ScenarioResult,
  type SourcedEffect,
} from '../analysis/index.js';
import { scenarioLibrary } from '../knowledge/knowledge-base.js';
import type { Db, Store } from '../store/database.js';
import { allRecords, registerData } from '../store/record.repository.js';
import { registerVersion } from '../store/organisation.repository.js';
import { KnowledgeService } from './knowledge.service.js';
import { RegisterService } from './register.service.js';
import { z } from 'zod';

/** What to compare a scenario against: planned measures (all, or some by id) and/or given effects. */
export const compareRequestSchema = z.strictObject({
  /** "planned": every measure planned or in progress that has effects; or a list of measure ids. */
  measures: z.union([z.literal('planned'), z.array(z.string().min(1)).max(200)]).optional(),
  effects: z.array(measureEffectSchema).max(100).default([]),
});
export type CompareRequest = z.input<typeof compareRequestSchema>;

export const runRequestSchema = z.strictObject({
  /** A saved scenario's id, "library:<id>" for a built-in one, or a scenario inline. */
  scenario: z.union([z.string().min(1).max(300), scenarioSpec]),
  compare: compareRequestSchema.optional(),
});
export type RunRequest = z.input<typeof runRequestSchema>;

export interface ScenarioRun {
  organisation: string;
  /** The register version the run used (its last change number). */
  registerVersion: number;
  result: ScenarioResult;
  comparison?: ScenarioComparison;
}

export class ScenarioService {
  private readonly register: RegisterService;
  private readonly knowledge: KnowledgeService;
  private readonly engines = new Map<string, { version: number; engine: ScenarioEngine }>();

  constructor(readonly store: Store) {
    this.register = new RegisterService(store);
    this.knowledge = new KnowledgeService(store);
  }

  library(): LibraryScenario[] {
    return scenarioLibrary();
  }

  /** The outcome of every built-in scenario on the organisation's register now (for snapshots and reports). */
  async libraryOutcomes(orgId: string): Promise<ReportScenario[]> {
    const out: ReportScenario[] = [];
    for (const s of this.library()) {
      const { result } = await this.run(orgId, { scenario: `${LIBRARY_PREFIX}${s.id}` });
      out.push({
        id: s.id,
        name: s.name,
        processesStopped: result.summary.processes.stopped,
        processesDegraded: result.summary.processes.degraded,
        vitalStopped: result.summary.vitalStopped,
        restoreHours: result.summary.restoreHours,
      });
    }
    return out;
  }

  /** Saved scenarios of the organisation and the built-in ones. */
  async list(orgId: string): Promise<{ saved: ScenarioRecord[]; library: LibraryScenario[] }> {
    await this.register.getOrganisation(orgId);
    return { saved: await allRecords(this.store.db, 'scenario', orgId), library: this.library() };
  }

  async run(orgId: string, input: unknown): Promise<ScenarioRun> {
    const request = parseInput(runRequestSchema, input, 'scenario run');
    const { engine, version, measures } = await this.store.transaction(async ({ db }) => {
      await this.register.getOrganisation(orgId, db);
      return {
        ...(await this.engineFor(orgId, db)),
        measures: request.compare?.measures ? await allRecords(db, 'measure', orgId) : [],
      };
    });
    const scenario = await this.resolve(orgId, request.scenario);
    if (!request.compare) return { organisation: orgId, registerVersion: version, result: engine.evaluate(scenario) };
    const effects: SourcedEffect[] = [];
    const wanted = request.compare.measures;
    if (wanted) {
      const chosen =
        wanted === 'planned'
          ? measures.filter((m) => m.status === 'planned' || m.status === 'in-progress')
          : wanted.map((id, i) => {
              const m = measures.find((x) => x.id === id);
              if (!m)
                throw new InputError(`no measure with id "${id}"`, [
                  { path: ['compare', 'measures', i], message: `no measure with id "${id}"` },
                ]);
              return m;
            });
      for (const m of chosen) for (const effect of m.effects) effects.push({ effect, source: `measure "${m.name}"` });
    }
    for (const effect of request.compare.effects as MeasureEffect[])
      effects.push({ effect, source: 'requested change' });
    const comparison = compareScenario(engine.data, engine.kb, scenario, effects, engine);
    return { organisation: orgId, registerVersion: version, result: comparison.before, comparison };
  }

  /** A scenario definition from a saved id, a library reference or an inline spec. */
  async resolve(orgId: string, ref: string | z.output<typeof scenarioSpec>): Promise<ScenarioDefinition> {
    if (typeof ref !== 'string') return { name: ref.name, cuts: ref.cuts, ...duration(ref.durationHours) };
    if (ref.startsWith(LIBRARY_PREFIX)) {
      const id = ref.slice(LIBRARY_PREFIX.length);
      const found = this.library().find((s) => s.id === id);
      if (!found)
        throw new InputError(`no built-in scenario "${id}"`, [
          {
            path: ['scenario'],
            message: `choose one of: ${this.library()
              .map((s) => LIBRARY_PREFIX + s.id)
              .join(', ')}`,
          },
        ]);
      return { id: ref, name: found.name.en, cuts: found.cuts, ...duration(found.durationHours) };
    }
    const saved = await this.register.get('scenario', orgId, ref);
    return { id: saved.id, name: saved.name, cuts: saved.cuts, ...duration(saved.durationHours) };
  }

  /** The compiled engine for the organisation's current register, rebuilt only after a change. */
  private async engineFor(orgId: string, db: Db): Promise<{ engine: ScenarioEngine; version: number }> {
    const version = await registerVersion(db, orgId);
    const cached = this.engines.get(orgId);
    if (cached && cached.version === version) return cached;
    const engine = new ScenarioEngine(
      { ...(await registerData(db, orgId)), components: await allRecords(db, 'component', orgId) },
      await this.knowledge.indexFor(orgId, db),
    );
    this.engines.set(orgId, { version, engine });
    return { engine, version };
  }
}

const duration = (h: number | undefined) => (h === undefined ? {} : { durationHours: h });
