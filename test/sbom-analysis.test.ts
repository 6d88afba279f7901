/**
 * SBOM analysis on its own: the NTIA minimum-elements score, licence expressions and their
 * families, and supplier links through the shipped knowledge base, on real SBOM fixtures and on
 * hand-made cases whose answers are worked out in the test.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ntiaQuality, readLicence, summariseLicences, supplierLinker, suppliersOf } from '../src/analysis/index.js';
import { knowledgeIndex } from '../src/knowledge/knowledge-base.js';
import { parseSbom } from '../src/services/sbom.service.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/sbom/${name}`, import.meta.url), 'utf8');

describe('NTIA minimum elements', () => {
  const base = {
    authors: ['Gemeente Voorbeeldstad'],
    tools: ['npm'],
    created: '2026-11-01T10:00:00Z',
    components: [
      { ref: 'a', name: 'a', version: '1.0.0', purl: 'pkg:npm/a@1.0.0', supplier: 'A Inc.', dependsOn: ['b'] },
      { ref: 'b', name: 'b', version: '2.0.0', purl: 'pkg:npm/b@2.0.0', supplier: 'B Ltd', dependsOn: [] },
    ],
  };

  it('scores a complete SBOM 100', () => {
    const q = ntiaQuality(base);
    expect(q.score).toBe(100);
    expect(q.elements.map((e) => e.id)).toEqual([
      'supplier',
      'name',
      'version',
      'unique-identifier',
      'dependency-relationship',
      'author',
      'timestamp',
    ]);
    expect(q.elements.every((e) => e.coverage === 1 && e.missing === 0)).toBe(true);
  });

  it('scores each element as the share that has it, and names what lacks it', () => {
    const q = ntiaQuality({
      authors: [],
      tools: ['syft'],
      components: [
        ...base.components,
        { ref: 'c', name: 'c', dependsOn: [] },
        { ref: 'd', name: 'd', version: '1', dependsOn: [] },
      ],
    });
    const el = Object.fromEntries(q.elements.map((e) => [e.id, e]));
    expect(el.supplier!.coverage).toBe(0.5);
    expect(el.supplier!.examples).toEqual(['c', 'd@1']);
    expect(el.version!.coverage).toBe(0.75);
    expect(el['unique-identifier']!.missing).toBe(2);
    // c and d are in no dependency relationship; a and b are.
    expect(el['dependency-relationship']!.coverage).toBe(0.5);
    expect(el.author!.coverage).toBe(0);
    expect(el.author!.note).toContain('a tool is not the author');
    expect(el.timestamp!.coverage).toBe(0);
    // (0.5 + 1 + 0.75 + 0.5 + 0.5 + 0 + 0) / 7 = 0.4643 → 46.4
    expect(q.score).toBe(46.4);
  });

  it('scores the real npm-made CycloneDX and SPDX SBOMs from what they hold', () => {
    // npm sbom names every package with version and purl and stamps the time, but names no
    // supplier and only itself (a tool) as creator.
    for (const file of ['cyclonedx-stapel-npm.cdx.json', 'spdx-stapel-npm.spdx.json']) {
      const q = ntiaQuality(parseSbom(fixture(file)));
      const cov = Object.fromEntries(q.elements.map((e) => [e.id, e.coverage]));
      expect(q.components, file).toBeGreaterThan(50);
      expect(cov, file).toMatchObject({
        supplier: 0,
        name: 1,
        version: 1,
        'unique-identifier': 1,
        author: 0,
        timestamp: 1,
      });
      expect(cov['dependency-relationship'], file).toBeGreaterThan(0.9);
      expect(q.score, file).toBeCloseTo(((4 + cov['dependency-relationship']!) / 7) * 100, 0);
    }
  });
});

describe('licences', () => {
  it('reads SPDX expressions: OR takes the least demanding branch, AND the most demanding', () => {
    expect(readLicence('MIT')).toMatchObject({ ids: ['MIT'], family: 'permissive' });
    expect(readLicence('GPL-2.0-only OR MIT').family).toBe('permissive');
    expect(readLicence('Apache-2.0 AND LGPL-2.1-or-later').family).toBe('weak-copyleft');
    expect(readLicence('(MIT AND AGPL-3.0-only) OR GPL-3.0-or-later').family).toBe('strong-copyleft');
    expect(readLicence('GPL-2.0-only WITH Classpath-exception-2.0').ids).toEqual(['GPL-2.0-only']);
    expect(readLicence('EUPL-1.2').family).toBe('strong-copyleft');
    expect(readLicence('LicenseRef-proprietary').family).toBe('unknown');
  });

  it('keeps what is not an SPDX expression as unknown, with the reason', () => {
    const r = readLicence('Apache License, Version 2.0');
    expect(r.family).toBe('unknown');
    expect(r.ids).toEqual([]);
    expect(r.problem).toMatch(/not an SPDX licence expression/);
    expect(readLicence('NOASSERTION').problem).toMatch(/no licence stated/);
  });

  it('summarises per component (most demanding statement counts) with weights', () => {
    const s = summariseLicences([
      { licences: ['MIT'] },
      { licences: ['MIT', 'GPL-3.0-only'], count: 2 },
      { licences: [] },
      { licences: ['Apache License 2.0'], count: 3 },
    ]);
    expect(s.components).toBe(7);
    expect(s.withoutLicence).toBe(1);
    expect(s.byFamily).toEqual({
      permissive: 1,
      'weak-copyleft': 0,
      'strong-copyleft': 2,
      'network-copyleft': 0,
      unknown: 4,
    });
    expect(s.byLicence).toEqual([
      { id: 'MIT', components: 3 },
      { id: 'GPL-3.0-only', components: 2 },
    ]);
    expect(s.unreadable).toEqual([
      { text: 'Apache License 2.0', components: 3, problem: expect.stringMatching(/not an SPDX/) },
    ]);
  });

  it('summarises the real npm SBOM: every component carries a licence id', () => {
    const sbom = parseSbom(fixture('cyclonedx-stapel-npm.cdx.json'));
    const s = summariseLicences(sbom.components);
    expect(s.components).toBe(sbom.components.length);
    const counted = Object.values(s.byFamily).reduce((a, b) => a + b, 0);
    expect(counted).toBe(sbom.components.length);
    expect(s.byLicence[0]!.id).toBe('MIT');
  });
});

describe('supplier links through the knowledge base', () => {
  const kb = knowledgeIndex();
  const linker = supplierLinker(kb);

  it('links by purl namespace, to the vendor and its ultimate parent', () => {
    const l = linker.link({ purl: 'pkg:npm/%40azure/core-auth@1.9.0' });
    expect(l).toMatchObject({ vendorId: 'microsoft', ultimateParentId: 'microsoft', country: 'US' });
    expect(l!.matchedOn).toBe('purl namespace pkg:npm/%40azure');
    expect(linker.link({ purl: 'pkg:maven/com.microsoft.sqlserver/mssql-jdbc@12.8.1.jre11' })?.vendorId).toBe(
      'microsoft',
    );
  });

  it('does not claim a longer name that only starts like a namespace', () => {
    expect(linker.link({ purl: 'pkg:npm/%40azurex/thing@1.0.0' })).toBeUndefined();
    expect(linker.link({ purl: 'pkg:maven/com.microsoftish/x@1' })).toBeUndefined();
  });

  it('falls back to the supplier name, with a lower confidence', () => {
    const l = linker.link({ purl: 'pkg:npm/left-pad@1.3.0', supplier: 'Microsoft Corporation' });
    expect(l?.vendorId).toBe('microsoft');
    expect(l!.matchedOn).toMatch(/^supplier name "Microsoft Corporation"/);
    expect(l!.confidence).toBeLessThan(0.95);
    expect(linker.link({ purl: 'pkg:npm/left-pad@1.3.0', supplier: 'Nobody Known B.V.' })).toBeUndefined();
  });

  it('counts an asset’s components per vendor', () => {
    const s = suppliersOf(kb, [
      { purl: 'pkg:npm/%40azure/core-auth@1.9.0' },
      { purl: 'pkg:npm/%40azure/identity@4.0.0' },
      { purl: 'pkg:npm/%40microsoft/fetch-event-source@2.0.1' },
      { purl: 'pkg:npm/left-pad@1.3.0' },
    ]);
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ vendorId: 'microsoft', components: 3 });
    expect(s[0]!.matchedOn[0]).toBe('purl namespace pkg:npm/%40azure');
  });
});
