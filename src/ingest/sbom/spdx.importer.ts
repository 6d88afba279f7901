/**
 * SPDX 2.2 and 2.3 → ParsedSbom, from either serialisation:
 *
 * - JSON: read with the project's JSON reader (size and depth limits, line and column on syntax
 *   errors) and validated against the official SPDX 2.3 JSON schema (shipped in ./schemas, see its
 *   PROVENANCE.md).
 * - tag-value: `Tag: value` lines, `<text>…</text>` values over several lines, `#` comments. The
 *   fields Stapel uses are gathered into the same shape as the JSON form, with the line each came
 *   from, and validated against the same schema; errors name the line.
 *
 * Mapping: every package is a component (files and snippets are not); ref = SPDXID, version =
 * versionInfo, purl = the first externalRef of type "purl" (normalised), supplier without its
 * "Organization:"/"Person:" prefix, licences = licenseConcluded and licenseDeclared unless
 * NOASSERTION/NONE, hashes = checksums, dependsOn from the relationships (see DEPENDS / DEPENDED).
 */
import { Ajv2019, type ErrorObject, type ValidateFunction } from 'ajv/dist/2019.js';
import { InputError, formatPath, type Issue } from '../../domain/errors.js';
import { DEFAULT_MAX_BYTES, parseJsonText } from '../json-text.js';
import { normalisePurl } from './purl.js';
import type { ParsedSbom, SbomComponent } from './sbom-model.js';
import spdxSchema from './schemas/spdx-2.3.schema.json' with { type: 'json' };

export const SPDX_VERSIONS = ['SPDX-2.2', 'SPDX-2.3'] as const;

const MAX_ISSUES = 20;

/*
 * Relationships that make a dependency edge between two packages. "A DEPENDS_ON B" and the
 * linking/prerequisite kinds read forwards (A depends on B); "B DEPENDENCY_OF A" and its typed
 * variants read backwards (A depends on B). Static and dynamic linking are dependencies of the
 * linking package on the linked one. `npm sbom` writes DEPENDENCY_OF, DEV_DEPENDENCY_OF,
 * OPTIONAL_DEPENDENCY_OF and, for peer dependencies, PREREQUISITE_FOR.
 *
 * Deliberately not mapped: CONTAINS / CONTAINED_BY (and PACKAGE_OF, …): they describe what is
 * inside what (a package containing files, an image containing packages), not what a component
 * needs to work; turning containment into dependencies would invent edges and, with the common
 * "A CONTAINS B, B CONTAINED_BY A" pairs, cycles. DEPENDENCY_MANIFEST_OF is about a manifest file,
 * not a dependency, and is not mapped either.
 */
const DEPENDS = new Set(['DEPENDS_ON', 'HAS_PREREQUISITE', 'STATIC_LINK', 'DYNAMIC_LINK']);
const DEPENDED = new Set([
  'DEPENDENCY_OF',
  'BUILD_DEPENDENCY_OF',
  'DEV_DEPENDENCY_OF',
  'OPTIONAL_DEPENDENCY_OF',
  'PROVIDED_DEPENDENCY_OF',
  'RUNTIME_DEPENDENCY_OF',
  'TEST_DEPENDENCY_OF',
  'PREREQUISITE_FOR',
]);

/** "No information" values SPDX uses in place of a licence or party. */
const NO_VALUE = new Set(['NOASSERTION', 'NONE']);

interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  supplier?: string;
  downloadLocation?: string;
  licenseConcluded?: string;
  licenseDeclared?: string;
  filesAnalyzed?: boolean;
  checksums?: { algorithm: string; checksumValue: string }[];
  externalRefs?: { referenceCategory: string; referenceType: string; referenceLocator: string }[];
}

interface SpdxRelationship {
  spdxElementId: string;
  relationshipType: string;
  relatedSpdxElement: string;
}

/** The part of an SPDX document Stapel reads (JSON field names; the tag-value reader fills the same). */
interface SpdxDocument {
  spdxVersion: string;
  SPDXID: string;
  name?: string;
  dataLicense?: string;
  documentNamespace?: string;
  creationInfo: { created: string; creators: string[] };
  documentDescribes?: string[];
  packages?: SpdxPackage[];
  relationships?: SpdxRelationship[];
}

type Path = (string | number)[];

/** Where a field stands, for errors: an issue path and words for the message. */
interface Place {
  path: Path;
  label: string;
}
type Locate = (path: Path) => Place;

let validator: ValidateFunction | undefined;

/**
 * The SPDX 2.3 schema, compiled on first use and kept. It declares JSON Schema draft 2019-09, hence
 * Ajv2019. It has no `format`s, patterns or `uniqueItems`, so nothing in it needs relaxing:
 *
 * - `creationInfo.created` is only `"type": "string"` in the official schema, so the milliseconds
 *   `npm sbom` writes (2024-05-01T10:00:00.123Z) pass it; this importer checks the timestamp itself
 *   (checkCreated) and accepts fractional seconds there too.
 * - SPDX 2.2 documents are validated against this 2.3 schema: 2.3 added fields and enum values and
 *   made some package fields optional, and the specification's own 2.2 JSON example passes it
 *   unchanged (tested), so no exception for 2.2 is needed.
 */
function spdxValidator(): ValidateFunction {
  validator ??= new Ajv2019({ allErrors: true, strict: false }).compile(spdxSchema as object);
  return validator;
}

/** SPDX JSON or tag-value, decided by the first non-blank character (`{` or `[` → JSON). */
export function parseSpdx(text: string, file?: string): ParsedSbom {
  const first = stripBom(text).trimStart()[0];
  if (first === '<')
    throw new InputError(
      `${file ?? 'the input'}: looks like XML (SPDX RDF/XML?), which is not supported; use SPDX JSON or tag-value`,
      [],
      file,
    );
  return first === '{' || first === '[' ? parseSpdxJson(text, file) : parseSpdxTagValue(text, file);
}

/** Parses and validates an SPDX 2.2 or 2.3 JSON document. */
export function parseSpdxJson(text: string, file?: string): ParsedSbom {
  const where = file ?? 'the input';
  const doc = parseJsonText(stripBom(text), { file });
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new InputError(
      `${where}: not an SPDX document (expected a JSON object)`,
      [{ path: [], message: 'must be an object' }],
      file,
    );
  const version = (doc as Record<string, unknown>).spdxVersion;
  checkVersion(version, { path: ['spdxVersion'], label: 'spdxVersion' }, file);
  const locate: Locate = (path) => ({ path, label: formatPath(path) });
  validate(doc, version as string, locate, file);
  return fromSpdxDocument(doc as SpdxDocument, locate, file);
}

/** Parses and validates an SPDX 2.2 or 2.3 tag-value document. */
export function parseSpdxTagValue(text: string, file?: string): ParsedSbom {
  const where = file ?? 'the input';
  if (text.length > DEFAULT_MAX_BYTES)
    throw new InputError(`${where} is larger than the limit of ${DEFAULT_MAX_BYTES} bytes`, [], file);
  const lines = stripBom(text).split(/\r?\n/);
  const fail = (line: number, message: string): never => {
    throw new InputError(`${where}: line ${line}: ${message}`, [{ path: [`line ${line}`], message }], file);
  };

  const creators: string[] = [];
  const creationInfo: Partial<SpdxDocument['creationInfo']> = { creators };
  const packages: SpdxPackage[] = [];
  const relationships: SpdxRelationship[] = [];
  const doc: Partial<SpdxDocument> = { creationInfo: creationInfo as SpdxDocument['creationInfo'] };
  /** Line and tag each field came from, by its JSON path joined with "/". */
  const origin = new Map<string, { line: number; tag: string }>();
  const mark = (path: Path, line: number, tag: string, fields: string[] = []) => {
    origin.set(path.join('/'), { line, tag });
    for (const f of fields) origin.set([...path, f].join('/'), { line, tag });
  };
  /** The section the lines belong to: the document, a package, or something else (file, snippet, licence). */
  let section: 'document' | 'package' | 'other' = 'document';
  let pkg: Partial<SpdxPackage> | undefined;

  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const raw = lines[i]!;
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    const m = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*:(.*)$/.exec(raw);
    if (!m) fail(n, `expected "Tag: value", found "${clip(raw.trim())}"`);
    const tag = m![1]!;
    let value = m![2]!.trim();
    if (value.startsWith('<text>')) {
      const rest = value.slice('<text>'.length);
      const endHere = rest.indexOf('</text>');
      let after: string;
      if (endHere >= 0) {
        value = rest.slice(0, endHere);
        after = rest.slice(endHere + '</text>'.length);
      } else {
        const parts = [rest];
        let j = i + 1;
        while (j < lines.length && !lines[j]!.includes('</text>')) {
          // A new <text> before the closing tag: this one was left open (free text never holds "<text>").
          if (lines[j]!.includes('<text>')) fail(n, `${tag}: <text> is not closed by </text> before line ${j + 1}`);
          parts.push(lines[j++]!);
        }
        if (j >= lines.length) fail(n, `${tag}: <text> is not closed by </text> before the end of the input`);
        if (lines[j]!.slice(0, lines[j]!.indexOf('</text>')).includes('<text>'))
          fail(n, `${tag}: <text> is not closed by </text> before line ${j + 1}`);
        const last = lines[j]!;
        const end = last.indexOf('</text>');
        parts.push(last.slice(0, end));
        after = last.slice(end + '</text>'.length);
        value = parts.join('\n');
        i = j;
      }
      if (after.trim()) fail(i + 1, `unexpected text after </text>: "${clip(after.trim())}"`);
      value = value.trim();
    }

    const inPackage = (): Partial<SpdxPackage> => {
      if (section !== 'package' || !pkg) return fail(n, `${tag} outside a package (no PackageName before it)`);
      return pkg;
    };
    const pkgPath = (): Path => ['packages', packages.length - 1];

    switch (tag) {
      case 'SPDXVersion':
        doc.spdxVersion = value;
        mark(['spdxVersion'], n, tag);
        checkVersion(value, { path: [`line ${n}`], label: `line ${n} (SPDXVersion)` }, file);
        break;
      case 'DataLicense':
        doc.dataLicense = value;
        mark(['dataLicense'], n, tag);
        break;
      case 'DocumentName':
        doc.name = value;
        mark(['name'], n, tag);
        break;
      case 'DocumentNamespace':
        doc.documentNamespace = value;
        mark(['documentNamespace'], n, tag);
        break;
      case 'Creator':
        mark(['creationInfo', 'creators', creators.length], n, tag);
        creators.push(value);
        break;
      case 'Created':
        creationInfo.created = value;
        mark(['creationInfo', 'created'], n, tag);
        break;
      case 'SPDXID':
        if (section === 'package') {
          inPackage().SPDXID = value;
          mark([...pkgPath(), 'SPDXID'], n, tag);
        } else if (section === 'document') {
          const first = origin.get('SPDXID');
          if (first) fail(n, `a second SPDXID for the document (the first is at line ${first.line})`);
          doc.SPDXID = value;
          mark(['SPDXID'], n, tag);
        }
        break;
      case 'Relationship': {
        const parts = value.split(/\s+/);
        if (parts.length !== 3) fail(n, `Relationship must be "<element> <TYPE> <element>", found "${clip(value)}"`);
        const [spdxElementId, relationshipType, relatedSpdxElement] = parts as [string, string, string];
        mark(['relationships', relationships.length], n, tag, [
          'spdxElementId',
          'relationshipType',
          'relatedSpdxElement',
        ]);
        relationships.push({ spdxElementId, relationshipType, relatedSpdxElement });
        break;
      }
      case 'PackageName':
        section = 'package';
        pkg = { name: value };
        packages.push(pkg as SpdxPackage);
        mark(pkgPath(), n, tag, ['name']);
        break;
      case 'FileName':
      case 'SnippetSPDXID':
      case 'LicenseID':
        section = 'other';
        pkg = undefined;
        break;
      case 'PackageVersion':
        inPackage().versionInfo = value;
        mark([...pkgPath(), 'versionInfo'], n, tag);
        break;
      case 'PackageSupplier':
        inPackage().supplier = value;
        mark([...pkgPath(), 'supplier'], n, tag);
        break;
      case 'PackageDownloadLocation':
        inPackage().downloadLocation = value;
        mark([...pkgPath(), 'downloadLocation'], n, tag);
        break;
      case 'PackageLicenseConcluded':
        inPackage().licenseConcluded = value;
        mark([...pkgPath(), 'licenseConcluded'], n, tag);
        break;
      case 'PackageLicenseDeclared':
        inPackage().licenseDeclared = value;
        mark([...pkgPath(), 'licenseDeclared'], n, tag);
        break;
      case 'FilesAnalyzed': {
        const p = inPackage();
        if (value !== 'true' && value !== 'false')
          fail(n, `FilesAnalyzed must be "true" or "false", found "${clip(value)}"`);
        p.filesAnalyzed = value === 'true';
        mark([...pkgPath(), 'filesAnalyzed'], n, tag);
        break;
      }
      case 'PackageChecksum': {
        const p = inPackage();
        const c = /^([A-Za-z0-9-]+)\s*:\s*(\S+)$/.exec(value);
        if (!c) fail(n, `PackageChecksum must be "<ALGORITHM>: <value>", found "${clip(value)}"`);
        p.checksums ??= [];
        mark([...pkgPath(), 'checksums', p.checksums.length], n, tag, ['algorithm', 'checksumValue']);
        p.checksums.push({ algorithm: c![1]!, checksumValue: c![2]! });
        break;
      }
      case 'ExternalRef': {
        const p = inPackage();
        const parts = value.split(/\s+/);
        if (parts.length !== 3) fail(n, `ExternalRef must be "<CATEGORY> <type> <locator>", found "${clip(value)}"`);
        const [referenceCategory, referenceType, referenceLocator] = parts as [string, string, string];
        p.externalRefs ??= [];
        mark([...pkgPath(), 'externalRefs', p.externalRefs.length], n, tag, [
          'referenceCategory',
          'referenceType',
          'referenceLocator',
        ]);
        p.externalRefs.push({ referenceCategory, referenceType, referenceLocator });
        break;
      }
      default:
        // Any other tag (comments, annotations, file and licence fields, …) is not used by Stapel.
        break;
    }
  }

  if (doc.spdxVersion === undefined)
    throw new InputError(
      `${where}: not an SPDX tag-value document: no "SPDXVersion:" line (accepted: ${SPDX_VERSIONS.join(', ')})`,
      [{ path: ['SPDXVersion'], message: 'is required' }],
      file,
    );
  if (packages.length) doc.packages = packages;
  if (relationships.length) doc.relationships = relationships;

  const locate: Locate = (path) => {
    for (let k = path.length; k >= 0; k--) {
      const o = origin.get(path.slice(0, k).join('/'));
      if (!o) continue;
      if (k === path.length) return { path: [`line ${o.line}`], label: `line ${o.line} (${o.tag})` };
      const tag = tagOf(path);
      return { path: [`line ${o.line}`, tag], label: `line ${o.line}, ${tag}` };
    }
    const tag = tagOf(path);
    return { path: [tag], label: tag };
  };
  validate(doc, doc.spdxVersion, locate, file);
  return fromSpdxDocument(doc as SpdxDocument, locate, file);
}

/** The tag-value tag of a JSON path, for messages about tag-value input. */
function tagOf(path: Path): string {
  const field = [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';
  if (field === 'name') return path.length > 1 ? 'PackageName' : 'DocumentName';
  return TAGS[field] ?? field;
}

const TAGS: Record<string, string> = {
  spdxVersion: 'SPDXVersion',
  dataLicense: 'DataLicense',
  documentNamespace: 'DocumentNamespace',
  creationInfo: 'Creator/Created',
  creators: 'Creator',
  created: 'Created',
  packages: 'PackageName',
  versionInfo: 'PackageVersion',
  supplier: 'PackageSupplier',
  downloadLocation: 'PackageDownloadLocation',
  licenseConcluded: 'PackageLicenseConcluded',
  licenseDeclared: 'PackageLicenseDeclared',
  filesAnalyzed: 'FilesAnalyzed',
  checksums: 'PackageChecksum',
  algorithm: 'PackageChecksum',
  checksumValue: 'PackageChecksum',
  externalRefs: 'ExternalRef',
  referenceCategory: 'ExternalRef',
  referenceType: 'ExternalRef',
  referenceLocator: 'ExternalRef',
  relationships: 'Relationship',
  spdxElementId: 'Relationship',
  relationshipType: 'Relationship',
  relatedSpdxElement: 'Relationship',
};

function checkVersion(version: unknown, place: Place, file: string | undefined): void {
  if ((SPDX_VERSIONS as readonly unknown[]).includes(version)) return;
  const where = file ?? 'the input';
  const found = version === undefined ? 'is missing' : `is ${JSON.stringify(version)}`;
  const message = `must be one of ${SPDX_VERSIONS.join(', ')}`;
  throw new InputError(
    `${where}: ${place.label}: the SPDX version ${found}; this importer reads ${SPDX_VERSIONS.join(' and ')}`,
    [{ path: place.path, message }],
    file,
  );
}

/** Schema validation; on failure an InputError naming the file and each failing field (at most 20). */
function validate(doc: unknown, version: string, locate: Locate, file: string | undefined): void {
  const check = spdxValidator();
  if (check(doc)) return;
  const errors = check.errors ?? [];
  const lines: string[] = [];
  const issues: Issue[] = [];
  for (const e of errors.slice(0, MAX_ISSUES)) {
    const { path, message } = describeSchemaError(e);
    const place = locate(path);
    const context = packageContext(doc as Partial<SpdxDocument>, path);
    issues.push({ path: place.path, message: message + context });
    lines.push(`${place.label}: ${message}${context}`);
  }
  const more = errors.length > MAX_ISSUES ? `\n… and ${errors.length - MAX_ISSUES} more` : '';
  throw new InputError(
    `${file ?? 'the input'} is not a valid ${version} document (checked against the SPDX 2.3 schema):\n${lines.join('\n')}${more}`,
    issues,
    file,
  );
}

/** An ajv error as the field it concerns and what is wrong with it, in plain words. */
function describeSchemaError(e: ErrorObject): { path: Path; message: string } {
  const path: Path = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { path: [...path, String(params.missingProperty)], message: 'is required' };
    case 'additionalProperties':
      return { path: [...path, String(params.additionalProperty)], message: 'is not a field SPDX defines here' };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const shown = allowed.length > 12 ? `${allowed.slice(0, 12).join(', ')}, …` : allowed.join(', ');
      return { path, message: `must be one of ${shown}` };
    }
    default:
      return { path, message: e.message ?? e.keyword };
  }
}

/** ' (package "glibc", SPDXRef-Package)' when the path lies inside a package. */
function packageContext(doc: Partial<SpdxDocument> | undefined, path: Path): string {
  if (path[0] !== 'packages' || typeof path[1] !== 'number') return '';
  const p = doc?.packages?.[path[1]] as Partial<SpdxPackage> | undefined;
  const names = [
    p?.name && typeof p.name === 'string' ? `"${p.name}"` : '',
    typeof p?.SPDXID === 'string' ? p.SPDXID : '',
  ]
    .filter(Boolean)
    .join(', ');
  return names ? ` (package ${names})` : '';
}

/**
 * `created` must be an ISO 8601 date and time (the spec's form is YYYY-MM-DDThh:mm:ssZ). The
 * schema does not check it; this does, accepting fractional seconds (as `npm sbom` writes them) and
 * numeric offsets, so that ParsedSbom.created is always a timestamp.
 */
function checkCreated(created: string, locate: Locate, file: string | undefined): void {
  const ok =
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.test(created) &&
    !Number.isNaN(Date.parse(created.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')));
  if (ok) return;
  const place = locate(['creationInfo', 'created']);
  const message = `must be a date and time like 2024-05-01T10:00:00Z, found "${clip(created)}"`;
  throw new InputError(`${file ?? 'the input'}: ${place.label}: ${message}`, [{ path: place.path, message }], file);
}

function fromSpdxDocument(doc: SpdxDocument, locate: Locate, file: string | undefined): ParsedSbom {
  const where = file ?? 'the input';
  const fail = (path: Path, message: string): never => {
    const place = locate(path);
    const context = packageContext(doc, path);
    throw new InputError(`${where}: ${place.label}: ${message}${context}`, [{ path: place.path, message }], file);
  };
  checkCreated(doc.creationInfo.created, locate, file);

  const packages = doc.packages ?? [];
  const index = new Map<string, number>();
  const components: SbomComponent[] = packages.map((p, i) => {
    const first = index.get(p.SPDXID);
    if (first !== undefined) fail(['packages', i, 'SPDXID'], `SPDXID "${p.SPDXID}" is also used by packages[${first}]`);
    index.set(p.SPDXID, i);
    if (!p.name.trim()) fail(['packages', i, 'name'], 'must not be empty');

    let purl: string | undefined;
    const refs = p.externalRefs ?? [];
    const at = refs.findIndex(
      (r) =>
        r.referenceType === 'purl' &&
        (r.referenceCategory === 'PACKAGE-MANAGER' || r.referenceCategory === 'PACKAGE_MANAGER'),
    );
    if (at >= 0) {
      const path: Path = ['packages', i, 'externalRefs', at, 'referenceLocator'];
      try {
        purl = normalisePurl(refs[at]!.referenceLocator.trim(), path, file);
      } catch (err) {
        const why = err instanceof InputError ? (err.issues[0]?.message ?? err.message) : String(err);
        fail(path, `${why} ("${clip(refs[at]!.referenceLocator)}")`);
      }
    }

    const licences = new Set<string>();
    for (const l of [p.licenseConcluded, p.licenseDeclared]) {
      const v = l?.trim();
      if (v && !NO_VALUE.has(v)) licences.add(v);
    }
    const supplier = party(p.supplier);
    const version = p.versionInfo?.trim();
    return {
      ref: p.SPDXID,
      name: p.name.trim(),
      ...(version ? { version } : {}),
      ...(purl ? { purl } : {}),
      ...(supplier ? { supplier } : {}),
      licences: [...licences],
      hashes: (p.checksums ?? []).map((c) => ({ alg: c.algorithm, content: c.checksumValue })),
      dependsOn: [],
    };
  });

  // Only edges between two packages of this document: relationships with files, snippets, other
  // documents (DocumentRef-…:…), NONE, NOASSERTION or refs the document does not define are skipped.
  const dependsOn = components.map(() => new Set<string>());
  for (const r of doc.relationships ?? []) {
    let from: string;
    let to: string;
    if (DEPENDS.has(r.relationshipType)) [from, to] = [r.spdxElementId, r.relatedSpdxElement];
    else if (DEPENDED.has(r.relationshipType)) [from, to] = [r.relatedSpdxElement, r.spdxElementId];
    else continue;
    const i = index.get(from);
    if (i === undefined || from === to || !index.has(to)) continue;
    dependsOn[i]!.add(to);
  }
  components.forEach((c, i) => (c.dependsOn = [...dependsOn[i]!]));

  // The subject: the first described element that is a package (documentDescribes, then
  // "<document> DESCRIBES X" and "X DESCRIBED_BY <document>").
  const described = [
    ...(doc.documentDescribes ?? []),
    ...(doc.relationships ?? []).flatMap((r) =>
      r.relationshipType === 'DESCRIBES' && r.spdxElementId === doc.SPDXID
        ? [r.relatedSpdxElement]
        : r.relationshipType === 'DESCRIBED_BY' && r.relatedSpdxElement === doc.SPDXID
          ? [r.spdxElementId]
          : [],
    ),
  ];
  const subjectIndex = described.map((id) => index.get(id)).find((i) => i !== undefined);
  const subject = subjectIndex === undefined ? undefined : components[subjectIndex];

  const authors = new Set<string>();
  const tools = new Set<string>();
  for (const c of doc.creationInfo.creators) {
    const m = /^\s*(Person|Organization|Tool)\s*:\s*(.*)$/i.exec(c);
    if (!m) continue;
    const name = m[1]!.toLowerCase() === 'tool' ? m[2]!.trim() : party(c);
    if (name) (m[1]!.toLowerCase() === 'tool' ? tools : authors).add(name);
  }

  return {
    format: 'spdx',
    specVersion: doc.spdxVersion.replace(/^SPDX-/, ''),
    ...(doc.documentNamespace ? { documentId: doc.documentNamespace } : {}),
    created: doc.creationInfo.created,
    authors: [...authors],
    tools: [...tools],
    ...(subject ? { subject: { name: subject.name, ...(subject.version ? { version: subject.version } : {}) } } : {}),
    components,
  };
}

/**
 * The name in an SPDX party field: "Organization: Acme (info@acme.example)" → "Acme",
 * "Person: Jane Doe ()" → "Jane Doe"; NOASSERTION (or nothing) → undefined. A value without the
 * prefix is taken as it stands.
 */
function party(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v || NO_VALUE.has(v)) return undefined;
  const name = v
    .replace(/^(Person|Organization)\s*:\s*/i, '')
    // The optional contact part: an e-mail address in parentheses, or empty parentheses.
    .replace(/\s*\(\s*(?:[^()\s]*@[^()\s]*)?\s*\)\s*$/, '')
    .trim();
  return name && !NO_VALUE.has(name) ? name : undefined;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A value cut short for an error message. */
function clip(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
