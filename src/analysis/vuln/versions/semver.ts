/** SemVer 2.0 (SEMVER ranges; npm, crates.io, Go, Hex, SwiftURL), Pub and NuGet. */
import semver, { type SemVer } from 'semver';
import { sign, compareDigits, makeScheme, compareIdentifiers, type VersionScheme } from './scheme.js';

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
