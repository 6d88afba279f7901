/**
 * Analyses an organisation's register: loads it from the store in one transaction, runs the pure
 * risk engine with the knowledge base and risk configuration, and answers explanations.
 */
import { gzipSync } from 'node:zlib';
import { NotFoundError } from '../domain/index.js';
import {
  analyse,
  summariseAnalysis,
  type Analysis,
  type AnalysisSummary,
  type AssetRisk,
  type ProcessRisk,
} from '../analysis/index.js';
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

  /**
   * What a dashboard shows of the risk picture: per asset and process its highest level and
   * score (without the factors), the portfolio views, and how much data is missing. A tenth of the
   * full analysis's size; the explanation of one asset or process is asked for separately.
   */
  async summary(orgId: string, today = new Date()): Promise<AnalysisSummary> {
    const a = await this.analyse(orgId, today);
    let s = summaries.get(a);
    if (!s) summaries.set(a, (s = summariseAnalysis(a)));
    return s;
  }

  /**
   * The analysis and its summary as documents ready to send: JSON text and its gzip, made once per
   * analysis, and an entity tag naming the register version and day they were made for. A
   * 10k-asset register's summary is over a megabyte; serialising and sending it for every request
   * of every dashboard would take more time than everything else the request does.
   */
  async analysisDocument(orgId: string): Promise<CachedDocument> {
    const a = await this.analyse(orgId);
    return documentOf(a, this.tagOf(orgId, a));
  }

  async summaryDocument(orgId: string): Promise<CachedDocument> {
    const a = await this.analyse(orgId);
    return documentOf(await this.summary(orgId), `${this.tagOf(orgId, a)}-summary`);
  }

  private tagOf(orgId: string, a: Analysis): string {
    const c = this.cache.get(orgId);
    return c && c.analysis === a ? `${c.version}-${c.day}` : a.generatedAt;
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

/** A document as sent: JSON text, its gzip, and its entity tag. */
export interface CachedDocument {
  json: string;
  gzip: Buffer;
  etag: string;
}

const summaries = new WeakMap<Analysis, AnalysisSummary>();
const documents = new WeakMap<object, CachedDocument>();
function documentOf(value: object, tag: string): CachedDocument {
  let d = documents.get(value);
  if (!d) {
    const json = JSON.stringify(value);
    documents.set(value, (d = { json, gzip: gzipSync(json, { level: 6 }), etag: `"${tag}"` }));
  }
  return d;
}
