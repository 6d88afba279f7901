/**
 * Analyses an organisation's register: loads it from the store in one transaction, runs the pure
 * risk engine with the knowledge base and risk configuration, and answers explanations.
 */
import { NotFoundError } from '../domain/index.js';
import { analyse, type Analysis, type AssetRisk, type ProcessRisk, type RiskConfig } from '../analysis/index.js';
import { defaultRiskConfig, knowledgeIndex } from '../knowledge/knowledge-base.js';
import type { Store } from '../store/database.js';
import { allRecords } from '../store/record.repository.js';
import { RegisterService } from './register.service.js';

export class AnalysisService {
  private readonly register: RegisterService;
  constructor(
    readonly store: Store,
    private readonly config: RiskConfig = defaultRiskConfig(),
  ) {
    this.register = new RegisterService(store);
  }

  async analyse(orgId: string, today = new Date()): Promise<Analysis> {
    const register = await this.store.transaction(async ({ db }) => {
      await this.register.getOrganisation(orgId, db);
      return {
        processes: await allRecords(db, 'process', orgId),
        assets: await allRecords(db, 'asset', orgId),
        parties: await allRecords(db, 'party', orgId),
        products: await allRecords(db, 'product', orgId),
        dependencies: await allRecords(db, 'dependency', orgId),
        exitPlans: await allRecords(db, 'exitPlan', orgId),
      };
    });
    return analyse({ organisation: orgId, register, kb: knowledgeIndex(), config: this.config, today });
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
