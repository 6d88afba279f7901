/**
 * SPDX importer: the specification's own 2.2 and 2.3 examples (JSON and tag-value) and a real
 * `npm sbom --sbom-format spdx` file import with as many components as the file has packages and
 * the fields the file states; relationships become dependencies in the right direction; broken
 * input gives an InputError that names the file and the field or line.
 */
import { readFileSync } from 'node:fs';
import { PackageURL } from 'packageurl-js';
import { describe, expect, it } from 'vitest';
import { parseSpdx, parseSpdxJson, parseSpdxTagValue } from './spdx.importer.js';
import { inputError } from '../../../test/helpers/errors.js';

const reference = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/sbom/${name}`, import.meta.url), 'utf8');
const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/sbom/${name}`, import.meta.url), 'utf8');

/* eslint-disable @typescript-eslint/no-explicit-any -- raw SPDX JSON, read independently of the importer */
type Json = any;

const JSON_22 = 'SPDXJSONExample-v2.2.spdx.json';
const JSON_23 = 'SPDXJSONExample-v2.3.spdx.json';
const TAG_22 = 'SPDXTagExample-v2.2.spdx';
const TAG_23 = 'SPDXTagExample-v2.3.spdx';
const NPM = 'spdx-stapel-npm.spdx.json';

/** Packages in a tag-value document, counted without the importer. */
const countPackageNames = (text: string) => text.match(/^PackageName:/gm)?.length ?? 0;

/** 1-based number of the first line of `text` that starts with `start`. */
const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;

/** The 2.3 example as an object to change for a test, and back to text. */
const example23 = (): Json => JSON.parse(reference(JSON_23));
const text = (doc: Json) => JSON.stringify(doc, null, 2);

describe('SPDX JSON: the specification examples', () => {
  it.each([
    [JSON_22, '2.2'],
    [JSON_23, '2.3'],
  ])('%s: one component per package, with the fields the file states', (file, version) => {
    const source = reference(file);
    const raw: Json = JSON.parse(source);
    const sbom = parseSpdxJson(source, file);

    expect(sbom.format).toBe('spdx');
    expect(sbom.specVersion).toBe(version);
    expect(sbom.components).toHaveLength(raw.packages.length);
    expect(sbom.components.map((c) => c.ref)).toEqual(raw.packages.map((p: Json) => p.SPDXID));
    expect(sbom.documentId).toBe(raw.documentNamespace);
    expect(sbom.created).toBe('2010-01-29T18:30:22Z');
    expect(sbom.authors).toEqual(['ExampleCodeInspect', 'Jane Doe']);
    expect(sbom.tools).toEqual(['LicenseFind-1.0']);
    // documentDescribes names a file first, then the glibc package: the subject is the package.
    expect(sbom.subject).toEqual({ name: 'glibc', version: '2.11.1' });

    const byRef = new Map(sbom.components.map((c) => [c.ref, c]));
    const glibc = byRef.get('SPDXRef-Package')!;
    expect(glibc).toMatchObject({ name: 'glibc', version: '2.11.1', supplier: 'Jane Doe' });
    expect(glibc.licences).toEqual(['(LGPL-2.0-only OR LicenseRef-3)', '(LGPL-2.0-only AND LicenseRef-3)']);
    expect(glibc.hashes).toHaveLength(raw.packages[0].checksums.length);
    expect(glibc.hashes).toContainEqual({
      alg: 'SHA256',
      content: '11b6d3ee554eedf79299905a98f9b9a04e498210b59f15094c916c91d150efcd',
    });
    // "SPDXRef-Package DYNAMIC_LINK SPDXRef-Saxon"; "SPDXRef-Package CONTAINS SPDXRef-JenaLib" (a file) is not a dependency.
    expect(glibc.dependsOn).toEqual(['SPDXRef-Saxon']);
    expect(glibc.purl).toBeUndefined();

    expect(byRef.get('SPDXRef-fromDoap-0')).toMatchObject({
      name: 'Jena',
      version: '3.12.0',
      purl: 'pkg:maven/org.apache.jena/apache-jena@3.12.0',
    });
    // licenseConcluded/licenseDeclared NOASSERTION, no version, no supplier.
    const commonsLang = byRef.get('SPDXRef-fromDoap-1')!;
    expect(commonsLang).toEqual({
      ref: 'SPDXRef-fromDoap-1',
      name: 'Apache Commons Lang',
      licences: [],
      hashes: [],
      dependsOn: [],
    });
    expect(byRef.get('SPDXRef-Saxon')?.licences).toEqual(['MPL-1.0']);
    for (const c of sbom.components) for (const d of c.dependsOn) expect(byRef.has(d)).toBe(true);
  });
});

describe('SPDX tag-value: the specification examples', () => {
  it.each([
    [TAG_22, JSON_22, '2.2'],
    [TAG_23, JSON_23, '2.3'],
  ])('%s: one component per PackageName, the same as the JSON example', (file, jsonFile, version) => {
    const source = reference(file);
    const sbom = parseSpdxTagValue(source, file);
    expect(sbom.specVersion).toBe(version);
    expect(sbom.components).toHaveLength(countPackageNames(source));
    expect(sbom.components.find((c) => c.ref === 'SPDXRef-Package')).toMatchObject({
      name: 'glibc',
      version: '2.11.1',
      supplier: 'Jane Doe',
      licences: ['(LGPL-2.0-only OR LicenseRef-3)', '(LGPL-2.0-only AND LicenseRef-3)'],
      dependsOn: ['SPDXRef-Saxon'],
    });
    expect(sbom.components.find((c) => c.ref === 'SPDXRef-fromDoap-0')?.purl).toBe(
      'pkg:maven/org.apache.jena/apache-jena@3.12.0',
    );
    // The spec's tag-value and JSON examples describe the same document.
    expect(sbom).toEqual(parseSpdxJson(reference(jsonFile), jsonFile));
  });

  it('handles CRLF line ends, comments, leading blank lines and one-line <text> values', () => {
    const source = '\r\n# made by hand\r\n' + reference(TAG_22).replace(/\n/g, '\r\n');
    const sbom = parseSpdxTagValue(source, 'crlf.spdx');
    expect(sbom.components).toHaveLength(countPackageNames(reference(TAG_22)));
    expect(sbom.documentId).toBe('http://spdx.org/spdxdocs/spdx-example-444504E0-4F89-41D3-9A0C-0305E82C3301');
  });

  it('reads a package name given as <text> over lines', () => {
    const source = reference(TAG_23).replace('PackageName: Saxon', 'PackageName: <text>Saxon\nHE</text>');
    const saxon = parseSpdxTagValue(source).components.find((c) => c.ref === 'SPDXRef-Saxon');
    expect(saxon?.name).toBe('Saxon\nHE');
  });
});

describe('parseSpdx picks the serialisation by the first non-blank character', () => {
  it('JSON and tag-value', () => {
    expect(parseSpdx(`\n  ${reference(JSON_23)}`, JSON_23).specVersion).toBe('2.3');
    expect(parseSpdx(`\uFEFF\n\n${reference(TAG_22)}`, TAG_22).specVersion).toBe('2.2');
    expect(parseSpdx(reference(TAG_23)).components).toHaveLength(countPackageNames(reference(TAG_23)));
  });
});

describe('a real `npm sbom --sbom-format spdx` file', () => {
  const source = fixture(NPM);
  const raw: Json = JSON.parse(source);
  const sbom = parseSpdx(source, NPM);
  const byRef = new Map(sbom.components.map((c) => [c.ref, c]));
  const idOf = (name: string) => raw.packages.find((p: Json) => p.name === name).SPDXID as string;

  it('has one component per package, each with its parsed package URL', () => {
    expect(raw.spdxVersion).toBe('SPDX-2.3');
    expect(sbom.specVersion).toBe('2.3');
    expect(sbom.components).toHaveLength(raw.packages.length);
    for (const p of raw.packages as Json[]) {
      const locator = p.externalRefs.find((r: Json) => r.referenceType === 'purl').referenceLocator;
      expect(byRef.get(p.SPDXID)?.purl).toBe(PackageURL.fromString(locator).toString());
    }
    expect(byRef.get(idOf('@cyclonedx/cyclonedx-library'))).toMatchObject({
      name: '@cyclonedx/cyclonedx-library',
      purl: 'pkg:npm/%40cyclonedx/cyclonedx-library@10.3.0',
      licences: ['Apache-2.0'],
      hashes: [{ alg: 'SHA512', content: expect.stringMatching(/^[0-9a-f]{128}$/) }],
    });
  });

  it('accepts `created` with milliseconds and keeps it', () => {
    expect(raw.creationInfo.created).toMatch(/T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(sbom.created).toBe(raw.creationInfo.created);
    expect(sbom.tools).toEqual(raw.creationInfo.creators.map((c: string) => c.replace(/^Tool: /, '')));
    expect(sbom.authors).toEqual([]);
    expect(sbom.documentId).toBe(raw.documentNamespace);
    expect(sbom.subject).toEqual({ name: 'stapel', version: '0.1.0' });
  });

  it('turns every *_OF / PREREQUISITE_FOR relationship into a dependency of the other side', () => {
    // Counted independently: npm writes "B <kind> A" for "A depends on B"; it repeats some.
    const expected = new Set<string>();
    for (const r of raw.relationships as Json[])
      if (r.relationshipType !== 'DESCRIBES') expected.add(`${r.relatedSpdxElement} -> ${r.spdxElementId}`);
    const actual = new Set(sbom.components.flatMap((c) => c.dependsOn.map((d) => `${c.ref} -> ${d}`)));
    expect(actual.size).toBeGreaterThan(raw.packages.length);
    expect(actual).toEqual(expected);
    for (const c of sbom.components) expect(new Set(c.dependsOn).size).toBe(c.dependsOn.length);

    const root = byRef.get(idOf('stapel'))!;
    expect(root.dependsOn).toContain(idOf('fastify')); // DEPENDENCY_OF
    expect(root.dependsOn).toContain(idOf('vitest')); // DEV_DEPENDENCY_OF
    const peer = (raw.relationships as Json[]).find((r) => r.relationshipType === 'PREREQUISITE_FOR');
    expect(byRef.get(peer.relatedSpdxElement)?.dependsOn).toContain(peer.spdxElementId);
  });
});

describe('mapping details', () => {
  const ids = {
    glibc: 'SPDXRef-Package',
    lang: 'SPDXRef-fromDoap-1',
    jena: 'SPDXRef-fromDoap-0',
    saxon: 'SPDXRef-Saxon',
  };
  const rel = (a: string, type: string, b: string) => ({
    spdxElementId: a,
    relationshipType: type,
    relatedSpdxElement: b,
  });

  it('reads dependencies in both directions, ignores containment and refs outside the document', () => {
    const doc = example23();
    doc.relationships = [
      rel(ids.glibc, 'DEPENDS_ON', ids.lang),
      rel(ids.glibc, 'DEPENDS_ON', ids.lang), // repeated
      rel(ids.jena, 'RUNTIME_DEPENDENCY_OF', ids.glibc),
      rel(ids.saxon, 'DEV_DEPENDENCY_OF', ids.lang),
      rel(ids.lang, 'HAS_PREREQUISITE', ids.jena),
      rel(ids.saxon, 'PREREQUISITE_FOR', ids.jena),
      rel(ids.glibc, 'CONTAINS', ids.saxon),
      rel(ids.jena, 'CONTAINED_BY', ids.saxon),
      rel(ids.saxon, 'DEPENDENCY_MANIFEST_OF', ids.glibc),
      rel(ids.glibc, 'DEPENDS_ON', ids.glibc),
      rel(ids.glibc, 'DEPENDS_ON', 'SPDXRef-File'), // a file
      rel(ids.glibc, 'DEPENDS_ON', 'SPDXRef-Nowhere'),
      rel(ids.glibc, 'DEPENDS_ON', 'NOASSERTION'),
      rel(ids.glibc, 'DEPENDS_ON', 'DocumentRef-spdx-tool-1.2:SPDXRef-ToolsElement'),
      rel('SPDXRef-Nowhere', 'DEPENDS_ON', ids.glibc),
      rel('SPDXRef-DOCUMENT', 'DEPENDS_ON', ids.saxon),
      rel(ids.saxon, 'DEPENDENCY_OF', 'NONE'),
    ];
    const deps = Object.fromEntries(parseSpdxJson(text(doc)).components.map((c) => [c.ref, c.dependsOn]));
    expect(deps).toEqual({
      [ids.glibc]: [ids.lang, ids.jena],
      [ids.lang]: [ids.saxon, ids.jena],
      [ids.jena]: [ids.saxon],
      [ids.saxon]: [],
    });
  });

  it('takes the subject from a DESCRIBES or DESCRIBED_BY relationship when documentDescribes is absent', () => {
    const doc = example23();
    delete doc.documentDescribes;
    doc.relationships = [rel('SPDXRef-DOCUMENT', 'DESCRIBES', ids.saxon)];
    expect(parseSpdxJson(text(doc)).subject).toEqual({ name: 'Saxon', version: '8.8' });
    doc.relationships = [rel(ids.jena, 'DESCRIBED_BY', 'SPDXRef-DOCUMENT')];
    expect(parseSpdxJson(text(doc)).subject).toEqual({ name: 'Jena', version: '3.12.0' });
    doc.relationships = [];
    expect(parseSpdxJson(text(doc)).subject).toBeUndefined();
  });

  it('suppliers, creators, licences and package URLs', () => {
    const doc = example23();
    doc.creationInfo.creators = [
      'Tool: syft-1.0.0',
      'Organization: Gemeente Voorbeeldstad (info@voorbeeldstad.example)',
      'Person: Anonymous',
      'Tool: npm/cli-11.19.1',
    ];
    const [glibc, lang, jena, saxon] = doc.packages;
    glibc.supplier = 'Organization: Acme B.V. (security@acme.example)';
    glibc.licenseConcluded = 'MIT';
    glibc.licenseDeclared = 'MIT';
    lang.supplier = 'NOASSERTION';
    lang.licenseConcluded = 'NONE';
    lang.licenseDeclared = 'Apache-2.0';
    lang.externalRefs = [
      { referenceCategory: 'SECURITY', referenceType: 'purl', referenceLocator: 'pkg:maven/other/other@1' },
      {
        referenceCategory: 'PACKAGE_MANAGER',
        referenceType: 'purl',
        referenceLocator: 'pkg:Maven/org.apache.commons/commons-lang3@3.1?type=jar&classifier=sources',
      },
    ];
    jena.supplier = 'Person: Jane Doe ()';
    saxon.supplier = 'Saxonica';
    const sbom = parseSpdxJson(text(doc), 'details.spdx.json');
    expect(sbom.authors).toEqual(['Gemeente Voorbeeldstad', 'Anonymous']);
    expect(sbom.tools).toEqual(['syft-1.0.0', 'npm/cli-11.19.1']);
    const [c0, c1, c2, c3] = sbom.components;
    expect(c0).toMatchObject({ supplier: 'Acme B.V.', licences: ['MIT'] });
    expect(c1?.supplier).toBeUndefined();
    expect(c1?.licences).toEqual(['Apache-2.0']);
    // PACKAGE_MANAGER spelling accepted, SECURITY purls skipped, type lower-cased and qualifiers sorted.
    expect(c1?.purl).toBe('pkg:maven/org.apache.commons/commons-lang3@3.1?classifier=sources&type=jar');
    expect(c2?.supplier).toBe('Jane Doe');
    expect(c3?.supplier).toBe('Saxonica');
  });

  it.each(['2024-05-01T10:00:00.123Z', '2024-05-01T10:00:00Z', '2024-05-01T12:00:00.5+02:00'])(
    'accepts created = %s',
    (created) => {
      const doc = example23();
      doc.creationInfo.created = created;
      expect(parseSpdxJson(text(doc)).created).toBe(created);
      const tag = reference(TAG_23).replace('Created: 2010-01-29T18:30:22Z', `Created: ${created}`);
      expect(parseSpdxTagValue(tag).created).toBe(created);
    },
  );
});

describe('broken SPDX JSON', () => {
  const file = 'broken.spdx.json';

  it('truncated: names the file, line and column', () => {
    const source = reference(JSON_23);
    const cut = source.slice(0, source.indexOf('"packages"') + 200);
    const err = inputError(() => parseSpdxJson(cut, file));
    expect(err.file).toBe(file);
    expect(err.message).toMatch(/^broken\.spdx\.json is not valid JSON at line \d+, column \d+/);
    expect(err.message).toContain('cut off');
    // parseSpdx sends it to the JSON reader too.
    expect(inputError(() => parseSpdx(cut, file)).message).toMatch(/line \d+, column \d+/);
  });

  it('wrong spdxVersion: names the field and the versions accepted', () => {
    const doc = example23();
    doc.spdxVersion = 'SPDX-2.1';
    const err = inputError(() => parseSpdxJson(text(doc), file));
    expect(err.message).toBe(
      'broken.spdx.json: spdxVersion: the SPDX version is "SPDX-2.1"; this importer reads SPDX-2.2 and SPDX-2.3',
    );
    expect(err.issues).toEqual([{ path: ['spdxVersion'], message: 'must be one of SPDX-2.2, SPDX-2.3' }]);

    const cdx = inputError(() => parseSpdx(fixture('cyclonedx-stapel-npm.cdx.json'), 'bom.json'));
    expect(cdx.message).toContain('bom.json: spdxVersion: the SPDX version is missing');

    doc.spdxVersion = 'SPDX-3.0';
    expect(inputError(() => parseSpdxJson(text(doc))).message).toContain('"SPDX-3.0"');
  });

  it('schema violation: a package without a name is named by its path', () => {
    const doc = example23();
    delete doc.packages[1].name;
    doc.packages[2].checksums = [{ algorithm: 'SHA999', checksumValue: 'abc' }];
    doc.unknownField = true;
    const err = inputError(() => parseSpdxJson(text(doc), file));
    expect(err.file).toBe(file);
    expect(err.message).toMatch(/^broken\.spdx\.json is not a valid SPDX-2\.3 document/);
    expect(err.message).toContain('packages[1].name: is required (package SPDXRef-fromDoap-1)');
    expect(err.message).toContain('packages[2].checksums[0].algorithm: must be one of SHA1,');
    expect(err.message).toContain('unknownField: is not a field SPDX defines here');
    expect(err.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([['packages', 1, 'name'], ['packages', 2, 'checksums', 0, 'algorithm'], ['unknownField']]),
    );
  });

  it('reports at most 20 schema issues and says how many more there are', () => {
    const doc = example23();
    doc.packages = Array.from({ length: 30 }, (_, i) => ({ SPDXID: `SPDXRef-P${i}`, downloadLocation: 'NOASSERTION' }));
    const err = inputError(() => parseSpdxJson(text(doc), file));
    expect(err.issues).toHaveLength(20);
    expect(err.issues[0]?.path).toEqual(['packages', 0, 'name']);
    expect(err.message).toContain('… and 10 more');
  });

  it('an invalid package URL: names the package and the field', () => {
    const doc = example23();
    doc.packages[2].externalRefs[0].referenceLocator = 'maven/org.apache.jena/apache-jena@3.12.0';
    const err = inputError(() => parseSpdxJson(text(doc), file));
    expect(err.message).toContain(
      'broken.spdx.json: packages[2].externalRefs[0].referenceLocator: invalid package URL',
    );
    expect(err.message).toContain('(package "Jena", SPDXRef-fromDoap-0)');
    expect(err.issues[0]?.path).toEqual(['packages', 2, 'externalRefs', 0, 'referenceLocator']);
  });

  it('a used SPDXID twice, an empty name, a bad created date, not an object', () => {
    const dup = example23();
    dup.packages[3].SPDXID = 'SPDXRef-Package';
    expect(inputError(() => parseSpdxJson(text(dup), file)).message).toContain(
      'packages[3].SPDXID: SPDXID "SPDXRef-Package" is also used by packages[0]',
    );
    const empty = example23();
    empty.packages[1].name = ' ';
    expect(inputError(() => parseSpdxJson(text(empty), file)).message).toContain('packages[1].name: must not be empty');
    const date = example23();
    date.creationInfo.created = '29 January 2010';
    const err = inputError(() => parseSpdxJson(text(date), file));
    expect(err.message).toContain('creationInfo.created: must be a date and time');
    expect(err.issues[0]?.path).toEqual(['creationInfo', 'created']);
    expect(inputError(() => parseSpdx('[]', file)).message).toContain('expected a JSON object');
    expect(inputError(() => parseSpdx('<?xml version="1.0"?><rdf:RDF/>', file)).message).toContain(
      'broken.spdx.json: looks like XML',
    );
  });
});

describe('broken SPDX tag-value', () => {
  const file = 'broken.spdx';
  const source = reference(TAG_22);

  it('a line that is not "Tag: value": names the line', () => {
    const broken = source.replace('PackageVersion: 8.8', 'PackageVersion 8.8');
    const n = lineOf(broken, 'PackageVersion 8.8');
    const err = inputError(() => parseSpdxTagValue(broken, file));
    expect(err.file).toBe(file);
    expect(err.message).toBe(`broken.spdx: line ${n}: expected "Tag: value", found "PackageVersion 8.8"`);
    expect(err.issues).toEqual([{ path: [`line ${n}`], message: 'expected "Tag: value", found "PackageVersion 8.8"' }]);
  });

  it('an unclosed <text>: names the line it opens on', () => {
    const broken = source.replace(
      'PackageSummary: <text>GNU C library.</text>',
      'PackageSummary: <text>GNU C library.',
    );
    const n = lineOf(broken, 'PackageSummary:');
    expect(inputError(() => parseSpdxTagValue(broken, file)).message).toBe(
      `broken.spdx: line ${n}: PackageSummary: <text> is not closed by </text> before line ${n + 1}`,
    );
    // A file cut off inside the first licence text.
    const cut = source.slice(0, source.indexOf('THIS SOFTWARE IS PROVIDED BY THE AUTHOR'));
    expect(inputError(() => parseSpdxTagValue(cut, file)).message).toBe(
      `broken.spdx: line ${lineOf(cut, 'ExtractedText:')}: ExtractedText: <text> is not closed by </text> before the end of the input`,
    );
  });

  it('a wrong SPDXVersion: names the line and the versions accepted', () => {
    const err = inputError(() => parseSpdxTagValue(source.replace('SPDX-2.2', 'SPDX-2.1'), file));
    expect(err.message).toBe(
      'broken.spdx: line 1 (SPDXVersion): the SPDX version is "SPDX-2.1"; this importer reads SPDX-2.2 and SPDX-2.3',
    );
    expect(inputError(() => parseSpdxTagValue('', file)).message).toContain('no "SPDXVersion:" line');
  });

  it('schema violations name the line: relationship type, checksum algorithm, missing download location', () => {
    const badType = source.replace('DYNAMIC_LINK', 'LINKS_TO');
    expect(inputError(() => parseSpdxTagValue(badType, file)).message).toContain(
      `line ${lineOf(badType, 'Relationship: SPDXRef-Package LINKS_TO')} (Relationship): must be one of`,
    );
    const badAlg = source.replace('PackageChecksum: MD5:', 'PackageChecksum: MD55:');
    expect(inputError(() => parseSpdxTagValue(badAlg, file)).message).toContain(
      `line ${lineOf(badAlg, 'PackageChecksum: MD55:')} (PackageChecksum): must be one of`,
    );
    const noDownload = source.replace(/PackageDownloadLocation: NOASSERTION\n/, '');
    const err = inputError(() => parseSpdxTagValue(noDownload, file));
    expect(err.message).toContain(
      `line ${lineOf(noDownload, 'PackageName: Apache Commons Lang')}, PackageDownloadLocation: is required (package "Apache Commons Lang", SPDXRef-fromDoap-1)`,
    );
    const noNamespace = source.replace(/DocumentNamespace: .*\n/, '');
    expect(inputError(() => parseSpdxTagValue(noNamespace, file)).message).toContain('DocumentNamespace: is required');
  });

  it('malformed values name the line: checksum, external ref, relationship, package field outside a package', () => {
    const cases: [string, string, RegExp][] = [
      ['PackageChecksum: MD5: 624c', 'PackageChecksum: 624c', /PackageChecksum must be "<ALGORITHM>: <value>"/],
      ['ExternalRef: PACKAGE-MANAGER purl pkg', 'ExternalRef: PACKAGE-MANAGER pkg', /ExternalRef must be/],
      [
        'Relationship: SPDXRef-Package DYNAMIC_LINK SPDXRef-Saxon',
        'Relationship: SPDXRef-Package SPDXRef-Saxon',
        /Relationship must be "<element> <TYPE> <element>"/,
      ],
    ];
    for (const [find, replace, why] of cases) {
      const broken = source.replace(find, replace);
      const n = lineOf(broken, replace);
      const err = inputError(() => parseSpdxTagValue(broken, file));
      expect(err.message).toMatch(new RegExp(`^broken\\.spdx: line ${n}: `));
      expect(err.message).toMatch(why);
    }
    expect(inputError(() => parseSpdxTagValue('SPDXVersion: SPDX-2.3\nPackageVersion: 1.0\n', file)).message).toBe(
      'broken.spdx: line 2: PackageVersion outside a package (no PackageName before it)',
    );
  });

  it('an invalid package URL: names the line and the package', () => {
    const broken = source.replace('purl pkg:maven/org.apache.jena', 'purl maven/org.apache.jena');
    const err = inputError(() => parseSpdxTagValue(broken, file));
    expect(err.message).toContain(`broken.spdx: line ${lineOf(broken, 'ExternalRef: PACKAGE-MANAGER')} (ExternalRef)`);
    expect(err.message).toContain('invalid package URL');
    expect(err.message).toContain('(package "Jena", SPDXRef-fromDoap-0)');
  });

  it('a bad Created date names its line', () => {
    const broken = source.replace('Created: 2010-01-29T18:30:22Z', 'Created: 2010-01-29 18:30');
    expect(inputError(() => parseSpdxTagValue(broken, file)).message).toContain(
      `line ${lineOf(broken, 'Created:')} (Created): must be a date and time`,
    );
  });
});
