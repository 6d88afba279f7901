/**
 * Identifiers and canonical references. A record id is a short slug, unique within its kind and
 * organisation; a reference names a record of any kind as "kind:id" — the one string form used in
 * dependencies, graph documents, URLs and exports.
 */
import { z } from 'zod';

export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,127}$/;
export const idSchema = z
  .string()
  .regex(ID_PATTERN, 'use 1–128 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit');

export const REF_KINDS = ['process', 'asset', 'party', 'product', 'component'] as const;
export type RefKind = (typeof REF_KINDS)[number];
export interface Ref {
  kind: RefKind;
  id: string;
}

const REF_PATTERN = new RegExp(`^(${REF_KINDS.join('|')}):(${ID_PATTERN.source.slice(1, -1)})$`);

/** Parses "asset:mail" into { kind: 'asset', id: 'mail' }; undefined when it is not a reference. */
export function parseRef(text: string): Ref | undefined {
  const m = REF_PATTERN.exec(text);
  return m ? { kind: m[1] as RefKind, id: m[2]! } : undefined;
}
export const formatRef = (ref: Ref): string => `${ref.kind}:${ref.id}`;

export const refSchema = z.string().refine((s) => parseRef(s) !== undefined, {
  message: `expected "<kind>:<id>" with kind one of ${REF_KINDS.join(', ')}`,
});

/** Makes a new id for a record created without one. */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * Turns a key or name from another system ("Zaaksysteem GEMMA", "id-3F2A…", an LEI) into a record id:
 * lower case, accents dropped, runs of other characters as one "-", within the id length. The same
 * text always gives the same id, which is what makes re-imports update instead of duplicate.
 */
export function slugId(text: string, prefix?: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '');
  const id = (prefix ? `${prefix}-${slug}` : slug).slice(0, 128).replace(/[-._]+$/, '');
  return id || (prefix ?? 'x');
}
