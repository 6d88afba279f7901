/** PEP 440 (PyPI). */
import { sign, compareDigits, compareStrings, makeScheme, type VersionScheme } from './scheme.js';

interface Pep440Version {
  epoch: string;
  /** Release numbers with trailing zeros removed: 1.0.0 and 1 are the same release. */
  release: string[];
  /** Normalised pre-release: a, b or rc, and its number. */
  pre?: [string, string];
  post?: string;
  dev?: string;
  /** Local version segments, lower-cased; numeric ones stay digit strings. */
  local?: string[];
}

/**
 * The PEP 440 version grammar with its permitted spellings (the regular expression of the PyPA
 * `packaging` library): optional "v", epoch "N!", release, pre-release (a/alpha, b/beta,
 * rc/c/pre/preview), post-release (".postN", "-N", "rev", "r"), dev-release, local "+label"; separators
 * "-", "_" and "." optional between parts; case-insensitive.
 */
const PEP440 =
  /^\s*v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?(\d+)?)?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d+)?)?(?:[-_.]?(dev)[-_.]?(\d+)?)?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?\s*$/i;

const PEP440_PRE: Record<string, string> = {
  alpha: 'a',
  a: 'a',
  beta: 'b',
  b: 'b',
  c: 'rc',
  rc: 'rc',
  pre: 'rc',
  preview: 'rc',
};

function parsePep440(version: string): Pep440Version | undefined {
  const m = PEP440.exec(version);
  if (!m) return undefined;
  const [, epoch, release, preL, preN, postN1, postL, postN2, devL, devN, local] = m;
  const rel = (release ?? '0').split('.');
  while (rel.length > 1 && /^0+$/.test(rel[rel.length - 1] ?? '')) rel.pop();
  const out: Pep440Version = { epoch: epoch ?? '0', release: rel };
  if (preL) out.pre = [PEP440_PRE[preL.toLowerCase()] ?? preL.toLowerCase(), preN ?? '0'];
  if (postN1 !== undefined) out.post = postN1;
  else if (postL) out.post = postN2 ?? '0';
  if (devL) out.dev = devN ?? '0';
  if (local) out.local = local.toLowerCase().split(/[-_.]/);
  return out;
}

/**
 * PEP 440 ordering ("Summary of permitted suffixes and relative ordering"), as `packaging`'s sort key:
 * epoch; release (1.0 == 1.0.0); then a dev release of the release itself (1.0.dev1) sorts before its
 * pre-releases, pre-releases (a < b < rc, then number) before the release, the release before its
 * post-releases; a dev release sorts before the same version without one; a local version sorts
 * after the same public version, its segments compared numerically (numbers above names) or
 * alphabetically.
 */
function comparePep440(a: Pep440Version, b: Pep440Version): number {
  let c = compareDigits(a.epoch, b.epoch);
  if (c !== 0) return c;
  c = compareNumberLists(a.release, b.release);
  if (c !== 0) return c;
  // Pre-release key: -∞ for a bare dev release, +∞ for no pre-release, else (label, number).
  const preKey = (v: Pep440Version): number | [string, string] =>
    v.pre ?? (v.post === undefined && v.dev !== undefined ? -Infinity : Infinity);
  c = compareKeys(preKey(a), preKey(b));
  if (c !== 0) return c;
  c = compareKeys(a.post ?? -Infinity, b.post ?? -Infinity);
  if (c !== 0) return c;
  c = compareKeys(a.dev ?? Infinity, b.dev ?? Infinity);
  if (c !== 0) return c;
  if (!a.local || !b.local) return a.local ? 1 : b.local ? -1 : 0;
  const n = Math.max(a.local.length, b.local.length);
  for (let i = 0; i < n; i++) {
    const x = a.local[i];
    const y = b.local[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    c = xn && yn ? compareDigits(x, y) : xn ? 1 : yn ? -1 : compareStrings(x, y);
    if (c !== 0) return c;
  }
  return 0;
}

/** Compares ±Infinity sentinels, digit strings and (label, digits) pairs. */
function compareKeys(a: number | string | [string, string], b: number | string | [string, string]): number {
  if (typeof a === 'number' || typeof b === 'number') {
    const x = typeof a === 'number' ? a : 0;
    const y = typeof b === 'number' ? b : 0;
    return sign(x - y);
  }
  if (typeof a === 'string' && typeof b === 'string') return compareDigits(a, b);
  if (Array.isArray(a) && Array.isArray(b)) return compareStrings(a[0], b[0]) || compareDigits(a[1], b[1]);
  return 0;
}

/** Lexicographic order of number lists, a prefix first (as Python compares tuples). */
function compareNumberLists(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareDigits(a[i] ?? '0', b[i] ?? '0');
    if (c !== 0) return c;
  }
  return sign(a.length - b.length);
}

export const pep440Scheme: VersionScheme = makeScheme('PEP 440', parsePep440, comparePep440);
