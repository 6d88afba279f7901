/**
 * Analyses an organisation's register: loads it from the store in one transaction, runs the pure
 * risk engine with the knowledge base and risk configuration, and answers explanations.
 */
import { NotFoundError } from '../domain/index.js';
import { analyse, type Analysis, type AssetRisk, type ProcessRisk } from '../analysis/index.js';
import type { Store } from '../store/database.js';
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

  /** The organisation's risk picture, with its own knowledge-base entries and risk settings. */
  async analyse(orgId: string, today = new Date()): Promise<Analysis> {
    const { register, kb, config } = await this.store.transaction(async ({ db }) => {
      await this.register.getOrganisation(orgId, db);
      return {
        kb: await this.knowledge.indexFor(orgId, db),
        config: (await this.knowledge.riskConfig(orgId, db)).effective,
        register: await registerData(db, orgId),
      };
    });
    return analyse({ organisation: orgId, register, kb, config, today });
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
