/**
 * The element tree the XML importers read, built from fast-xml-parser's ordered output (see
 * safeXmlParser): the elements of one namespace, with namespaces resolved as XML does — prefixes and
 * default namespace declared on any element — and elements of other namespaces (extensions, Dublin
 * Core metadata) left out with what they contain.
 */
import { decodeEntities } from './xml-safety.js';

const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** An element: local name, attributes, child elements of the same namespace, and text. */
export interface XmlElement {
  name: string;
  /** Attributes by name as written, entities decoded; xsi:type under "xsi:type" whatever its prefix. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text and CDATA, in order, entities decoded, trimmed. */
  text: string;
}

/** A node of fast-xml-parser's ordered output: { tag: children, ':@': attributes } or { '#text': … }. */
export type OrderedNode = Record<string, unknown>;

function walk(
  nodes: OrderedNode[],
  scope: ReadonlyMap<string, string>,
  namespace: string,
): { els: XmlElement[]; text: string } {
  const els: XmlElement[] = [];
  let text = '';
  for (const node of nodes) {
    let tag: string | undefined;
    for (const k in node) if (k !== ':@') tag = k;
    if (tag === undefined) continue;
    const value = node[tag];
    if (tag === '#text') {
      text += decodeEntities(String(value));
      continue;
    }
    if (tag === '#cdata') {
      for (const part of value as OrderedNode[]) text += String(part['#text'] ?? '');
      continue;
    }
    const raw = (node[':@'] ?? {}) as Record<string, string>;
    let inner = scope;
    for (const [k, v] of Object.entries(raw))
      if (k === 'xmlns' || k.startsWith('xmlns:')) {
        if (inner === scope) inner = new Map(scope);
        (inner as Map<string, string>).set(k === 'xmlns' ? '' : k.slice(6), decodeEntities(v));
      }
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
      const colon = k.indexOf(':');
      const xsiType = colon !== -1 && k.slice(colon + 1) === 'type' && inner.get(k.slice(0, colon)) === XSI_NAMESPACE;
      attrs[xsiType ? 'xsi:type' : k] = decodeEntities(v);
    }
    const colon = tag.indexOf(':');
    if (inner.get(colon === -1 ? '' : tag.slice(0, colon)) !== namespace) continue;
    const sub = walk(value as OrderedNode[], inner, namespace);
    els.push({ name: tag.slice(colon + 1), attrs, children: sub.els, text: sub.text.trim() });
  }
  return { els, text };
}

/** The top-level elements of `namespace` in a parsed document. */
export function xmlElements(tree: OrderedNode[], namespace: string): XmlElement[] {
  return walk(tree, new Map(), namespace).els;
}

export const kid = (el: XmlElement | undefined, name: string) => el?.children.find((c) => c.name === name);
export const kids = (el: XmlElement | undefined, name: string) => el?.children.filter((c) => c.name === name) ?? [];
