/**
 * Version ordering per OSV ecosystem: how the `introduced` / `fixed` / `last_affected` / `limit`
 * versions of an OSV range compare with an installed version.
 *
 * OSV range types (https://ossf.github.io/osv-schema/#affectedrangestype-field):
 * - `SEMVER`: Semantic Versioning 2.0 precedence, whatever the ecosystem;
 * - `ECOSYSTEM`: the package ecosystem's own ordering, implemented here for npm, crates.io, Go, Hex,
 *   SwiftURL (SemVer 2.0), Pub (SemVer with build suffixes ordered), NuGet (SemVer with a 4th part),
 *   PyPI (PEP 440), Maven (the POM reference's version order), RubyGems (Gem::Version), Packagist
 *   (PHP's version_compare, as Composer uses it), Debian and Ubuntu (dpkg) and Alpine (apk-tools).
 *   For any other ecosystem there is no comparator: callers must say "cannot evaluate", never guess;
 * - `GIT`: commit hashes, ordered by the repository's history: never compared here.
 *
 * Every scheme parses leniently where its package manager does (a leading "v", missing minor/patch)
 * and rejects what it cannot order: `compare` throws {@link InvalidVersionError} on such a version,
 * `isValid` says beforehand.
 */
import semver, { type SemVer } from 'semver';

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

// ---- helpers -----------------------------------------------------------------------------------------

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** Compares two strings of decimal digits as (arbitrarily large) numbers. */
function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Plain code-unit (ASCII) order, as C's strcmp and Ruby's String#<=> give for ASCII text. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function makeScheme<T>(name: string, parse: (v: string) => T | undefined, cmp: (a: T, b: T) => number): VersionScheme {
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
function compareIdentifiers(a: readonly string[], b: readonly string[], foldCase = false): number {
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

// ---- SemVer 2.0 (SEMVER ranges; npm, crates.io, Go, Hex, SwiftURL) ------------------------------------

/**
 * Parses a semantic version leniently, as osv.dev does: a leading "v" (Go tags, Swift tags) or "=" is
 * dropped and a missing minor or patch number counts as 0 ("1.2" is 1.2.0); the `semver` package's
 * loose mode then accepts leading zeros and pre-release tags without a hyphen ("1.2.3beta").
 */
function parseSemver(version: string): SemVer | undefined {
  const v = version.trim().replace(/^[vV=]/, '');
  const m = /^(\d+)(\.\d+)?(\.\d+)?(.*)$/.exec(v);
  const padded = m ? `${m[1]}${m[2] ?? '.0'}${m[3] ?? '.0'}${m[4] ?? ''}` : v;
  return semver.parse(padded, { loose: true }) ?? undefined;
}

/**
 * SemVer 2.0 precedence (§11): major, minor, patch numerically; a pre-release sorts before its
 * release; pre-release identifiers compare as in {@link compareIdentifiers}; build metadata is ignored.
 */
export const semverScheme: VersionScheme = makeScheme('SemVer 2.0', parseSemver, (a, b) => a.compare(b));

/**
 * Pub (Dart) versions: SemVer, except that build suffixes count, as pub_semver orders them: a build
 * sorts after the same version without one, and builds compare like pre-release identifiers
 * (1.0.0-pre < 1.0.0-pre+build < 1.0.0 < 1.0.0+build).
 */
export const pubScheme: VersionScheme = makeScheme('Pub', parseSemver, (a, b) => {
  const c = a.compare(b);
  if (c !== 0) return c;
  if (a.build.length === 0 || b.build.length === 0) return sign(a.build.length - b.build.length);
  return compareIdentifiers(a.build, b.build);
});

// ---- NuGet ------------------------------------------------------------------------------------------

interface NuGetVersion {
  parts: [string, string, string, string];
  pre: string[];
}

/**
 * NuGet versions (https://learn.microsoft.com/nuget/concepts/package-versioning): SemVer with an
 * optional fourth "revision" number and optional minor/patch ("1" is 1.0.0.0); pre-release labels
 * compare case-insensitively; build metadata is ignored.
 */
function parseNuGet(version: string): NuGetVersion | undefined {
  const m =
    /^[vV]?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/.exec(
      version.trim(),
    );
  if (!m) return undefined;
  return { parts: [m[1] ?? '0', m[2] ?? '0', m[3] ?? '0', m[4] ?? '0'], pre: m[5] ? m[5].split('.') : [] };
}

export const nugetScheme: VersionScheme = makeScheme('NuGet', parseNuGet, (a, b) => {
  for (let i = 0; i < 4; i++) {
    const c = compareDigits(a.parts[i] ?? '0', b.parts[i] ?? '0');
    if (c !== 0) return c;
  }
  if (a.pre.length === 0 || b.pre.length === 0) return sign(b.pre.length - a.pre.length);
  return compareIdentifiers(a.pre, b.pre, true);
});

// ---- PEP 440 (PyPI) ---------------------------------------------------------------------------------

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

// ---- Maven ------------------------------------------------------------------------------------------

/** One token of a Maven version: the separator before it, and a number or a qualifier. */
interface MavenToken {
  prefix: '.' | '-';
  numeric: boolean;
  /** Digits without leading zeros, or the lower-cased qualifier after aliasing. */
  value: string;
}

/** Well-known qualifiers in order; "" is the release itself. Unknown ones sort after all of them. */
const MAVEN_QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];

/**
 * Tokenises a Maven version following the POM reference's "Version Order Specification"
 * (https://maven.apache.org/pom.html#version-order-specification), as osv.dev does:
 * - the version is split into tokens at "." and "-" and at every transition between digits and other
 *   characters; the separator is recorded, a transition counts as "-"; an empty token is "0";
 *   a qualifier after "." that ends the version or is followed by a number counts as after "-", as
 *   Maven's own ComparableVersion reads it (the POM reference does not say);
 * - qualifiers are case-insensitive; "cr" is "rc"; "ga", "final" and "release" are the release ("");
 *   "a", "b" and "m" directly followed by a number are "alpha", "beta" and "milestone";
 * - then, from the end, trailing "null" tokens (0 and the release qualifier) are trimmed, and the
 *   trimming is repeated before each remaining "-" from the end to the start
 *   (1.0.0 → 1, 1.0.0-foo.0.0 → 1-foo, 1-ga-1 → 1-1).
 */
function parseMaven(version: string): MavenToken[] | undefined {
  const v = version.trim().toLowerCase();
  if (!v || /\s/.test(v)) return undefined;
  const tokens: MavenToken[] = [];
  const pieces = v.split(/([.-])/);
  for (let i = 0; i < pieces.length; i += 2) {
    const piece = pieces[i] ?? '';
    let prefix: '.' | '-' = i === 0 ? '.' : pieces[i - 1] === '-' ? '-' : '.';
    const parts = piece === '' ? [''] : (piece.match(/\d+|\D+/g) ?? ['']);
    parts.forEach((part, j) => {
      if (j > 0) prefix = '-';
      let value = part === '' ? '0' : part;
      const numeric = /^\d+$/.test(value);
      if (numeric) value = value.replace(/^0+(?=\d)/, '');
      else {
        // Maven's own ComparableVersion reads ".X" as "-X" for a qualifier X that ends the version or
        // is followed by a number, so that 1.0.RC2 is 1-rc-2 and sorts before 1.0-RC3 (and Spring-style
        // 5.2.0.RC1 before 5.2.0.RELEASE); "1.0.foo.1" keeps its dot.
        if (tokens.length > 0 && (i === pieces.length - 1 || j < parts.length - 1)) prefix = '-';
        if (value === 'cr') value = 'rc';
        if (value === 'ga' || value === 'final' || value === 'release') value = '';
        const followedByDigit = j < parts.length - 1;
        if (followedByDigit && value === 'a') value = 'alpha';
        if (followedByDigit && value === 'b') value = 'beta';
        if (followedByDigit && value === 'm') value = 'milestone';
      }
      tokens.push({ prefix, numeric, value });
    });
  }
  const isNull = (t: MavenToken) => (t.numeric ? t.value === '0' : t.value === '');
  let i = tokens.length - 1;
  while (i > 0) {
    const t = tokens[i];
    if (t && isNull(t)) {
      tokens.splice(i, 1);
      i--;
      continue;
    }
    while (i >= 0 && tokens[i]?.prefix !== '-') i--;
    i--;
  }
  return tokens;
}

function compareMavenQualifiers(a: string, b: string): number {
  const x = MAVEN_QUALIFIERS.indexOf(a);
  const y = MAVEN_QUALIFIERS.indexOf(b);
  if (x >= 0 && y >= 0) return sign(x - y);
  if (x >= 0) return -1;
  if (y >= 0) return 1;
  return compareStrings(a, b);
}

/**
 * Maven version order (POM reference): token by token, the shorter version padded with "null"
 * tokens (0 against a number, the release qualifier "" against a qualifier). Tokens order as
 * ".qualifier" = "-qualifier" < "-number" < ".number"; numbers of the same kind numerically;
 * qualifiers alpha < beta < milestone < rc = cr < snapshot < "" = ga = final < sp < any other
 * qualifier (alphabetically). So 1.0-alpha-1 < 1.0-beta < 1.0-rc1 < 1.0-SNAPSHOT < 1.0 = 1.0.0 =
 * 1-final < 1.0-sp1 < 1.0.1.
 */
function compareMaven(a: MavenToken[], b: MavenToken[]): number {
  const rank = (t: MavenToken) => (!t.numeric ? 0 : t.prefix === '-' ? 1 : 2);
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (!x && !y) return 0;
    const l: MavenToken = x ?? { prefix: y?.prefix ?? '.', numeric: y?.numeric ?? true, value: y?.numeric ? '0' : '' };
    const r: MavenToken = y ?? { prefix: l.prefix, numeric: l.numeric, value: l.numeric ? '0' : '' };
    const c =
      rank(l) !== rank(r)
        ? sign(rank(l) - rank(r))
        : l.numeric
          ? compareDigits(l.value, r.value)
          : compareMavenQualifiers(l.value, r.value);
    if (c !== 0) return c;
  }
  return 0;
}

export const mavenScheme: VersionScheme = makeScheme('Maven', parseMaven, compareMaven);

// ---- RubyGems ---------------------------------------------------------------------------------------

/**
 * Gem::Version: a version is digits and ASCII letters separated by dots, "-" standing for ".pre.";
 * it is cut into numeric and alphabetic segments (1.0.a10 → 1, 0, "a", 10); trailing zeros are dropped
 * from the leading numeric part and from the rest ("canonical segments").
 */
function parseGem(version: string): string[] | undefined {
  const v = version.trim();
  if (!/^[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/.test(v)) return undefined;
  const segments = (v.replace(/-/g, '.pre.').match(/[0-9]+|[a-z]+/gi) ?? []).map((s) =>
    /^\d+$/.test(s) ? s.replace(/^0+(?=\d)/, '') : s,
  );
  const firstString = segments.findIndex((s) => !/^\d+$/.test(s));
  const numeric = firstString < 0 ? segments : segments.slice(0, firstString);
  const rest = firstString < 0 ? [] : segments.slice(firstString);
  const trim = (xs: string[]) => {
    const out = [...xs];
    while (out.length > 0 && out[out.length - 1] === '0') out.pop();
    return out;
  };
  return [...trim(numeric), ...trim(rest)];
}

/**
 * Gem::Version#<=>: segment by segment, a missing one is 0; a string segment (pre-release) sorts
 * before a number; numbers numerically, strings in byte order. So 1.0.a < 1.0.b1 < 1.0 < 1.0.1.
 */
function compareGem(a: string[], b: string[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? '0';
    const y = b[i] ?? '0';
    if (x === y) continue;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (!xn && yn) return -1;
    if (xn && !yn) return 1;
    return xn ? compareDigits(x, y) : compareStrings(x, y);
  }
  return 0;
}

export const rubyGemsScheme: VersionScheme = makeScheme('RubyGems', parseGem, compareGem);

// ---- Packagist (PHP version_compare) ----------------------------------------------------------------

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

// ---- dpkg (Debian, Ubuntu) --------------------------------------------------------------------------

interface DpkgVersion {
  epoch: string;
  upstream: string;
  revision: string;
}

/** [epoch:]upstream[-revision]: the epoch before the first ":", the revision after the last "-". */
function parseDpkg(version: string): DpkgVersion | undefined {
  const v = version.trim();
  if (!v || /\s/.test(v)) return undefined;
  let rest = v;
  let epoch = '0';
  const colon = v.indexOf(':');
  if (colon >= 0) {
    epoch = v.slice(0, colon);
    rest = v.slice(colon + 1);
    if (!/^\d+$/.test(epoch)) return undefined;
  }
  const hyphen = rest.lastIndexOf('-');
  const upstream = hyphen >= 0 ? rest.slice(0, hyphen) : rest;
  const revision = hyphen >= 0 ? rest.slice(hyphen + 1) : '';
  if (!upstream || (hyphen >= 0 && !revision)) return undefined;
  if (!/^[A-Za-z0-9.+~:-]+$/.test(upstream) || !/^[A-Za-z0-9.+~]*$/.test(revision)) return undefined;
  return { epoch, upstream, revision };
}

/** dpkg's character order: "~" before everything, even the end; then the end; letters; other characters. */
function dpkgOrder(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c >= '0' && c <= '9') return 0;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  if (c === '~') return -1;
  return c.charCodeAt(0) + 256;
}

/**
 * dpkg's verrevcmp (lib/dpkg/version.c): alternately compare a run of non-digits character by
 * character in {@link dpkgOrder} and a run of digits numerically, until a difference.
 */
function verrevcmp(a: string, b: string): number {
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = dpkgOrder(a[i]);
      const bc = dpkgOrder(b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

/** dpkg ordering: epoch numerically, then upstream, then revision with verrevcmp. 1:1.0 > 2.0, 1.0~rc1 < 1.0. */
export const dpkgScheme: VersionScheme = makeScheme('dpkg', parseDpkg, (a, b) => {
  return compareDigits(a.epoch, b.epoch) || verrevcmp(a.upstream, b.upstream) || verrevcmp(a.revision, b.revision);
});

// ---- apk (Alpine) -----------------------------------------------------------------------------------

/** apk-tools token types, in the order that decides between versions whose common part is equal. */
const T = {
  Invalid: -1,
  DigitOrZero: 0,
  Digit: 1,
  Letter: 2,
  Suffix: 3,
  SuffixNo: 4,
  RevisionNo: 5,
  End: 6,
} as const;
type ApkToken = (typeof T)[keyof typeof T];

const APK_PRE_SUFFIXES = ['alpha', 'beta', 'pre', 'rc'];
const APK_POST_SUFFIXES = ['cvs', 'svn', 'git', 'hg', 'p'];

/**
 * A port of apk-tools' version tokenizer (src/version.c, Gentoo-style versions):
 * digits{.digits}[letter]{_suffix[digits]}[-rN]. Suffixes alpha < beta < pre < rc sort before the plain
 * version, cvs < svn < git < hg < p after it; a component after "." that starts with zeros compares
 * as a fraction (1.01 < 1.1).
 */
class ApkCursor {
  type: ApkToken = T.Digit;
  constructor(
    private readonly s: string,
    private pos = 0,
  ) {}

  /** A copy that can read ahead without moving this cursor. */
  clone(): ApkCursor {
    const c = new ApkCursor(this.s, this.pos);
    c.type = this.type;
    return c;
  }

  private nextType(): void {
    const c = this.s[this.pos];
    let n: ApkToken = T.Invalid;
    if (c === undefined) n = T.End;
    else if ((this.type === T.Digit || this.type === T.DigitOrZero) && c >= 'a' && c <= 'z') n = T.Letter;
    else if (this.type === T.Letter && c >= '0' && c <= '9') n = T.Digit;
    else if (this.type === T.Suffix && c >= '0' && c <= '9') n = T.SuffixNo;
    else {
      if (c === '.') n = T.DigitOrZero;
      else if (c === '_') n = T.Suffix;
      else if (c === '-' && this.s[this.pos + 1] === 'r') {
        n = T.RevisionNo;
        this.pos++;
      }
      this.pos++;
    }
    if (n < this.type) {
      const allowed =
        (n === T.DigitOrZero && this.type === T.Digit) ||
        (n === T.Suffix && this.type === T.SuffixNo) ||
        (n === T.Digit && this.type === T.Letter);
      if (!allowed) n = T.Invalid;
    }
    this.type = n;
  }

  /** Reads the token of the current type and returns its value; moves `type` to the next token's type. */
  get(): number {
    if (this.pos >= this.s.length) {
      this.type = T.End;
      return 0;
    }
    const start = this.pos;
    let v = 0;
    let nt: ApkToken = T.Invalid;
    let digits = false;
    switch (this.type) {
      case T.DigitOrZero:
        if (this.s[this.pos] === '0') {
          while (this.s[this.pos] === '0') this.pos++;
          nt = T.Digit;
          v = -(this.pos - start);
          break;
        }
        digits = true;
        break;
      case T.Digit:
      case T.SuffixNo:
      case T.RevisionNo:
        digits = true;
        break;
      case T.Letter:
        v = this.s.charCodeAt(this.pos);
        this.pos++;
        break;
      case T.Suffix: {
        const rest = this.s.slice(this.pos);
        const pre = APK_PRE_SUFFIXES.findIndex((x) => rest.startsWith(x));
        if (pre >= 0) {
          v = pre - APK_PRE_SUFFIXES.length;
          this.pos += APK_PRE_SUFFIXES[pre]?.length ?? 0;
          break;
        }
        const post = APK_POST_SUFFIXES.findIndex((x) => rest.startsWith(x));
        if (post >= 0) {
          v = post;
          this.pos += APK_POST_SUFFIXES[post]?.length ?? 0;
          break;
        }
        this.type = T.Invalid;
        return -1;
      }
      default:
        this.type = T.Invalid;
        return -1;
    }
    if (digits) {
      while (this.pos < this.s.length && (this.s[this.pos] ?? '') >= '0' && (this.s[this.pos] ?? '') <= '9') {
        // Version numbers beyond 2^53 are not met in practice; saturate rather than overflow.
        v = Math.min(v * 10 + (this.s.charCodeAt(this.pos) - 48), Number.MAX_SAFE_INTEGER);
        this.pos++;
      }
    }
    if (this.pos >= this.s.length) this.type = T.End;
    else if (nt !== T.Invalid) this.type = nt;
    else this.nextType();
    return v;
  }
}

function parseApk(version: string): string | undefined {
  const v = version.trim();
  if (!v || !/^[0-9]/.test(v)) return undefined;
  const cur = new ApkCursor(v);
  while (cur.type !== T.End && cur.type !== T.Invalid) cur.get();
  return cur.type === T.End ? v : undefined;
}

/** apk_version_compare: token by token while types and values agree, then by the token types. */
function compareApk(a: string, b: string): number {
  const x = new ApkCursor(a);
  const y = new ApkCursor(b);
  let av = 0;
  let bv = 0;
  while (x.type === y.type && x.type !== T.End && x.type !== T.Invalid && av === bv) {
    av = x.get();
    bv = y.get();
  }
  if (av !== bv) return av < bv ? -1 : 1;
  if (x.type === y.type) return 0;
  // The common part is equal: the longer version is greater unless it goes on with a pre-release suffix.
  if (x.type === T.Suffix && x.clone().get() < 0) return -1;
  if (y.type === T.Suffix && y.clone().get() < 0) return 1;
  if (x.type > y.type) return -1;
  if (y.type > x.type) return 1;
  return 0;
}

export const apkScheme: VersionScheme = makeScheme('apk', parseApk, compareApk);

// ---- ecosystems -------------------------------------------------------------------------------------

/** The ECOSYSTEM ordering of each ecosystem implemented here, by OSV ecosystem name. */
const ECOSYSTEM_SCHEMES: Record<string, VersionScheme> = {
  npm: semverScheme,
  'crates.io': semverScheme,
  Go: semverScheme,
  Hex: semverScheme,
  SwiftURL: semverScheme,
  Pub: pubScheme,
  NuGet: nugetScheme,
  PyPI: pep440Scheme,
  Maven: mavenScheme,
  RubyGems: rubyGemsScheme,
  Packagist: packagistScheme,
  Debian: dpkgScheme,
  Ubuntu: dpkgScheme,
  Alpine: apkScheme,
};

const BY_LOWER = new Map(Object.entries(ECOSYSTEM_SCHEMES).map(([k, v]) => [k.toLowerCase(), v]));

/**
 * The ecosystem without its ":suffix" (a release such as "Alpine:v3.16", "Debian:11",
 * "Ubuntu:22.04:LTS", or a repository such as "Maven:https://maven.google.com").
 */
export function ecosystemBase(ecosystem: string): string {
  const i = ecosystem.indexOf(':');
  return (i < 0 ? ecosystem : ecosystem.slice(0, i)).trim();
}

/**
 * The version ordering for a range of `rangeType` in `ecosystem` (any ":suffix" ignored): SemVer 2.0
 * for SEMVER ranges whatever the ecosystem, the ecosystem's own ordering for ECOSYSTEM ranges, or
 * undefined when that ordering is not implemented here.
 */
export function versionScheme(ecosystem: string, rangeType: RangeType): VersionScheme | undefined {
  if (rangeType === 'SEMVER') return semverScheme;
  const base = ecosystemBase(ecosystem);
  return ECOSYSTEM_SCHEMES[base] ?? BY_LOWER.get(base.toLowerCase());
}

/**
 * The comparator for a range of `rangeType` in `ecosystem`, or undefined when this ordering is not
 * implemented (the caller reports "cannot evaluate ECOSYSTEM ranges for X"). The comparator throws
 * {@link InvalidVersionError} for a version its ecosystem cannot order.
 */
export function versionComparator(ecosystem: string, rangeType: RangeType): VersionCompare | undefined {
  return versionScheme(ecosystem, rangeType)?.compare;
}

/**
 * Compares two versions in an ecosystem's ordering; undefined when the ordering is not implemented or
 * either version is not valid in it.
 */
export function compareVersions(ecosystem: string, rangeType: RangeType, a: string, b: string): number | undefined {
  const scheme = versionScheme(ecosystem, rangeType);
  if (!scheme || !scheme.isValid(a) || !scheme.isValid(b)) return undefined;
  return scheme.compare(a, b);
}
