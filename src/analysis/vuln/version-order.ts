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
import { apkScheme } from './versions/apk.js';
import { dpkgScheme } from './versions/dpkg.js';
import { mavenScheme } from './versions/maven.js';
import { packagistScheme } from './versions/packagist.js';
import { pep440Scheme } from './versions/pep440.js';
import { rubyGemsScheme } from './versions/rubygems.js';
import type { RangeType, VersionCompare, VersionScheme } from './versions/scheme.js';
import { nugetScheme, pubScheme, semverScheme } from './versions/semver.js';

export { InvalidVersionError, type RangeType, type VersionCompare, type VersionScheme } from './versions/scheme.js';
export {
  apkScheme,
  dpkgScheme,
  mavenScheme,
  nugetScheme,
  packagistScheme,
  pep440Scheme,
  pubScheme,
  rubyGemsScheme,
  semverScheme,
};

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
