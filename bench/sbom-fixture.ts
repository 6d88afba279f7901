/**
 * A deterministic, realistic CycloneDX 1.5 JSON SBOM of N components for the SBOM ingest
 * benchmarks: npm, Maven and PyPI packages with package URLs and versions (about 2.5 versions per
 * package, as in a large monorepo), licences as SPDX ids, pairs of ids, expressions and named
 * licences, SHA-512 hashes (and SHA-1 for some Maven jars), suppliers or publishers for some,
 * descriptions and external references for many, a few components with nested components, and a
 * dependency graph of 2–3 edges per component. Written pretty-printed (two spaces), as npm and
 * cdxgen write theirs: about 1 KB per component, like the real `npm sbom` file in
 * test/fixtures/sbom. The same N gives the same text on every run (xorshift).
 * Also what the SBOM benchmarks share: the rows the importer makes of such a document (built
 * without the importer, for the baselines), and the database, organisation and asset they go into.
 */
import { createHash } from 'node:crypto';
import type { ComponentRecord } from '../src/domain/index.js';
import { RegisterService } from '../src/services/register.service.js';
import type { Store } from '../src/store/database.js';
import { getOrganisation } from '../src/store/organisation.repository.js';
import { xorshift } from './harness.js';

// prettier-ignore
const WORDS = [
  'core', 'util', 'http', 'json', 'stream', 'parser', 'client', 'server', 'cache', 'crypto', 'config', 'logger',
  'async', 'events', 'schema', 'router', 'buffer', 'codec', 'format', 'glob', 'path', 'retry', 'queue', 'pool',
  'auth', 'token', 'yaml', 'xml', 'csv', 'date', 'time', 'color', 'table', 'cli', 'test', 'mock', 'proxy', 'socket',
  'compress', 'image', 'i18n', 'metrics', 'trace', 'storage', 'driver', 'binding', 'plugin', 'loader', 'worker',
];
const SCOPES = ['babel', 'types', 'aws-sdk', 'angular', 'nestjs', 'octokit', 'smithy', 'opentelemetry', 'vue', 'jest'];
// prettier-ignore
const MAVEN_GROUPS = [
  'org.apache.commons', 'org.apache.logging.log4j', 'org.springframework', 'com.fasterxml.jackson.core',
  'io.netty', 'org.slf4j', 'com.google.guava', 'org.hibernate.orm', 'io.micrometer', 'org.eclipse.jetty',
  'nl.example.gemeente', 'org.bouncycastle',
];
// prettier-ignore
const SUPPLIERS = [
  'The Apache Software Foundation', 'VMware, Inc.', 'FasterXML, LLC', 'The Netty Project', 'Google LLC',
  'Eclipse Foundation', 'Red Hat, Inc.', 'QOS.ch', 'Legion of the Bouncy Castle Inc.', 'Gemeente Voorbeeldstad',
  'OpenJS Foundation', 'Python Software Foundation', 'Microsoft Corporation', 'Amazon Web Services',
];
// prettier-ignore
const LICENCE_IDS = [
  'MIT', 'MIT', 'MIT', 'Apache-2.0', 'Apache-2.0', 'ISC', 'BSD-3-Clause', 'BSD-2-Clause', 'MPL-2.0',
  'LGPL-2.1-only', 'EPL-2.0', '0BSD', 'Unlicense', 'CC0-1.0', 'Python-2.0', 'BlueOak-1.0.0', 'Zlib',
];
const EXPRESSIONS = [
  'MIT OR Apache-2.0',
  'Apache-2.0 AND (MIT OR GPL-2.0-only)',
  'GPL-2.0-only WITH Classpath-exception-2.0',
  '(MIT OR CC0-1.0)',
  'EPL-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0',
  'BSD-3-Clause AND MIT',
  'LGPL-2.1-only OR MPL-2.0',
];

interface Component {
  'bom-ref': string;
  type: 'library' | 'framework';
  supplier?: { name: string };
  publisher?: string;
  group?: string;
  name: string;
  version: string;
  scope?: 'required' | 'optional';
  description?: string;
  hashes: { alg: string; content: string }[];
  licenses: ({ license: { id: string } | { name: string } } | { expression: string })[];
  purl: string;
  externalReferences?: { type: string; url: string }[];
  components?: Component[];
}

/** The CycloneDX 1.5 JSON text of an SBOM with exactly `count` components (nested ones included). */
export function generateCycloneDx(count: number, seed = 42): string {
  const rnd = xorshift(seed);
  const pick = <T>(list: readonly T[]): T => list[rnd(list.length)]!;
  const hex = (chars: number) => {
    let s = '';
    while (s.length < chars) s += rnd(0x10000).toString(16).padStart(4, '0');
    return s.slice(0, chars);
  };
  // About 2.5 versions of each package; the i-th occurrence of a package gets a patch level ≡ i
  // (mod 3), so two occurrences never share a version and every purl (the bom-ref) is unique.
  const packages = Math.max(1, Math.round(count / 2.5));
  const all: Component[] = new Array(count);
  const top: Component[] = [];
  let parent: Component | undefined;
  let nested = 0;
  for (let i = 0; i < count; i++) {
    const p = i % packages;
    const occurrence = Math.floor(i / packages);
    const base = `${WORDS[p % WORDS.length]}-${WORDS[Math.floor(p / WORDS.length) % WORDS.length]}`;
    const unique = p.toString(36);
    const eco = p % 20 < 12 ? 'npm' : p % 20 < 17 ? 'maven' : 'pypi';
    const major = rnd(12);
    const version = `${major}.${rnd(40)}.${occurrence + 3 * rnd(12)}`;
    let c: Component;
    if (eco === 'npm') {
      const scope = p % 4 === 0 ? SCOPES[p % SCOPES.length] : undefined;
      const name = scope ? `@${scope}/${base}-${unique}` : `${base}-${unique}`;
      const v = rnd(15) === 0 ? `${version}-beta.${rnd(5)}` : version;
      const purl = `pkg:npm/${scope ? `%40${scope}/` : ''}${base}-${unique}@${v}`;
      c = {
        'bom-ref': purl,
        type: 'library',
        name,
        version: v,
        scope: rnd(10) ? 'required' : 'optional',
        hashes: [{ alg: 'SHA-512', content: hex(128) }],
        licenses: [],
        purl,
      };
      if (rnd(5) === 0) c.publisher = `${pick(WORDS)} maintainers`;
    } else if (eco === 'maven') {
      const group = MAVEN_GROUPS[p % MAVEN_GROUPS.length]!;
      const name = `${base}-${unique}`;
      const v = rnd(6) === 0 ? `${version}.RELEASE` : version;
      const purl = `pkg:maven/${group}/${name}@${v}?type=jar`;
      c = {
        'bom-ref': purl,
        type: rnd(8) ? 'library' : 'framework',
        group,
        name,
        version: v,
        scope: 'required',
        hashes: [
          { alg: 'SHA-1', content: hex(40) },
          { alg: 'SHA-512', content: hex(128) },
        ],
        licenses: [],
        purl,
      };
      if (rnd(10) < 7) c.supplier = { name: pick(SUPPLIERS) };
    } else {
      const name = `py-${base}-${unique}`;
      const v = rnd(10) === 0 ? `${version}.post${rnd(3) + 1}` : version;
      const purl = `pkg:pypi/${name}@${v}`;
      c = {
        'bom-ref': purl,
        type: 'library',
        name,
        version: v,
        hashes: [{ alg: 'SHA-512', content: hex(128) }],
        licenses: [],
        purl,
      };
      if (rnd(4) === 0) c.supplier = { name: pick(SUPPLIERS) };
    }
    const licence = rnd(20);
    c.licenses =
      licence < 14
        ? [{ license: { id: pick(LICENCE_IDS) } }]
        : licence < 16
          ? [{ license: { id: pick(LICENCE_IDS) } }, { license: { id: pick(LICENCE_IDS) } }]
          : licence < 19
            ? [{ expression: pick(EXPRESSIONS) }]
            : [{ license: { name: `Proprietary licence of ${pick(SUPPLIERS)}` } }];
    if (rnd(10) < 6)
      c.description = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} helpers for ${pick(WORDS)} and ${pick(WORDS)}.`;
    if (rnd(2) === 0) {
      const repo = `https://github.com/${pick(WORDS)}-org/${base}-${unique}`;
      c.externalReferences = [
        { type: 'vcs', url: `git+${repo}.git` },
        { type: 'website', url: `${repo}#readme` },
      ];
    }
    all[i] = c;
    // A few components bundle others (a shaded jar, a vendored package): 1–3 nested components.
    if (nested > 0) {
      (parent!.components ??= []).push(c);
      nested--;
    } else {
      top.push(c);
      if (i % 40 === 7) {
        parent = c;
        nested = 1 + rnd(3);
      }
    }
  }

  // The dependency graph: 2–3 edges per component, mostly to components listed after it (the
  // way a resolver lists a tree), some anywhere; the described product depends on the first ten.
  const dependencies: { ref: string; dependsOn: string[] }[] = [
    { ref: 'pkg:npm/voorbeeldstad-portaal@4.2.0', dependsOn: top.slice(0, 10).map((c) => c['bom-ref']) },
  ];
  for (let i = 0; i < count; i++) {
    const edges = count > 3 ? 2 + rnd(2) : 0;
    const to = new Set<string>();
    while (to.size < edges) {
      const j = rnd(4) ? (i + 1 + rnd(Math.min(500, count - 1))) % count : rnd(count);
      if (j !== i) to.add(all[j]!['bom-ref']);
    }
    dependencies.push({ ref: all[i]!['bom-ref'], dependsOn: [...to] });
  }

  const doc = {
    $schema: 'http://cyclonedx.org/schema/bom-1.5.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: 'urn:uuid:7f0c4c2e-5d2b-4a53-9c35-0d5a2f6e8b41',
    version: 1,
    metadata: {
      timestamp: '2026-12-04T00:00:00.000Z',
      lifecycles: [{ phase: 'build' }],
      tools: { components: [{ type: 'application', name: 'stapel-bench', version: '1.0.0' }] },
      authors: [{ name: 'Team Digitale Weerbaarheid' }],
      component: {
        'bom-ref': 'pkg:npm/voorbeeldstad-portaal@4.2.0',
        type: 'application',
        name: 'voorbeeldstad-portaal',
        version: '4.2.0',
        purl: 'pkg:npm/voorbeeldstad-portaal@4.2.0',
        licenses: [{ license: { id: 'EUPL-1.2' } }],
      },
      supplier: { name: 'Gemeente Voorbeeldstad' },
    },
    components: top,
    dependencies,
  };
  return JSON.stringify(doc, null, 2);
}

export const BENCH_ORG = 'bench';
export const BENCH_ASSET = 'sbom-app';
export const BENCH_FILE = 'bench.cdx.json';

interface CdxComponent {
  'bom-ref'?: string;
  group?: string;
  name: string;
  version?: string;
  purl?: string;
  supplier?: { name?: string };
  publisher?: string;
  licenses?: { license?: { id?: string; name?: string }; expression?: string }[];
  hashes?: { alg: string; content: string }[];
  components?: CdxComponent[];
}
export interface CdxDocument {
  components?: CdxComponent[];
  dependencies?: { ref: string; dependsOn?: string[] }[];
}

/** The importer's component id: the asset and a hash of the component's reference. */
export const componentId = (assetId: string, ref: string) =>
  `${assetId.slice(0, 100)}.${createHash('sha1').update(ref).digest('hex').slice(0, 16)}`;

/**
 * The baseline's rows (sbom-ingest, sbom-memory): the component records the importer makes of a CycloneDX document, built
 * straight from the parsed JSON — no validation, no purl normalisation (the generated purls are
 * already canonical), no diff — so that the rows written are the same as the candidate's.
 */
export function componentRowsFromCycloneDx(
  doc: CdxDocument,
  assetId: string,
  source: string,
  at = new Date().toISOString(),
): ComponentRecord[] {
  const provenance = { method: 'imported' as const, source, at };
  const rows: ComponentRecord[] = [];
  const idOf = new Map<string, string>();
  const rowOf = new Map<string, ComponentRecord>();
  const walk = (list: CdxComponent[] | undefined) => {
    for (const c of list ?? []) {
      const ref = c['bom-ref'] ?? c.purl ?? `${c.name}@${c.version ?? ''}`;
      const id = componentId(assetId, ref);
      const licences = new Set<string>();
      for (const l of c.licenses ?? []) {
        const v = l.expression ?? l.license?.id ?? l.license?.name;
        if (v) licences.add(v);
      }
      const supplier = c.supplier?.name ?? c.publisher;
      const row: ComponentRecord = {
        id,
        revision: 1,
        createdAt: at,
        updatedAt: at,
        provenance,
        assetId,
        name: c.group ? `${c.group}/${c.name}` : c.name,
        ...(c.version ? { version: c.version } : {}),
        ...(c.purl ? { purl: c.purl } : {}),
        ...(supplier ? { supplier } : {}),
        licences: [...licences],
        hashes: (c.hashes ?? []).map((h) => ({ alg: h.alg, content: h.content })),
        dependsOn: [],
      };
      rows.push(row);
      idOf.set(ref, id);
      rowOf.set(ref, row);
      walk(c.components);
    }
  };
  walk(doc.components);
  for (const d of doc.dependencies ?? []) {
    const row = rowOf.get(d.ref);
    if (!row) continue;
    const to = new Set<string>();
    for (const r of d.dependsOn ?? []) {
      const id = idOf.get(r);
      if (id) to.add(id);
    }
    row.dependsOn = [...to];
  }
  return rows;
}

/** The organisation and the asset the SBOM is imported into (if not there yet). */
export async function ensureBenchAsset(store: Store): Promise<void> {
  const register = new RegisterService(store);
  if (await getOrganisation(store.db, BENCH_ORG)) return;
  await register.createOrganisation({ id: BENCH_ORG, name: 'Bench' }, { actor: 'bench' });
  await register.create(
    'asset',
    BENCH_ORG,
    { id: BENCH_ASSET, name: 'SBOM app', type: 'application', layers: ['applications'] },
    { actor: 'bench' },
  );
}
