/**
 * CycloneDX XML importer: the CycloneDX project's example SBOMs import with as many components as
 * the files have and give the same ParsedSbom as their JSON renderings (where the two files say the
 * same thing); small hand-made BOMs in both encodings give equal results for what the examples do
 * not cover (1.5+ tools, 1.7 detailed expressions, prefixes, extensions, entities, one-element
 * lists); hostile and broken documents — billion laughs, XXE, deep nesting, cut-off text, an
 * unknown namespace, a schema violation — give an InputError with a clear message, quickly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../domain/errors.js';
import { parseCycloneDxJson } from './cyclonedx-json.importer.js';
import { parseCycloneDxXml, XML_MAX_DEPTH } from './cyclonedx-xml.importer.js';
import { inputError } from '../../../test/helpers/errors.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/sbom/${name}`, import.meta.url), 'utf8');

/** The InputError `f` throws, and that it threw within `ms` milliseconds. */
function quickInputError(f: () => unknown, ms: number): InputError {
  const start = performance.now();
  const err = inputError(f);
  expect(performance.now() - start).toBeLessThan(ms);
  return err;
}

/**
 * Components in a CycloneDX XML text, counted without any XML parser: every <component> start tag
 * outside <metadata> (which holds the described product and, from 1.5, tools as components).
 */
const countComponents = (xml: string) =>
  xml.replace(/<metadata>[\s\S]*?<\/metadata>/, '').match(/<component[\s>]/g)?.length ?? 0;

/** Dependency edges in a CycloneDX XML text: <dependency> elements inside another <dependency>. */
function countDependencyEdges(xml: string): number {
  let depth = 0;
  let edges = 0;
  for (const m of xml.matchAll(/<dependency\b[^>]*?(\/?)>|<\/dependency>/g)) {
    if (m[0].startsWith('</')) depth--;
    else {
      if (depth > 0) edges++;
      if (!m[1]) depth++;
    }
  }
  return edges;
}

const bom = (version: string, body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/${version}" version="1">\n${body}\n</bom>\n`;

describe('CycloneDX XML: the CycloneDX example SBOMs', () => {
  it.each([
    ['juice-shop_v11.1.2_bom.xml', '1.2', 840],
    ['dropwizard-1.3.15_bom.xml', '1.2', 167],
    ['laravel-7.12.0_bom.1.4.xml', '1.4', 62],
    ['laravel-7.12.0_bom.1.1.xml', '1.1', 62],
    ['proton-bridge_proton-bridge-v1.8.0.bom.xml', '1.2', 201],
  ])('%s (CycloneDX %s) imports with the component count of the file', (name, version, count) => {
    const text = fixture(name);
    const sbom = parseCycloneDxXml(text, name);
    expect(sbom).toMatchObject({ format: 'cyclonedx', specVersion: version });
    expect(countComponents(text)).toBe(count);
    expect(sbom.components).toHaveLength(count);
    // Edges from the described product (metadata.component) are not between components.
    const edges = sbom.components.reduce((n, c) => n + c.dependsOn.length, 0);
    expect(edges).toBeLessThanOrEqual(countDependencyEdges(text));
    if (countDependencyEdges(text)) expect(edges).toBeGreaterThan(0);
  });

  it('laravel 1.4: XML and JSON give the same ParsedSbom', () => {
    const xml = parseCycloneDxXml(fixture('laravel-7.12.0_bom.1.4.xml'));
    expect(xml).toEqual(parseCycloneDxJson(fixture('laravel-7.12.0_bom.1.4.json')));
    expect(xml.tools).toEqual(['cyclonedx cyclonedx-php-composer']);
    expect(xml.subject).toEqual({ name: 'cyclonedx-php-composer-demo', version: 'dev-master' });
    expect(xml.components.reduce((n, c) => n + c.dependsOn.length, 0)).toBeGreaterThan(0);
  });

  // The JSON and XML of these two were made by separate runs of the generator: their serial
  // numbers and timestamps differ (see PROVENANCE.md); everything else is the same.
  it.each([
    [
      'juice-shop_v11.1.2_bom',
      'urn:uuid:d6aa76fa-e488-480d-9ad0-f67765dfd015',
      'urn:uuid:1f860713-54b9-4253-ba5a-9554851904af',
    ],
    [
      'proton-bridge_proton-bridge-v1.8.0.bom',
      'urn:uuid:74e6d3e0-8df7-4717-a567-3c9046fa719c',
      'urn:uuid:d7a0ac67-e0f8-4342-86c6-801a02437636',
    ],
  ])('%s: XML and JSON give the same components, refs, purls, licences, hashes and edges', (base, xmlId, jsonId) => {
    const xml = parseCycloneDxXml(fixture(`${base}.xml`), `${base}.xml`);
    const json = parseCycloneDxJson(fixture(`${base}.json`), `${base}.json`);
    expect(xml.documentId).toBe(xmlId);
    expect(json.documentId).toBe(jsonId);
    expect(xml.created).not.toBe(json.created);
    expect({ ...xml, documentId: undefined, created: undefined }).toEqual({
      ...json,
      documentId: undefined,
      created: undefined,
    });
    expect(xml.components.some((c) => c.hashes.length || c.licences.length)).toBe(true);
  });

  it('dropwizard: XML and JSON agree except for the one licence the XML file leaves out', () => {
    const xml = parseCycloneDxXml(fixture('dropwizard-1.3.15_bom.xml'));
    const json = parseCycloneDxJson(fixture('dropwizard-1.3.15_bom.json'));
    const ref = 'pkg:maven/org.glassfish.hk2/osgi-resource-locator@1.0.1?type=jar';
    // In the XML file this component has no <licenses>; the JSON gives an expression.
    expect(xml.components.find((c) => c.ref === ref)!.licences).toEqual([]);
    expect(json.components.find((c) => c.ref === ref)!.licences).toEqual([
      '(CDDL-1.0 OR GPL-2.0-with-classpath-exception)',
    ]);
    const withoutThatLicence = (s: typeof xml) => ({
      ...s,
      components: s.components.map((c) => (c.ref === ref ? { ...c, licences: [] } : c)),
    });
    expect(withoutThatLicence(xml)).toEqual(withoutThatLicence(json));
    expect(xml).toMatchObject({ documentId: json.documentId, created: '2020-08-02T21:27:04Z' });
  });

  it('laravel 1.1 XML (no bom-refs, metadata or dependencies in the file) has the packages of the 1.2 JSON', () => {
    const xml = parseCycloneDxXml(fixture('laravel-7.12.0_bom.1.1.xml'));
    const json = parseCycloneDxJson(fixture('laravel-7.12.0_bom.1.2.json'));
    const brief = (s: typeof xml) =>
      s.components.map((c) => ({ name: c.name, version: c.version, purl: c.purl, licences: c.licences }));
    expect(brief(xml)).toEqual(brief(json));
    // Without bom-refs the purl is the reference.
    expect(xml.components.every((c) => c.ref === c.purl)).toBe(true);
    expect(xml).toMatchObject({ specVersion: '1.1', authors: [], tools: [] });
    expect(xml.subject).toBeUndefined();
  });
});

describe('CycloneDX XML and JSON of the same hand-made BOM', () => {
  const serial = 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79';
  // One of everything, so that one-element lists must stay lists.
  const xml16 = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment before the root -->
<bom xmlns="http://cyclonedx.org/schema/bom/1.6" xmlns:ext="urn:example:ext" serialNumber="${serial}" version="1">
  <metadata>
    <timestamp>2024-05-01T10:00:00Z</timestamp>
    <tools>
      <components>
        <component type="application"><name>example-scanner</name><version>1.0</version></component>
      </components>
    </tools>
    <authors><author><name>Jane Doe</name></author></authors>
    <component type="application" bom-ref="app"><name>meldingen-app</name><version>2.1</version></component>
    <manufacture><name>Gemeente Voorbeeldstad</name></manufacture>
    <supplier><name>Leverancier &amp; Zn.</name></supplier>
  </metadata>
  <components>
    <component type="library" bom-ref="pkg:maven/org.example/core@1.0?type=jar&amp;classifier=x">
      <supplier><name><![CDATA[Example <Org>]]></name></supplier>
      <group>org.example</group>
      <name>core</name>
      <version>1.0</version>
      <hashes><hash alg="SHA-256">a6f9a5f7f2c1c0a5e5b4e0d2b4e1f0c3a6f9a5f7f2c1c0a5e5b4e0d2b4e1f0c3</hash></hashes>
      <licenses><license><id>Apache-2.0</id></license></licenses>
      <purl>pkg:maven/org.example/core@1.0?type=jar&amp;classifier=x</purl>
      <components>
        <component type="library"><name>inner</name><version>0.1</version></component>
      </components>
      <ext:note>extension content is left out</ext:note>
    </component>
    <component type="library">
      <publisher>Someone</publisher>
      <name>caf&#xE9; &#233;</name>
      <licenses><expression>MIT OR Apache-2.0</expression></licenses>
    </component>
  </components>
  <dependencies>
    <dependency ref="app"><dependency ref="pkg:maven/org.example/core@1.0?type=jar&amp;classifier=x"/></dependency>
    <dependency ref="pkg:maven/org.example/core@1.0?type=jar&amp;classifier=x"><dependency ref="inner@0.1#components.0.components.0"/></dependency>
  </dependencies>
</bom>
`;
  const json16 = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: serial,
    version: 1,
    metadata: {
      timestamp: '2024-05-01T10:00:00Z',
      tools: { components: [{ type: 'application', name: 'example-scanner', version: '1.0' }] },
      authors: [{ name: 'Jane Doe' }],
      component: { type: 'application', 'bom-ref': 'app', name: 'meldingen-app', version: '2.1' },
      manufacture: { name: 'Gemeente Voorbeeldstad' },
      supplier: { name: 'Leverancier & Zn.' },
    },
    components: [
      {
        type: 'library',
        'bom-ref': 'pkg:maven/org.example/core@1.0?type=jar&classifier=x',
        supplier: { name: 'Example <Org>' },
        group: 'org.example',
        name: 'core',
        version: '1.0',
        hashes: [{ alg: 'SHA-256', content: 'a6f9a5f7f2c1c0a5e5b4e0d2b4e1f0c3a6f9a5f7f2c1c0a5e5b4e0d2b4e1f0c3' }],
        licenses: [{ license: { id: 'Apache-2.0' } }],
        purl: 'pkg:maven/org.example/core@1.0?type=jar&classifier=x',
        components: [{ type: 'library', name: 'inner', version: '0.1' }],
      },
      { type: 'library', publisher: 'Someone', name: 'café é', licenses: [{ expression: 'MIT OR Apache-2.0' }] },
    ],
    dependencies: [
      { ref: 'app', dependsOn: ['pkg:maven/org.example/core@1.0?type=jar&classifier=x'] },
      {
        ref: 'pkg:maven/org.example/core@1.0?type=jar&classifier=x',
        dependsOn: ['inner@0.1#components.0.components.0'],
      },
    ],
  };

  it('1.6: tools as components, one-element lists, entities, CDATA, extensions', () => {
    const xml = parseCycloneDxXml(xml16, 'hand.xml');
    expect(xml).toEqual(parseCycloneDxJson(JSON.stringify(json16), 'hand.json'));
    expect(xml).toMatchObject({
      specVersion: '1.6',
      documentId: serial,
      created: '2024-05-01T10:00:00Z',
      authors: ['Jane Doe', 'Gemeente Voorbeeldstad', 'Leverancier & Zn.'],
      tools: ['example-scanner'],
      subject: { name: 'meldingen-app', version: '2.1' },
    });
    const [core, inner, cafe] = xml.components;
    expect(core).toMatchObject({
      name: 'org.example/core',
      supplier: 'Example <Org>',
      licences: ['Apache-2.0'],
      hashes: [{ alg: 'SHA-256', content: expect.stringMatching(/^a6f9/) }],
      dependsOn: ['inner@0.1#components.0.components.0'],
    });
    expect(inner!.ref).toBe('inner@0.1#components.0.components.0');
    expect(cafe).toMatchObject({ name: 'café é', supplier: 'Someone', licences: ['MIT OR Apache-2.0'] });
  });

  it('1.7 with a namespace prefix: licences in document order, detailed expressions', () => {
    const xml = `<?xml version="1.0"?>
<c:bom xmlns:c="http://cyclonedx.org/schema/bom/1.7" version="1">
  <c:components>
    <c:component type="library" bom-ref="a">
      <c:name>a</c:name>
      <c:licenses>
        <c:expression>MIT</c:expression>
        <c:license><c:name>Own licence</c:name></c:license>
        <c:expression-detailed expression="Apache-2.0 AND BSD-3-Clause">
          <c:details license-identifier="Apache-2.0"/>
        </c:expression-detailed>
      </c:licenses>
    </c:component>
  </c:components>
</c:bom>`;
    // (Compared with the expected result, not with the JSON importer: that one cannot load the 1.7
    // JSON schema, which refers to cryptography-defs.SNAPSHOT.schema.json.)
    expect(parseCycloneDxXml(xml)).toEqual({
      format: 'cyclonedx',
      specVersion: '1.7',
      authors: [],
      tools: [],
      components: [
        {
          ref: 'a',
          name: 'a',
          licences: ['MIT', 'Own licence', 'Apache-2.0 AND BSD-3-Clause'],
          hashes: [],
          dependsOn: [],
        },
      ],
    });
  });

  it('accepts "<!DOCTYPE" and "<!ENTITY" as text inside CDATA sections and comments', () => {
    const sbom = parseCycloneDxXml(
      bom(
        '1.5',
        `<!-- <!DOCTYPE x> --><components><component type="library"><name><![CDATA[<!ENTITY x "y">]]></name></component></components>`,
      ),
    );
    expect(sbom.components[0]!.name).toBe('<!ENTITY x "y">');
  });
});

describe('CycloneDX XML: hostile and broken documents', () => {
  const lolz = `<?xml version="1.0"?>
<!DOCTYPE bom [
  <!ENTITY lol "lol">
  ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n  ')}
]>
<bom xmlns="http://cyclonedx.org/schema/bom/1.4"><components><component type="library"><name>&lol9;</name></component></components></bom>`;

  it('refuses a billion-laughs document before parsing it', () => {
    const err = quickInputError(() => parseCycloneDxXml(lolz, 'lolz.xml'), 1000);
    expect(err.message).toBe(
      'lolz.xml: DTDs and entity declarations are not accepted (found "<!DOCTYPE" at line 2, column 1)',
    );
    expect(err.file).toBe('lolz.xml');
  });

  it('refuses external entities (XXE) and external DTDs', () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE bom [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<bom xmlns="http://cyclonedx.org/schema/bom/1.4"><components><component type="library"><name>&xxe;</name></component></components></bom>`;
    expect(quickInputError(() => parseCycloneDxXml(xxe, 'xxe.xml'), 1000).message).toMatch(
      /^xxe\.xml: DTDs and entity declarations are not accepted \(found "<!DOCTYPE" at line 2/,
    );
    const external = `<?xml version="1.0"?><!DOCTYPE bom SYSTEM "http://127.0.0.1:9/bom.dtd"><bom xmlns="http://cyclonedx.org/schema/bom/1.4"/>`;
    expect(quickInputError(() => parseCycloneDxXml(external), 1000).message).toMatch(
      /DTDs and entity declarations are not accepted/,
    );
    // An entity declaration anywhere else is refused the same way.
    const stray = bom('1.4', '<!ENTITY x "y"><components/>');
    expect(quickInputError(() => parseCycloneDxXml(stray), 1000).message).toMatch(
      /DTDs and entity declarations are not accepted \(found "<!ENTITY" at line 3, column 1\)/,
    );
  });

  it('resolves no entity but the predefined ones: an undeclared one is an error with its line', () => {
    const err = inputError(() =>
      parseCycloneDxXml(
        bom('1.4', '<components>\n<component type="library"><name>&foo;</name></component></components>'),
      ),
    );
    expect(err.message).toMatch(/^the input is not well-formed XML:\nline 4: Entity 'foo' not defined/);
  });

  it(`refuses nesting deeper than ${XML_MAX_DEPTH} elements (10,000 deep) before parsing`, () => {
    const deep = bom('1.4', `${'<x>'.repeat(10_000)}${'</x>'.repeat(10_000)}`);
    const err = quickInputError(() => parseCycloneDxXml(deep, 'deep.xml'), 1000);
    expect(err.message).toMatch(/^deep\.xml: nested deeper than 200 levels at line 3, column \d+$/);
  });

  it('reports a truncated document with the line where it stops', () => {
    const text = fixture('juice-shop_v11.1.2_bom.xml');
    const cut = text.slice(0, Math.floor(text.length / 2));
    const lastLine = cut.trimEnd().split('\n').length;
    const err = quickInputError(() => parseCycloneDxXml(cut, 'juice-shop.xml'), 20_000);
    expect(err.message).toMatch(/^juice-shop\.xml is not well-formed XML:\nline \d+: /);
    expect(err.message).toMatch(/is the file cut off\?/);
    expect(err.issues[0]!.path).toEqual([`line ${lastLine}`]);
  });

  it('refuses an unknown namespace, naming it and the supported versions', () => {
    const err = quickInputError(() => parseCycloneDxXml(bom('2.0', '<components/>'), 'future.xml'), 1000);
    expect(err.message).toBe(
      'future.xml: the XML namespace "http://cyclonedx.org/schema/bom/2.0" is not a supported CycloneDX namespace' +
        ' (supported: http://cyclonedx.org/schema/bom/1.X for CycloneDX 1.1–1.7)',
    );
    expect(inputError(() => parseCycloneDxXml('<bom><components/></bom>')).message).toMatch(
      /the <bom> element has no XML namespace \(supported: .*1\.1–1\.7\)/,
    );
    expect(inputError(() => parseCycloneDxXml('<project xmlns="urn:x"/>')).message).toMatch(
      /not a CycloneDX document \(the root element is <project>, expected <bom>\)/,
    );
  });

  it('refuses a schema violation with the line and the expected elements', () => {
    const text = bom(
      '1.4',
      '<components>\n<component type="library"><name>ok</name></component>\n<component type="library">\n<version>1.0</version>\n</component>\n</components>',
    );
    const err = quickInputError(() => parseCycloneDxXml(text, 'noname.xml'), 20_000);
    expect(err.message).toBe(
      'noname.xml is not valid CycloneDX 1.4 XML:\n' +
        "line 6: Element 'version': This element is not expected. Expected is one of ( supplier, author, publisher, group, name ).",
    );
    expect(err.issues).toEqual([{ path: ['line 6'], message: expect.stringMatching(/^Element 'version'/) }]);
    expect(err.file).toBe('noname.xml');
  });

  it('lists the first validation errors of the fixture with a wrong type, each with its line', () => {
    const text = fixture('laravel-7.12.0_bom.1.4.xml').replaceAll('type="library"', 'type="bogus"');
    const err = inputError(() => parseCycloneDxXml(text, 'laravel.xml'));
    expect(err.issues.length).toBe(20);
    expect(err.message).toMatch(/^laravel\.xml is not valid CycloneDX 1\.4 XML:\nline \d+: .*'bogus'/);
    expect(err.message).toMatch(/\n… and \d+ more$/);
  });

  it('refuses a bom-ref used twice (the XSD checks it) and an invalid purl', () => {
    const twice = bom(
      '1.4',
      '<components>\n<component type="library" bom-ref="x"><name>a</name></component>\n<component type="library" bom-ref="x"><name>b</name></component></components>',
    );
    expect(inputError(() => parseCycloneDxXml(twice, 'twice.xml')).message).toBe(
      "twice.xml is not valid CycloneDX 1.4 XML:\nline 5: Element 'component': Duplicate key-sequence ['x'] in unique identity-constraint 'bom-ref'.",
    );
    const purl = bom(
      '1.4',
      '<components><component type="library"><name>a</name><purl>pkg:/a@1</purl></component></components>',
    );
    expect(inputError(() => parseCycloneDxXml(purl)).message).toMatch(/invalid package URL "pkg:\/a@1"/);
  });
});
