/**
 * The lexical safety pass every XML importer runs on untrusted text before any parser sees it
 * (CycloneDX XML, ArchiMate exchange files): it walks the markup — comments, CDATA sections,
 * processing instructions and tags — without building anything, refuses every markup declaration
 * (a DOCTYPE, and so any DTD, entity declaration, external entity or entity expansion such as
 * "billion laughs") and any nesting deeper than a limit, and finds the root element. And the one
 * parser configuration both use once the text has passed: document order kept, no entity handling.
 */
import { XMLParser } from 'fast-xml-parser';
import { InputError } from '../domain/errors.js';
import { lineAndColumn } from './json-text.js';

/** Deepest element nesting accepted (libxml2's own limit is 256). */
export const XML_MAX_DEPTH = 200;

/** The root element's start tag, as text ("<bom xmlns=…>"). */
export interface Scan {
  root?: string;
}

/** Index just past the '>' that ends the tag starting at `from`, quotes respected; -1 if none. */
export function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 /* " */ || c === 39 /* ' */) quote = c;
    else if (c === 62 /* > */) return j + 1;
  }
  return -1;
}

/**
 * Walks the markup of `text` as an XML parser would — comments, CDATA sections, processing
 * instructions and tags — without building anything. Refuses markup declarations (<!DOCTYPE,
 * <!ENTITY, …: outside comments and CDATA sections they are a DTD or not XML at all) and nesting
 * deeper than `maxDepth`. Stops quietly where the text is cut off: the validator reports that.
 * `onStartTag` sees every start tag (offsets of its '<' and just past its '>'), for callers that locate
 * elements without a second pass that would have to skip comments and CDATA again.
 */
export function scanXml(
  text: string,
  maxDepth: number,
  file: string | undefined,
  onStartTag?: (start: number, end: number) => void,
): Scan {
  const where = file ?? 'the input';
  const scan: Scan = {};
  let depth = 0;
  let i = text.indexOf('<');
  while (i !== -1) {
    const c = text.charCodeAt(i + 1);
    let end: number;
    if (c === 33 /* ! */) {
      if (text.startsWith('<!--', i)) end = text.indexOf('-->', i + 4) + 3;
      else if (text.startsWith('<![CDATA[', i)) end = text.indexOf(']]>', i + 9) + 3;
      else {
        const { line, column } = lineAndColumn(text, i);
        const what = /^<![A-Za-z]*/.exec(text.slice(i, i + 20))![0];
        throw new InputError(
          `${where}: DTDs and entity declarations are not accepted (found "${what}" at line ${line}, column ${column})`,
          [{ path: [`line ${line}`], message: `"${what}": DTDs and entity declarations are not accepted` }],
          file,
        );
      }
      if (end === 2) break;
    } else if (c === 63 /* ? */) {
      end = text.indexOf('?>', i + 2) + 2;
      if (end === 1) break;
    } else if (c === 47 /* / */) {
      depth--;
      end = text.indexOf('>', i + 2) + 1;
      if (end === 0) break;
    } else {
      end = tagEnd(text, i + 1);
      if (end === -1) break;
      if (text.charCodeAt(end - 2) !== 47 /* / */ && ++depth > maxDepth) {
        const { line, column } = lineAndColumn(text, i);
        throw new InputError(
          `${where}: nested deeper than ${maxDepth} levels at line ${line}, column ${column}`,
          [{ path: [`line ${line}`], message: `elements nested deeper than ${maxDepth} levels` }],
          file,
        );
      }
      scan.root ??= text.slice(i, end);
      onStartTag?.(i, end);
    }
    i = text.indexOf('<', end);
  }
  return scan;
}

/**
 * fast-xml-parser as the XML importers use it after the scan and schema validation: element order kept
 * (one-element lists stay lists), attributes as written, values as text, and no entity handling at
 * all — decodeEntities does the five predefined ones and character references.
 */
export function safeXmlParser(): XMLParser {
  return new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    htmlEntities: false,
    trimValues: false,
    cdataPropName: '#cdata',
    ignoreDeclaration: true,
    ignorePiTags: true,
    maxNestedTags: XML_MAX_DEPTH + 1,
    // No callback reads paths; building them costs a fifth of the parse.
    jPath: false,
  });
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; anything else stays as it is. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (all, e: string) => {
    if (e[0] !== '#') return PREDEFINED[e]!;
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}
