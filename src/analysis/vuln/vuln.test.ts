/**
 * OSV records and version matching: every fixture record (real OSV records, test/fixtures/osv/) passes
 * the record check; the fixtures' ranges classify versions just below, at, inside and beyond each
 * boundary as worked out by hand from the record text; the version orderings of each ecosystem on
 * their well-known cases; hand-made records for the events the fixtures lack; purl mapping.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../domain/errors.js';
import { osvFixture, osvFixtures } from '../../../test/fixtures/osv/load.js';
import {
  affectedBy,
  apkScheme,
  checkOsvRecord,
  compareVersions,
  dpkgScheme,
  InvalidVersionError,
  mavenScheme,
  normalisePackageName,
  nugetScheme,
  OsvRecordError,
  osvPackageKey,
  packagistScheme,
  pep440Scheme,
  pubScheme,
  purlToOsvPackage,
  purlToOsvQuery,
  rubyGemsScheme,
  semverScheme,
  versionComparator,
  type OsvPackageRef,
  type OsvRecord,
  type VersionScheme,
} from './index.js';

// ---- helpers ---------------------------------------------------------------------------------------

const fixture = (file: string): OsvRecord => checkOsvRecord(osvFixture(file), file);

/** The verdict for each version, as a table, so a failure shows every version at once. */
function verdicts(record: OsvRecord, pkg: OsvPackageRef, versions: string[]): Record<string, boolean | undefined> {
  return Object.fromEntries(versions.map((v) => [v, affectedBy(record, pkg, v).affected]));
}

/** Expects `table` (version → expected verdict) to be exactly what affectedBy says. */
function expectVerdicts(record: OsvRecord, pkg: OsvPackageRef, table: Record<string, boolean | undefined>) {
  expect(verdicts(record, pkg, Object.keys(table))).toStrictEqual(table);
}

/** Expects `versions` to be strictly ascending in `scheme`, pairwise and when sorted from reverse. */
function expectAscending(scheme: VersionScheme, versions: string[]) {
  for (let i = 0; i + 1 < versions.length; i++) {
    const [a, b] = [versions[i] as string, versions[i + 1] as string];
    expect(scheme.compare(a, b), `${a} < ${b}`).toBe(-1);
    expect(scheme.compare(b, a), `${b} > ${a}`).toBe(1);
  }
  expect([...versions].reverse().sort(scheme.compare)).toEqual(versions);
}

function expectSame(scheme: VersionScheme, ...versions: string[]) {
  for (const v of versions.slice(1)) expect(scheme.compare(versions[0] as string, v), `${versions[0]} == ${v}`).toBe(0);
}

/** A minimal valid record around one affected entry. */
function handMade(id: string, affected: unknown[], extra: Record<string, unknown> = {}): OsvRecord {
  return checkOsvRecord({ id, modified: '2024-01-01T00:00:00Z', affected, ...extra }, `hand-made ${id}`);
}

function recordError(value: unknown): OsvRecordError {
  try {
    checkOsvRecord(value, 'test.json');
  } catch (e) {
    expect(e).toBeInstanceOf(OsvRecordError);
    expect(e).toBeInstanceOf(InputError);
    return e as OsvRecordError;
  }
  throw new Error('expected an OsvRecordError, nothing was thrown');
}

// ---- records ---------------------------------------------------------------------------------------

describe('checkOsvRecord', () => {
  const all = osvFixtures();

  it('finds the fixture records', () => {
    expect(all.map((f) => f.file)).toContain('ghsa-tool_withdrawn.osv.json');
    expect(all.length).toBe(15);
  });

  it.each(all.map((f) => [f.file, f.json] as const))('accepts the real record %s', (file, json) => {
    const record = checkOsvRecord(json, file);
    expect(record).toBe(json);
    expect(typeof record.id).toBe('string');
  });

  it('keeps the fields Stapel reads', () => {
    const r = fixture('PYSEC-2023-74.json');
    expect(r.id).toBe('PYSEC-2023-74');
    expect(r.aliases).toEqual(['CVE-2023-32681', 'GHSA-j8r2-6x86-q33q']);
    expect(r.affected?.[0]?.package).toEqual({ ecosystem: 'PyPI', name: 'requests', purl: 'pkg:pypi/requests' });
    expect(r.affected?.[0]?.ranges?.map((x) => x.type)).toEqual(['GIT', 'ECOSYSTEM']);
    expect(fixture('ghsa-tool_withdrawn.osv.json').withdrawn).toBe('2018-10-11T17:29:49Z');
    expect(fixture('CVE-2018-5407.json').severity).toEqual([
      { type: 'CVSS_V3', score: 'CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:N' },
    ]);
  });

  it('rejects what is not an object', () => {
    for (const v of [null, [], 'GHSA-x', 3]) {
      const e = recordError(v);
      expect(e.message).toMatch(/^test\.json: an OSV record must be a JSON object/);
    }
  });

  it('names the record and every field in error', () => {
    const e = recordError({
      id: 'GHSA-bad',
      published: 'yesterday',
      aliases: 'CVE-1',
      affected: [
        {
          package: { ecosystem: 'npm' },
          ranges: [
            { type: 'RANGE', events: [{ introduced: '0' }] },
            { type: 'GIT', events: [{ introduced: '0' }] },
            { type: 'SEMVER', events: [{ introduced: '1.0.0', fixed: '1.0.1' }] },
            { type: 'SEMVER', events: [{ fixed: '1.0.1' }] },
            { type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1' }, { last_affected: '2' }] },
            { type: 'SEMVER', events: [] },
          ],
          versions: [1],
        },
      ],
      references: [{ type: 'WEB' }],
    });
    expect(e.recordId).toBe('GHSA-bad');
    expect(e.message).toMatch(/^test\.json: OSV record "GHSA-bad" is invalid:/);
    const paths = e.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual([
      'modified',
      'published',
      'aliases',
      'affected.0.package.name',
      'affected.0.versions.0',
      'affected.0.ranges.0.type',
      'affected.0.ranges.1.repo',
      'affected.0.ranges.2.events.0',
      'affected.0.ranges.3.events',
      'affected.0.ranges.4.events',
      'affected.0.ranges.5.events',
      'references.0.url',
    ]);
    expect(e.message).toContain('modified: is required');
    expect(e.message).toContain('affected[0].ranges[2].events[0]: must have exactly one of introduced');
    expect(e.message).toContain('affected[0].ranges[3].events: must contain an "introduced" event');
    expect(e.message).toContain('affected[0].ranges[4].events: must not contain both "fixed" and "last_affected"');
  });

  it('says so when the record has no id', () => {
    const e = recordError({ modified: '2024-01-01T00:00:00Z' });
    expect(e.recordId).toBeUndefined();
    expect(e.message).toContain('OSV record without an id is invalid');
    expect(e.issues).toEqual([{ path: ['id'], message: 'is required' }]);
  });

  it('accepts nulls where the schema allows them and unknown fields', () => {
    const r = checkOsvRecord(
      { id: 'X-1', modified: '2024-01-01T00:00:00Z', aliases: null, affected: null, future_field: { a: 1 } },
      'x',
    );
    expect(r.affected).toBeNull();
  });
});

// ---- the fixtures' ranges ---------------------------------------------------------------------------

describe('affectedBy on real records', () => {
  it('Maven, one range per package (GHSA-mr95-9rr4-668f: akka-actor [2.5.0, 2.5.16))', () => {
    const r = fixture('ghsa-tool_full_ranges.osv.json');
    const table = {
      '2.4.20': false,
      '2.5-M1': false, // a milestone of 2.5.0 comes before it
      '2.5.0-RC1': false,
      '2.5.0': true,
      '2.5': true, // 2.5 == 2.5.0 in Maven
      '2.5.9': true, // numerically below 2.5.16, not lexically
      '2.5.15': true,
      '2.5.16-RC1': true, // a release candidate of the fix is before the fix
      '2.5.16': false,
      '2.5.17': false,
      '2.6.0': false,
    };
    expectVerdicts(r, { ecosystem: 'Maven', name: 'com.typesafe.akka:akka-actor_2.12' }, table);
    expectVerdicts(r, { ecosystem: 'Maven', name: 'com.typesafe.akka:akka-actor_2.11' }, table);
    const other = affectedBy(r, { ecosystem: 'Maven', name: 'com.typesafe.akka:akka-actor_2.13' }, '2.5.0');
    expect(other).toEqual({
      affected: false,
      reason: 'GHSA-mr95-9rr4-668f does not concern the Maven package com.typesafe.akka:akka-actor_2.13',
    });
  });

  it('Maven, three intervals given out of order (GHSA-76mp-659p-rw65: xwiki-commons-core)', () => {
    // Events: introduced 12.10.0, fixed 12.10.2, introduced 12.0, fixed 12.6.7, introduced 11.6.1,
    // fixed 11.10.13 → sorted: [11.6.1, 11.10.13), [12.0, 12.6.7), [12.10.0, 12.10.2).
    const r = fixture('ghsa-tool_maven_greater_than.osv.json');
    expectVerdicts(
      r,
      { ecosystem: 'Maven', name: 'org.xwiki.commons:xwiki-commons-core' },
      {
        '11.6': false,
        '11.6.1': true,
        '11.9': true,
        '11.10.12': true,
        '11.10.13': false,
        '11.10.14': false,
        '12.0-rc-1': false,
        '12.0': true,
        '12.6.6': true,
        '12.6.7': false,
        '12.8': false,
        '12.10.0': true,
        '12.10.1': true,
        '12.10.2': false,
        '13.0': false,
      },
    );
    const reason = affectedBy(r, { ecosystem: 'Maven', name: 'org.xwiki.commons:xwiki-commons-core' }, '12.8').reason;
    expect(reason).toBe(
      'org.xwiki.commons:xwiki-commons-core 12.8 is not affected by GHSA-76mp-659p-rw65: outside its affected ranges ' +
        '(>=11.6.1 <11.10.13, >=12.0 <12.6.7, >=12.10.0 <12.10.2)',
    );
  });

  it('RubyGems, events that only make sense sorted (GHSA-9qj7-jvg4-qr2x: passenger)', () => {
    // Events: introduced 0, introduced 4.0.1, fixed 4.0.5, fixed 3.0.21 → sorted: 0 (i), 3.0.21 (f),
    // 4.0.1 (i), 4.0.5 (f): affected below 3.0.21 and in [4.0.1, 4.0.5). Walked unsorted, 4.0.2 would
    // be closed by the trailing "fixed 3.0.21".
    const r = fixture('ghsa-tool_multiple_ranges_in_package.osv.json');
    expectVerdicts(
      r,
      { ecosystem: 'RubyGems', name: 'passenger' },
      {
        '2.2.15': true,
        '3.0.20': true,
        '3.0.21': false,
        '3.0.22': false,
        '4.0.0.rc6': false,
        '4.0.0': false,
        '4.0.1': true,
        '4.0.2': true,
        '4.0.4': true,
        '4.0.5': false,
        '5.0.0': false,
      },
    );
    expect(affectedBy(r, { ecosystem: 'RubyGems', name: 'passenger' }, '4.0.2').reason).toBe(
      'passenger 4.0.2 is in the affected range >=4.0.1 <4.0.5 of GHSA-9qj7-jvg4-qr2x (ECOSYSTEM, RubyGems order)',
    );
  });

  it('npm, a SEMVER range from a pre-release (GHSA-mhpp-875w-9cpv: jquery [2.1.1-0, 3.0.0))', () => {
    const r = fixture('ghsa-tool_npm_greater_than.osv.json');
    expectVerdicts(
      r,
      { ecosystem: 'npm', name: 'jquery' },
      {
        '1.12.4': false,
        '2.1.0': false,
        '2.1.1-0': true,
        '2.1.1-beta1': true, // "beta1" sorts after "0": numeric identifiers come first
        '2.1.1': true,
        '2.2.4': true,
        '3.0.0-rc1': true,
        '3.0.0': false,
        '3.5.0': false,
      },
    );
  });

  it('PyPI, normalised names and PEP 440 versions (GHSA-p44j-xrqg-4xrr: [0, 2.6.1))', () => {
    const r = fixture('ghsa-tool_pypi_normalize.osv.json');
    const table = {
      '1.0': true,
      '2.6.0': true,
      '2.6.1.dev0': true,
      '2.6.1rc1': true,
      '2.6.1': false,
      '2.6.1.post1': false,
      '2.7': false,
    };
    expectVerdicts(r, { ecosystem: 'PyPI', name: 'Products.PluggableAuthService' }, table);
    expectVerdicts(r, { ecosystem: 'PyPI', name: 'products_pluggableauthservice' }, table);
    expect(affectedBy(r, { ecosystem: 'PyPI', name: 'Products.PluggableAuthService' }, '2.6.0').reason).toBe(
      'Products.PluggableAuthService 2.6.0 is in the affected range <2.6.1 of GHSA-p44j-xrqg-4xrr (ECOSYSTEM, PEP 440 order)',
    );
  });

  it('a withdrawn record affects nothing (GHSA-35c4-f3rq-f9g3)', () => {
    const r = fixture('ghsa-tool_withdrawn.osv.json');
    // 4.2.1 would be in [4.2.0, 4.2.2).
    expect(affectedBy(r, { ecosystem: 'RubyGems', name: 'activesupport' }, '4.2.1')).toEqual({
      affected: false,
      reason: 'GHSA-35c4-f3rq-f9g3 was withdrawn on 2018-10-11T17:29:49Z',
    });
  });

  it('Go, SEMVER ranges of a module (GO-2020-0001: gin [0, 1.6.0))', () => {
    const r = fixture('GO-2020-0001.json');
    expectVerdicts(
      r,
      { ecosystem: 'Go', name: 'github.com/gin-gonic/gin' },
      {
        'v1.5.0': true,
        '1.5.0': true,
        '0.0.0-20200101000000-abcdef123456': true,
        '1.6.0-rc.1': true,
        '1.6.0': false,
        'v1.6.3': false,
      },
    );
    expect(affectedBy(r, { ecosystem: 'Go', name: 'github.com/gin-gonic/gin/binding' }, '1.5.0').affected).toBe(false);
  });

  it('Go, two intervals with a pre-release start (GO-2024-2963: stdlib)', () => {
    // [0, 1.21.12) and [1.22.0-0, 1.22.5).
    const r = fixture('GO-2024-2963.json');
    expectVerdicts(
      r,
      { ecosystem: 'Go', name: 'stdlib' },
      {
        '1.20': true,
        '1.21.11': true,
        '1.21.12': false,
        '1.21.13': false,
        '1.22.0-rc.1': true,
        '1.22.0': true,
        '1.22.4': true,
        '1.22.5': false,
        '1.23.0': false,
      },
    );
  });

  it('PyPI with a GIT range, an ECOSYSTEM range and a versions list (PYSEC-2023-74: requests)', () => {
    // ECOSYSTEM [2.3.0, 2.31.0); versions 2.3.0 … 2.30.0; the GIT range is not evaluated.
    const r = fixture('PYSEC-2023-74.json');
    const pkg = { ecosystem: 'PyPI', name: 'requests' };
    expectVerdicts(r, pkg, {
      '2.2.1': false,
      '2.3.0': true,
      '2.10.0': true,
      '2.30': true, // == 2.30.0, which is listed
      '2.30.0': true,
      '2.31.0rc1': true, // not listed, but in the ECOSYSTEM range
      '2.31.0': false,
      '2.32.0': false,
    });
    expect(affectedBy(r, pkg, '2.10.0').reason).toBe(
      'requests 2.10.0 is listed among the affected versions of PYSEC-2023-74',
    );
    expect(affectedBy(r, pkg, '2.30').reason).toBe(
      'requests 2.30 is listed among the affected versions of PYSEC-2023-74 (as "2.30.0")',
    );
    expect(affectedBy(r, pkg, '2.2.1').reason).toBe(
      'requests 2.2.1 is not affected by PYSEC-2023-74: outside its affected ranges (>=2.3.0 <2.31.0) and not among ' +
        'its 66 listed versions; its GIT ranges were not evaluated (the versions list stands for them)',
    );
  });

  it('a versions list only, with a version PEP 440 cannot parse (GHSA-9v2f-6vcg-3hgv: Gradio)', () => {
    const r = fixture('GHSA-9v2f-6vcg-3hgv.json');
    expectVerdicts(r, { ecosystem: 'PyPI', name: 'gradio' }, { '4.36.0': false, '4.36.1': true, '4.36.-1': true });
  });

  it('a malicious-package record (MAL-2024-10238)', () => {
    const r = fixture('MAL-2024-10238.json');
    expectVerdicts(r, { ecosystem: 'PyPI', name: '123bla' }, { '0.0.1': true, '0.0.2': false });
  });

  it('Alpine, per release (CVE-2018-5407: openssl [0, 1.0.2q-r0) in Alpine v3.3 … v3.8)', () => {
    const r = fixture('CVE-2018-5407.json');
    expectVerdicts(
      r,
      { ecosystem: 'Alpine:v3.8', name: 'openssl' },
      { '1.0.2o-r3': true, '1.0.2p-r0': true, '1.0.2q-r0': false, '1.0.2q-r1': false, '1.1.0-r0': false },
    );
    expect(affectedBy(r, { ecosystem: 'Alpine:v3.9', name: 'openssl' }, '1.0.2p-r0').affected).toBe(false);
    // A package whose release is unknown matches every release of the record.
    expect(affectedBy(r, { ecosystem: 'Alpine', name: 'openssl' }, '1.0.2p-r0')).toEqual({
      affected: true,
      reason:
        'openssl 1.0.2p-r0 is in the affected range <1.0.2q-r0 of CVE-2018-5407 (ECOSYSTEM, apk order) (as Alpine:v3.3)',
    });
  });

  it('records that name no package affect none', () => {
    for (const file of ['CVE-2023-41045.json', 'RHSA-2022_0216.json', 'SUSE-FU-2022_0444-1.json'])
      expect(
        affectedBy(fixture(file), { ecosystem: 'Maven', name: 'org.graylog2:graylog2-server' }, '5.0.8').affected,
      ).toBe(false);
  });
});

// ---- hand-made records -------------------------------------------------------------------------------

describe('affectedBy on hand-made records', () => {
  // Hand-made, modelled on GHSA-jfh8-c2jp-5v3q (Log4Shell, CVE-2021-44228) but reduced to a single
  // range [2.0-beta9, 2.15.0): not the published record.
  const log4shell = handMade('GHSA-jfh8-c2jp-5v3q', [
    {
      package: { ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '2.0-beta9' }, { fixed: '2.15.0' }] }],
    },
  ]);
  const log4jCore = { ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core' };

  it('Log4Shell: 2.14.1 is affected, 2.17.1 is not', () => {
    expectVerdicts(log4shell, log4jCore, {
      '2.0-beta8': false,
      '2.0-beta9': true,
      '2.0-rc1': true,
      '2.0': true,
      '2.14.1': true,
      '2.15.0-rc1': true,
      '2.15.0': false,
      '2.17.1': false,
    });
    expect(affectedBy(log4shell, log4jCore, '2.14.1')).toEqual({
      affected: true,
      reason:
        'org.apache.logging.log4j:log4j-core 2.14.1 is in the affected range >=2.0-beta9 <2.15.0 of GHSA-jfh8-c2jp-5v3q (ECOSYSTEM, Maven order)',
    });
    expect(affectedBy(log4shell, { ...log4jCore, name: 'org.apache.logging.log4j:log4j-api' }, '2.14.1').affected).toBe(
      false,
    );
  });

  it('Log4Shell from a purl', () => {
    const q = purlToOsvQuery('pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1');
    expect(q).toEqual({ package: log4jCore, version: '2.14.1' });
    expect(affectedBy(log4shell, q!.package, q!.version!).affected).toBe(true);
  });

  it('last_affected includes its version', () => {
    const r = handMade('X-last', [
      {
        package: { ecosystem: 'npm', name: '@scope/pkg' },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '1.0.0' }, { last_affected: '1.2.0' }] }],
      },
    ]);
    expectVerdicts(
      r,
      { ecosystem: 'npm', name: '@scope/pkg' },
      { '0.9.0': false, '1.0.0': true, '1.2.0': true, '1.2.1': false },
    );
    expect(affectedBy(r, { ecosystem: 'npm', name: '@scope/pkg' }, '1.1.0').reason).toContain('>=1.0.0 <=1.2.0');
    expect(affectedBy(r, { ecosystem: 'npm', name: '@Scope/pkg' }, '1.1.0').affected).toBe(false); // npm names are exact
  });

  it('limit events bound the range; "*" is no bound', () => {
    const r = (limit: string) =>
      handMade('X-limit', [
        {
          package: { ecosystem: 'PyPI', name: 'pkg' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { limit }] }],
        },
      ]);
    expectVerdicts(r('2.0'), { ecosystem: 'PyPI', name: 'pkg' }, { '1.5': true, '2.0': false, '3.0': false });
    expectVerdicts(r('*'), { ecosystem: 'PyPI', name: 'pkg' }, { '1.5': true, '3.0': true });
  });

  it('an ecosystem without an implemented ordering: undefined, with the reason', () => {
    const r = handMade('X-hackage', [
      {
        package: { ecosystem: 'Hackage', name: 'aeson' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0.3.0' }] }],
        versions: ['1.5.0.0'],
      },
    ]);
    expect(affectedBy(r, { ecosystem: 'Hackage', name: 'aeson' }, '1.0')).toEqual({
      affected: undefined,
      reason:
        'cannot tell whether aeson 1.0 is affected by X-hackage: cannot evaluate ECOSYSTEM ranges for Hackage: no version ordering is implemented for it',
    });
    // An explicitly listed version needs no ordering.
    expect(affectedBy(r, { ecosystem: 'Hackage', name: 'aeson' }, '1.5.0.0').affected).toBe(true);
  });

  it('SEMVER ranges are evaluated whatever the ecosystem', () => {
    const r = handMade('X-bitnami', [
      {
        package: { ecosystem: 'Bitnami', name: 'nginx' },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '1.0.0' }, { fixed: '1.25.3' }] }],
      },
    ]);
    expectVerdicts(r, { ecosystem: 'Bitnami', name: 'nginx' }, { '1.25.2': true, '1.25.3': false });
  });

  it('versions that do not parse: undefined, with the reason', () => {
    const r = handMade('X-bad', [
      {
        package: { ecosystem: 'PyPI', name: 'pkg' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0' }] }],
      },
      {
        package: { ecosystem: 'PyPI', name: 'other' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: 'banana split' }] }],
      },
    ]);
    expect(affectedBy(r, { ecosystem: 'PyPI', name: 'pkg' }, 'not a version')).toEqual({
      affected: undefined,
      reason:
        'cannot tell whether pkg not a version is affected by X-bad: "not a version" is not a valid PEP 440 version, so its ECOSYSTEM range cannot be evaluated',
    });
    expect(affectedBy(r, { ecosystem: 'PyPI', name: 'other' }, '1.0').reason).toBe(
      'cannot tell whether other 1.0 is affected by X-bad: cannot evaluate its ECOSYSTEM range: the fixed version "banana split" is not a valid PEP 440 version',
    );
    expect(affectedBy(r, { ecosystem: 'PyPI', name: 'pkg' }, '').affected).toBeUndefined();
  });

  it('GIT ranges alone cannot be evaluated', () => {
    const r = handMade('X-git', [
      {
        package: { ecosystem: 'Go', name: 'example.com/mod' },
        ranges: [
          { type: 'GIT', repo: 'https://example.com/mod', events: [{ introduced: '0' }, { fixed: 'a'.repeat(40) }] },
        ],
      },
    ]);
    const v = affectedBy(r, { ecosystem: 'Go', name: 'example.com/mod' }, '1.0.0');
    expect(v.affected).toBeUndefined();
    expect(v.reason).toContain("only GIT ranges, which need the repository's commit history");
  });

  it('matches releases, repositories and names in their ecosystem forms', () => {
    const r = handMade('X-names', [
      {
        package: { ecosystem: 'Debian:11', name: 'openssl' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.1.1n-0+deb11u4' }] }],
      },
      {
        package: { ecosystem: 'Maven:https://maven.google.com', name: 'androidx.core:core' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.5.0' }] }],
      },
      {
        package: { ecosystem: 'SwiftURL', name: 'https://github.com/apple/swift-nio.git' },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.29.1' }] }],
      },
      {
        package: { ecosystem: 'NuGet', name: 'Newtonsoft.Json' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '13.0.1' }] }],
      },
    ]);
    expectVerdicts(
      r,
      { ecosystem: 'Debian:11', name: 'openssl' },
      { '1.1.1n-0+deb11u3': true, '1.1.1n-0+deb11u4': false, '1:1.0': false },
    );
    expect(affectedBy(r, { ecosystem: 'Debian:12', name: 'openssl' }, '1.1.1n-0+deb11u3').affected).toBe(false);
    expect(affectedBy(r, { ecosystem: 'debian', name: 'openssl' }, '1.1.1n-0+deb11u3').affected).toBe(true);
    expect(affectedBy(r, { ecosystem: 'Maven', name: 'androidx.core:core' }, '1.3.0').affected).toBe(true);
    expect(affectedBy(r, { ecosystem: 'SwiftURL', name: 'github.com/apple/swift-nio' }, '2.29.0').affected).toBe(true);
    expect(affectedBy(r, { ecosystem: 'NuGet', name: 'newtonsoft.json' }, '12.0.3').affected).toBe(true);
    expect(affectedBy(r, { ecosystem: 'NuGet', name: 'newtonsoft.json' }, '13.0.1').affected).toBe(false);
  });

  it('gives one index key however a package is spelt', () => {
    expect(osvPackageKey({ ecosystem: 'pypi', name: 'Products.PluggableAuthService' })).toBe(
      osvPackageKey({ ecosystem: 'PyPI', name: 'products-pluggableauthservice' }),
    );
    expect(osvPackageKey({ ecosystem: 'Alpine:v3.16', name: 'openssl' })).toBe(
      osvPackageKey({ ecosystem: 'Alpine', name: 'openssl' }),
    );
    expect(osvPackageKey({ ecosystem: 'npm', name: 'Lodash' })).not.toBe(
      osvPackageKey({ ecosystem: 'npm', name: 'lodash' }),
    );
    expect(normalisePackageName('crates.io', 'Serde_JSON')).toBe('serde-json');
    expect(normalisePackageName('Go', 'github.com/Masterminds/semver')).toBe('github.com/Masterminds/semver');
  });
});

// ---- version orderings ------------------------------------------------------------------------------

describe('version orderings', () => {
  it('PEP 440', () => {
    expectAscending(pep440Scheme, ['1.0.dev1', '1.0a1', '1.0b2', '1.0rc1', '1.0', '1.0+local', '1.0.post1']);
    // The ordering example of PEP 440 itself.
    expectAscending(pep440Scheme, [
      '1.0.dev456',
      '1.0a1',
      '1.0a2.dev456',
      '1.0a12.dev456',
      '1.0a12',
      '1.0b1.dev456',
      '1.0b2',
      '1.0b2.post345.dev456',
      '1.0b2.post345',
      '1.0rc1.dev456',
      '1.0rc1',
      '1.0',
      '1.0+abc.5',
      '1.0+abc.7',
      '1.0+5',
      '1.0.post456.dev34',
      '1.0.post456',
      '1.0.15',
      '1.1.dev1',
    ]);
    expect(pep440Scheme.compare('1!0.5', '2.0')).toBe(1);
    expect(pep440Scheme.compare('1.0+local', '1.0')).toBe(1);
    expect(pep440Scheme.compare('2.10.0', '2.9.0')).toBe(1);
    expectSame(pep440Scheme, '1.0RC1', '1.0rc1', '1.0c1', '1.0-rc.1', '1.0rc01', '1.0.RC1');
    expectSame(pep440Scheme, '1.0', '1.0.0', 'v1.0', '1.0.0.0', ' 1.0 ');
    expectSame(pep440Scheme, '1.0.post1', '1.0-1', '1.0r1', '1.0rev1', '1.0.POST1');
    expectSame(pep440Scheme, '1.0a1', '1.0alpha1', '1.0.a.1');
    for (const bad of ['4.36.-1', 'foo', '1.0+', '1.0.x']) expect(pep440Scheme.isValid(bad), bad).toBe(false);
    expect(() => pep440Scheme.compare('1.0', 'foo')).toThrow(InvalidVersionError);
    expect(() => pep440Scheme.compare('1.0', 'foo')).toThrow('"foo" is not a valid PEP 440 version');
  });

  it('Maven', () => {
    expectAscending(mavenScheme, ['1.0-alpha-1', '1.0-beta', '1.0-rc1', '1.0-SNAPSHOT', '1.0', '1.0-sp1', '1.0.1']);
    expectSame(mavenScheme, '1.0', '1.0.0', '1-final', '1.0.0.GA', '1.0-ga', '1', '1.0.RELEASE');
    expectSame(mavenScheme, '1.0-rc1', '1.0-cr1', '1.0-RC-1', '1.0.CR1');
    expectSame(mavenScheme, '1-a1', '1-alpha-1');
    expectSame(mavenScheme, '1.foo', '1-foo');
    expectSame(mavenScheme, '1-ga-1', '1-1'); // as the POM reference says; Maven's ComparableVersion differs here
    // Spring-style ".RC1" / ".RELEASE": a qualifier after "." that ends the version reads as after "-".
    expectAscending(mavenScheme, ['5.2.0.M1', '5.2.0.RC1', '5.2.0.RC2', '5.2.0.RELEASE', '5.2.1.RELEASE']);
    expectSame(mavenScheme, '5.2.0.RELEASE', '5.2.0');
    expectAscending(mavenScheme, ['1.0.RC2', '1.0-RC3', '1.0.1']);
    expectAscending(mavenScheme, ['2.0-beta9', '2.0', '2.14.1', '2.15.0']);
    expectAscending(mavenScheme, ['1-foo', '1-foo2', '1-foo10', '1-1', '1.1']);
    expectAscending(mavenScheme, ['1-snapshot', '1', '1-sp']);
    expectAscending(mavenScheme, ['1-sp-1', '1-1']);
    expectAscending(mavenScheme, ['31.1', '31.1-android', '31.1-jre']); // unknown qualifiers: after the release, alphabetically
    expect(mavenScheme.isValid('')).toBe(false);
  });

  it('dpkg (Debian, Ubuntu)', () => {
    expect(dpkgScheme.compare('1:1.0', '2.0')).toBe(1);
    expectAscending(dpkgScheme, ['1.0~~', '1.0~', '1.0~rc1', '1.0', '1.0a', '1.0+dfsg', '1.0.1']);
    expectAscending(dpkgScheme, ['1.0-1', '1.0-2', '1.0-10']);
    expectAscending(dpkgScheme, ['1.1.1n-0+deb11u3', '1.1.1n-0+deb11u4', '1.1.1w-0+deb11u1']);
    expectAscending(dpkgScheme, ['2.7.4-0ubuntu1.6', '2.7.4-0ubuntu1.10']);
    expectSame(dpkgScheme, '1.0', '0:1.0', '1.00');
    expect(dpkgScheme.isValid('a:1.0')).toBe(false);
    expect(dpkgScheme.isValid('1.0-')).toBe(false);
  });

  it('apk (Alpine)', () => {
    expectAscending(apkScheme, [
      '1.2_alpha1',
      '1.2_beta',
      '1.2_pre2',
      '1.2_rc1',
      '1.2',
      '1.2-r1',
      '1.2_p1',
      '1.2a',
      '1.2.1',
    ]);
    expectAscending(apkScheme, ['1.0.2p-r0', '1.0.2q-r0', '1.0.2q-r1', '1.1.0-r0']);
    expectAscending(apkScheme, ['1.01', '1.1', '1.10']);
    expect(apkScheme.isValid('1.0bc')).toBe(false);
    expect(apkScheme.isValid('1.0_foo')).toBe(false);
  });

  it('SemVer 2.0', () => {
    // The precedence example of SemVer 2.0 §11.
    expectAscending(semverScheme, [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '2.0.0',
      '2.1.0',
      '2.1.1',
    ]);
    expectSame(semverScheme, '1.0.0', '1.0.0+build.5', 'v1.0.0', '1.0', '1');
    expect(semverScheme.isValid('1.2.3.4')).toBe(false);
  });

  it('NuGet, Pub, RubyGems, Packagist', () => {
    expectAscending(nugetScheme, ['1.0.0-alpha', '1.0.0-beta', '1.0.0', '1.0.0.1-beta', '1.0.0.1', '1.0.1']);
    expectSame(nugetScheme, '1.0.0-Beta', '1.0.0-beta');
    expectSame(nugetScheme, '1.0', '1.0.0.0', '1.0.0+meta');

    expectAscending(pubScheme, ['1.0.0-pre', '1.0.0-pre+build', '1.0.0', '1.0.0+1', '1.0.0+2', '1.0.1']);

    expectAscending(rubyGemsScheme, ['1.0.a', '1.0.a9', '1.0.a10', '1.0.b1', '1.0-1', '1.0', '1.0.1']);
    expectSame(rubyGemsScheme, '1.0', '1.0.0', '1');

    expectAscending(packagistScheme, [
      '1.0.0-dev',
      '1.0.0-alpha',
      '1.0.0-beta2',
      '1.0.0-RC1',
      '1.0.0',
      '1.0.0-pl1',
      '1.0.1',
    ]);
    expectSame(packagistScheme, 'v1.0.0', '1.0.0');
    expect(packagistScheme.compare('1.0.0', '1.0')).toBe(1); // PHP: more parts sort higher
  });

  it('per ecosystem: a comparator, or undefined where the ordering is not implemented', () => {
    for (const eco of [
      'npm',
      'crates.io',
      'Go',
      'Hex',
      'Pub',
      'NuGet',
      'SwiftURL',
      'PyPI',
      'Maven',
      'RubyGems',
      'Packagist',
      'Debian:12',
      'Ubuntu:22.04:LTS',
      'Alpine:v3.18',
    ])
      expect(versionComparator(eco, 'ECOSYSTEM'), eco).toBeTypeOf('function');
    expect(versionComparator('pypi', 'ECOSYSTEM')?.('1.0rc1', '1.0')).toBe(-1);
    for (const eco of ['Hackage', 'Red Hat:rhel_aus:8.4::appstream', 'Linux', 'nonsense'])
      expect(versionComparator(eco, 'ECOSYSTEM'), eco).toBeUndefined();
    expect(versionComparator('Hackage', 'SEMVER')?.('1.0.0', '1.0.1')).toBe(-1);
    expect(compareVersions('Maven', 'ECOSYSTEM', '2.14.1', '2.15.0')).toBe(-1);
    expect(compareVersions('PyPI', 'ECOSYSTEM', 'foo', '1.0')).toBeUndefined();
    expect(compareVersions('Hackage', 'ECOSYSTEM', '1.0', '1.1')).toBeUndefined();
  });
});

// ---- package URLs ------------------------------------------------------------------------------------

describe('purlToOsvPackage', () => {
  it.each([
    ['pkg:npm/%40angular/core@16.0.0', 'npm', '@angular/core'],
    ['pkg:npm/lodash@4.17.21', 'npm', 'lodash'],
    ['pkg:pypi/Django_Rest.framework@3.0', 'PyPI', 'django-rest-framework'],
    ['pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1', 'Maven', 'org.apache.logging.log4j:log4j-core'],
    ['pkg:golang/github.com/gin-gonic/gin@v1.5.0', 'Go', 'github.com/gin-gonic/gin'],
    ['pkg:golang/golang.org/x/net', 'Go', 'golang.org/x/net'],
    ['pkg:cargo/serde@1.0.0', 'crates.io', 'serde'],
    ['pkg:gem/rails@7.0.0', 'RubyGems', 'rails'],
    ['pkg:composer/laravel/framework@10.0.0', 'Packagist', 'laravel/framework'],
    ['pkg:nuget/Newtonsoft.Json@13.0.1', 'NuGet', 'Newtonsoft.Json'],
    ['pkg:hex/phoenix@1.7.0', 'Hex', 'phoenix'],
    ['pkg:pub/http@1.1.0', 'Pub', 'http'],
    ['pkg:swift/github.com/apple/swift-nio@2.0.0', 'SwiftURL', 'github.com/apple/swift-nio'],
    ['pkg:deb/debian/openssl@1.1.1n-0+deb11u3?arch=amd64&distro=debian-11', 'Debian:11', 'openssl'],
    ['pkg:deb/debian/openssl?distro=bookworm', 'Debian:12', 'openssl'],
    ['pkg:deb/debian/openssl', 'Debian', 'openssl'],
    ['pkg:deb/ubuntu/openssl?distro=ubuntu-22.04', 'Ubuntu:22.04:LTS', 'openssl'],
    ['pkg:deb/ubuntu/openssl?distro=ubuntu-23.10', 'Ubuntu:23.10', 'openssl'],
    ['pkg:apk/alpine/openssl@1.0.2q-r0?arch=source&distro=alpine-3.16.2', 'Alpine:v3.16', 'openssl'],
    ['pkg:apk/alpine/openssl', 'Alpine', 'openssl'],
    ['pkg:apk/wolfi/openssl', 'Wolfi', 'openssl'],
  ])('%s → %s %s', (purl, ecosystem, name) => {
    expect(purlToOsvPackage(purl)).toEqual({ ecosystem, name });
  });

  it('knows no OSV package for other types or broken purls', () => {
    for (const purl of ['pkg:github/foo/bar', 'pkg:generic/openssl@1.0', 'pkg:deb/mint/foo', 'not a purl', ''])
      expect(purlToOsvPackage(purl), purl).toBeUndefined();
  });

  it('gives the OSV query, with Go versions without their "v"', () => {
    expect(purlToOsvQuery('pkg:golang/github.com/gin-gonic/gin@v1.5.0')).toEqual({
      package: { ecosystem: 'Go', name: 'github.com/gin-gonic/gin' },
      version: '1.5.0',
    });
    expect(purlToOsvQuery('pkg:npm/lodash')).toEqual({ package: { ecosystem: 'npm', name: 'lodash' } });
    expect(purlToOsvQuery('pkg:github/foo/bar@1')).toBeUndefined();
  });
});
