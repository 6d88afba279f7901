/**
 * Worked examples of the risk model (docs/methodology.md) on small hand-built registers.
 */
import { describe, expect, it } from 'vitest';
import { analyse, normaliseName, type Analysis, type AssetRisk } from './index.js';
import { defaultConfig, fixtureKb, register } from '../../test/helpers/register-builder.js';

const kb = fixtureKb();
const config = defaultConfig();
const TODAY = new Date('2026-12-04T00:00:00Z');
const run = (r: ReturnType<typeof register>) =>
  analyse({ organisation: 'test', register: r, kb, config, today: TODAY });
const asset = (a: Analysis, id: string): AssetRisk => a.assets.find((x) => x.assetId === id)!;
const factor = (a: AssetRisk, threat: 'continuity' | 'access', id: string) =>
  a[threat].factors.find((f) => f.id === id)!;

const parties = [
  { id: 'msft', name: 'Microsoft Corporation', country: 'US' },
  { id: 'msft-ie', name: 'Microsoft Ireland Operations Ltd', country: 'IE', parentId: 'msft' },
  { id: 'amazon', name: 'Amazon.com, Inc.', country: 'US' },
  { id: 'aws-emea', name: 'Amazon Web Services EMEA SARL', country: 'LU', parentId: 'amazon' },
  { id: 'saas-nl', name: 'Zaak B.V.', country: 'NL' },
  { id: 'nextcloud', name: 'Nextcloud GmbH', country: 'DE' },
  { id: 'telco-a', name: 'Telco A', country: 'NL' },
  { id: 'telco-b', name: 'Telco B', country: 'DE' },
];
const products = [
  { id: 'm365', name: 'Microsoft 365', category: 'office-suite', vendorId: 'msft' },
  { id: 'ec2', name: 'AWS', category: 'public-cloud', vendorId: 'amazon' },
  { id: 'zaak', name: 'Zaaksysteem', category: 'case-management', vendorId: 'saas-nl' },
  {
    id: 'nc',
    name: 'Nextcloud Hub',
    category: 'file-sync',
    vendorId: 'nextcloud',
    openSource: true,
    licence: 'AGPL-3.0-or-later',
  },
];
const vitalProcess = {
  id: 'burgerzaken',
  name: 'Burgerzaken',
  vital: true,
  publicInterests: ['public-service-continuity'],
  maxTolerableDowntimeHours: 24,
};

describe('worked examples', () => {
  it('a Dutch SaaS hosted on a US hyperscaler inherits US continuity exposure', () => {
    const base = {
      processes: [vitalProcess],
      parties,
      products,
      assets: [
        {
          id: 'zaak-saas',
          name: 'Zaaksysteem (SaaS)',
          type: 'saas',
          layers: ['applications'],
          productId: 'zaak',
          providerId: 'saas-nl',
        },
        {
          id: 'aws-frankfurt',
          name: 'AWS Frankfurt',
          type: 'iaas',
          layers: ['soft-infrastructure'],
          productId: 'ec2',
          providerId: 'aws-emea',
        },
      ],
      dependencies: [{ from: 'process:burgerzaken', to: 'asset:zaak-saas' }],
    };
    const standalone = asset(run(register(base)), 'zaak-saas');
    const hosted = asset(
      run(
        register({
          ...base,
          dependencies: [
            ...base.dependencies,
            { from: 'asset:zaak-saas', to: 'asset:aws-frankfurt', relation: 'runs-on' },
          ],
        }),
      ),
      'zaak-saas',
    );

    expect(standalone.jurisdictions).toEqual(['NL']);
    expect(factor(standalone, 'continuity', 'countryRelation').value).toBe(0);
    expect(hosted.jurisdictions).toEqual(['NL', 'LU', 'US']);
    const country = factor(hosted, 'continuity', 'countryRelation');
    expect(country.value).toBe(config.countryRelation.allied);
    expect(country.fact).toMatch(
      /United States .* through Amazon\.com, Inc\. \(provider of AWS Frankfurt via hosting\)/,
    );
    expect(country.sources.map((s) => s.id)).toContain('nato');
    expect(hosted.continuity.likelihood).toBeGreaterThan(standalone.continuity.likelihood);
    expect(hosted.roots.sort()).toEqual(['amazon', 'saas-nl']);
    // …and access: the US host can be compelled under the CLOUD Act.
    expect(factor(hosted, 'access', 'jurisdiction').fact).toMatch(/CLOUD Act/);
  });

  it("a municipality's e-mail on a US suite holding special-category data scores high on access", () => {
    const a = run(
      register({
        processes: [vitalProcess],
        parties,
        products,
        assets: [
          {
            id: 'mail',
            name: 'Exchange Online',
            type: 'saas',
            layers: ['applications'],
            productId: 'm365',
            providerId: 'msft-ie',
            dataSensitivity: 'special-category',
            keyControl: 'provider',
            dataLocations: { atRest: ['NL', 'IE'], processing: ['NL', 'IE'] },
          },
        ],
        dependencies: [{ from: 'process:burgerzaken', to: 'asset:mail' }],
      }),
    );
    const mail = asset(a, 'mail');
    expect(mail.ultimateParent).toEqual({ id: 'msft', name: 'Microsoft Corporation', country: 'US' });
    expect(mail.strategic).toBe(true);
    expect(mail.access.impact).toBe(4);
    expect(factor(mail, 'access', 'jurisdiction')).toMatchObject({ value: 1, weight: 4 });
    expect(factor(mail, 'access', 'jurisdiction').fact).toMatch(
      /Microsoft Corporation \(provider of Exchange Online\) is under US law: CLOUD Act/,
    );
    expect(factor(mail, 'access', 'jurisdiction').sources[0]).toMatchObject({ id: 'cloud-act', verified: true });
    expect(factor(mail, 'access', 'dataLocation').value).toBe(0);
    // likelihood 1 + 4 × (4×1 + 3×0 + 3×0.8) / 10 = 3.56
    expect(mail.access.likelihood).toBe(3.6);
    expect(mail.access.score).toBe(14.4);
    expect(mail.access.level).toBe('high');
    // The office-suite market is concentrated (HHI 80² + 15² = 6625).
    expect(factor(mail, 'continuity', 'concentration').fact).toMatch(/^HHI 6625/);
  });

  it('a redundancy group of two independent providers lowers process continuity risk; two products of one parent do not', () => {
    const common = { processes: [vitalProcess], parties, products };
    const independent = run(
      register({
        ...common,
        assets: [
          {
            id: 'line-a',
            name: 'Line A',
            type: 'connectivity',
            layers: ['physical-infrastructure'],
            providerId: 'telco-a',
          },
          {
            id: 'line-b',
            name: 'Line B',
            type: 'connectivity',
            layers: ['physical-infrastructure'],
            providerId: 'telco-b',
          },
        ],
        dependencies: [
          { from: 'process:burgerzaken', to: 'asset:line-a', redundancyGroup: 'internet' },
          { from: 'process:burgerzaken', to: 'asset:line-b', redundancyGroup: 'internet' },
        ],
      }),
    );
    const p1 = independent.processes[0]!;
    const maxMember = Math.max(
      asset(independent, 'line-a').continuity.likelihood,
      asset(independent, 'line-b').continuity.likelihood,
    );
    expect(p1.continuity.groups[0]).toMatchObject({ name: 'internet', independent: true, sharedRoots: [] });
    expect(p1.continuity.likelihood).toBeLessThan(maxMember);

    const sameParent = run(
      register({
        ...common,
        assets: [
          {
            id: 'mail',
            name: 'Exchange Online',
            type: 'saas',
            layers: ['applications'],
            productId: 'm365',
            providerId: 'msft-ie',
          },
          {
            id: 'mail-2',
            name: 'Outlook.com',
            type: 'saas',
            layers: ['applications'],
            productId: 'm365',
            providerId: 'msft',
          },
        ],
        dependencies: [
          { from: 'process:burgerzaken', to: 'asset:mail', redundancyGroup: 'mail' },
          { from: 'process:burgerzaken', to: 'asset:mail-2', redundancyGroup: 'mail' },
        ],
      }),
    );
    const p2 = sameParent.processes[0]!;
    expect(p2.continuity.groups[0]).toMatchObject({
      independent: false,
      sharedRoots: ['msft'],
      partitions: [['mail', 'mail-2']],
    });
    expect(p2.continuity.likelihood).toBe(
      Math.max(asset(sameParent, 'mail').continuity.likelihood, asset(sameParent, 'mail-2').continuity.likelihood),
    );
    // Neither group member is a single point of failure; a required asset would be.
    expect(p2.singlePointsOfFailure).toEqual([]);
  });

  it('an EU open-source product with a tested exit plan scores low', () => {
    const a = run(
      register({
        processes: [vitalProcess],
        parties,
        products,
        assets: [
          {
            id: 'files',
            name: 'Nextcloud',
            type: 'application',
            layers: ['applications'],
            productId: 'nc',
            providerId: 'nextcloud',
            dataSensitivity: 'personal',
            keyControl: 'customer',
            dataLocations: { atRest: ['NL'], processing: ['NL'] },
            lockIn: { openStandards: ['WebDAV'], dataExport: 'full' },
          },
        ],
        exitPlans: [
          {
            id: 'x',
            name: 'Naar andere Nextcloud-hoster',
            assetId: 'files',
            strategy: 'replace',
            lastTested: '2026-06-01',
          },
        ],
        dependencies: [{ from: 'process:burgerzaken', to: 'asset:files' }],
      }),
    );
    const files = asset(a, 'files');
    expect(factor(files, 'continuity', 'substitutability').fact).toMatch(
      /exit plan "Naar andere Nextcloud-hoster" tested 2026-06-01/,
    );
    expect(factor(files, 'continuity', 'substitutability').value).toBe(0);
    expect(files.continuity.level).toBe('low');
    expect(files.access.level).toBe('low');
    expect(files.missing).toEqual([]);
  });

  it("a change of a party's parent re-scores everything that depends on it", () => {
    const parts = {
      processes: [vitalProcess],
      products,
      assets: [
        {
          id: 'app-1',
          name: 'App 1',
          type: 'saas',
          layers: ['applications'],
          productId: 'zaak',
          providerId: 'acme-nl',
          dataSensitivity: 'personal',
        },
        {
          id: 'app-2',
          name: 'App 2',
          type: 'saas',
          layers: ['applications'],
          productId: 'zaak',
          providerId: 'acme-nl',
          dataSensitivity: 'personal',
        },
      ],
      dependencies: [
        { from: 'process:burgerzaken', to: 'asset:app-1' },
        { from: 'asset:app-1', to: 'asset:app-2' },
      ],
    };
    const before = run(
      register({ ...parts, parties: [...parties, { id: 'acme-nl', name: 'Acme B.V.', country: 'NL' }] }),
    );
    const after = run(
      register({
        ...parts,
        parties: [...parties, { id: 'acme-nl', name: 'Acme B.V.', country: 'NL', parentId: 'msft' }],
      }),
    );
    for (const id of ['app-1', 'app-2']) {
      expect(asset(after, id).ultimateParent?.id).toBe('msft');
      expect(asset(after, id).continuity.score).toBeGreaterThan(asset(before, id).continuity.score);
      expect(asset(after, id).access.score).toBeGreaterThan(asset(before, id).access.score);
    }
    expect(after.processes[0]!.continuity.score).toBeGreaterThan(before.processes[0]!.continuity.score);
  });
});

describe('mechanics', () => {
  it('explains every likelihood as 1 plus the sum of its factor contributions', () => {
    const a = run(
      register({
        processes: [vitalProcess],
        parties,
        products,
        assets: [
          {
            id: 'mail',
            name: 'Mail',
            type: 'saas',
            layers: ['applications'],
            productId: 'm365',
            providerId: 'msft-ie',
          },
        ],
        dependencies: [{ from: 'process:burgerzaken', to: 'asset:mail' }],
      }),
    );
    for (const threat of ['continuity', 'access'] as const) {
      const t = asset(a, 'mail')[threat];
      const sum = 1 + t.factors.reduce((s, f) => s + f.contribution, 0);
      expect(Math.abs(sum - t.likelihood)).toBeLessThanOrEqual(0.2);
      for (const f of t.factors) expect(f.sources.length, f.id).toBeGreaterThan(0);
    }
  });

  it('reports missing facts instead of failing', () => {
    const a = run(register({ assets: [{ id: 'bare', name: 'Bare', type: 'application', layers: ['applications'] }] }));
    expect(asset(a, 'bare').strategic).toBe(false);
    expect(asset(a, 'bare').missing).toEqual(
      expect.arrayContaining(['the country of the provider of Bare', 'data sensitivity of Bare']),
    );
    expect(a.dataQuality[0]!.assetId).toBe('bare');
  });

  it('handles cycles in the dependency graph', () => {
    const a = run(
      register({
        processes: [vitalProcess],
        parties,
        assets: [
          { id: 'a', name: 'A', type: 'platform', layers: ['soft-infrastructure'], providerId: 'msft' },
          { id: 'b', name: 'B', type: 'platform', layers: ['soft-infrastructure'], providerId: 'saas-nl' },
        ],
        dependencies: [
          { from: 'process:burgerzaken', to: 'asset:a' },
          { from: 'asset:a', to: 'asset:b', relation: 'runs-on' },
          { from: 'asset:b', to: 'asset:a', relation: 'runs-on' },
        ],
      }),
    );
    expect(asset(a, 'b').jurisdictions.sort()).toEqual(['NL', 'US']);
    expect(asset(a, 'b').continuity.impact).toBe(5);
    expect(a.processes[0]!.singlePointsOfFailure).toEqual(['a', 'b']);
  });

  it('computes concentration by ultimate parent with the share of vital processes', () => {
    const a = run(
      register({
        processes: [vitalProcess, { id: 'p2', name: 'P2', vital: true }, { id: 'p3', name: 'P3', vital: false }],
        parties,
        products,
        assets: [
          { id: 'mail', name: 'Mail', type: 'saas', layers: ['applications'], providerId: 'msft-ie' },
          { id: 'files', name: 'Files', type: 'saas', layers: ['applications'], providerId: 'nextcloud' },
        ],
        dependencies: [
          { from: 'process:burgerzaken', to: 'asset:mail' },
          { from: 'process:p2', to: 'asset:files' },
          { from: 'process:p3', to: 'asset:mail' },
        ],
      }),
    );
    expect(a.portfolio.byUltimateParent.rows).toEqual([
      { key: 'msft', label: 'Microsoft Corporation', assets: 1, vitalProcesses: 1, vitalShare: 0.5 },
      { key: 'nextcloud', label: 'Nextcloud GmbH', assets: 1, vitalProcesses: 1, vitalShare: 0.5 },
    ]);
    expect(a.portfolio.byUltimateParent.hhi).toBe(5000);
    expect(a.portfolio.byCountry.rows.map((r) => r.key)).toEqual(['DE', 'US']);
  });
});

describe('vendor name matching', () => {
  it('drops legal forms written with dots as well as without', () => {
    for (const name of ['Zaak B.V.', 'Zaak BV', 'Zaak b.v', 'ZAAK N.V.', 'Zaak S.A.', 'Zaak (Holding) B.V.'])
      expect(normaliseName(name), name).toBe('zaak');
    expect(normaliseName('Amazon.com, Inc.')).toBe('amazon com');
  });
});
