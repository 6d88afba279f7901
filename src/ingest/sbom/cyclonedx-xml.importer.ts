/**
 * CycloneDX XML (spec 1.1–1.7) → ParsedSbom, the same ParsedSbom the JSON importer gives for the
 * JSON rendering of the same BOM (both go through cyclonedx-model.ts).
 *
 * Untrusted XML is handled in this order:
 * 1. the size limit of the JSON reader;
 * 2. a lexical pass over the text (no parser yet) that refuses every markup declaration — a DOCTYPE,
 *    and so any DTD, entity declaration, external entity or entity expansion ("billion laughs") —
 *    and any nesting deeper than XML_MAX_DEPTH elements, and finds the root element;
 * 3. the spec version from the root element's namespace (http://cyclonedx.org/schema/bom/1.X);
 * 4. validation against the official XSD of that version (shipped in @cyclonedx/cyclonedx-library)
 *    by libxml2 compiled to WebAssembly (xmllint-wasm): well-formedness and schema errors come out
 *    with line numbers. libxml2 runs with its defaults — no entity substitution, no DTD loading —
 *    plus --nonet, inside an in-memory file system holding only the document and the schemas;
 * 5. fast-xml-parser with entity processing off builds the element tree (in document order, so
 *    one-element lists stay lists); the five predefined entities and character references are
 *    decoded here, nothing else can occur once steps 2 and 4 passed.
 *
 * xmllint-wasm is asynchronous (it runs in a worker thread); the importer, like the JSON one, is
 * synchronous, so it starts its own worker and waits for it on an Atomics cell, with a timeout.
 * The tree is parsed while the worker validates (two cores), but used only after validation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { InputError } from '../../domain/errors.js';
import { DEFAULT_MAX_BYTES } from '../json-text.js';
import { safeXmlParser, scanXml, XML_MAX_DEPTH } from '../xml-safety.js';
import { kid, kids, xmlElements, type OrderedNode, type XmlElement } from '../xml-tree.js';
import { unvalidatedError, xmllintFindings, xmlRejection, type XmlFinding } from '../xml-validation.js';
import { cycloneDxToSbom, type CdxBom, type CdxComponent } from './cyclonedx-model.js';
import type { ParsedSbom } from './sbom-model.js';

export const CYCLONEDX_XML_VERSIONS = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7'] as const;
export const CYCLONEDX_NAMESPACE = 'http://cyclonedx.org/schema/bom/';
// The lexical pass of step 2 lives in xml-safety.ts, shared with the ArchiMate importer.
export { XML_MAX_DEPTH };

/** The name the document has inside the validator; the user's file name goes into messages instead. */
const DOC_NAME = 'input.xml';

const require = createRequire(import.meta.url);
const SCHEMA_DIR = join(dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res/schema');
const XMLLINT = require.resolve('xmllint-wasm');

/* ------------------------------------------------------------------------------------------------
 * Step 3: the spec version.
 * --------------------------------------------------------------------------------------------- */

function specVersionOf(root: string | undefined, file: string | undefined): string {
  const where = file ?? 'the input';
  const supported = `${CYCLONEDX_XML_VERSIONS[0]}–${CYCLONEDX_XML_VERSIONS.at(-1)}`;
  if (!root)
    throw new InputError(`${where}: not an XML document with a root element (CycloneDX XML expected)`, [], file);
  const name = /^<([^\s/>]+)/.exec(root)?.[1] ?? '';
  const [prefix, local] = name.includes(':') ? name.split(':', 2) : ['', name];
  if (local !== 'bom')
    throw new InputError(
      `${where}: not a CycloneDX document (the root element is <${name}>, expected <bom>)`,
      [{ path: [name], message: 'the root element must be <bom>' }],
      file,
    );
  const xmlns = prefix ? `xmlns:${prefix}` : 'xmlns';
  let namespace: string | undefined;
  for (const m of root.matchAll(/\s([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    if (m[1] === xmlns) namespace = m[2] ?? m[3];
  const version = namespace?.startsWith(CYCLONEDX_NAMESPACE) ? namespace.slice(CYCLONEDX_NAMESPACE.length) : '';
  if (!(CYCLONEDX_XML_VERSIONS as readonly string[]).includes(version))
    throw new InputError(
      `${where}: ${namespace === undefined ? 'the <bom> element has no XML namespace' : `the XML namespace "${namespace}" is not a supported CycloneDX namespace`}` +
        ` (supported: ${CYCLONEDX_NAMESPACE}1.X for CycloneDX ${supported})`,
      [
        {
          path: ['bom', xmlns],
          message: `one of ${CYCLONEDX_XML_VERSIONS.map((v) => CYCLONEDX_NAMESPACE + v).join(', ')}`,
        },
      ],
      file,
    );
  return version;
}

/* ------------------------------------------------------------------------------------------------
 * Step 4: validation against the XSD, in a worker, waited for synchronously.
 * --------------------------------------------------------------------------------------------- */

const schemaTexts = new Map<string, string>();
function schemaText(name: string): string {
  let t = schemaTexts.get(name);
  if (t === undefined) schemaTexts.set(name, (t = readFileSync(join(SCHEMA_DIR, name), 'utf8')));
  return t;
}

/** What the worker posts back. */
interface Outcome {
  valid: boolean;
  /** xmllint's exit code when it did not finish normally. */
  code?: number;
  output: string;
}

/**
 * Runs in the worker (CommonJS, as an eval'd script): validates with xmllint-wasm, posts the
 * outcome on the port, then wakes the waiting thread. --nonet on top of xmllint's defaults, which
 * neither substitute entities nor load DTDs.
 */
const WORKER = `
const { workerData } = require('node:worker_threads');
const { lib, cell, port, options } = workerData;
let answered = false;
const done = (outcome) => {
  if (answered) return;
  answered = true;
  port.postMessage(outcome);
  Atomics.store(cell, 0, 1);
  Atomics.notify(cell, 0);
};
process.on('uncaughtException', (e) => done({ valid: false, code: -1, output: String(e?.message ?? e) }));
try {
  require(lib)
    .validateXML({ ...options, modifyArguments: (args) => ['--nonet', ...args] })
    .then(
      (r) => done({ valid: r.valid, output: r.rawOutput }),
      (e) => done({ valid: false, code: typeof e?.code === 'number' ? e.code : -1, output: String(e?.message ?? e) }),
    );
} catch (e) {
  done({ valid: false, code: -1, output: String(e?.message ?? e) });
}
`;

/** A validation in progress; `result` waits for it (at most `timeoutMs`). */
function startValidation(xml: Uint8Array, version: string, timeoutMs: number): { result: () => Outcome | 'timeout' } {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const schema = `bom-${version}.SNAPSHOT.xsd`;
  // WebAssembly memory grows as needed up to this bound: libxml2 keeps the document as a tree,
  // several times the size of its text.
  const mib = Math.min(4095, Math.ceil((xml.byteLength * 10) / 2 ** 20) + 256);
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      lib: XMLLINT,
      cell,
      port: port2,
      options: {
        xml: [{ fileName: DOC_NAME, contents: xml }],
        schema: [{ fileName: schema, contents: schemaText(schema) }],
        preload: [{ fileName: 'spdx.SNAPSHOT.xsd', contents: schemaText('spdx.SNAPSHOT.xsd') }],
        initialMemoryPages: 16 * 64,
        maxMemoryPages: 16 * mib,
      },
    },
    transferList: [port2, xml.buffer as ArrayBuffer],
  });
  worker.unref();
  // Anything the worker throws is answered through the port; this only keeps it from being unhandled here.
  worker.on('error', () => {});
  return {
    result() {
      try {
        if (Atomics.wait(cell, 0, 0, timeoutMs) === 'timed-out') return 'timeout';
        return (
          (receiveMessageOnPort(port1)?.message as Outcome | undefined) ?? {
            valid: false,
            code: -1,
            output: 'the validator gave no answer',
          }
        );
      } finally {
        port1.close();
        void worker.terminate();
      }
    },
  };
}

/** The located lines of xmllint's output: "input.xml:12: <message>" → line 12 and the message. */
function outputIssues(output: string, version: string): XmlFinding[] {
  const ns = new RegExp(`\\{${CYCLONEDX_NAMESPACE.replace(/[.]/g, '\\.')}${version.replace('.', '\\.')}\\}`, 'g');
  return xmllintFindings(output, DOC_NAME, ns);
}

function validationError(text: string, version: string, outcome: Outcome, file: string | undefined): InputError {
  const found = outputIssues(outcome.output, version);
  if (!found.length) return unvalidatedError(file, outcome.output);
  return xmlRejection(text, found, file, `valid CycloneDX ${version} XML`);
}

/* ------------------------------------------------------------------------------------------------
 * Step 5: the element tree, CycloneDX namespace only.
 * --------------------------------------------------------------------------------------------- */

const parser = safeXmlParser();

const textOf = (el: XmlElement | undefined, name: string) => kid(el, name)?.text;
const named = (el: XmlElement | undefined) => (el ? { name: textOf(el, 'name') } : undefined);

function component(el: XmlElement): CdxComponent {
  const licenses = kid(el, 'licenses');
  return {
    'bom-ref': el.attrs['bom-ref'],
    name: textOf(el, 'name') ?? '',
    version: textOf(el, 'version'),
    purl: textOf(el, 'purl'),
    group: textOf(el, 'group'),
    supplier: named(kid(el, 'supplier')),
    publisher: textOf(el, 'publisher'),
    author: textOf(el, 'author'),
    // A choice of <license>, <expression> and (1.7) <expression-detailed expression="…">, in order.
    licenses: licenses?.children.map((l) =>
      l.name === 'license'
        ? { license: { id: textOf(l, 'id'), name: textOf(l, 'name') } }
        : l.name === 'expression'
          ? { expression: l.text }
          : l.name === 'expression-detailed'
            ? { expression: l.attrs.expression }
            : undefined,
    ),
    hashes: kids(kid(el, 'hashes'), 'hash').map((h) => ({ alg: h.attrs.alg ?? '', content: h.text })),
    components: kids(kid(el, 'components'), 'component').map(component),
  };
}

/** The BOM in the shape of its JSON rendering, as far as cycloneDxToSbom reads it. */
function toCdxBom(bom: XmlElement): CdxBom {
  const m = kid(bom, 'metadata');
  const tools = kid(m, 'tools');
  const metaComponent = kid(m, 'component');
  return {
    serialNumber: bom.attrs.serialNumber,
    metadata: m && {
      timestamp: textOf(m, 'timestamp'),
      authors: kids(kid(m, 'authors'), 'author').map((a) => ({ name: textOf(a, 'name') })),
      // Up to 1.4 a list of <tool>; from 1.5 also <components> and <services>.
      tools:
        tools && !kids(tools, 'tool').length && (kid(tools, 'components') || kid(tools, 'services'))
          ? {
              components: kids(kid(tools, 'components'), 'component').map((c) => ({ name: textOf(c, 'name') })),
              services: kids(kid(tools, 'services'), 'service').map((s) => ({ name: textOf(s, 'name') })),
            }
          : kids(tools, 'tool').map((t) => ({ vendor: textOf(t, 'vendor'), name: textOf(t, 'name') })),
      component: metaComponent && component(metaComponent),
      manufacture: named(kid(m, 'manufacture')),
      supplier: named(kid(m, 'supplier')),
    },
    components: kids(kid(bom, 'components'), 'component').map(component),
    dependencies: kids(kid(bom, 'dependencies'), 'dependency').map((d) => ({
      ref: d.attrs.ref ?? '',
      dependsOn: kids(d, 'dependency').map((x) => x.attrs.ref ?? ''),
    })),
  };
}

/* ------------------------------------------------------------------------------------------------ */

/** Parses and validates a CycloneDX XML document (spec 1.1–1.7). */
export function parseCycloneDxXml(text: string, file?: string): ParsedSbom {
  const where = file ?? 'the input';
  if (text.length > DEFAULT_MAX_BYTES)
    throw new InputError(`${where} is larger than the limit of ${DEFAULT_MAX_BYTES} bytes`, [], file);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const { root } = scanXml(text, XML_MAX_DEPTH, file);
  const version = specVersionOf(root, file);

  // The text is already decoded: the validator gets it as UTF-8 whatever the declaration said.
  const utf8 = new TextEncoder().encode(text.replace(/^(<\?xml[^>]*?\sencoding\s*=\s*)(["'])[^"']*\2/, '$1"UTF-8"'));
  const timeoutMs = 60_000 + utf8.byteLength / 1_000;
  const validation = startValidation(utf8, version, timeoutMs);

  let tree: OrderedNode[] | undefined;
  let parseFailure: unknown;
  try {
    tree = parser.parse(text) as OrderedNode[];
  } catch (err) {
    parseFailure = err;
  }

  const outcome = validation.result();
  if (outcome === 'timeout')
    throw new InputError(`${where}: XML validation did not finish within ${Math.round(timeoutMs / 1000)} s`, [], file);
  if (!outcome.valid) {
    if (outcome.code === 5) throw new Error(`The CycloneDX ${version} XML schema did not load: ${outcome.output}`);
    throw validationError(text, version, outcome, file);
  }
  if (!tree)
    throw new Error(`${where}: XML parser failed on a document the validator accepted: ${String(parseFailure)}`);

  const [bom] = xmlElements(tree, CYCLONEDX_NAMESPACE + version);
  if (!bom) throw new InputError(`${where}: no CycloneDX <bom> element`, [], file);
  return cycloneDxToSbom(toCdxBom(bom), version, file);
}
