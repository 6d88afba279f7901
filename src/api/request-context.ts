/**
 * What routes read from a request besides its schema-checked parts: who acts, and which revision
 * a change is based on (If-Match or ?revision=).
 */
import type { FastifyRequest } from 'fastify';
import { InputError } from '../domain/index.js';

export function actorOf(request: FastifyRequest): string {
  const named = request.headers['x-stapel-actor'];
  return typeof named === 'string' && named.trim() ? `api:${named.trim().slice(0, 100)}` : 'api';
}

/** The revision named by If-Match ("3", W/"3" or 3) or the revision query parameter. */
export function revisionOf(request: FastifyRequest, fromQuery?: number): number | undefined {
  const header = request.headers['if-match'];
  if (typeof header === 'string' && header.trim() && header.trim() !== '*') {
    const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
    if (!m)
      throw new InputError('If-Match must hold a revision number, e.g. "3"', [
        { path: ['If-Match'], message: 'expected a revision number' },
      ]);
    return Number(m[1]);
  }
  return fromQuery;
}

export const etag = (revision: number) => `"${revision}"`;
