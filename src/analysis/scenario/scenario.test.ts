/**
 * The cut-off scenario engine on small hand-built registers: how each kind of cut reaches the
 * register, the AND/OR propagation with cycles, restore times, process paths, comparison mode, and
 * the fixed-point engine itself on hand-built CSR graphs.
 */
import { describe, expect, it } from 'vitest';
import { InputError, type Issue } from '../../domain/errors.js';
import type { Vendor } from '../../domain/index.js';
import { cutSchema, measureEffectSchema } from '../../domain/scenario.js';
import { buildCsr } from '../csr.js';
import { KnowledgeIndex } from '../knowledge-index.js';
import { compileGraph } from '../register-view.js';
import { fixtureKb, rec, register } from '../../../test/helpers/register-builder.js';
import {
  applyEffects,
  compareScenario,
  DEGRADED,
  propagateCut,
  reverseEdges,
  RUNNING,
  ScenarioEngine,
  STOPPED,
  type CutGraph,
  type ScenarioData,
  type ScenarioResult,
  type SourcedEffect,
} from './index.js';

// ---- helpers ---------------------------------------------------------------------------------------

type Parts = Parameters<typeof register>[0] & { components?: Record<string, unknown>[] };

function scenarioData(parts: Parts): ScenarioData {
  const { components = [], ...rest } = parts;
  return { ...register(rest), components: components.map((c) => rec('component', c)) };
}

const kb = fixtureKb();

const asset = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Asset ${id}`,
  type: 'saas',
  layers: ['applications'],
  ...extra,
});
const proc = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: `Process ${id}`, ...extra });
/** A dependency "from → to" given as refs; `group` puts it in a redundancy group. */
const dep = (from: string, to: string, group?: string) => ({ from, to, ...(group ? { redundancyGroup: group } : {}) });

function run(
  data: ScenarioData,
  cuts: unknown[],
  opts: { durationHours?: number; kb?: KnowledgeIndex } = {},
): ScenarioResult {
  return new ScenarioEngine(data, opts.kb ?? kb).evaluate({
    name: 'test',
    cuts: cuts.map((c) => cutSchema.parse(c)),
    ...(opts.durationHours !== undefined ? { durationHours: opts.durationHours } : {}),
  });
}

const cutIds = (r: ScenarioResult) => r.cutOff.map((c) => c.assetId).sort();
const assetState = (r: ScenarioResult, id: string) => r.assets.find((a) => a.assetId === id)?.state ?? 'running';
const processOf = (r: ScenarioResult, id: string) => {
  const p = r.processes.find((x) => x.processId === id);
  if (!p) throw new Error(`no process ${id} in the result`);
  return p;
};
const reasonsOf = (r: ScenarioResult, id: string) => r.cutOff.find((c) => c.assetId === id)?.reasons ?? [];

/** The issues of the InputError `fn` throws (fails the test when it throws anything else). */
function inputIssues(fn: () => unknown): Issue[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).issues;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

// ---- cuts ------------------------------------------------------------------------------------------

describe('party cuts', () => {
  const data = scenarioData({
    parties: [
      { id: 'acme', name: 'Acme Corp', country: 'US' },
      { id: 'acme-eu', name: 'Acme Europe', country: 'IE', parentId: 'acme' },
      { id: 'acme-nl', name: 'Acme Nederland', country: 'NL', parentId: 'acme-eu' },
      { id: 'other', name: 'Other', country: 'NL' },
    ],
    products: [{ id: 'acme-db', name: 'Acme DB', vendorId: 'acme-eu' }],
    assets: [
      asset('a-prov', { providerId: 'acme' }),
      asset('a-sub-prov', { providerId: 'acme-eu' }),
      asset('a-sub-host', { providerId: 'other', hostingPartyId: 'acme-nl' }),
      asset('a-prod', { providerId: 'other', productId: 'acme-db' }),
      asset('a-supplied', { providerId: 'other' }),
      asset('a-free', { providerId: 'other' }),
    ],
    dependencies: [dep('asset:a-supplied', 'party:acme-eu')],
  });

  it('cuts what the party and everything it owns provide, host, make or supply (includeOwned by default)', () => {
    expect(cutSchema.parse({ kind: 'party', partyId: 'acme' })).toEqual({
      kind: 'party',
      partyId: 'acme',
      includeOwned: true,
    });
    const r = run(data, [{ kind: 'party', partyId: 'acme' }]);
    expect(cutIds(r)).toEqual(['a-prod', 'a-prov', 'a-sub-host', 'a-sub-prov', 'a-supplied']);
    expect(reasonsOf(r, 'a-prov')).toEqual(['Acme Corp cut off (provider)']);
    expect(reasonsOf(r, 'a-sub-host')).toEqual(['Acme Nederland, owned by Acme Corp, cut off (host)']);
    expect(reasonsOf(r, 'a-prod')[0]).toMatch(/Acme Europe, owned by Acme Corp.*vendor of the product/);
    expect(reasonsOf(r, 'a-supplied')[0]).toMatch(/\(supplier\)$/);
    expect(assetState(r, 'a-free')).toBe('running');
  });

  it('with includeOwned false cuts only what the party itself provides', () => {
    const r = run(data, [{ kind: 'party', partyId: 'acme', includeOwned: false }]);
    expect(cutIds(r)).toEqual(['a-prov']);
    expect(assetState(r, 'a-sub-prov')).toBe('running');
  });

  it('cutting a subsidiary reaches down its chain but not up to its parent', () => {
    const r = run(data, [{ kind: 'party', partyId: 'acme-eu' }]);
    expect(cutIds(r)).toEqual(['a-prod', 'a-sub-host', 'a-sub-prov', 'a-supplied']);
  });

  it('an unknown party is an InputError naming the cut and its field', () => {
    const issues = inputIssues(() =>
      run(data, [
        { kind: 'party', partyId: 'acme' },
        { kind: 'party', partyId: 'ghost' },
      ]),
    );
    expect(issues.map((i) => i.path)).toEqual([['cuts', 1, 'partyId']]);
    expect(issues[0]!.message).toMatch(/ghost/);
  });
});

describe('vendor cuts', () => {
  const vendor = (v: Partial<Vendor> & Pick<Vendor, 'id' | 'name'>): Vendor => ({
    kind: 'company',
    country: 'US',
    aliases: [],
    domains: [],
    purlNamespaces: [],
    layers: ['applications'],
    categories: [],
    sources: ['cat'],
    ...v,
  });
  const base = fixtureKb().kb;
  const vendorKb = new KnowledgeIndex({
    ...base,
    vendors: {
      version: '2026-12-04',
      sources: {},
      vendors: [
        vendor({ id: 'microsoft', name: 'Microsoft Corporation', aliases: ['Microsoft'], domains: ['microsoft.com'] }),
        vendor({ id: 'github', name: 'GitHub, Inc.', parent: 'microsoft', aliases: ['GitHub'] }),
        vendor({ id: 'sap', name: 'SAP SE', country: 'DE' }),
      ],
    },
  });
  const data = scenarioData({
    parties: [
      // Matched through its alias.
      { id: 'p-ms', name: 'Microsoft Nederland', aliases: ['Microsoft'], country: 'NL' },
      // Matched to the knowledge base's subsidiary (GitHub, parent Microsoft).
      { id: 'p-gh', name: 'GitHub', country: 'US' },
      // Owned in the register by the party matched to GitHub.
      { id: 'p-gh-sub', name: 'Code Hosting NL', country: 'NL', parentId: 'p-gh' },
      // Matched through its web domain.
      { id: 'p-web', name: 'Cloud Store', website: 'https://www.microsoft.com/nl-nl' },
      { id: 'p-other', name: 'Other Ltd', country: 'NL' },
    ],
    assets: [
      asset('a-ms', { providerId: 'p-ms' }),
      asset('a-gh', { providerId: 'p-gh' }),
      asset('a-gh-sub', { providerId: 'p-gh-sub' }),
      asset('a-web', { providerId: 'p-web' }),
      asset('a-other', { providerId: 'p-other' }),
    ],
  });

  it('a vendor cut reaches parties matched to it and, through the chain, to its subsidiaries', () => {
    const r = run(data, [{ kind: 'vendor', vendorId: 'microsoft' }], { kb: vendorKb });
    expect(cutIds(r)).toEqual(['a-gh', 'a-gh-sub', 'a-ms', 'a-web']);
    expect(reasonsOf(r, 'a-ms')).toEqual([
      'Microsoft Nederland (Microsoft Corporation in the knowledge base) cut off (provider)',
    ]);
  });

  it('with includeOwned false only parties matched to the vendor itself', () => {
    const r = run(data, [{ kind: 'vendor', vendorId: 'microsoft', includeOwned: false }], { kb: vendorKb });
    expect(cutIds(r)).toEqual(['a-ms', 'a-web']);
  });

  it('cutting the subsidiary vendor does not reach its parent', () => {
    const r = run(data, [{ kind: 'vendor', vendorId: 'github' }], { kb: vendorKb });
    expect(cutIds(r)).toEqual(['a-gh', 'a-gh-sub']);
  });

  it('a vendor matched to no party cuts nothing; an unknown vendor is an InputError', () => {
    expect(run(data, [{ kind: 'vendor', vendorId: 'sap' }], { kb: vendorKb }).cutOff).toEqual([]);
    const issues = inputIssues(() => run(data, [{ kind: 'vendor', vendorId: 'oracle' }], { kb: vendorKb }));
    expect(issues.map((i) => i.path)).toEqual([['cuts', 0, 'vendorId']]);
  });
});

describe('country cuts', () => {
  const data = scenarioData({
    parties: [
      { id: 'us-parent', name: 'US Parent', country: 'US' },
      { id: 'ie-sub', name: 'IE Sub', country: 'IE', parentId: 'us-parent' },
      { id: 'nl-co', name: 'NL Co', country: 'NL' },
    ],
    assets: [
      asset('a-us', { providerId: 'us-parent' }),
      asset('a-ie', { providerId: 'ie-sub' }),
      asset('a-nl', { providerId: 'nl-co' }),
      asset('a-hosted-us', { type: 'iaas', providerId: 'nl-co', hostingLocations: ['US'] }),
      asset('a-chip-us', { type: 'hardware', layers: ['hardware'], providerId: 'nl-co', hostingLocations: ['US'] }),
      asset('a-ore-cn', { type: 'raw-material', layers: ['raw-materials'], hostingLocations: ['CN'] }),
    ],
  });
  const country = (scope?: string[], c = 'US') =>
    run(data, [{ kind: 'country', country: c, ...(scope ? { scope } : {}) }]);

  it('headquartered: parties seated there, not their subsidiaries elsewhere', () => {
    const r = country(['headquartered']);
    expect(cutIds(r)).toEqual(['a-us']);
    expect(reasonsOf(r, 'a-us')).toEqual(['US Parent is headquartered in US (provider)']);
  });

  it('owned: a subsidiary elsewhere owned from the country', () => {
    const r = country(['owned']);
    expect(cutIds(r)).toEqual(['a-ie', 'a-us']);
    expect(reasonsOf(r, 'a-ie')).toEqual(['IE Sub is owned from US (US Parent) (provider)']);
  });

  it('hosted: assets hosted there, but not hardware produced there', () => {
    const r = country(['hosted']);
    expect(cutIds(r)).toEqual(['a-hosted-us']);
    expect(reasonsOf(r, 'a-hosted-us')).toEqual(['hosted in US']);
  });

  it('made: hardware and raw materials produced there, but not hosted services', () => {
    expect(cutIds(country(['made']))).toEqual(['a-chip-us']);
    expect(reasonsOf(country(['made']), 'a-chip-us')).toEqual(['produced in US']);
    expect(cutIds(country(['made'], 'CN'))).toEqual(['a-ore-cn']);
  });

  it('every scope by default', () => {
    expect(cutSchema.parse({ kind: 'country', country: 'US' })).toMatchObject({
      scope: ['headquartered', 'owned', 'hosted', 'made'],
    });
    expect(cutIds(country())).toEqual(['a-chip-us', 'a-hosted-us', 'a-ie', 'a-us']);
    expect(cutIds(country(undefined, 'NL'))).toEqual(['a-chip-us', 'a-hosted-us', 'a-nl']);
  });
});

describe('product cuts', () => {
  const data = scenarioData({
    products: [
      { id: 'prod-x', name: 'Product X' },
      { id: 'prod-y', name: 'Product Y' },
    ],
    assets: [
      asset('a1', { productId: 'prod-x' }),
      asset('a2', { productId: 'prod-x' }),
      asset('a3', { productId: 'prod-y' }),
    ],
  });

  it('cuts every asset of the product', () => {
    const r = run(data, [{ kind: 'product', productId: 'prod-x' }]);
    expect(cutIds(r)).toEqual(['a1', 'a2']);
    expect(reasonsOf(r, 'a1')).toEqual(['product Product X cut off']);
  });

  it('an unknown product is an InputError', () => {
    expect(inputIssues(() => run(data, [{ kind: 'product', productId: 'prod-z' }])).map((i) => i.path)).toEqual([
      ['cuts', 0, 'productId'],
    ]);
  });
});

describe('component cuts', () => {
  const LOG4J = 'pkg:maven/org.apache.logging.log4j/log4j-core';
  const data = scenarioData({
    assets: [
      asset('app-old', { type: 'application' }),
      asset('app-new', { type: 'application' }),
      asset('app-api', { type: 'application' }),
      asset('app-purl-only', { type: 'application' }),
      asset('app-consumer', { type: 'application' }),
      asset('portal'),
    ],
    processes: [proc('p')],
    components: [
      { id: 'c-old', assetId: 'app-old', name: 'log4j-core', version: '2.14.1', purl: `${LOG4J}@2.14.1` },
      { id: 'c-new', assetId: 'app-new', name: 'log4j-core', version: '2.17.1', purl: `${LOG4J}@2.17.1` },
      {
        id: 'c-api',
        assetId: 'app-api',
        name: 'log4j-api',
        version: '2.14.1',
        purl: 'pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1',
      },
      // The version only in the purl.
      { id: 'c-purl', assetId: 'app-purl-only', name: 'log4j-core', purl: `${LOG4J}@2.12.0` },
    ],
    dependencies: [
      dep('asset:app-consumer', 'component:c-old'),
      dep('asset:portal', 'asset:app-old'),
      dep('process:p', 'asset:portal'),
    ],
  });
  const RANGE = '>=2.0.0-beta9 <2.15.0';

  it('cuts the assets holding a version in the range, and assets depending on such a component', () => {
    const r = run(data, [{ kind: 'component', purl: LOG4J, range: RANGE }]);
    expect(cutIds(r)).toEqual(['app-consumer', 'app-old', 'app-purl-only']);
    expect(reasonsOf(r, 'app-old')).toEqual([`contains log4j-core 2.14.1 (${LOG4J} ${RANGE})`]);
    expect(reasonsOf(r, 'app-consumer')[0]).toMatch(/depends on an affected component/);
    expect(assetState(r, 'app-new')).toBe('running');
    expect(assetState(r, 'app-api')).toBe('running');
    // …and what runs on them stops.
    expect(assetState(r, 'portal')).toBe('stopped');
    expect(processOf(r, 'p').state).toBe('stopped');
  });

  it('without a range every version is cut', () => {
    expect(cutIds(run(data, [{ kind: 'component', purl: LOG4J }]))).toEqual([
      'app-consumer',
      'app-new',
      'app-old',
      'app-purl-only',
    ]);
  });

  it('a range above the vulnerable versions cuts the fixed one only', () => {
    expect(cutIds(run(data, [{ kind: 'component', purl: LOG4J, range: '>=2.17.0' }]))).toEqual(['app-new']);
  });

  it('the purl in a cut has no version; a range that is not semver is an InputError', () => {
    expect(() => cutSchema.parse({ kind: 'component', purl: `${LOG4J}@2.14.1` })).toThrow();
    const issues = inputIssues(() => run(data, [{ kind: 'component', purl: LOG4J, range: 'not a range' }]));
    expect(issues.map((i) => i.path)).toEqual([['cuts', 0, 'range']]);
  });
});

describe('cuts naming one asset: hosting region, site, cable, asset', () => {
  const data = scenarioData({
    assets: [
      asset('dc', { type: 'facility', layers: ['physical-infrastructure'] }),
      asset('region', { type: 'iaas', layers: ['soft-infrastructure'] }),
      asset('cable', { type: 'connectivity', layers: ['physical-infrastructure'] }),
      asset('app'),
    ],
  });

  it.each([
    ['hosting-region', 'region', 'Asset region cut off (hosting-region)'],
    ['hosting-region', 'dc', 'Asset dc cut off (hosting-region)'],
    ['site', 'dc', 'Asset dc cut off (site)'],
    ['cable', 'cable', 'Asset cable cut off (cable)'],
    ['asset', 'app', 'Asset app cut off'],
  ])('a %s cut on %s cuts it', (kind, assetId, reason) => {
    const r = run(data, [{ kind, assetId }]);
    expect(cutIds(r)).toEqual([assetId]);
    expect(reasonsOf(r, assetId)).toEqual([reason]);
  });

  it('a site cut naming a non-facility asset is an InputError on that cut', () => {
    const issues = inputIssues(() => run(data, [{ kind: 'site', assetId: 'app' }]));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual(['cuts', 0, 'assetId']);
    expect(issues[0]!.message).toMatch(/saas.*facility/);
  });

  it('every wrong cut is named, by its index', () => {
    const issues = inputIssues(() =>
      run(data, [
        { kind: 'hosting-region', assetId: 'app' },
        { kind: 'asset', assetId: 'app' },
        { kind: 'cable', assetId: 'dc' },
        { kind: 'asset', assetId: 'ghost' },
      ]),
    );
    expect(issues.map((i) => i.path)).toEqual([
      ['cuts', 0, 'assetId'],
      ['cuts', 2, 'assetId'],
      ['cuts', 3, 'assetId'],
    ]);
  });
});

// ---- propagation -----------------------------------------------------------------------------------

describe('AND/OR propagation', () => {
  const data = scenarioData({
    assets: [asset('x'), asset('y'), asset('z'), asset('app'), asset('grp'), asset('top')],
    processes: [
      proc('p-app', { publicInterests: ['earning-capacity'] }),
      proc('p-grp', { vital: true, publicInterests: ['public-service-continuity'] }),
      proc('p-top', { publicInterests: ['national-security'] }),
    ],
    dependencies: [
      dep('asset:app', 'asset:x'),
      dep('asset:grp', 'asset:y', 'g'),
      dep('asset:grp', 'asset:z', 'g'),
      dep('asset:top', 'asset:grp'),
      dep('process:p-app', 'asset:app'),
      dep('process:p-grp', 'asset:grp'),
      dep('process:p-top', 'asset:top'),
    ],
  });

  it('a required dependency stopped stops its consumer', () => {
    const r = run(data, [{ kind: 'asset', assetId: 'x' }]);
    expect(assetState(r, 'app')).toBe('stopped');
    expect(r.assets.find((a) => a.assetId === 'app')!.cause).toBe('x');
    expect(processOf(r, 'p-app').state).toBe('stopped');
    expect(processOf(r, 'p-grp').state).toBe('running');
    expect(r.summary.processes).toEqual({ running: 2, degraded: 0, stopped: 1 });
    expect(r.summary.assets).toEqual({ running: 4, degraded: 0, stopped: 2 });
  });

  it('one of two redundant members stopped degrades the consumer, and consumers of it', () => {
    const r = run(data, [{ kind: 'asset', assetId: 'y' }]);
    expect(assetState(r, 'grp')).toBe('degraded');
    expect(assetState(r, 'top')).toBe('degraded');
    expect(processOf(r, 'p-grp').state).toBe('degraded');
    expect(processOf(r, 'p-top').state).toBe('degraded');
    expect(processOf(r, 'p-app').state).toBe('running');
    // A degraded process has no restore time, is not a vital process stopped, but its interests are hit.
    expect(processOf(r, 'p-grp').restoreHours).toBeUndefined();
    expect(r.summary.vitalStopped).toEqual([]);
    expect(r.summary.publicInterestsHit).toEqual(['national-security', 'public-service-continuity']);
    expect(r.summary.restoreHours).toBe(0);
  });

  it('every member of the group stopped stops the consumer', () => {
    const r = run(data, [
      { kind: 'asset', assetId: 'y' },
      { kind: 'asset', assetId: 'z' },
    ]);
    expect(assetState(r, 'grp')).toBe('stopped');
    expect(assetState(r, 'top')).toBe('stopped');
    expect(processOf(r, 'p-grp').state).toBe('stopped');
    expect(processOf(r, 'p-top').state).toBe('stopped');
    expect(r.summary.vitalStopped).toEqual(['p-grp']);
  });

  it('a degraded required dependency degrades (not stops) the consumer', () => {
    const chain = scenarioData({
      assets: [asset('m1'), asset('m2'), asset('hub'), asset('svc')],
      processes: [proc('p')],
      dependencies: [
        dep('asset:hub', 'asset:m1', 'g'),
        dep('asset:hub', 'asset:m2', 'g'),
        dep('asset:svc', 'asset:hub'),
        dep('process:p', 'asset:svc'),
      ],
    });
    const r = run(chain, [{ kind: 'asset', assetId: 'm1' }]);
    expect(r.assets.map((a) => [a.assetId, a.state, a.cause])).toEqual([
      ['m1', 'stopped', undefined],
      ['hub', 'degraded', 'm1'],
      ['svc', 'degraded', 'hub'],
    ]);
    expect(processOf(r, 'p')).toMatchObject({ state: 'degraded', path: ['asset:svc', 'asset:hub', 'asset:m1'] });
  });
});

describe('cycles', () => {
  const data = scenarioData({
    assets: [asset('a'), asset('b'), asset('c'), asset('ext'), asset('lone')],
    processes: [proc('p')],
    dependencies: [
      dep('asset:a', 'asset:b'),
      dep('asset:b', 'asset:a'),
      dep('asset:a', 'asset:ext'),
      dep('asset:c', 'asset:a'),
      dep('process:p', 'asset:c'),
    ],
  });

  it('a cycle nothing outside cuts keeps running', () => {
    const r = run(data, [{ kind: 'asset', assetId: 'lone' }]);
    expect(r.assets.map((a) => a.assetId)).toEqual(['lone']);
    expect(processOf(r, 'p').state).toBe('running');
  });

  it('a cut one member requires stops the whole cycle and its consumers', () => {
    const r = run(data, [{ kind: 'asset', assetId: 'ext' }], { durationHours: 10 });
    for (const id of ['a', 'b', 'c', 'ext']) expect(assetState(r, id)).toBe('stopped');
    expect(assetState(r, 'lone')).toBe('running');
    expect(processOf(r, 'p')).toMatchObject({
      state: 'stopped',
      restoreHours: 10,
      path: ['asset:c', 'asset:a', 'asset:ext'],
    });
    expect(r.assets.find((a) => a.assetId === 'b')!.cause).toBe('a');
  });
});

// ---- restore times ---------------------------------------------------------------------------------

describe('restore times', () => {
  const data = scenarioData({
    assets: [asset('s1'), asset('s2'), asset('s3'), asset('mid'), asset('ok')],
    processes: [
      proc('p-req', {
        vital: true,
        publicInterests: ['public-service-continuity', 'national-security'],
        maxTolerableDowntimeHours: 48,
      }),
      proc('p-grp', { publicInterests: ['public-service-continuity'], maxTolerableDowntimeHours: 24 }),
      proc('p-none', { publicInterests: ['earning-capacity'], maxTolerableDowntimeHours: 1000 }),
      proc('p-ok', { vital: true, publicInterests: ['democratic-rule-of-law'], maxTolerableDowntimeHours: 1 }),
    ],
    dependencies: [
      dep('asset:mid', 'asset:s1'),
      dep('asset:mid', 'asset:s2'),
      dep('process:p-req', 'asset:mid'),
      dep('process:p-grp', 'asset:s1', 'either'),
      dep('process:p-grp', 'asset:s2', 'either'),
      dep('process:p-none', 'asset:s3'),
      dep('process:p-ok', 'asset:ok'),
    ],
    exitPlans: [
      { id: 'e1', name: 'Plan S1', assetId: 's1', strategy: 'replace', timeToSwitchDays: 1 },
      { id: 'e2a', name: 'Slow plan S2', assetId: 's2', strategy: 'replace', timeToSwitchDays: 10 },
      { id: 'e2b', name: 'Plan S2', assetId: 's2', strategy: 'multi-vendor', timeToSwitchDays: 3 },
      { id: 'e2c', name: 'Undated plan S2', assetId: 's2', strategy: 'insource' },
      // A plan without a time to switch does not count.
      { id: 'e3', name: 'Undated plan S3', assetId: 's3', strategy: 'terminate' },
    ],
  });
  const cuts = ['s1', 's2', 's3'].map((assetId) => ({ kind: 'asset', assetId }));

  it('seeds are back after the fastest exit plan; without a plan or duration the restore time is unknown', () => {
    const r = run(data, cuts);
    const cut = Object.fromEntries(r.cutOff.map((c) => [c.assetId, c]));
    expect(cut.s1).toMatchObject({ restoreHours: 24, restoreBasis: 'exit plan "Plan S1": switch in 1 days' });
    expect(cut.s2).toMatchObject({ restoreHours: 72, restoreBasis: 'exit plan "Plan S2": switch in 3 days' });
    expect(cut.s3!.restoreHours).toBeNull();
    expect(cut.s3!.restoreBasis).toMatch(/no exit plan/);
    expect(r.summary.withoutExitPlan).toEqual(['s3']);
  });

  it('a required chain takes the longest of its causes; a stopped group the shortest', () => {
    const r = run(data, cuts);
    expect(r.assets.find((a) => a.assetId === 'mid')!.restoreHours).toBe(72);
    expect(processOf(r, 'p-req')).toMatchObject({ state: 'stopped', restoreHours: 72 });
    expect(processOf(r, 'p-grp')).toMatchObject({ state: 'stopped', restoreHours: 24 });
    expect(processOf(r, 'p-none')).toMatchObject({ state: 'stopped', restoreHours: null });
  });

  it('tolerable downtime, vital processes stopped and public interests hit', () => {
    const r = run(data, cuts);
    expect(processOf(r, 'p-req')).toMatchObject({ maxTolerableDowntimeHours: 48, exceedsTolerableDowntime: true });
    // 24 h restore against 24 h tolerable: within.
    expect(processOf(r, 'p-grp')).toMatchObject({ maxTolerableDowntimeHours: 24, exceedsTolerableDowntime: false });
    // Unknown restore counts as exceeding.
    expect(processOf(r, 'p-none').exceedsTolerableDowntime).toBe(true);
    expect(processOf(r, 'p-ok').state).toBe('running');
    expect(processOf(r, 'p-ok').exceedsTolerableDowntime).toBeUndefined();
    expect(r.summary.vitalStopped).toEqual(['p-req']);
    expect(r.summary.publicInterestsHit).toEqual([
      'earning-capacity',
      'national-security',
      'public-service-continuity',
    ]);
    expect(r.summary.restoreHours).toBeNull();
  });

  it('the scenario duration caps the restore time', () => {
    const r = run(data, cuts, { durationHours: 48 });
    const cut = Object.fromEntries(r.cutOff.map((c) => [c.assetId, c]));
    expect(cut.s1!.restoreHours).toBe(24);
    expect(cut.s2!.restoreHours).toBe(48);
    expect(cut.s2!.restoreBasis).toBe('the scenario lasts 48 hours (sooner than exit plan "Plan S2")');
    expect(cut.s3!.restoreHours).toBe(48);
    expect(processOf(r, 'p-req')).toMatchObject({ restoreHours: 48, exceedsTolerableDowntime: false });
    expect(processOf(r, 'p-none')).toMatchObject({ restoreHours: 48, exceedsTolerableDowntime: false });
    expect(r.summary.restoreHours).toBe(48);
    // The duration does not make up for the missing plan.
    expect(r.summary.withoutExitPlan).toEqual(['s3']);
  });

  it('a group member back sooner than the other brings the group back at the first', () => {
    const r = run(data, [
      { kind: 'asset', assetId: 's2' },
      { kind: 'asset', assetId: 's1' },
    ]);
    expect(processOf(r, 'p-grp').restoreHours).toBe(24);
    expect(processOf(r, 'p-req').restoreHours).toBe(72);
  });
});

describe('process paths', () => {
  it('the path of a stopped process leads down to the asset cut off directly', () => {
    const data = scenarioData({
      assets: [
        asset('app'),
        asset('platform', { type: 'paas', layers: ['soft-infrastructure'] }),
        asset('region', { type: 'iaas', layers: ['soft-infrastructure'] }),
        asset('side'),
      ],
      processes: [proc('p'), proc('q')],
      dependencies: [
        dep('process:p', 'asset:app'),
        dep('asset:app', 'asset:platform', undefined),
        dep('asset:platform', 'asset:region'),
        dep('process:q', 'asset:side'),
      ],
    });
    const r = run(data, [{ kind: 'hosting-region', assetId: 'region' }]);
    expect(processOf(r, 'p')).toMatchObject({
      state: 'stopped',
      path: ['asset:app', 'asset:platform', 'asset:region'],
    });
    expect(r.cutOff.map((c) => c.assetId)).toEqual(['region']);
    expect(processOf(r, 'q').path).toBeUndefined();
  });
});

// ---- comparison ------------------------------------------------------------------------------------

describe('comparison', () => {
  const data = scenarioData({
    parties: [
      { id: 'vendor-x', name: 'Vendor X', country: 'US' },
      { id: 'vendor-x-eu', name: 'Vendor X EU', country: 'IE', parentId: 'vendor-x' },
      { id: 'vendor-y', name: 'Vendor Y', country: 'NL' },
    ],
    assets: [
      asset('mail', { providerId: 'vendor-x' }),
      asset('mail-alt', { providerId: 'vendor-y' }),
      asset('mail-x-eu', { providerId: 'vendor-x-eu' }),
    ],
    processes: [proc('comms', { vital: true, maxTolerableDowntimeHours: 24 })],
    dependencies: [dep('process:comms', 'asset:mail')],
  });
  const scenario = { name: 'Vendor X gone', cuts: [cutSchema.parse({ kind: 'party', partyId: 'vendor-x' })] };
  const effect = (e: Record<string, unknown>, source = 'measure m1'): SourcedEffect => ({
    effect: measureEffectSchema.parse(e),
    source,
  });

  it('an exit plan changes the restore time of a stopped process', () => {
    const c = compareScenario(data, kb, scenario, [
      effect({ kind: 'exit-plan', assetId: 'mail', timeToSwitchDays: 2 }),
    ]);
    expect(processOf(c.before, 'comms')).toMatchObject({ state: 'stopped', restoreHours: null });
    expect(processOf(c.after, 'comms')).toMatchObject({
      state: 'stopped',
      restoreHours: 48,
      exceedsTolerableDowntime: true,
    });
    expect(c.changes).toEqual([
      {
        processId: 'comms',
        name: 'Process comms',
        before: 'stopped',
        after: 'stopped',
        restoreBefore: null,
        restoreAfter: 48,
      },
    ]);
    expect(c.applied).toEqual(['measure m1: exit plan for Asset mail, switch in 2 days']);
    // mail has a plan now; the subsidiary's asset, also cut, still has none.
    expect(c.before.summary.withoutExitPlan).toEqual(['mail', 'mail-x-eu']);
    expect(c.after.summary.withoutExitPlan).toEqual(['mail-x-eu']);
  });

  it('an alternative from an independent party turns a stopped process degraded', () => {
    const c = compareScenario(data, kb, scenario, [
      effect({ kind: 'redundancy', consumer: 'process:comms', assetId: 'mail', alternatives: ['mail-alt'] }),
    ]);
    expect(processOf(c.after, 'comms').state).toBe('degraded');
    expect(c.changes).toEqual([
      { processId: 'comms', name: 'Process comms', before: 'stopped', after: 'degraded', restoreBefore: null },
    ]);
    expect(c.after.summary.vitalStopped).toEqual([]);
  });

  it('an alternative from the same group of companies does not help', () => {
    const c = compareScenario(data, kb, scenario, [
      effect({ kind: 'redundancy', consumer: 'process:comms', assetId: 'mail', alternatives: ['mail-x-eu'] }),
    ]);
    expect(processOf(c.after, 'comms').state).toBe('stopped');
    expect(c.changes).toEqual([]);
  });

  it('switching the asset to another provider keeps the process running', () => {
    const c = compareScenario(data, kb, scenario, [
      effect({ kind: 'switch', assetId: 'mail', providerId: 'vendor-y' }),
    ]);
    expect(processOf(c.after, 'comms').state).toBe('running');
    expect(c.after.cutOff.map((x) => x.assetId)).toEqual(['mail-x-eu']);
    expect(c.changes).toEqual([
      { processId: 'comms', name: 'Process comms', before: 'stopped', after: 'running', restoreBefore: null },
    ]);
  });

  it('applyEffects leaves its input untouched', () => {
    const copy = structuredClone(data);
    const { data: changed } = applyEffects(data, [
      effect({ kind: 'exit-plan', assetId: 'mail', timeToSwitchDays: 2 }),
      effect({ kind: 'redundancy', consumer: 'process:comms', assetId: 'mail', alternatives: ['mail-alt'] }),
      effect({ kind: 'switch', assetId: 'mail', providerId: 'vendor-y', hostingLocations: ['NL'] }),
    ]);
    expect(data).toEqual(copy);
    expect(changed.exitPlans).toHaveLength(1);
    expect(changed.dependencies).toHaveLength(2);
    expect(changed.dependencies.every((d) => d.redundancyGroup === 'alternatives-to-mail')).toBe(true);
    expect(changed.assets.find((a) => a.id === 'mail')).toMatchObject({
      providerId: 'vendor-y',
      hostingLocations: ['NL'],
    });
    expect(data.assets.find((a) => a.id === 'mail')).toMatchObject({ providerId: 'vendor-x', hostingLocations: [] });
  });

  it('unknown ids in effects are InputErrors naming the effect and field', () => {
    const issues = inputIssues(() =>
      applyEffects(data, [
        effect({ kind: 'exit-plan', assetId: 'mail', timeToSwitchDays: 2 }),
        effect({ kind: 'exit-plan', assetId: 'ghost', timeToSwitchDays: 2 }),
        effect({ kind: 'redundancy', consumer: 'process:ghost', assetId: 'mail', alternatives: ['mail-alt'] }),
        effect({ kind: 'redundancy', consumer: 'process:comms', assetId: 'mail', alternatives: ['ghost'] }),
        effect({ kind: 'redundancy', consumer: 'process:comms', assetId: 'mail-alt', alternatives: ['mail'] }),
        effect({ kind: 'switch', assetId: 'mail', providerId: 'ghost' }),
        effect({ kind: 'switch', assetId: 'mail', productId: 'ghost' }),
        effect({ kind: 'switch', assetId: 'mail', hostingPartyId: 'ghost' }),
      ]),
    );
    expect(issues.map((i) => i.path)).toEqual([
      ['effects', 1, 'assetId'],
      ['effects', 2, 'consumer'],
      ['effects', 3, 'alternatives'],
      ['effects', 4, 'assetId'],
      ['effects', 5, 'providerId'],
      ['effects', 6, 'productId'],
      ['effects', 7, 'hostingPartyId'],
    ]);
    expect(() =>
      compareScenario(data, kb, scenario, [effect({ kind: 'exit-plan', assetId: 'ghost', timeToSwitchDays: 1 })]),
    ).toThrow(InputError);
  });
});

// ---- the engine on hand-built graphs ---------------------------------------------------------------

/** A CutGraph from edge lists: `required` as [consumer, supplier], groups as owner and members. */
function cutGraph(
  assetCount: number,
  processCount: number,
  required: [number, number][],
  groups: { owner: number; members: number[] }[] = [],
): CutGraph {
  const nodeCount = assetCount + processCount;
  const csr = (n: number, edges: [number, number][]) =>
    buildCsr(n, Int32Array.from(edges.map((e) => e[0])), Int32Array.from(edges.map((e) => e[1])), edges.length);
  const memberEdges = groups.flatMap((g, k) => g.members.map((m): [number, number] => [k, m]));
  const upstream = [...required, ...groups.flatMap((g) => g.members.map((m): [number, number] => [g.owner, m]))];
  return {
    assetCount,
    nodeCount,
    required: csr(nodeCount, required),
    groupsOf: csr(
      nodeCount,
      groups.map((g, k) => [g.owner, k]),
    ),
    groupMembers: csr(groups.length, memberEdges),
    groupOwner: Int32Array.from(groups.map((g) => g.owner)),
    upstream: csr(nodeCount, upstream),
  };
}

describe('propagateCut', () => {
  // 0 ← 1 ← 2 ← process 5 (required chain); 3 has the group {0, 4}; process 6 requires 3.
  const g = cutGraph(
    5,
    2,
    [
      [1, 0],
      [2, 1],
      [5, 2],
      [6, 3],
    ],
    [{ owner: 3, members: [0, 4] }],
  );
  const rev = reverseEdges(g);

  it('builds one reverse edge per required edge and group membership', () => {
    expect(rev.off).toHaveLength(g.nodeCount + 1);
    expect(rev.to).toHaveLength(6);
    const edgesFrom = (v: number) =>
      Array.from(rev.to.subarray(rev.off[v], rev.off[v + 1])).map((to) =>
        to >= 0 ? [to, -1] : [g.groupOwner[~to], ~to],
      );
    expect(edgesFrom(0).sort()).toEqual([
      [1, -1],
      [3, 0],
    ]);
    expect(edgesFrom(4)).toEqual([[3, 0]]);
  });

  it('nothing cut: everything runs', () => {
    const o = propagateCut(g, rev, [], []);
    expect(Array.from(o.state)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(o.cause)).toEqual([-1, -1, -1, -1, -1, -1, -1]);
    expect(Array.from(o.restore).every(Number.isNaN)).toBe(true);
  });

  it('a seed stops the required chain and degrades the group owner', () => {
    const o = propagateCut(g, rev, [0], [10]);
    expect(Array.from(o.state)).toEqual([STOPPED, STOPPED, STOPPED, DEGRADED, RUNNING, STOPPED, DEGRADED]);
    expect(Array.from(o.cause)).toEqual([-1, 0, 1, 0, -1, 2, 3]);
    expect(Array.from(o.restore).map((r) => (Number.isNaN(r) ? null : r))).toEqual([10, 10, 10, null, null, 10, null]);
  });

  it('the whole group stopped stops its owner, back with the first member back', () => {
    for (const [seeds, restores] of [
      [
        [0, 4],
        [10, 5],
      ],
      [
        [4, 0],
        [5, 10],
      ],
    ] as const) {
      const o = propagateCut(g, rev, seeds, restores);
      expect(o.state[3]).toBe(STOPPED);
      expect(o.restore[3]).toBe(5);
      expect(o.state[6]).toBe(STOPPED);
      expect(o.restore[6]).toBe(5);
      expect(o.restore[5]).toBe(10);
    }
  });

  it('unknown restore is +Infinity and stays so through required edges; the group takes the known one', () => {
    const o = propagateCut(g, rev, [0, 4], [Infinity, 7]);
    expect(o.restore[2]).toBe(Infinity);
    expect(o.restore[3]).toBe(7);
  });

  it('a node is back when its last required cause is back, whatever the order', () => {
    // 2 requires 0 and 1.
    const h = cutGraph(3, 0, [
      [2, 0],
      [2, 1],
    ]);
    const hr = reverseEdges(h);
    expect(propagateCut(h, hr, [0, 1], [5, 50]).restore[2]).toBe(50);
    expect(propagateCut(h, hr, [1, 0], [50, 5]).restore[2]).toBe(50);
  });

  it('a group member whose restore time rises later moves the group restore up', () => {
    // 3 has the group {0, 1}; 0 also requires 2. Cutting 0 (1 h), 1 (50 h) and 2 (100 h): 0 is back
    // after 100 h, 1 after 50 h, so the group after 50 h.
    const h = cutGraph(4, 0, [[0, 2]], [{ owner: 3, members: [0, 1] }]);
    const hr = reverseEdges(h);
    for (const order of [
      [0, 1, 2],
      [0, 2, 1],
      [2, 1, 0],
    ]) {
      const restores = order.map((v) => [1, 50, 100][v]!);
      const o = propagateCut(h, hr, order, restores);
      expect(o.restore[0]).toBe(100);
      expect(o.state[3]).toBe(STOPPED);
      expect(o.restore[3]).toBe(50);
    }
  });

  it('a cycle stays running until something outside it stops a member', () => {
    // 0 ⇄ 1, 1 requires 2, process 3 requires 0.
    const h = cutGraph(3, 1, [
      [0, 1],
      [1, 0],
      [1, 2],
      [3, 0],
    ]);
    const hr = reverseEdges(h);
    expect(Array.from(propagateCut(h, hr, [], []).state)).toEqual([0, 0, 0, 0]);
    const o = propagateCut(h, hr, [2], [7]);
    expect(Array.from(o.state)).toEqual([STOPPED, STOPPED, STOPPED, STOPPED]);
    expect(Array.from(o.restore)).toEqual([7, 7, 7, 7]);
    expect(Array.from(o.cause)).toEqual([1, 2, -1, 0]);
  });

  it('works on the compiled register graph', () => {
    const reg = register({
      assets: [asset('a'), asset('b'), asset('c')],
      processes: [proc('p')],
      dependencies: [dep('asset:b', 'asset:a'), dep('process:p', 'asset:b', 'g'), dep('process:p', 'asset:c', 'g')],
    });
    const cg = compileGraph(reg);
    const o = propagateCut(cg, reverseEdges(cg), [cg.assetIndex.get('a')!], [3]);
    expect(o.state[cg.assetIndex.get('b')!]).toBe(STOPPED);
    expect(o.state[cg.processIndex.get('p')!]).toBe(DEGRADED);
    expect(o.cause[cg.processIndex.get('p')!]).toBe(cg.assetIndex.get('b'));
  });
});
