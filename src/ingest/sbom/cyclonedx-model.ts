/**
 * A CycloneDX BOM as both encodings carry it — the JSON object, or what the XML importer reads out
 * of the element tree — and its mapping to ParsedSbom. Shared by the JSON and the XML importer, so
 * the same BOM gives the same components, refs, licences and dependencies in either encoding. The
 * BOM must have been validated against its schema before it comes here.
 */
import { InputError } from '../../domain/errors.js';
import { normalisePurl } from './purl.js';
import type { ParsedSbom, SbomComponent } from './sbom-model.js';

export interface CdxComponent {
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

export interface CdxBom {
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

/**
 * A validated CycloneDX BOM of spec `version` → ParsedSbom. Components without a bom-ref are
 * referred to by their purl, or by name, version and position; a bom-ref used twice is an
 * InputError (the schemas do not check it).
 */
export function cycloneDxToSbom(bom: CdxBom, version: string, file?: string): ParsedSbom {
  const where = file ?? 'the input';
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
