/**
 * CycloneDX JSON (spec 1.2–1.7) → ParsedSbom. The document is read whole with the project's JSON
 * reader (size and depth limits, line and column on syntax errors) and validated against the
 * official schema of its spec version, shipped in @cyclonedx/cyclonedx-library.
 */
import type { ValidateFunction } from 'ajv';
import { InputError } from '../../domain/errors.js';
import { parseJsonText } from '../json-text.js';
import { newAjv, packageSchema, validateOrThrow, withoutUniqueItems } from './json-schema.js';
import { normalisePurl } from './purl.js';
import type { ParsedSbom, SbomComponent } from './sbom-model.js';

export const CYCLONEDX_VERSIONS = ['1.2', '1.3', '1.4', '1.5', '1.6', '1.7'] as const;

const LIBRARY = '@cyclonedx/cyclonedx-library';
const validators = new Map<string, ValidateFunction>();

function validatorFor(version: string): ValidateFunction {
  let v = validators.get(version);
  if (v) return v;
  const ajv = newAjv();
  // The bom schemas refer to these two by their file names, next to their own $id.
  for (const [file, id] of [
    ['spdx.SNAPSHOT.schema.json', 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json'],
    ['jsf-0.82.SNAPSHOT.schema.json', 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json'],
  ] as const)
    ajv.addSchema({ ...packageSchema(LIBRARY, `res/schema/${file}`), $id: id });
  v = ajv.compile(
    withoutUniqueItems(packageSchema(LIBRARY, `res/schema/bom-${version}.SNAPSHOT.schema.json`)) as object,
  );
  validators.set(version, v);
  return v;
}

interface CdxComponent {
  'bom-ref'?: string;
  name: string;
  version?: string;
  purl?: string;
  group?: string;
  supplier?: { name?: string };
  publisher?: string;
  author?: string;
  licenses?: ({ license?: { id?: string; name?: string }; expression?: string } | undefined)[];
  hashes?: { alg: string; content: string }[];
  components?: CdxComponent[];
}

interface CdxBom {
  bomFormat: string;
  specVersion: string;
  serialNumber?: string;
  metadata?: {
    timestamp?: string;
    authors?: { name?: string }[];
    tools?: { name?: string; vendor?: string }[] | { components?: { name?: string }[]; services?: { name?: string }[] };
    component?: CdxComponent;
    manufacture?: { name?: string };
    supplier?: { name?: string };
  };
  components?: CdxComponent[];
  dependencies?: { ref: string; dependsOn?: string[] }[];
}

/** Parses and validates a CycloneDX JSON document. */
export function parseCycloneDxJson(text: string, file?: string): ParsedSbom {
  const doc = parseJsonText(text, { file }) as Record<string, unknown>;
  return fromCycloneDxObject(doc, file);
}

export function fromCycloneDxObject(doc: Record<string, unknown>, file?: string): ParsedSbom {
  const where = file ?? 'the input';
  if (doc?.bomFormat !== 'CycloneDX')
    throw new InputError(
      `${where}: not a CycloneDX document ("bomFormat" must be "CycloneDX")`,
      [{ path: ['bomFormat'], message: 'must be "CycloneDX"' }],
      file,
    );
  const version = String(doc.specVersion);
  if (!(CYCLONEDX_VERSIONS as readonly string[]).includes(version))
    throw new InputError(
      `${where}: CycloneDX spec version "${version}" is not supported (JSON: ${CYCLONEDX_VERSIONS.join(', ')})`,
      [{ path: ['specVersion'], message: `one of ${CYCLONEDX_VERSIONS.join(', ')}` }],
      file,
    );
  validateOrThrow(validatorFor(version), doc, `CycloneDX ${version}`, file);
  const bom = doc as unknown as CdxBom;

  const components: SbomComponent[] = [];
  const seen = new Set<string>();
  const visit = (list: CdxComponent[] | undefined, path: (string | number)[]) =>
    list?.forEach((c, i) => {
      const at = [...path, i];
      const ref =
        c['bom-ref'] ?? c.purl ?? `${c.group ? `${c.group}/` : ''}${c.name}@${c.version ?? ''}#${at.join('.')}`;
      if (seen.has(ref))
        throw new InputError(
          `${where}: bom-ref "${ref}" is used twice (components.${at.join('.')})`,
          [{ path: [...at, 'bom-ref'], message: `duplicate bom-ref "${ref}"` }],
          file,
        );
      seen.add(ref);
      const licences = new Set<string>();
      for (const l of c.licenses ?? []) {
        const v = l?.expression ?? l?.license?.id ?? l?.license?.name;
        if (v) licences.add(v);
      }
      components.push({
        ref,
        name: c.group ? `${c.group}/${c.name}` : c.name,
        ...(c.version ? { version: c.version } : {}),
        ...(c.purl ? { purl: normalisePurl(c.purl, [...at, 'purl'], file) } : {}),
        ...(c.supplier?.name || c.publisher ? { supplier: c.supplier?.name ?? c.publisher } : {}),
        licences: [...licences],
        hashes: (c.hashes ?? []).map((h) => ({ alg: h.alg, content: h.content })),
        dependsOn: [],
      });
      visit(c.components, [...at, 'components']);
    });
  visit(bom.components, ['components']);

  const byRef = new Map(components.map((c) => [c.ref, c]));
  for (const d of bom.dependencies ?? []) {
    const c = byRef.get(d.ref);
    // Dependencies of the described product itself (metadata.component) are not components.
    if (!c) continue;
    for (const to of d.dependsOn ?? []) if (byRef.has(to) && !c.dependsOn.includes(to)) c.dependsOn.push(to);
  }

  const m = bom.metadata;
  const tools = Array.isArray(m?.tools)
    ? m.tools.map((t) => [t.vendor, t.name].filter(Boolean).join(' '))
    : [...(m?.tools?.components ?? []), ...(m?.tools?.services ?? [])].map((t) => t.name ?? '');
  return {
    format: 'cyclonedx',
    specVersion: version,
    ...(bom.serialNumber ? { documentId: bom.serialNumber } : {}),
    ...(m?.timestamp ? { created: m.timestamp } : {}),
    authors: [
      ...(m?.authors ?? []).map((a) => a.name ?? ''),
      ...(m?.manufacture?.name ? [m.manufacture.name] : []),
      ...(m?.supplier?.name ? [m.supplier.name] : []),
    ].filter(Boolean),
    tools: tools.filter(Boolean),
    ...(m?.component
      ? { subject: { name: m.component.name, ...(m.component.version ? { version: m.component.version } : {}) } }
      : {}),
    components,
  };
}
