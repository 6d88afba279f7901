/**
 * Reads an ArchiMate model in The Open Group's Open Exchange Format (ArchiMate 3.x, the XML the Archi
 * tool and others export) as register rows: business processes and functions become processes;
 * application, technology and physical elements become assets on their stack layer; serving,
 * realization, assignment, access and flow relationships become dependencies from consumer to
 * provider. What has no place in the register is counted in `unmapped` with the reason
 * (archimate-mapping.ts holds the table). Views are drawings of the model and only counted in notes.
 *
 * Untrusted XML is handled in this order:
 * 1. a size limit;
 * 2. the lexical pass of xml-safety.ts (no parser yet): no DOCTYPE, so no DTD or entity of any kind,
 *    and no nesting deeper than XML_MAX_DEPTH; it also notes the line of every element and
 *    relationship, for locating rows and schema errors;
 * 3. the root must be <model> in the exchange-format namespace;
 * 4. validation against the exchange-format XSD (archimate3_Diagram.xsd, which includes the View and
 *    Model schemas; Dublin Core for <metadata>) by libxml2 compiled to WebAssembly (xmllint-wasm),
 *    with --nonet, inside an in-memory file system holding only the document and the schemas. The
 *    schema's keyrefs check that every relationship's source and target is an element or
 *    relationship of the model;
 * 5. fast-xml-parser with entity processing off builds the tree; the five predefined entities and
 *    character references are decoded here, nothing else can occur once steps 2 and 4 passed.
 */
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { ALLOWED_DEPENDENCIES } from '../../domain/kinds.js';
import { InputError } from '../../domain/errors.js';
import { slugId, type RefKind } from '../../domain/ids.js';
import type { ImportRow, RegisterImport, RegisterImporter, SourceLocation, Unmapped } from '../register-import.js';
import { safeXmlParser, scanXml, XML_MAX_DEPTH } from '../xml-safety.js';
import { kid, kids, xmlElements, type OrderedNode, type XmlElement } from '../xml-tree.js';
import { unvalidatedError, xmllintFindings, xmlRejection, type XmlFinding } from '../xml-validation.js';
import {
  ELEMENT_RULES,
  RELATIONSHIP_RULES,
  TYPE_REFINEMENTS,
  UNKNOWN_ELEMENT_REASON,
  UNKNOWN_RELATIONSHIP_REASON,
  type ElementRule,
  type RelationshipRule,
} from './archimate-mapping.js';
import { walkJunctions, type RelationshipEnds } from './junctions.js';

export const ARCHIMATE_NAMESPACE = 'http://www.opengroup.org/xsd/archimate/3.0/';
/** The namespace of the ArchiMate 2.x exchange format, named in the error for such files. */
const ARCHIMATE_2_NAMESPACE = 'http://www.opengroup.org/xsd/archimate';

/**
 * Largest model accepted. Exchange files of large enterprise models are tens of megabytes; libxml2
 * holds the document as a tree several times its size during validation.
 */
export const ARCHIMATE_MAX_BYTES = 64 * 1024 * 1024;
/** Prefix of every id this importer derives, so ArchiMate-born records are recognisable. */
export const ARCHIMATE_ID_PREFIX = 'am';
/** The most tags an asset can have (the asset schema's list limit); further properties go to the description. */
const MAX_TAGS = 1000;
/** The longest tag the asset schema accepts. */
const MAX_TAG_LENGTH = 100;
const MAX_EXAMPLES = 5;
/** How far into the file sniff looks for the namespace. */
const SNIFF_BYTES = 4096;

/* ------------------------------------------------------------------------------------------------
 * Small pure helpers.
 * --------------------------------------------------------------------------------------------- */

/**
 * The register id of an element or relationship: its exchange-format identifier, lower-cased and
 * made to fit the id pattern, prefixed "am-". Identifiers are kept by Archi across exports, so
 * re-importing a model updates the records it made before.
 */
export function archimateId(identifier: string): string {
  return slugId(identifier, ARCHIMATE_ID_PREFIX);
}

/** A text in one language, as the exchange format writes names, documentation and values. */
export interface LangText {
  lang?: string;
  text: string;
}

/**
 * The text to use from a multi-language name, documentation or value: Dutch if the model has it
 * (Stapel's users are Dutch organisations), else English, else the first one written.
 */
export function pickLanguage(texts: readonly LangText[]): string | undefined {
  const usable = texts.filter((t) => t.text !== '');
  if (usable.length <= 1) return usable[0]?.text;
  const of = (lang: string) => usable.find((t) => t.lang?.toLowerCase().split('-')[0] === lang);
  return (of('nl') ?? of('en') ?? usable[0])!.text;
}

/**
 * Where properties go. An asset keeps each as a tag "Name=value" when that fits a tag (100
 * characters, one line) so it stays searchable and filterable; a longer one goes into the
 * description, as do all properties of a process, which has no tags field. Nothing is dropped.
 */
export function placeProperties(
  properties: readonly { name: string; value: string }[],
  withTags: boolean,
): { tags: string[]; described: string[] } {
  const tags: string[] = [];
  const described: string[] = [];
  for (const { name, value } of properties) {
    const tag = value === '' ? name : `${name}=${value}`;
    if (withTags && tag.length <= MAX_TAG_LENGTH && !/[\r\n]/.test(tag) && tags.length < MAX_TAGS) {
      if (!tags.includes(tag)) tags.push(tag);
    } else described.push(`- ${name}: ${value}`);
  }
  return { tags, described };
}

/* ------------------------------------------------------------------------------------------------
 * Steps 2 and 3: the lexical pass, locating elements and relationships, and the root element.
 * --------------------------------------------------------------------------------------------- */

interface Located {
  root?: string;
  /** Line of each element's and relationship's start tag, by identifier. */
  lines: Map<string, number>;
  /** Relationship start tags in document order, for naming the relationship of a schema error. */
  relationships: { line: number; identifier: string }[];
}

const CONCEPT_TAG = /^<(?:[A-Za-z_][\w.-]*:)?(element|relationship)[\s/>]/;
const IDENTIFIER_ATTR = /\sidentifier\s*=\s*(?:"([^"]*)"|'([^']*)')/;

function scanAndLocate(text: string, file: string): Located {
  const located: Located = { lines: new Map(), relationships: [] };
  let lineAt = 0;
  let line = 1;
  const { root } = scanXml(text, XML_MAX_DEPTH, file, (start, end) => {
    const kind = CONCEPT_TAG.exec(text.slice(start, start + 40))?.[1];
    if (!kind) return;
    const m = IDENTIFIER_ATTR.exec(text.slice(start, end));
    if (!m) return;
    for (let nl = text.indexOf('\n', lineAt); nl !== -1 && nl < start; nl = text.indexOf('\n', nl + 1)) line++;
    lineAt = start;
    const identifier = m[1] ?? m[2]!;
    if (!located.lines.has(identifier)) located.lines.set(identifier, line);
    if (kind === 'relationship') located.relationships.push({ line, identifier });
  });
  located.root = root;
  return located;
}

function checkRoot(root: string | undefined, file: string): void {
  const expected = `an ArchiMate Open Exchange Format file (<model xmlns="${ARCHIMATE_NAMESPACE}">, as Archi exports it)`;
  if (!root) throw new InputError(`${file}: not an XML document with a root element; expected ${expected}`, [], file);
  const name = /^<([^\s/>]+)/.exec(root)?.[1] ?? '';
  const [prefix, local] = name.includes(':') ? name.split(':', 2) : ['', name];
  const xmlns = prefix ? `xmlns:${prefix}` : 'xmlns';
  let namespace: string | undefined;
  for (const m of root.matchAll(/\s([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    if (m[1] === xmlns) namespace = m[2] ?? m[3];
  if (local === 'model' && namespace === ARCHIMATE_NAMESPACE) return;
  const found =
    local !== 'model'
      ? `the root element is <${name}>`
      : namespace?.replace(/\/$/, '') === ARCHIMATE_2_NAMESPACE
        ? 'it is in the ArchiMate 2.x exchange format; export it from your tool as ArchiMate 3.x'
        : `the <model> element's namespace is ${namespace === undefined ? 'missing' : `"${namespace}"`}`;
  throw new InputError(
    `${file}: not an ArchiMate 3.x exchange file (${found}); expected ${expected}`,
    [{ path: [name || '(root)'], message: `expected <model> in namespace ${ARCHIMATE_NAMESPACE}` }],
    file,
  );
}

/* ------------------------------------------------------------------------------------------------
 * Step 4: validation against the exchange-format XSD.
 * --------------------------------------------------------------------------------------------- */

/** The name the document has inside the validator; the user's file name goes into messages instead. */
const DOC_NAME = 'input.xml';
const SCHEMA_FILES = [
  'archimate3_Diagram.xsd',
  'archimate3_View.xsd',
  'archimate3_Model.xsd',
  'dc.xsd',
  'xml.xsd',
] as const;
/**
 * The schema xmllint is given: the Diagram schema (what Archi's xsi:schemaLocation names; it
 * includes View and Model) plus Dublin Core, which <metadata> uses and whose elements the schema's
 * strict wildcard demands a declaration for — Archi's files name both in xsi:schemaLocation.
 */
const DRIVER_SCHEMA = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${ARCHIMATE_NAMESPACE}" elementFormDefault="qualified">
  <xs:include schemaLocation="archimate3_Diagram.xsd"/>
  <xs:import namespace="http://purl.org/dc/elements/1.1/" schemaLocation="dc.xsd"/>
</xs:schema>
`;

let schemas: { fileName: string; contents: string }[] | undefined;
/**
 * The shipped schemas, read once. The Model and Dublin Core schemas import the XML namespace schema
 * from w3.org; with --nonet that cannot load, so the reference points to the shipped copy instead.
 */
function schemaFiles(): { fileName: string; contents: string }[] {
  schemas ??= SCHEMA_FILES.map((fileName) => ({
    fileName,
    contents: readFileSync(new URL(`./xsd/${fileName}`, import.meta.url), 'utf8').replace(
      /schemaLocation="http:\/\/www\.w3\.org\/2001\/(?:03\/)?xml\.xsd"/g,
      'schemaLocation="xml.xsd"',
    ),
  }));
  return schemas;
}

/** The located lines of xmllint's output: "input.xml:12: <message>" → line 12 and the message. */
function outputIssues(output: string): XmlFinding[] {
  return xmllintFindings(output, DOC_NAME, /\{http:\/\/www\.opengroup\.org\/xsd\/archimate\/3\.0\/\}/g);
}

/** The relationship whose start tag is at or before `line` (libxml2 reports the line its start tag ends on). */
function relationshipAt(located: Located, line: number): { line: number; identifier: string } | undefined {
  let found: { line: number; identifier: string } | undefined;
  for (const r of located.relationships) {
    if (r.line > line) break;
    found = r;
  }
  return found;
}

/**
 * Rewrites libxml2's messages about relationship ends — a keyref (SourceRef/TargetRef) that matched
 * no element or relationship, an IDREF to no ID — into one that names the relationship, at the line
 * where it starts.
 */
function explain(found: XmlFinding, located: Located): XmlFinding {
  const keyref = /No match found for key-sequence \['([^']*)'\] of keyref '(SourceRef|TargetRef)'/.exec(found.message);
  const idref = /attribute '?(source|target)'?.*unknown ID '([^']*)'/i.exec(found.message);
  if (!keyref && !idref) return found;
  const end = keyref ? (keyref[2] === 'SourceRef' ? 'source' : 'target') : idref![1]!;
  const ref = keyref ? keyref[1]! : idref![2]!;
  const rel = relationshipAt(located, found.line);
  return {
    ...found,
    line: rel?.line ?? found.line,
    message: `relationship ${rel?.identifier ?? '(unknown)'}: its ${end} "${ref}" is not an element or relationship of the model`,
  };
}

async function validate(text: string, file: string, located: Located): Promise<void> {
  // The text is already decoded: the validator gets it as UTF-8 whatever the declaration said.
  const utf8 = new TextEncoder().encode(text.replace(/^(<\?xml[^>]*?\sencoding\s*=\s*)(["'])[^"']*\2/, '$1"UTF-8"'));
  // WebAssembly memory grows as needed up to this bound (64 KiB pages).
  const mib = Math.min(4095, Math.ceil((utf8.byteLength * 10) / 2 ** 20) + 256);
  let result: { valid: boolean; rawOutput: string };
  try {
    result = await validateXML({
      xml: [{ fileName: DOC_NAME, contents: utf8 }],
      schema: [{ fileName: 'exchange.xsd', contents: DRIVER_SCHEMA }],
      preload: schemaFiles(),
      initialMemoryPages: 16 * 64,
      maxMemoryPages: 16 * mib,
      // On top of xmllint's defaults, which neither substitute entities nor load DTDs.
      modifyArguments: (args) => ['--nonet', ...args],
    });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const output = String((err as Error).message ?? err);
    if (code === 5) throw new Error(`The ArchiMate exchange-format schema did not load: ${output}`);
    throw unvalidatedError(file, output);
  }
  if (result.valid) return;
  const found = outputIssues(result.rawOutput);
  if (!found.length) throw unvalidatedError(file, result.rawOutput);
  throw xmlRejection(
    text,
    found.map((f) => explain(f, located)),
    file,
    'a valid ArchiMate exchange file',
    true,
  );
}

/* ------------------------------------------------------------------------------------------------
 * Step 5: the element tree, exchange-format namespace only.
 * --------------------------------------------------------------------------------------------- */

const parser = safeXmlParser();

const langTexts = (el: XmlElement | undefined, name: string): LangText[] =>
  kids(el, name).map((c) => ({ lang: c.attrs['xml:lang'], text: c.text }));
/** The type without a namespace prefix (xsi:type="archimate:Node" in a prefixed document). */
const typeOf = (el: XmlElement) => (el.attrs['xsi:type'] ?? '').replace(/^[^:]*:/, '');

/* ------------------------------------------------------------------------------------------------
 * Mapping.
 * --------------------------------------------------------------------------------------------- */

/** An element or relationship of the model, as far as mapping needs it. */
interface Concept {
  identifier: string;
  type: string;
  isRelationship: boolean;
  name?: string;
  /** The register kind and row id it became, if it became one. */
  kind?: RefKind;
  rowId?: string;
}

/** Counts what is not mapped by what it is, keeping the first reason and five examples. */
class UnmappedTally {
  private readonly byWhat = new Map<string, Unmapped>();
  add(what: string, example: string, reason: string): void {
    let u = this.byWhat.get(what);
    if (!u) this.byWhat.set(what, (u = { what, count: 0, examples: [], reason }));
    u.count++;
    if (u.examples.length < MAX_EXAMPLES && !u.examples.includes(example)) u.examples.push(example);
  }
  list(): Unmapped[] {
    return [...this.byWhat.values()];
  }
}

const JUNCTION_TYPES: ReadonlySet<string> = new Set(['AndJunction', 'OrJunction']);

/** A relationship, or a path of relationships through junctions, that may become a dependency. */
interface Candidate {
  type: string;
  rule: Extract<RelationshipRule, { key: 'dependency' }>;
  source: string;
  target: string;
  relationships: string[];
  junctions: string[];
}

const article = (kind: string) => `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
const conceptLabel = (c: Concept) => `${c.name ?? c.identifier} (${c.type})`;

function propertiesOf(el: XmlElement, definitions: ReadonlyMap<string, string>): { name: string; value: string }[] {
  return kids(kid(el, 'properties'), 'property').map((p) => {
    const ref = p.attrs.propertyDefinitionRef ?? '';
    return { name: definitions.get(ref) ?? ref, value: pickLanguage(langTexts(p, 'value')) ?? '' };
  });
}

const joinText = (...parts: (string | undefined)[]) => parts.filter(Boolean).join('\n\n') || undefined;

function elementRow(
  el: XmlElement,
  concept: Concept,
  rule: Exclude<ElementRule, { key: 'unmapped' }>,
  definitions: ReadonlyMap<string, string>,
  at: SourceLocation,
): ImportRow {
  const documentation = pickLanguage(langTexts(el, 'documentation'));
  const { tags, described } = placeProperties(propertiesOf(el, definitions), rule.key === 'asset');
  const spec: Record<string, unknown> = {};
  if (concept.name !== undefined) spec.name = concept.name;
  if (rule.key === 'asset') {
    spec.type = rule.type;
    spec.layers = [...rule.layers];
  }
  const description = joinText(documentation, described.length ? `Properties:\n${described.join('\n')}` : undefined);
  if (description !== undefined) spec.description = description;
  if (tags.length) spec.tags = tags;
  const row: ImportRow = { key: rule.key, id: concept.rowId, spec, at };
  const refinements = rule.key === 'asset' ? TYPE_REFINEMENTS[rule.type] : undefined;
  if (refinements) row.refinements = { type: refinements };
  if (concept.name === undefined)
    row.problems = [{ field: 'name', message: `the ${concept.type} ${concept.identifier} has no name in the model` }];
  return row;
}

/* ------------------------------------------------------------------------------------------------ */

/** Reads an ArchiMate exchange file (see the module comment for the steps). */
export async function readArchimate(bytes: Uint8Array, source: string): Promise<RegisterImport> {
  if (bytes.byteLength > ARCHIMATE_MAX_BYTES)
    throw new InputError(
      `${source} is larger than the limit of ${ARCHIMATE_MAX_BYTES} bytes for an ArchiMate model`,
      [],
      source,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${source}: not UTF-8 text (ArchiMate exchange files are UTF-8)`, [], source);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const located = scanAndLocate(text, source);
  checkRoot(located.root, source);
  // The tree is built while the validator's worker runs, but used only once it has accepted the file.
  const validation = validate(text, source, located);
  let tree: OrderedNode[] | undefined;
  let parseFailure: unknown;
  try {
    tree = parser.parse(text) as OrderedNode[];
  } catch (err) {
    parseFailure = err;
  }
  await validation;
  if (!tree)
    throw new Error(`${source}: XML parser failed on a document the validator accepted: ${String(parseFailure)}`);
  const model = xmlElements(tree, ARCHIMATE_NAMESPACE).find((e) => e.name === 'model');
  if (!model) throw new InputError(`${source}: no ArchiMate <model> element`, [], source);
  return mapModel(model, source, located);
}

function mapModel(model: XmlElement, source: string, located: Located): RegisterImport {
  const where = (identifier: string): SourceLocation => {
    const line = located.lines.get(identifier);
    return line === undefined ? { file: source, element: identifier } : { file: source, line, element: identifier };
  };
  const definitions = new Map(
    kids(kid(model, 'propertyDefinitions'), 'propertyDefinition').map((d) => {
      const id = d.attrs.identifier ?? '';
      return [id, pickLanguage(langTexts(d, 'name')) ?? id] as const;
    }),
  );
  const elementEls = kids(kid(model, 'elements'), 'element');
  const relationshipEls = kids(kid(model, 'relationships'), 'relationship');
  const concepts = new Map<string, Concept>();
  const rows: ImportRow[] = [];
  const unmapped = new UnmappedTally();

  for (const el of elementEls) {
    const identifier = el.attrs.identifier ?? '';
    const type = typeOf(el);
    const concept: Concept = { identifier, type, isRelationship: false, name: pickLanguage(langTexts(el, 'name')) };
    concepts.set(identifier, concept);
    const rule = ELEMENT_RULES[type] ?? { key: 'unmapped', reason: UNKNOWN_ELEMENT_REASON };
    if (rule.key === 'unmapped') {
      unmapped.add(`ArchiMate element type ${type}`, concept.name ?? identifier, rule.reason);
      continue;
    }
    concept.kind = rule.key;
    concept.rowId = archimateId(identifier);
    rows.push(elementRow(el, concept, rule, definitions, where(identifier)));
  }
  for (const rel of relationshipEls) {
    const identifier = rel.attrs.identifier ?? '';
    concepts.set(identifier, {
      identifier,
      type: typeOf(rel),
      isRelationship: true,
      name: pickLanguage(langTexts(rel, 'name')),
    });
  }

  // Every relationship's ends must be concepts of the model. The schema's keyrefs already refuse a
  // model where they are not; checked again so the mapping never works on a broken model.
  const relationships: (RelationshipEnds & { el: XmlElement })[] = relationshipEls.map((el) => {
    const identifier = el.attrs.identifier ?? '';
    for (const end of ['source', 'target'] as const) {
      const ref = el.attrs[end] ?? '';
      if (!concepts.has(ref)) {
        const at = where(identifier);
        throw new InputError(
          `${source}, ${at.line !== undefined ? `line ${at.line}, ` : ''}relationship ${identifier}: its ${end} "${ref}" is not an element or relationship of the model`,
          [{ path: [identifier, end], message: `no element or relationship "${ref}" in the model` }],
          source,
        );
      }
    }
    return { identifier, type: typeOf(el), source: el.attrs.source ?? '', target: el.attrs.target ?? '', el };
  });
  const relationshipById = new Map(relationships.map((r) => [r.identifier, r]));
  const isJunction = (id: string) => JUNCTION_TYPES.has(concepts.get(id)?.type ?? '');

  // What may become a dependency: relationships of a mapped type between two elements, and paths of
  // such relationships through junctions. Relationships of other types are counted by type.
  const candidates: Candidate[] = [];
  const throughJunctions: RelationshipEnds[] = [];
  for (const r of relationships) {
    const rule = RELATIONSHIP_RULES[r.type] ?? { key: 'unmapped', reason: UNKNOWN_RELATIONSHIP_REASON };
    const example = `${conceptLabel(concepts.get(r.source)!)} → ${conceptLabel(concepts.get(r.target)!)}`;
    if (rule.key === 'unmapped') unmapped.add(`ArchiMate relationship type ${r.type}`, example, rule.reason);
    else if (isJunction(r.source) || isJunction(r.target)) throughJunctions.push(r);
    else
      candidates.push({
        type: r.type,
        rule,
        source: r.source,
        target: r.target,
        relationships: [r.identifier],
        junctions: [],
      });
  }
  const walked = walkJunctions(throughJunctions, isJunction);
  for (const p of walked.paths) {
    const rule = RELATIONSHIP_RULES[p.type] as Extract<RelationshipRule, { key: 'dependency' }>;
    candidates.push({ ...p, rule });
  }
  const pathLabel = (c: Candidate) =>
    [c.source, ...c.junctions, c.target].map((id) => conceptLabel(concepts.get(id)!)).join(' → ');

  // An Or-junction offers alternatives: a consumer that reaches several providers through the same
  // Or-junction needs one of them, which Stapel records as a redundancy group named after it.
  const consumerOf = (c: Candidate) => (c.rule.consumer === 'target' ? c.target : c.source);
  const providerOf = (c: Candidate) => (c.rule.consumer === 'target' ? c.source : c.target);
  const orKey = (c: Candidate) => {
    const or = c.junctions.find((j) => concepts.get(j)!.type === 'OrJunction');
    return or && `${consumerOf(c)}|${or}`;
  };
  const alternatives = new Map<string, Set<string>>();
  for (const c of candidates) {
    const key = orKey(c);
    if (key) alternatives.set(key, (alternatives.get(key) ?? new Set()).add(providerOf(c)));
  }

  // Pairs already joined, so a second relationship between the same consumer and provider (a
  // component that both realizes and serves a service) does not give a second, identical edge.
  const joined = new Map<string, string>();
  // Relationships at junctions that are on a path that became a dependency, and the first reason
  // each of the others gave none.
  const joinedThrough = new Set<string>();
  const junctionMisses = new Map<string, string>();
  let dependencies = 0;
  for (const c of candidates) {
    const viaJunction = c.junctions.length > 0;
    const example = viaJunction
      ? pathLabel(c)
      : `${conceptLabel(concepts.get(c.source)!)} → ${conceptLabel(concepts.get(c.target)!)}`;
    // A plain relationship that is not mapped is counted on its own line; a path through a junction
    // is one of maybe several through its relationships, which are counted once, at the end.
    const skip = (what: string, reason: string, detail = '') => {
      if (!viaJunction) return unmapped.add(`ArchiMate ${c.type} relationships ${what}`, example + detail, reason);
      for (const id of c.relationships)
        if (!junctionMisses.has(id)) junctionMisses.set(id, `${example}: ${what}${detail}`);
    };
    const consumer = concepts.get(consumerOf(c))!;
    const provider = concepts.get(providerOf(c))!;
    if (!consumer.kind || !provider.kind || !consumer.rowId || !provider.rowId) {
      skip(
        'with an end that is not mapped',
        'one end is an element type (or a relationship) that has no register record, so there is no record to depend on ' +
          'or to be depended on; that type is counted on its own line',
      );
      continue;
    }
    if (consumer === provider) {
      skip('from an element to itself', 'a record cannot depend on itself');
      continue;
    }
    if (!ALLOWED_DEPENDENCIES[consumer.kind].includes(provider.kind)) {
      skip(
        `that would make ${article(consumer.kind)} depend on ${article(provider.kind)}`,
        'Stapel records dependencies of processes on assets and of assets on assets; ' +
          `read as a dependency (consumer ${c.rule.consumer}, provider ${c.rule.consumer === 'target' ? 'source' : 'target'}), ` +
          'this relationship has another shape',
      );
      continue;
    }
    const pair = `${consumer.rowId}|${provider.rowId}`;
    const earlier = joined.get(pair);
    if (earlier !== undefined) {
      skip(
        'repeating a dependency of an earlier relationship',
        'the consumer already depends on the provider through an earlier relationship; Stapel keeps one dependency per pair',
        ` (as ${earlier})`,
      );
      continue;
    }
    const identifier = c.relationships.join('+');
    joined.set(pair, identifier);
    for (const id of c.relationships) joinedThrough.add(id);
    rows.push(dependencyRow(c, identifier, consumer, provider, alternatives.get(orKey(c) ?? '')));
    dependencies++;
  }
  const strandedReason = new Map(walked.stranded.map((x) => [x.relationship.identifier, x.reason]));
  const junctionRelationships = throughJunctions.filter((r) => joinedThrough.has(r.identifier)).length;
  for (const r of throughJunctions) {
    if (joinedThrough.has(r.identifier)) continue;
    const stranded = strandedReason.get(r.identifier);
    unmapped.add(
      `ArchiMate ${r.type} relationships through a junction that give no dependency`,
      junctionMisses.get(r.identifier) ??
        `${conceptLabel(concepts.get(r.source)!)} → ${conceptLabel(concepts.get(r.target)!)}: ${
          stranded === 'type-change'
            ? 'the junction joins it only to relationships of another type'
            : 'the junction joins it to no relationship on its other side'
        }`,
      'no path through the junction joins two register records into a new dependency: the path ends at an element ' +
        'without a register record, has a shape Stapel does not record, repeats a dependency, changes relationship ' +
        'type or stops at the junction (each example says which)',
    );
  }

  function dependencyRow(
    c: Candidate,
    identifier: string,
    consumer: Concept,
    provider: Concept,
    providers: ReadonlySet<string> | undefined,
  ): ImportRow {
    const els = c.relationships.map((id) => relationshipById.get(id)!.el);
    const texts = els.flatMap((rel) => {
      const { described } = placeProperties(propertiesOf(rel, definitions), false);
      const accessType = typeOf(rel) === 'Access' ? rel.attrs.accessType : undefined;
      return [
        pickLanguage(langTexts(rel, 'name')),
        pickLanguage(langTexts(rel, 'documentation')),
        accessType ? `Access type: ${accessType}` : undefined,
        described.length ? `Properties:\n${described.join('\n')}` : undefined,
      ];
    });
    const junctions = c.junctions.map((j) => conceptLabel(concepts.get(j)!));
    const description = joinText(
      ...texts,
      junctions.length ? `Through ${junctions.join(' and ')}; relationships ${c.relationships.join(', ')}` : undefined,
    );
    const alternative = providers && providers.size > 1;
    const orJunction = c.junctions.find((j) => concepts.get(j)!.type === 'OrJunction');
    return {
      key: 'dependency',
      id: archimateId(identifier),
      spec: {
        relation: c.rule.relation,
        ...(description !== undefined ? { description } : {}),
        ...(alternative && orJunction ? { redundancyGroup: archimateId(orJunction) } : {}),
      },
      links: [
        { field: 'from', kind: consumer.kind!, text: consumer.rowId!, asRef: true, at: where(consumer.identifier) },
        { field: 'to', kind: provider.kind!, text: provider.rowId!, asRef: true, at: where(provider.identifier) },
      ],
      at: where(c.relationships[0]!),
    };
  }

  const views = kids(kid(kid(model, 'views'), 'diagrams'), 'view').length;
  const modelName = pickLanguage(langTexts(model, 'name'));
  const modelProperties = propertiesOf(model, definitions);
  const count = (key: string) => rows.filter((r) => r.key === key).length;
  const unmappedList = unmapped.list();
  const notes = [
    `ArchiMate model "${modelName ?? '(no name)'}"${model.attrs.identifier ? ` (${model.attrs.identifier})` : ''}`,
    `${elementEls.length} elements and ${relationshipEls.length} relationships: ${count('process')} processes, ` +
      `${count('asset')} assets and ${dependencies} dependencies imported${
        junctionRelationships ? ` (${junctionRelationships} relationships joined through junctions)` : ''
      }; ` +
      `${unmappedList.reduce((n, u) => n + u.count, 0)} not mapped (listed with the reason)`,
    `${views} ${views === 1 ? 'view' : 'views'} (diagrams) not imported: they are drawings of the model, not register content`,
  ];
  if (modelProperties.length)
    notes.push(`model properties: ${modelProperties.map((p) => `${p.name}=${p.value}`).join('; ')}`);
  if (kid(model, 'organizations'))
    notes.push('the model’s folder structure (organizations) is not imported: the register has its own ordering');
  return { format: 'archimate', source, rows, unmapped: unmappedList, notes };
}

/* ------------------------------------------------------------------------------------------------ */

export const archimateImporter: RegisterImporter = {
  format: 'archimate',
  sniff(name: string, head: Uint8Array): boolean {
    // No other register format is XML, so an .xml file is tried as ArchiMate (and refused clearly if not).
    if (/\.xml$/i.test(name)) return true;
    const text = new TextDecoder('utf-8').decode(head.subarray(0, SNIFF_BYTES));
    return text.includes(ARCHIMATE_NAMESPACE);
  },
  read(bytes: Uint8Array, source: string): Promise<RegisterImport> {
    return readArchimate(bytes, source);
  },
};
