/** Maven's version order (the POM reference). */
import { sign, compareDigits, compareStrings, makeScheme, type VersionScheme } from './scheme.js';

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
