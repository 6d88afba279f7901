/**
 * What every version ordering shares: the scheme interface, the error for a version a scheme cannot
 * place, and small comparison helpers.
 */
export type RangeType = 'SEMVER' | 'ECOSYSTEM';

/** Negative when a < b, zero when equal in the ordering, positive when a > b. */
export type VersionCompare = (a: string, b: string) => number;

/** One ecosystem's version ordering. */
export interface VersionScheme {
  /** Human-readable name, e.g. "PEP 440". */
  readonly name: string;
  /** Whether the scheme can place `version` in its order. */
  isValid(version: string): boolean;
  /** Orders two versions; throws {@link InvalidVersionError} when one of them is not valid. */
  compare(a: string, b: string): number;
}

/** A version string that the ecosystem's ordering cannot place. */
export class InvalidVersionError extends Error {
  constructor(
    readonly version: string,
    readonly scheme: string,
  ) {
    super(`"${version}" is not a valid ${scheme} version`);
    this.name = 'InvalidVersionError';
  }
}

export const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** Compares two strings of decimal digits as (arbitrarily large) numbers. */
export function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Plain code-unit (ASCII) order, as C's strcmp and Ruby's String#<=> give for ASCII text. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function makeScheme<T>(
  name: string,
  parse: (v: string) => T | undefined,
  cmp: (a: T, b: T) => number,
): VersionScheme {
  const must = (v: string): T => {
    const p = parse(v);
    if (p === undefined) throw new InvalidVersionError(v, name);
    return p;
  };
  return {
    name,
    isValid: (v) => parse(v) !== undefined,
    compare: (a, b) => sign(cmp(must(a), must(b))),
  };
}

/**
 * SemVer-style dot-separated identifiers (pre-release or build): numeric ones compare numerically
 * and sort before alphanumeric ones, alphanumeric ones compare in ASCII order, and a shorter list
 * that is a prefix of a longer one sorts first (SemVer 2.0 §11.4).
 */
export function compareIdentifiers(a: readonly string[], b: readonly string[], foldCase = false): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    let c: number;
    if (xn && yn) c = compareDigits(x, y);
    else if (xn) c = -1;
    else if (yn) c = 1;
    else c = foldCase ? compareStrings(x.toLowerCase(), y.toLowerCase()) : compareStrings(x, y);
    if (c !== 0) return c;
  }
  return 0;
}
