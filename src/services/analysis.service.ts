/**
 * Analyses an organisation's register: loads it from the store in one transaction, runs the pure
 * risk engine with the knowledge base and risk configuration, and answers explanations.
 */
import { NotFoundError } from '../domain/index.js';
import { analyse, type Analysis, type AssetRisk, type ProcessRisk } from '../analysis/index.js';
import type { Store } from '../store/database.js';
import { registerVersion } from '../store/organisation.repository.js';
import { registerData } from '../store/record.repository.js';
import { KnowledgeService } from './knowledge.service.js';
import { RegisterService } from './register.service.js';

export class AnalysisService {
  private readonly register: RegisterService;
  private readonly knowledge: KnowledgeService;
  constructor(readonly store: Store) {
    this.register = new RegisterService(store);
    this.knowledge = new KnowledgeService(store);
  }

  /** The last analysis per organisation, with the register version and the day it was made for. */
  private readonly cache = new Map<string, { version: number; day: string; analysis: Analysis }>();

  /**
   * The organisation's risk picture, with its own knowledge-base entries and risk settings. The
   * result is reused while the register version and the day stay the same: dashboards ask for it
   * on every page, and a 10k-asset register takes most of a second to analyse.
   */
  async analyse(orgId: string, today = new Date()): Promise<Analysis> {
    const day = today.toISOString().slice(0, 10);
    return this.store.transaction(async ({ db }) => {
      await this.register.getOrganisation(orgId, db);
      const version = await registerVersion(db, orgId);
      const cached = this.cache.get(orgId);
      if (cached && cached.version === version && cached.day === day) return cached.analysis;
      const analysis = analyse({
        organisation: orgId,
        register: await registerData(db, orgId),
        kb: await this.knowledge.indexFor(orgId, db),
        config: (await this.knowledge.riskConfig(orgId, db)).effective,
        today,
      });
      this.cache.set(orgId, { version, day, analysis });
      return analysis;
    });
  }

  async explainAsset(orgId: string, assetId: string): Promise<AssetRisk> {
    const found = (await this.analyse(orgId)).assets.find((a) => a.assetId === assetId);
    if (!found) throw new NotFoundError(`no asset with id "${assetId}" in organisation "${orgId}"`);
    return found;
  }

  async explainProcess(orgId: string, processId: string): Promise<ProcessRisk> {
    const found = (await this.analyse(orgId)).processes.find((p) => p.processId === processId);
    if (!found) throw new NotFoundError(`no process with id "${processId}" in organisation "${orgId}"`);
    return found;
  }
}
