/**
 * Snapshots of an organisation's risk picture: the analysis frozen at a moment, with the results
 * of the built-in scenarios, the register version and the knowledge-base and configuration
 * versions it was made with — so a board report can say what changed since the previous one.
 */
import { and, desc, eq } from 'drizzle-orm';
import { analysisChanges, type Analysis, type AnalysisChanges, type ReportScenario } from '../analysis/index.js';
import { ConflictError, InputError, NotFoundError } from '../domain/index.js';
import type { Store } from '../store/database.js';
import { appendChanges, registerVersion } from '../store/organisation.repository.js';
import { snapshots } from '../store/schema.js';
import { AnalysisService } from './analysis.service.js';
import { RegisterService } from './register.service.js';
import { ScenarioService } from './scenario.service.js';

/** The outcome of one built-in scenario at the snapshot's moment. */
export type SnapshotScenario = ReportScenario;

export interface SnapshotMeta {
  id: string;
  label?: string;
  takenAt: string;
  actor: string;
  registerVersion: number;
  knowledgeBaseVersion: string;
  configVersion: string;
}

export interface Snapshot extends SnapshotMeta {
  analysis: Analysis;
  scenarios: SnapshotScenario[];
}

const ID = /^[a-z0-9][a-z0-9._-]{0,99}$/;

export class SnapshotService {
  private readonly register: RegisterService;
  private readonly analysis: AnalysisService;
  private readonly scenarios: ScenarioService;
  constructor(readonly store: Store) {
    this.register = new RegisterService(store);
    this.analysis = new AnalysisService(store);
    this.scenarios = new ScenarioService(store);
  }

  /** Freezes the organisation's current analysis and scenario outcomes under `id` (default: today's date). */
  async take(
    orgId: string,
    options: { id?: string; label?: string; actor: string; now?: Date },
  ): Promise<SnapshotMeta> {
    const now = options.now ?? new Date();
    if (options.id !== undefined && !ID.test(options.id))
      throw new InputError(`snapshot id "${options.id}": lower-case letters, digits, ".", "_" and "-"`, [
        { path: ['id'], message: 'lower-case letters, digits, ".", "_" and "-", at most 100' },
      ]);
    await this.register.getOrganisation(orgId);
    const version = await registerVersion(this.store.db, orgId);
    const analysis = await this.analysis.analyse(orgId, now);
    const outcomes = await this.scenarios.libraryOutcomes(orgId);
    return this.store.transaction(async ({ db }) => {
      const taken = (await this.list(orgId, db)).map((m) => m.id);
      let id = options.id ?? now.toISOString().slice(0, 10);
      if (options.id !== undefined && taken.includes(id))
        throw new ConflictError(`organisation "${orgId}" has a snapshot "${id}" already`);
      for (let n = 2; taken.includes(id); n++) id = `${now.toISOString().slice(0, 10)}-${n}`;
      const meta: SnapshotMeta = {
        id,
        ...(options.label ? { label: options.label.slice(0, 300) } : {}),
        takenAt: now.toISOString(),
        actor: options.actor,
        registerVersion: version,
        knowledgeBaseVersion: analysis.knowledgeBaseVersion,
        configVersion: analysis.configVersion,
      };
      await db.insert(snapshots).values({
        orgId,
        ...meta,
        label: meta.label ?? null,
        takenAt: now,
        analysis,
        scenarios: outcomes,
      });
      await appendChanges(db, [
        { orgId, actor: options.actor, kind: 'snapshot', recordId: id, op: 'create', after: meta },
      ]);
      return meta;
    });
  }

  async list(orgId: string, db = this.store.db): Promise<SnapshotMeta[]> {
    await this.register.getOrganisation(orgId, db);
    const rows = await db
      .select({
        id: snapshots.id,
        label: snapshots.label,
        takenAt: snapshots.takenAt,
        actor: snapshots.actor,
        registerVersion: snapshots.registerVersion,
        knowledgeBaseVersion: snapshots.knowledgeBaseVersion,
        configVersion: snapshots.configVersion,
      })
      .from(snapshots)
      .where(eq(snapshots.orgId, orgId))
      .orderBy(desc(snapshots.takenAt), desc(snapshots.id));
    return rows.map(({ label, takenAt, ...r }) => ({
      ...r,
      ...(label ? { label } : {}),
      takenAt: takenAt.toISOString(),
    }));
  }

  async get(orgId: string, id: string): Promise<Snapshot> {
    await this.register.getOrganisation(orgId);
    const [row] = await this.store.db
      .select()
      .from(snapshots)
      .where(and(eq(snapshots.orgId, orgId), eq(snapshots.id, id)));
    if (!row) throw new NotFoundError(`no snapshot "${id}" in organisation "${orgId}"`);
    const { orgId: _o, label, takenAt, analysis, scenarios, ...rest } = row;
    return {
      ...rest,
      ...(label ? { label } : {}),
      takenAt: takenAt.toISOString(),
      analysis: analysis as Analysis,
      scenarios: scenarios as SnapshotScenario[],
    };
  }

  /** What changed from snapshot `fromId` to snapshot `toId`, or to the register as it is now. */
  async changes(
    orgId: string,
    fromId: string,
    toId?: string,
  ): Promise<{ from: SnapshotMeta; to: SnapshotMeta | 'now'; changes: AnalysisChanges }> {
    const from = await this.get(orgId, fromId);
    const to = toId ? await this.get(orgId, toId) : undefined;
    const after = to ? to.analysis : await this.analysis.analyse(orgId);
    const meta = ({ analysis: _a, scenarios: _s, ...m }: Snapshot): SnapshotMeta => m;
    return { from: meta(from), to: to ? meta(to) : 'now', changes: analysisChanges(from.analysis, after) };
  }
}
