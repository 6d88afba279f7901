/**
 * ArchiMate exchange-format importer: The Open Group's ArchiSurance model and Archi's Sample1 (both
 * as Archi exports them) import as processes, assets on their stack layers and dependencies, with
 * every element and relationship either mapped or counted as unmapped (checked against counts made
 * from the XML text without a parser); ids are stable across reads; the planner accepts every row.
 * A hand-made model covers properties, languages, every mapped type and every relationship shape;
 * another relationships through junctions (And, Or as a redundancy group, chains, dead ends).
 * Broken and hostile files — a relationship to a missing element, a DOCTYPE, another XML format, a
 * schema violation, deep nesting — give an InputError naming the file and the line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEPENDENCY_RELATIONS, LAYERS } from '../../domain/enums.js';
import { ID_PATTERN, parseRef } from '../../domain/ids.js';
import { ALLOWED_DEPENDENCIES } from '../../domain/kinds.js';
import { knowledgeIndex } from '../../knowledge/knowledge-base.js';
import { planImport } from '../import-plan.js';
import type { ImportContext, ImportRow, RegisterImport } from '../register-import.js';
import { XML_MAX_DEPTH } from '../xml-safety.js';
import { ELEMENT_RULES, RELATIONSHIP_RULES } from './archimate-mapping.js';
import {
  ARCHIMATE_MAX_BYTES,
  archimateId,
  archimateImporter,
  pickLanguage,
  placeProperties,
} from './archimate.importer.js';
import { rejectedInputError } from '../../../test/helpers/errors.js';
import { emptyRegister } from '../../../test/helpers/imports.js';

const kb = knowledgeIndex();
const context: ImportContext = { kb, at: new Date('2026-12-01T10:00:00Z') };
const fixturePath = (name: string) => new URL(`../../../test/fixtures/archimate/${name}`, import.meta.url);
const fixtureBytes = (name: string) => new Uint8Array(readFileSync(fixturePath(name)));
const fixtureText = (name: string) => readFileSync(fixturePath(name), 'utf8');
const read = (name: string) => archimateImporter.read(fixtureBytes(name), name, context);
const readText = (text: string, name = 'inline.xml') =>
  archimateImporter.read(new TextEncoder().encode(text), name, context);

/** Start tags of model elements and relationships, counted from the text without an XML parser. */
function countConcepts(xml: string) {
  const types = (tag: string) => {
    const byType = new Map<string, number>();
    for (const m of xml.matchAll(new RegExp(`<${tag}\\s[^>]*?xsi:type="([A-Za-z]+)"`, 'g')))
      byType.set(m[1]!, (byType.get(m[1]!) ?? 0) + 1);
    return byType;
  };
  const elements = types('element');
  const relationships = types('relationship');
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return { elements, relationships, elementTotal: sum(elements), relationshipTotal: sum(relationships) };
}

const rowsOf = (r: RegisterImport, key: ImportRow['key']) => r.rows.filter((row) => row.key === key);
const unmappedCount = (r: RegisterImport, pattern: RegExp) =>
  r.unmapped.filter((u) => pattern.test(u.what)).reduce((n, u) => n + u.count, 0);
const link = (row: ImportRow, field: string) => row.links!.find((l) => l.field === field)!;
const byElement = (r: RegisterImport, identifier: string) => r.rows.find((row) => row.at.element === identifier);

const model = (body: string, root = '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${root} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-m">\n` +
  `  <name xml:lang="en">Inline</name>\n${body}\n</model>\n`;

describe('ArchiMate: ArchiSurance (The Open Group example, as Archi exports it)', () => {
  const xml = fixtureText('archisurance.xml');
  const counted = countConcepts(xml);

  it('imports processes, assets on four stack layers and dependencies', async () => {
    const r = await read('archisurance.xml');
    expect(r.format).toBe('archimate');
    expect(r.source).toBe('archisurance.xml');
    const processes = rowsOf(r, 'process');
    const assets = rowsOf(r, 'asset');
    const byLayer = (layer: string) => assets.filter((a) => (a.spec.layers as string[]).includes(layer)).length;
    // BusinessProcess and BusinessFunction elements; application, technology and physical elements.
    const n = (t: string) => counted.elements.get(t) ?? 0;
    expect(processes).toHaveLength(n('BusinessProcess') + n('BusinessFunction'));
    expect(processes).toHaveLength(15);
    expect(byLayer('applications')).toBe(n('ApplicationComponent') + n('ApplicationService'));
    expect(byLayer('soft-infrastructure')).toBe(n('Node') + n('SystemSoftware') + n('TechnologyService'));
    expect(byLayer('hardware')).toBe(n('Device') + n('Equipment'));
    expect(byLayer('physical-infrastructure')).toBe(n('CommunicationNetwork') + n('Facility'));
    expect([byLayer('applications'), byLayer('soft-infrastructure'), byLayer('hardware')]).toEqual([13, 13, 5]);
    expect(byLayer('physical-infrastructure')).toBe(3);
    expect(rowsOf(r, 'dependency')).toHaveLength(24);
    expect(processes.find((p) => p.spec.name === 'Handle Claim')).toBeDefined();
    expect(assets.find((a) => a.spec.name === 'Home & Away Policy Administration')?.spec).toMatchObject({
      type: 'application',
      layers: ['applications'],
    });
  });

  it('maps or counts every element and relationship of the file', async () => {
    const r = await read('archisurance.xml');
    const mappedElements = rowsOf(r, 'process').length + rowsOf(r, 'asset').length;
    const unmappedElements = unmappedCount(r, /^ArchiMate element type /);
    const unmappedRelationships = unmappedCount(r, /relationship/);
    expect(mappedElements + unmappedElements).toBe(counted.elementTotal);
    expect(rowsOf(r, 'dependency').length + unmappedRelationships).toBe(counted.relationshipTotal);
    expect(unmappedElements + unmappedRelationships).toBe(r.unmapped.reduce((n, u) => n + u.count, 0));
    expect([counted.elementTotal, counted.relationshipTotal]).toEqual([122, 179]);
    // Per unmapped element type, the count is the file's.
    for (const u of r.unmapped.filter((x) => x.what.startsWith('ArchiMate element type '))) {
      const type = u.what.slice('ArchiMate element type '.length);
      expect(u.count, type).toBe(counted.elements.get(type));
      expect(ELEMENT_RULES[type]?.key, type).toBe('unmapped');
      expect(u.reason).not.toBe('');
      expect(u.examples.length).toBeGreaterThan(0);
      expect(u.examples.length).toBeLessThanOrEqual(5);
    }
    for (const type of ['Composition', 'Aggregation', 'Specialization', 'Triggering', 'Association'])
      expect(r.unmapped.find((u) => u.what === `ArchiMate relationship type ${type}`)?.count, type).toBe(
        counted.relationships.get(type),
      );
    // Flows between business functions cannot be process → process dependencies: counted, with why.
    const processToProcess = r.unmapped.find((u) =>
      /Flow relationships that would make a process depend on a process/.test(u.what),
    );
    expect(processToProcess?.count).toBeGreaterThan(0);
    expect(processToProcess?.reason).toMatch(/processes on assets/);
    // Views are not register content: noted, not unmapped.
    expect(r.unmapped.some((u) => /view|diagram/i.test(u.what))).toBe(false);
    expect(r.notes).toContainEqual(expect.stringMatching(/^18 views \(diagrams\) not imported/));
    expect(r.notes![0]).toBe('ArchiMate model "Archisurance" (id-11f5304f)');
  });

  it('locates every row at the line of its element or relationship', async () => {
    const r = await read('archisurance.xml');
    const lines = xml.split('\n');
    for (const row of r.rows) {
      expect(row.at.file).toBe('archisurance.xml');
      expect(lines[row.at.line! - 1]).toContain(`identifier="${row.at.element}"`);
    }
  });

  it('gives dependencies between rows of the import, in shapes Stapel allows, with known relations', async () => {
    const r = await read('archisurance.xml');
    const ids = new Map(r.rows.map((row) => [row.id, row.key]));
    for (const dep of rowsOf(r, 'dependency')) {
      expect(DEPENDENCY_RELATIONS).toContain(dep.spec.relation);
      const [from, to] = [link(dep, 'from'), link(dep, 'to')];
      expect(from.asRef && to.asRef).toBe(true);
      expect(ids.get(from.text)).toBe(from.kind);
      expect(ids.get(to.text)).toBe(to.kind);
      expect(ALLOWED_DEPENDENCIES[from.kind]).toContain(to.kind);
      expect(from.text).not.toBe(to.text);
    }
    // "Customer Data Access serves Handle Claim"-style edges: the served process is the consumer.
    const serving = /<relationship identifier="([^"]+)" source="([^"]+)" target="([^"]+)" xsi:type="Serving"/g;
    let checked = 0;
    for (const m of xml.matchAll(serving)) {
      const dep = r.rows.find((row) => row.key === 'dependency' && row.at.element === m[1]);
      if (!dep) continue;
      expect(link(dep, 'from').text).toBe(archimateId(m[3]!));
      expect(link(dep, 'to').text).toBe(archimateId(m[2]!));
      expect(dep.spec.relation).toBe('uses');
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('gives the same stable ids on every read, derived from the identifiers', async () => {
    const [a, b] = [await read('archisurance.xml'), await read('archisurance.xml')];
    expect(b.rows).toEqual(a.rows);
    for (const row of a.rows) {
      expect(row.id).toMatch(ID_PATTERN);
      expect(row.id).toBe(`am-${row.at.element!.toLowerCase()}`);
    }
    expect(new Set(a.rows.map((row) => `${row.key}:${row.id}`)).size).toBe(a.rows.length);
  });

  it('is accepted whole by the import planner', async () => {
    const r = await read('archisurance.xml');
    const plan = planImport(r, emptyRegister(), kb, context.at);
    expect(plan.counts.reject).toBe(0);
    expect(plan.counts.create).toBe(r.rows.length);
    const dep = plan.writes.find((w) => w.key === 'dependency')!.record as Record<string, string>;
    expect(parseRef(dep.from!)).toBeDefined();
    expect(parseRef(dep.to!)).toBeDefined();
  });
});

describe('ArchiMate: Sample1 (Archi test model)', () => {
  it('imports its process and counts the role and the assignment as unmapped', async () => {
    const xml = fixtureText('Sample1.xml');
    const counted = countConcepts(xml);
    const r = await read('Sample1.xml');
    expect(r.rows).toEqual([
      {
        key: 'process',
        id: 'am-id-89c22226',
        spec: { name: 'Sell Product', description: 'A description of the sell product process' },
        at: { file: 'Sample1.xml', line: 9, element: 'id-89c22226' },
      },
    ]);
    expect(r.unmapped.map((u) => [u.what, u.count, u.examples])).toEqual([
      ['ArchiMate element type BusinessRole', 1, ['Sales Person']],
      [
        'ArchiMate Assignment relationships with an end that is not mapped',
        1,
        ['Sales Person (BusinessRole) → Sell Product (BusinessProcess)'],
      ],
    ]);
    expect(1 + unmappedCount(r, /^ArchiMate element type/)).toBe(counted.elementTotal);
    expect(unmappedCount(r, /relationship/)).toBe(counted.relationshipTotal);
    expect(r.notes).toContainEqual(expect.stringMatching(/^0 views/));
  });
});

describe('ArchiMate: a hand-made model (properties, languages, every mapped type, every shape)', () => {
  it('keeps properties: asset tags Name=value up to 100 characters, the rest and all process ones in the description', async () => {
    const r = await read('handmade-properties.xml');
    const app = byElement(r, 'id-app-1')!;
    expect(app.spec.tags).toEqual(['Vendor=Acme B.V.']);
    expect(app.spec.description).toBe(
      'Holds every case file.\n\nProperties:\n- Note: This note is deliberately longer than one hundred characters so ' +
        'that it cannot be an asset tag at all.',
    );
    const process = byElement(r, 'id-Proc-1')!;
    expect(process.spec).toEqual({
      name: 'Vergunningen verlenen',
      description: 'Behandelt vergunningaanvragen.\n\nProperties:\n- Owner: Team Vergunningen',
    });
    const serving = byElement(r, 'id-rel-serve')!;
    expect(serving.spec.description).toBe('permit handling\n\nProperties:\n- Note: critical in spring');
  });

  it('reads names in Dutch, else English, else the first language, and decodes entities', async () => {
    const r = await read('handmade-properties.xml');
    expect(byElement(r, 'id-Proc-1')!.spec.name).toBe('Vergunningen verlenen');
    expect(byElement(r, 'id-func-1')!.spec.name).toBe('Steuern');
    expect(byElement(r, 'id-app-1')!.spec.name).toBe('Case system & archive');
    expect(r.notes![0]).toBe('ArchiMate model "Gemeente" (id-model)');
  });

  it('gives each mapped element type its kind, asset type and layer', async () => {
    const r = await read('handmade-properties.xml');
    const of = (id: string) => {
      const row = byElement(r, id)!;
      return [row.key, row.spec.type, row.spec.layers];
    };
    expect(of('id-Proc-1')).toEqual(['process', undefined, undefined]);
    expect(of('id-func-1')).toEqual(['process', undefined, undefined]);
    expect(of('id-app-1')).toEqual(['asset', 'application', ['applications']]);
    expect(of('id-appsvc-1')).toEqual(['asset', 'application', ['applications']]);
    expect(of('id-node-1')).toEqual(['asset', 'platform', ['soft-infrastructure']]);
    expect(of('id-sw-1')).toEqual(['asset', 'platform', ['soft-infrastructure']]);
    expect(of('id-techsvc-1')).toEqual(['asset', 'platform', ['soft-infrastructure']]);
    expect(of('id-dev-1')).toEqual(['asset', 'hardware', ['hardware']]);
    expect(of('id-eq-1')).toEqual(['asset', 'hardware', ['hardware']]);
    expect(of('id-net-1')).toEqual(['asset', 'network', ['physical-infrastructure']]);
    expect(of('id-fac-1')).toEqual(['asset', 'facility', ['physical-infrastructure']]);
    // Ids are lower-cased identifiers.
    expect(byElement(r, 'id-Proc-1')!.id).toBe('am-id-proc-1');
  });

  it('points each dependency from the consumer to the provider', async () => {
    const r = await read('handmade-properties.xml');
    const edge = (id: string) => {
      const dep = byElement(r, id)!;
      return `${link(dep, 'from').kind}:${link(dep, 'from').text} -${String(dep.spec.relation)}-> ${link(dep, 'to').kind}:${link(dep, 'to').text}`;
    };
    // Case service serves the process: the process uses the service.
    expect(edge('id-rel-serve')).toBe('process:am-id-proc-1 -uses-> asset:am-id-appsvc-1');
    // The component realizes the service: the service runs on the component.
    expect(edge('id-rel-realize')).toBe('asset:am-id-appsvc-1 -runs-on-> asset:am-id-app-1');
    // The device is assigned to the system software: the software runs on the device.
    expect(edge('id-rel-assign')).toBe('asset:am-id-sw-1 -runs-on-> asset:am-id-dev-1');
    // The software flows to the component: the component depends on what it receives.
    expect(edge('id-rel-flow')).toBe('asset:am-id-app-1 -uses-> asset:am-id-sw-1');
    expect(edge('id-rel-net')).toBe('asset:am-id-node-1 -uses-> asset:am-id-net-1');
    expect(edge('id-rel-fac')).toBe('asset:am-id-dev-1 -uses-> asset:am-id-fac-1');
    expect(edge('id-rel-node-svc')).toBe('asset:am-id-techsvc-1 -runs-on-> asset:am-id-node-1');
  });

  it('counts relationships it cannot map by why: wrong shape, self, repeated, junction or relationship ends', async () => {
    const r = await read('handmade-properties.xml');
    const counts = Object.fromEntries(r.unmapped.map((u) => [u.what, u.count]));
    expect(counts).toEqual({
      'ArchiMate element type BusinessActor': 1,
      'ArchiMate element type DataObject': 1,
      'ArchiMate element type OrJunction': 1,
      'ArchiMate Serving relationships repeating a dependency of an earlier relationship': 1,
      'ArchiMate Access relationships with an end that is not mapped': 1,
      'ArchiMate Serving relationships that would make an asset depend on a process': 1,
      'ArchiMate Serving relationships from an element to itself': 1,
      'ArchiMate Flow relationships that would make a process depend on a process': 1,
      'ArchiMate Serving relationships with an end that is not mapped': 1,
      'ArchiMate Serving relationships through a junction that give no dependency': 1,
      'ArchiMate relationship type Association': 2,
    });
    const counted = countConcepts(fixtureText('handmade-properties.xml'));
    expect(rowsOf(r, 'process').length + rowsOf(r, 'asset').length + unmappedCount(r, /^ArchiMate element/)).toBe(
      counted.elementTotal,
    );
    expect(rowsOf(r, 'dependency').length + unmappedCount(r, /relationship/)).toBe(counted.relationshipTotal);
    const repeated = r.unmapped.find((u) => u.what.includes('repeating'))!;
    expect(repeated.examples).toEqual([
      'Case system & archive (ApplicationComponent) → Case service (ApplicationService) (as id-rel-realize)',
    ]);
    const plan = planImport(r, emptyRegister(), kb, context.at);
    expect(plan.counts.reject).toBe(0);
  });

  it('follows relationships through junctions: And joins, Or gives alternatives, chains are walked', async () => {
    const r = await read('junctions.xml');
    const deps = rowsOf(r, 'dependency').map((d) => ({
      id: d.id,
      edge: `${link(d, 'from').text} -${String(d.spec.relation)}-> ${link(d, 'to').text}`,
      group: d.spec.redundancyGroup,
      line: d.at.line,
    }));
    expect(deps).toEqual([
      // Two applications serve the process through an And-junction: both are needed.
      { id: 'am-id-r-a-and-id-r-and-proc', edge: 'am-id-proc -uses-> am-id-app-a', group: undefined, line: 40 },
      { id: 'am-id-r-b-and-id-r-and-proc', edge: 'am-id-proc -uses-> am-id-app-b', group: undefined, line: 41 },
      // Either node realizes the portal (Or-junction): one redundancy group, named after the junction.
      { id: 'am-id-r-n1-or-id-r-or-c', edge: 'am-id-app-c -runs-on-> am-id-node-1', group: 'am-id-or', line: 46 },
      { id: 'am-id-r-n2-or-id-r-or-c', edge: 'am-id-app-c -runs-on-> am-id-node-2', group: 'am-id-or', line: 47 },
      // Two junctions in a row.
      {
        id: 'am-id-r-c-chain-id-r-chain-id-r-chain-proc',
        edge: 'am-id-proc -uses-> am-id-app-c',
        group: undefined,
        line: 49,
      },
    ]);
    const and = rowsOf(r, 'dependency')[0]!;
    expect(and.spec.description).toBe(
      'benefit payments\n\nThrough id-and (AndJunction); relationships id-r-a-and, id-r-and-proc',
    );
    // What gives no dependency is counted once per relationship, with why.
    const through = r.unmapped.filter((u) => u.what.includes('through a junction'));
    expect(through.map((u) => [u.what, u.count])).toEqual([
      ['ArchiMate Serving relationships through a junction that give no dependency', 3],
      ['ArchiMate Flow relationships through a junction that give no dependency', 1],
    ]);
    expect(through[0]!.examples).toEqual([
      'Benefits system (ApplicationComponent) → id-and (AndJunction) → Payment file (DataObject): with an end that is not mapped',
      'Benefits system (ApplicationComponent) → id-mixed (OrJunction): the junction joins it only to relationships of another type',
      'Payment gateway (ApplicationComponent) → id-dead (AndJunction): the junction joins it to no relationship on its other side',
    ]);
    // Every relationship is accounted for: joined into a dependency or counted.
    const counted = countConcepts(fixtureText('junctions.xml'));
    expect(r.notes?.[1]).toContain('5 dependencies imported (9 relationships joined through junctions)');
    expect(9 + unmappedCount(r, /relationship/)).toBe(counted.relationshipTotal);
    expect(rowsOf(r, 'asset').length + rowsOf(r, 'process').length + unmappedCount(r, /^ArchiMate element/)).toBe(
      counted.elementTotal,
    );
    const plan = planImport(r, emptyRegister(), kb, context.at);
    expect(plan.counts).toMatchObject({ create: 11, reject: 0 });
  });

  it('does not group alternatives a consumer reaches through an Or-junction only once', async () => {
    const r = await readText(
      model(`  <elements>
    <element identifier="id-a" xsi:type="ApplicationComponent"><name xml:lang="en">A</name></element>
    <element identifier="id-p" xsi:type="BusinessProcess"><name xml:lang="en">P</name></element>
    <element identifier="id-q" xsi:type="BusinessProcess"><name xml:lang="en">Q</name></element>
    <element identifier="id-or" xsi:type="OrJunction" />
  </elements>
  <relationships>
    <relationship identifier="id-1" source="id-a" target="id-or" xsi:type="Serving" />
    <relationship identifier="id-2" source="id-or" target="id-p" xsi:type="Serving" />
    <relationship identifier="id-3" source="id-or" target="id-q" xsi:type="Serving" />
  </relationships>`),
    );
    // "A serves P or Q": each process that A serves needs A; no alternative to A is modelled.
    expect(
      rowsOf(r, 'dependency').map((d) => [link(d, 'from').text, link(d, 'to').text, d.spec.redundancyGroup]),
    ).toEqual([
      ['am-id-p', 'am-id-a', undefined],
      ['am-id-q', 'am-id-a', undefined],
    ]);
  });

  it('reads a document that writes the ArchiMate namespace with a prefix', async () => {
    const r = await readText(
      `<?xml version="1.0" encoding="UTF-8"?>
<a:model xmlns:a="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-m">
  <a:name xml:lang="en">Prefixed</a:name>
  <a:elements>
    <a:element identifier="id-app" xsi:type="a:ApplicationComponent"><a:name xml:lang="en">App</a:name></a:element>
    <a:element identifier="id-proc" xsi:type="a:BusinessProcess"><a:name xml:lang="en">Proc</a:name></a:element>
  </a:elements>
  <a:relationships>
    <a:relationship identifier="id-r" source="id-app" target="id-proc" xsi:type="a:Serving" />
  </a:relationships>
</a:model>
`,
    );
    expect(r.rows.map((row) => [row.key, row.id, row.at.line])).toEqual([
      ['asset', 'am-id-app', 5],
      ['process', 'am-id-proc', 6],
      ['dependency', 'am-id-r', 9],
    ]);
  });

  it('reports an element with an empty name as a problem of its row', async () => {
    const r = await readText(
      model('<elements><element identifier="id-x" xsi:type="Node"><name xml:lang="en"></name></element></elements>'),
    );
    expect(r.rows[0]!.problems).toEqual([{ field: 'name', message: 'the Node id-x has no name in the model' }]);
    expect(r.rows[0]!.spec.name).toBeUndefined();
  });
});

describe('ArchiMate: broken and hostile files', () => {
  it('refuses a relationship to a missing element, naming the relationship, file and line', async () => {
    const err = await rejectedInputError(read('broken-missing-target.xml'));
    expect(err.file).toBe('broken-missing-target.xml');
    expect(err.message).toContain(
      'broken-missing-target.xml, line 15: relationship id-dangling: its target "id-deleted-element" is not an element or relationship of the model',
    );
    expect(err.issues).toEqual([
      {
        path: ['line 15'],
        message:
          'relationship id-dangling: its target "id-deleted-element" is not an element or relationship of the model',
      },
    ]);
  });

  it('refuses a DOCTYPE with an entity before any parser or validator sees it', async () => {
    const start = performance.now();
    const err = await rejectedInputError(read('broken-doctype.xml'));
    expect(performance.now() - start).toBeLessThan(200);
    expect(err.message).toBe(
      'broken-doctype.xml: DTDs and entity declarations are not accepted (found "<!DOCTYPE" at line 2, column 1)',
    );
  });

  it('refuses another XML format, and the ArchiMate 2 exchange format, saying what it expected', async () => {
    const err = await rejectedInputError(read('not-archimate.xml'));
    expect(err.message).toMatch(
      /^not-archimate\.xml: not an ArchiMate 3\.x exchange file \(the root element is <bom>\)/,
    );
    expect(err.message).toContain('http://www.opengroup.org/xsd/archimate/3.0/');
    const old = await rejectedInputError(
      readText(model('', '<model xmlns="http://www.opengroup.org/xsd/archimate"'), 'old.xml'),
    );
    expect(old.message).toMatch(/ArchiMate 2\.x exchange format; export it from your tool as ArchiMate 3\.x/);
    const text = await rejectedInputError(readText('Name;Type\nMail;saas\n', 'register.xml'));
    expect(text.message).toMatch(/^register\.xml: not an XML document with a root element/);
  });

  it('refuses a schema violation with the file, line and libxml2 message', async () => {
    const err = await rejectedInputError(read('broken-schema.xml'));
    expect(err.message).toMatch(/^broken-schema\.xml is not a valid ArchiMate exchange file:\n/);
    expect(err.message).toContain("broken-schema.xml, line 6: Element 'element', attribute");
    expect(err.message).toContain("'ApplicationThing'");
    expect(err.issues).toContainEqual({
      path: ['line 9'],
      message: "Element 'element': Missing child element(s). Expected is ( name ).",
    });
  });

  it('refuses text that is not well-formed, and nesting deeper than the limit', async () => {
    const cut = await rejectedInputError(
      readText(model('<elements><element identifier="id-x" xsi:type="Node">'), 'cut.xml'),
    );
    expect(cut.message).toMatch(/^cut\.xml is not well-formed XML:\ncut\.xml, line \d+: /);
    const deep = model(`<documentation>${'<x>'.repeat(XML_MAX_DEPTH + 5)}`);
    const err = await rejectedInputError(readText(deep, 'deep.xml'));
    expect(err.message).toMatch(/^deep\.xml: nested deeper than 200 levels at line 4/);
  });

  it('refuses files over the size limit and text that is not UTF-8', async () => {
    const big = await rejectedInputError(
      archimateImporter.read(new Uint8Array(ARCHIMATE_MAX_BYTES + 1), 'big.xml', context),
    );
    expect(big.message).toMatch(/^big\.xml is larger than the limit/);
    const latin = await rejectedInputError(
      archimateImporter.read(new Uint8Array([0x3c, 0xe9, 0x3e]), 'latin.xml', context),
    );
    expect(latin.message).toMatch(/^latin\.xml: not UTF-8/);
  });
});

describe('ArchiMate: sniffing, the mapping table and helpers', () => {
  it('claims .xml files and files with the exchange namespace near the start', () => {
    const head = fixtureBytes('Sample1.xml').subarray(0, 512);
    expect(archimateImporter.sniff('model.xml', new Uint8Array())).toBe(true);
    expect(archimateImporter.sniff('export.MODEL', head)).toBe(true);
    expect(archimateImporter.sniff('register.csv', new TextEncoder().encode('Naam;Type\n'))).toBe(false);
  });

  it('has a rule for every element and relationship type of the exchange-format schema', () => {
    const xsd = readFileSync(new URL('./xsd/archimate3_Model.xsd', import.meta.url), 'utf8');
    const types = [
      ...xsd.matchAll(/complexType name="(\w+)">\s*<xs:complexContent>\s*<xs:extension base="(\w+)"/g),
    ].map((m) => ({ name: m[1]!, base: m[2]! }));
    const elementTypes = types.filter((t) =>
      ['RealElementType', 'CompositeType', 'RelationshipConnectorType'].includes(t.base),
    );
    const relationshipTypes = types.filter((t) => t.base === 'RelationshipType');
    expect(elementTypes.length).toBe(62);
    expect(relationshipTypes.length).toBe(11);
    for (const t of elementTypes) expect(ELEMENT_RULES[t.name], t.name).toBeDefined();
    for (const t of relationshipTypes) expect(RELATIONSHIP_RULES[t.name], t.name).toBeDefined();
    expect(Object.keys(ELEMENT_RULES).sort()).toEqual(elementTypes.map((t) => t.name).sort());
    for (const rule of Object.values(ELEMENT_RULES))
      if (rule.key === 'asset') for (const layer of rule.layers) expect(LAYERS).toContain(layer);
  });

  it('prefers Dutch, then English, then the first language, ignoring empty texts', () => {
    expect(pickLanguage([])).toBeUndefined();
    expect(pickLanguage([{ text: 'only' }])).toBe('only');
    expect(
      pickLanguage([
        { lang: 'en', text: 'Mail' },
        { lang: 'nl', text: 'Post' },
      ]),
    ).toBe('Post');
    expect(
      pickLanguage([
        { lang: 'de', text: 'Post' },
        { lang: 'en-GB', text: 'Mail' },
      ]),
    ).toBe('Mail');
    expect(
      pickLanguage([
        { lang: 'de', text: 'Post' },
        { lang: 'fr', text: 'Courrier' },
      ]),
    ).toBe('Post');
    expect(
      pickLanguage([
        { lang: 'nl', text: '' },
        { lang: 'en', text: 'Mail' },
      ]),
    ).toBe('Mail');
  });

  it('places properties as tags when they fit, otherwise in the description', () => {
    const long = 'x'.repeat(100);
    expect(
      placeProperties(
        [
          { name: 'Owner', value: 'IT' },
          { name: 'Owner', value: 'IT' },
          { name: 'Flag', value: '' },
          { name: 'Note', value: long },
          { name: 'Lines', value: 'a\nb' },
        ],
        true,
      ),
    ).toEqual({ tags: ['Owner=IT', 'Flag'], described: [`- Note: ${long}`, '- Lines: a\nb'] });
    expect(placeProperties([{ name: 'Owner', value: 'IT' }], false)).toEqual({ tags: [], described: ['- Owner: IT'] });
  });
});
