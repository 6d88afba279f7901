/** Packagist (PHP's version_compare, as Composer uses it). */
import { sign, compareDigits, makeScheme, type VersionScheme } from './scheme.js';

/**
 * PHP's canonical version form (ext/standard/versioning.c): "-", "_" and "+" become ".", a "." is put
 * at every transition between a digit and a non-digit, any other non-alphanumeric becomes "." (runs
 * collapsed). "1.0.0-RC1" → "1.0.0.RC.1".
 */
function phpCanonical(version: string): string {
  const isDigit = (c: string) => c >= '0' && c <= '9';
  let out = version.charAt(0);
  let last = version.charAt(0);
  for (const c of version.slice(1)) {
    const prevOut = out.charAt(out.length - 1);
    if (c === '-' || c === '_' || c === '+') {
      if (prevOut !== '.') out += '.';
    } else if ((last !== '.' && !isDigit(last) && isDigit(c)) || (isDigit(last) && c !== '.' && !isDigit(c))) {
      if (prevOut !== '.') out += '.';
      out += c;
    } else if (!/[0-9A-Za-z]/.test(c)) {
      if (prevOut !== '.') out += '.';
    } else out += c;
    last = c;
  }
  return out;
}

/** PHP's special version forms, matched as prefixes in this order: dev < alpha = a < beta = b < RC = rc < # < pl = p. */
const PHP_SPECIAL: [string, number][] = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];

function phpSpecialOrder(form: string): number {
  for (const [name, order] of PHP_SPECIAL) if (form.startsWith(name)) return order;
  return -6; // any other string sorts before "dev"
}

/**
 * PHP's version_compare, which Composer's comparator uses: the canonical forms are compared part by
 * part; numbers numerically; a number against a string as "#" (so 1.0 > 1.0-RC1 but < 1.0-pl1);
 * strings by their special form; when one version has more parts, a further number makes it greater
 * and a further string is compared against "#" (so 1.0.0-beta < 1.0.0 < 1.0.0.1).
 */
function phpVersionCompare(v1: string, v2: string): number {
  if (!v1 || !v2) return v1 ? 1 : v2 ? -1 : 0;
  const a = v1.startsWith('#') ? v1 : phpCanonical(v1);
  const b = v2.startsWith('#') ? v2 : phpCanonical(v2);
  const isDigit = (s: string) => /^[0-9]/.test(s);
  const leadingNumber = (s: string) => /^\d+/.exec(s)?.[0] ?? '0';
  // A port of the C loop: p1/p2 start each part, n1/n2 are the "." that ends it (-1: none left).
  let p1 = 0;
  let p2 = 0;
  let n1 = 0;
  let n2 = 0;
  let compare = 0;
  while (p1 < a.length && p2 < b.length && n1 >= 0 && n2 >= 0) {
    n1 = a.indexOf('.', p1);
    n2 = b.indexOf('.', p2);
    const s1 = a.slice(p1, n1 < 0 ? undefined : n1);
    const s2 = b.slice(p2, n2 < 0 ? undefined : n2);
    if (isDigit(s1) && isDigit(s2)) compare = compareDigits(leadingNumber(s1), leadingNumber(s2));
    else if (!isDigit(s1) && !isDigit(s2)) compare = sign(phpSpecialOrder(s1) - phpSpecialOrder(s2));
    else if (isDigit(s1)) compare = sign(phpSpecialOrder('#N#') - phpSpecialOrder(s2));
    else compare = sign(phpSpecialOrder(s1) - phpSpecialOrder('#N#'));
    if (compare !== 0) break;
    if (n1 >= 0) p1 = n1 + 1;
    if (n2 >= 0) p2 = n2 + 1;
  }
  if (compare === 0) {
    if (n1 >= 0) compare = isDigit(a.slice(p1)) ? 1 : phpVersionCompare(a.slice(p1), '#N#');
    else if (n2 >= 0) compare = isDigit(b.slice(p2)) ? -1 : phpVersionCompare('#N#', b.slice(p2));
  }
  return compare;
}

function parsePackagist(version: string): string | undefined {
  const v = version.trim().replace(/^[vV](?=\d)/, '');
  return /^[0-9A-Za-z][0-9A-Za-z._+-]*$/.test(v) ? v : undefined;
}

export const packagistScheme: VersionScheme = makeScheme('Packagist', parsePackagist, phpVersionCompare);
