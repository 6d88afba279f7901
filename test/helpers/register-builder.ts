/**
 * Builds small registers and knowledge bases for risk-engine tests: records get their envelope and
 * schema defaults, so tests state only the facts that matter.
 */
import { readFileSync } from 'node:fs';
import { KINDS, type KindKey, type RecordOf } from '../../src/domain/index.js';
import {
  KnowledgeIndex,
  riskConfigSchema,
  type KnowledgeBase,
  type RegisterData,
  type RiskConfig,
} from '../../src/analysis/index.js';

const AT = '2026-01-01T00:00:00.000Z';

export function rec<K extends KindKey>(key: K, input: Record<string, unknown>): RecordOf<K> {
  const spec = KINDS[key].spec.parse(Object.fromEntries(Object.entries(input).filter(([k]) => k !== 'id')));
  return {
    id: input.id,
    revision: 1,
    createdAt: AT,
    updatedAt: AT,
    provenance: { method: 'entered', at: AT },
    ...spec,
  } as unknown as RecordOf<K>;
}

export function register(parts: Partial<{ [K in keyof RegisterData]: Record<string, unknown>[] }>): RegisterData {
  return {
    processes: (parts.processes ?? []).map((r) => rec('process', r)),
    assets: (parts.assets ?? []).map((r) => rec('asset', r)),
    parties: (parts.parties ?? []).map((r) => rec('party', r)),
    products: (parts.products ?? []).map((r) => rec('product', r)),
    dependencies: (parts.dependencies ?? []).map((r, i) => rec('dependency', { id: `d${i}`, ...r })),
    exitPlans: (parts.exitPlans ?? []).map((r) => rec('exitPlan', r)),
  };
}

export const defaultConfig = (): RiskConfig =>
  riskConfigSchema.parse(
    JSON.parse(readFileSync(new URL('../../src/knowledge/risk-config.json', import.meta.url), 'utf8')),
  );

const src = (title: string) => ({ title, verified: true, checked: '2026-12-04' });
const names: Record<string, string> = {
  NL: 'Netherlands',
  DE: 'Germany',
  IE: 'Ireland',
  LU: 'Luxembourg',
  FR: 'France',
  US: 'United States',
  CN: 'China',
  GB: 'United Kingdom',
  CH: 'Switzerland',
};
const others = Array.from({ length: 240 }, (_, i) => `X${String.fromCharCode(65 + (i % 26))}`).map(
  (c, i) => `${c[0]}${String.fromCharCode(65 + Math.floor(i / 26))}`,
);

/** A small knowledge base with the facts the worked examples need (shapes as in src/knowledge/data). */
export function fixtureKb(): KnowledgeIndex {
  const codes = [...Object.keys(names), ...others.filter((c) => !(c in names))].slice(0, 249);
  const kb: KnowledgeBase = {
    countries: {
      version: '2026-12-04',
      sources: {
        eu: src('EU member states'),
        nato: src('NATO members'),
        adequacy: src('Adequacy decisions'),
        dsa2: src('Dreigingsbeeld Statelijke Actoren 2'),
        'cloud-act': src('18 U.S.C. 2713'),
      },
      countries: codes.map((code) => ({ code, name: { nl: names[code] ?? code, en: names[code] ?? code } })),
      groups: {
        eu: { members: ['NL', 'DE', 'IE', 'LU', 'FR'], sources: ['eu'] },
        eea: { members: ['NL', 'DE', 'IE', 'LU', 'FR'], sources: ['eu'] },
        nato: { members: ['NL', 'DE', 'FR', 'US', 'GB', 'LU'], sources: ['nato'] },
        gdprAdequacy: {
          members: [
            { code: 'US', scope: 'DPF-certified organisations' },
            { code: 'GB', scope: 'full' },
            { code: 'CH', scope: 'full' },
          ],
          sources: ['adequacy'],
        },
        offensiveCyberAgainstNl: { members: ['CN'], sources: ['dsa2'] },
      },
      jurisdictionLaws: [{ country: 'US', laws: ['us-cloud-act'], sources: ['cloud-act'] }],
    },
    laws: {
      version: '2026-12-04',
      sources: { 'cloud-act': src('18 U.S.C. 2713') },
      laws: [
        {
          id: 'us-cloud-act',
          name: 'CLOUD Act',
          country: 'US',
          citation: '18 U.S.C. §2713',
          year: 2018,
          scope: 'US providers must disclose data in their possession, custody or control, wherever stored',
          extraterritorial: true,
          compelsAccess: true,
          sources: ['cloud-act'],
        },
      ],
    },
    vendors: { version: '2026-12-04', sources: {}, vendors: [] },
    categories: {
      version: '2026-12-04',
      sources: { shares: src('market shares'), cat: src('category facts') },
      doraServiceTypes: [],
      categories: [
        {
          id: 'office-suite',
          name: { nl: 'Kantoorsoftware', en: 'Office suite' },
          layer: 'applications',
          priority: 'office-software',
          doraServiceType: 'S19',
          substitutability: 'highly-complex',
          substitutabilityReason: 'formats and integrations',
          marketShares: {
            market: 'office suites',
            year: 2025,
            shares: [
              { vendor: 'microsoft', share: 80 },
              { vendor: 'google', share: 15 },
            ],
            other: 5,
            sources: ['shares'],
          },
          sources: ['cat'],
        },
        {
          id: 'public-cloud',
          name: { nl: 'Publieke cloud', en: 'Public cloud' },
          layer: 'soft-infrastructure',
          priority: 'cloud',
          doraServiceType: 'S17',
          substitutability: 'highly-complex',
          substitutabilityReason: 'data gravity',
          marketShares: {
            market: 'cloud infrastructure',
            year: 2025,
            shares: [
              { vendor: 'aws', share: 30 },
              { vendor: 'microsoft', share: 22 },
              { vendor: 'google', share: 12 },
            ],
            other: 36,
            sources: ['shares'],
          },
          sources: ['cat'],
        },
        {
          id: 'file-sync',
          name: { nl: 'Bestandsdeling', en: 'File sync and share' },
          layer: 'applications',
          substitutability: 'easy',
          substitutabilityReason: 'open protocols (WebDAV)',
          marketShares: {
            market: 'file sync',
            year: 2025,
            shares: [
              { vendor: 'a', share: 10 },
              { vendor: 'b', share: 10 },
              { vendor: 'c', share: 10 },
            ],
            other: 70,
            sources: ['shares'],
          },
          sources: ['cat'],
        },
        {
          id: 'case-management',
          name: { nl: 'Zaaksysteem', en: 'Case management' },
          layer: 'applications',
          substitutability: 'medium',
          substitutabilityReason: 'standard APIs (ZGW)',
          sources: ['cat'],
        },
      ],
    },
    alternatives: { version: '2026-12-04', sources: {}, alternatives: [] },
  } as unknown as KnowledgeBase;
  return new KnowledgeIndex(kb);
}
