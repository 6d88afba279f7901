/**
 * The knowledge base as a use case: browse and search it (shipped, or as an organisation sees it
 * with its own entries), add or override entries for an organisation, and override the risk
 * configuration — each change with a written justification, kept in the change history.
 */
import { z } from 'zod';
import {
  ConflictError,
  InputError,
  NotFoundError,
  alternativeSchema,
  categorySchema,
  entered,
  parseInput,
  vendorSchema,
} from '../domain/index.js';
import {
  KB_OVERRIDABLE,
  KnowledgeIndex,
  mergeConfig,
  mergeOrgEntries,
  orgSourceId,
  type KbKind,
  type KbOverridable,
  type OrgKbEntry,
  type RiskConfig,
} from '../analysis/index.js';
import { defaultRiskConfig, knowledgeBase, knowledgeIndex } from '../knowledge/knowledge-base.js';
import type { Db, Store } from '../store/database.js';
import * as repo from '../store/knowledge.repository.js';
import { appendChanges } from '../store/organisation.repository.js';
import { RegisterService, type WriteOptions } from './register.service.js';

const ENTRY_SCHEMAS = { vendor: vendorSchema, category: categorySchema, alternative: alternativeSchema } as const;
export const justificationSchema = z
  .string()
  .trim()
  .min(
    10,
    'say why, in at least 10 characters: overrides of the knowledge base and the risk model need a justification',
  );

export class KnowledgeService {
  private readonly register: RegisterService;
  constructor(readonly store: Store) {
    this.register = new RegisterService(store);
  }

  /** The knowledge index for an organisation (its own entries merged), or the shipped one. */
  async indexFor(orgId?: string, db: Db = this.store.db): Promise<KnowledgeIndex> {
    if (!orgId) return knowledgeIndex();
    await this.register.getOrganisation(orgId, db);
    const entries = await repo.listKbEntries(db, orgId);
    if (!entries.length) return knowledgeIndex();
    return new KnowledgeIndex(
      mergeOrgEntries(
        knowledgeBase(),
        orgId,
        entries.map((e) => ({ ...e, kind: e.kind as KbOverridable }) as unknown as OrgKbEntry),
      ),
    );
  }

  async search(text: string, options: { kind?: KbKind; orgId?: string; limit?: number } = {}) {
    return (await this.indexFor(options.orgId)).search(text, options.kind, options.limit);
  }

  async show(kind: KbKind, id: string, orgId?: string) {
    const found = (await this.indexFor(orgId)).show(kind, id);
    if (!found) throw new NotFoundError(`no ${kind} "${id}" in the knowledge base`);
    return found;
  }

  summary() {
    const kb = knowledgeBase();
    const index = knowledgeIndex();
    const sources = [kb.countries, kb.laws, kb.vendors, kb.categories, kb.alternatives].flatMap((f) =>
      Object.values(f.sources),
    );
    return {
      version: index.version,
      counts: {
        countries: kb.countries.countries.length,
        laws: kb.laws.laws.length,
        vendors: kb.vendors.vendors.length,
        categories: kb.categories.categories.length,
        alternatives: kb.alternatives.alternatives.length,
      },
      sources: { total: sources.length, verified: sources.filter((s) => s.verified).length },
    };
  }

  listOrgEntries(orgId: string) {
    return repo.listKbEntries(this.store.db, orgId);
  }

  /** Adds or overrides an entry for one organisation. */
  async setOrgEntry(orgId: string, kind: string, id: string, input: unknown, options: WriteOptions) {
    const k = overridable(kind);
    const body = parseInput(
      z.strictObject({ data: z.record(z.string(), z.unknown()), justification: justificationSchema }),
      input,
      `${k} entry`,
    );
    const sources = Array.isArray(body.data.sources) ? (body.data.sources as string[]) : [];
    const data = parseInput(
      ENTRY_SCHEMAS[k],
      { ...body.data, id, sources: [...new Set([...sources, orgSourceId(k, id)])] },
      `${k} entry`,
      { prefix: ['data'] },
    );
    return this.store.transaction(async ({ db }) => {
      await this.register.getOrganisation(orgId, db);
      const current = await repo.getKbEntry(db, orgId, k, id);
      if (current && options.revision !== undefined && options.revision !== current.revision)
        throw new ConflictError(
          `the ${k} entry "${id}" was changed meanwhile: you sent revision ${options.revision}, the stored one is ${current.revision}`,
          { currentRevision: current.revision },
        );
      const at = new Date().toISOString();
      const entry: repo.KbEntryRow = {
        kind: k,
        id,
        data: data as unknown as Record<string, unknown>,
        justification: body.justification,
        revision: (current?.revision ?? 0) + 1,
        createdAt: current?.createdAt ?? at,
        updatedAt: at,
        provenance: entered(new Date(at)),
      };
      // A vendor's parent must exist, shipped or among the organisation's own vendors.
      const parent = k === 'vendor' ? (data as { parent?: string }).parent : undefined;
      if (parent && !knowledgeIndex().vendor(parent) && !(await repo.getKbEntry(db, orgId, 'vendor', parent)))
        throw new InputError(`invalid vendor entry: parent "${parent}" is not in the knowledge base`, [
          { path: ['data', 'parent'], message: 'unknown vendor' },
        ]);
      await repo.putKbEntry(db, orgId, entry);
      await appendChanges(db, [
        {
          orgId,
          actor: options.actor,
          kind: `kb-${k}`,
          recordId: id,
          op: current ? 'update' : 'create',
          before: current ?? null,
          after: entry,
          note: body.justification,
        },
      ]);
      return entry;
    });
  }

  /** Removes an organisation's entry, so the shipped one (if any) applies again. */
  async deleteOrgEntry(orgId: string, kind: string, id: string, options: WriteOptions): Promise<void> {
    const k = overridable(kind);
    await this.store.transaction(async ({ db }) => {
      const current = await repo.getKbEntry(db, orgId, k, id);
      if (!current) throw new NotFoundError(`organisation "${orgId}" has no own ${k} entry "${id}"`);
      await repo.deleteKbEntry(db, orgId, k, id);
      await appendChanges(db, [
        { orgId, actor: options.actor, kind: `kb-${k}`, recordId: id, op: 'delete', before: current },
      ]);
    });
  }

  /** The risk configuration an organisation's analysis uses: defaults with its overrides. */
  async riskConfig(
    orgId: string,
    db: Db = this.store.db,
  ): Promise<{
    defaults: RiskConfig;
    overrides: Record<string, unknown>;
    justification?: string;
    revision: number;
    effective: RiskConfig;
  }> {
    await this.register.getOrganisation(orgId, db);
    const defaults = defaultRiskConfig();
    const settings = await repo.getRiskSettings(db, orgId);
    return {
      defaults,
      overrides: settings?.overrides ?? {},
      ...(settings ? { justification: settings.justification } : {}),
      revision: settings?.revision ?? 0,
      effective: settings ? mergeConfig(defaults, settings.overrides) : defaults,
    };
  }

  async setRiskOverrides(orgId: string, input: unknown, options: WriteOptions) {
    const body = parseInput(
      z.strictObject({ overrides: z.record(z.string(), z.unknown()), justification: justificationSchema }),
      input,
      'risk configuration',
    );
    const defaults = defaultRiskConfig();
    const check = mergeConfigSafely(defaults, body.overrides);
    return this.store.transaction(async ({ db }) => {
      await this.register.getOrganisation(orgId, db);
      const current = await repo.getRiskSettings(db, orgId);
      const revision = current?.revision ?? 0;
      if (options.revision !== undefined && options.revision !== revision)
        throw new ConflictError(
          `the risk configuration was changed meanwhile: you sent revision ${options.revision}, the stored one is ${revision}`,
          { currentRevision: revision },
        );
      const next = {
        overrides: body.overrides,
        justification: body.justification,
        revision: revision + 1,
        updatedAt: new Date().toISOString(),
      };
      await repo.putRiskSettings(db, orgId, next);
      await appendChanges(db, [
        {
          orgId,
          actor: options.actor,
          kind: 'risk-config',
          recordId: orgId,
          op: current ? 'update' : 'create',
          before: current ?? null,
          after: next,
          note: body.justification,
        },
      ]);
      return { ...next, effective: check };
    });
  }
}

function overridable(kind: string): KbOverridable {
  if ((KB_OVERRIDABLE as readonly string[]).includes(kind)) return kind as KbOverridable;
  throw new InputError(`an organisation can add or override ${KB_OVERRIDABLE.join(', ')} entries, not "${kind}"`, [
    { path: ['kind'], message: 'not overridable' },
  ]);
}

function mergeConfigSafely(defaults: RiskConfig, overrides: Record<string, unknown>): RiskConfig {
  try {
    return mergeConfig(defaults, overrides);
  } catch (err) {
    if (err instanceof z.ZodError)
      throw new InputError(
        `invalid risk configuration override: ${err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        err.issues.map((i) => ({
          path: ['overrides', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
          message: i.message,
        })),
      );
    throw err;
  }
}
