/**
 * Whether a package version is affected by an OSV record, by the schema's evaluation algorithm
 * (https://ossf.github.io/osv-schema/#evaluation), and the mapping from package URLs to OSV packages.
 *
 * The algorithm, for each `affected` entry whose package is the one asked about:
 * - the version is affected when it is in the entry's `versions` list;
 * - or when, in one of its SEMVER or ECOSYSTEM ranges, it is before one of the range's `limit`
 *   events (none means no limit) and, walking the events sorted by version ("0" first), the last
 *   event that applies is an `introduced` (v >= introduced) rather than a `fixed` (v >= fixed) or a
 *   `last_affected` (v > last_affected).
 * GIT ranges (commit hashes) need the repository's history and are not evaluated; the schema asks
 * records with GIT ranges to list the affected versions, so the `versions` list stands for them. A
 * withdrawn record affects nothing. When a range cannot be evaluated (an ecosystem whose ordering is
 * not implemented, a version its ecosystem cannot parse) and nothing else says "affected", the
 * answer is `affected: undefined` with the reason, never a guess.
 */
import { PackageURL } from 'packageurl-js';
import type { OsvAffected, OsvEvent, OsvRange, OsvRecord } from './osv-record.js';
import { ecosystemBase, versionScheme, type VersionScheme } from './version-order.js';

/** A package as OSV names it: ecosystem (maybe with ":release") and name. */
export interface OsvPackageRef {
  ecosystem: string;
  name: string;
}

/** The verdict and why; `affected: undefined` when the record cannot be evaluated for this version. */
export type AffectedResult = { affected: boolean; reason: string } | { affected: undefined; reason: string };

/** The OSV ecosystem names (osv-schema's ecosystems list), to match names given in another case. */
const OSV_ECOSYSTEMS = [
  'AlmaLinux',
  'Alpaquita',
  'Alpine',
  'Android',
  'Azure Linux',
  'BellSoft Hardened Containers',
  'Bioconductor',
  'Bitnami',
  'Chainguard',
  'CleanStart',
  'ConanCenter',
  'CRAN',
  'crates.io',
  'Debian',
  'Docker Hardened Images',
  'Echo',
  'FreeBSD',
  'GHC',
  'GitHub Actions',
  'Go',
  'Hackage',
  'Hex',
  'Julia',
  'Kubernetes',
  'Linux',
  'Mageia',
  'Maven',
  'MinimOS',
  'npm',
  'NuGet',
  'opam',
  'openEuler',
  'openSUSE',
  'OSS-Fuzz',
  'Packagist',
  'Photon OS',
  'Pub',
  'PyPI',
  'Red Hat',
  'Rocky Linux',
  'Root',
  'RubyGems',
  'SUSE',
  'SwiftURL',
  'TuxCare',
  'Ubuntu',
  'VSCode',
  'Wolfi',
];
const CANONICAL = new Map(OSV_ECOSYSTEMS.map((e) => [e.toLowerCase(), e]));

/** The ecosystem's OSV spelling without its ":suffix" ("pypi" → "PyPI", "Debian:11" → "Debian"). */
function canonicalBase(ecosystem: string): string {
  const base = ecosystemBase(ecosystem);
  return CANONICAL.get(base.toLowerCase()) ?? base;
}

/** The ":suffix" of an ecosystem (a release or a repository), if any. */
function ecosystemSuffix(ecosystem: string): string | undefined {
  const i = ecosystem.indexOf(':');
  return i < 0 ? undefined : ecosystem.slice(i + 1).trim();
}

/** PEP 503 normalised name: lower case, each run of "-", "_" and "." one "-". */
export function normalisePypiName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, '-');
}

/**
 * A package name in the form used to compare it within its ecosystem: PyPI per PEP 503; NuGet,
 * Packagist, Hex, Pub, crates.io ("-" = "_"), Debian, Ubuntu, Alpine and GitHub Actions names are
 * case-insensitive; a SwiftURL is compared without scheme, trailing "/" or ".git". Other names
 * (npm incl. "@scope/name", Maven "groupId:artifactId", Go module paths, RubyGems) are exact.
 */
export function normalisePackageName(ecosystem: string, name: string): string {
  const n = name.trim();
  switch (canonicalBase(ecosystem)) {
    case 'PyPI':
      return normalisePypiName(n);
    case 'crates.io':
      return n.toLowerCase().replace(/_/g, '-');
    case 'NuGet':
    case 'Packagist':
    case 'Hex':
    case 'Pub':
    case 'Debian':
    case 'Ubuntu':
    case 'Alpine':
    case 'GitHub Actions':
      return n.toLowerCase();
    case 'SwiftURL':
      return n
        .toLowerCase()
        .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
        .replace(/\/+$/, '')
        .replace(/\.git$/, '');
    default:
      return n;
  }
}

/**
 * A key that is equal for the same package however its ecosystem and name are spelt, without the
 * ecosystem's ":release" suffix: for indexing records by package. {@link affectedBy} still compares
 * the suffixes.
 */
export function osvPackageKey(pkg: OsvPackageRef): string {
  return `${canonicalBase(pkg.ecosystem)}\u0000${normalisePackageName(pkg.ecosystem, pkg.name)}`;
}

/**
 * Whether an `affected[].package` names the package asked about: same ecosystem (case-insensitive);
 * when both give a ":suffix" (release, repository) the suffixes are equal, when either gives none it
 * matches every release; same name in the ecosystem's normal form.
 */
export function packageMatches(recordPkg: OsvPackageRef, pkg: OsvPackageRef): boolean {
  if (canonicalBase(recordPkg.ecosystem) !== canonicalBase(pkg.ecosystem)) return false;
  const rs = ecosystemSuffix(recordPkg.ecosystem);
  const ps = ecosystemSuffix(pkg.ecosystem);
  if (rs !== undefined && ps !== undefined && rs.toLowerCase() !== ps.toLowerCase()) return false;
  return normalisePackageName(recordPkg.ecosystem, recordPkg.name) === normalisePackageName(pkg.ecosystem, pkg.name);
}

// ---- range evaluation -------------------------------------------------------------------------------

type EventKind = 'introduced' | 'fixed' | 'last_affected' | 'limit';
interface RangeEvent {
  kind: EventKind;
  value: string;
}

const EVENT_KINDS: EventKind[] = ['introduced', 'fixed', 'last_affected', 'limit'];

function eventOf(e: OsvEvent): RangeEvent | undefined {
  const rec = e as Partial<Record<EventKind, string>>;
  for (const kind of EVENT_KINDS) {
    const value = rec[kind];
    if (typeof value === 'string') return { kind, value };
  }
  return undefined;
}

/** `introduced: "0"`: before every version. */
const isBeginning = (e: RangeEvent) => e.kind === 'introduced' && e.value.trim() === '0';
/** A `limit` containing "*": infinity. */
const isInfinite = (e: RangeEvent) => e.kind === 'limit' && e.value.includes('*');

/** The events sorted by version, "0" first and "*" limits last; stable for equal versions. */
function sortEvents(events: RangeEvent[], scheme: VersionScheme): RangeEvent[] {
  const sentinel = (e: RangeEvent) => (isBeginning(e) ? -1 : isInfinite(e) ? 1 : 0);
  return [...events].sort((a, b) => {
    const sa = sentinel(a);
    const sb = sentinel(b);
    if (sa !== 0 || sb !== 0) return sa - sb;
    return scheme.compare(a.value, b.value);
  });
}

interface Interval {
  from?: string;
  to?: string;
  toIncluded: boolean;
}

/** The affected intervals the sorted events describe, for reasons: ">=2.0-beta9 <2.15.0". */
function intervalsOf(sorted: RangeEvent[]): Interval[] {
  const out: Interval[] = [];
  let open: RangeEvent | undefined;
  for (const e of sorted) {
    if (e.kind === 'introduced') open ??= e;
    else if ((e.kind === 'fixed' || e.kind === 'last_affected') && open) {
      out.push({
        from: isBeginning(open) ? undefined : open.value,
        to: e.value,
        toIncluded: e.kind === 'last_affected',
      });
      open = undefined;
    }
  }
  if (open) out.push({ from: isBeginning(open) ? undefined : open.value, toIncluded: false });
  return out;
}

function describeInterval(i: Interval): string {
  const parts = [
    i.from !== undefined ? `>=${i.from}` : '',
    i.to !== undefined ? `${i.toIncluded ? '<=' : '<'}${i.to}` : '',
  ];
  const s = parts.filter(Boolean).join(' ');
  return s || 'every version';
}

function describeRange(sorted: RangeEvent[]): string {
  const intervals = intervalsOf(sorted).map(describeInterval);
  const limits = sorted.filter((e) => e.kind === 'limit' && !isInfinite(e)).map((e) => `<${e.value}`);
  const s = intervals.length > 0 ? intervals.join(', ') : 'no version';
  return limits.length > 0 ? `${s} (limit ${limits.join(' or ')})` : s;
}

type RangeVerdict =
  | { state: 'affected'; interval: string }
  | { state: 'unaffected'; description: string }
  | { state: 'unknown'; note: string };

/** IncludedInRanges for one SEMVER or ECOSYSTEM range, with the version already known to be valid. */
function evaluateRange(range: OsvRange, scheme: VersionScheme, version: string): RangeVerdict {
  const events = range.events.map(eventOf).filter((e): e is RangeEvent => e !== undefined);
  const bad = events.find((e) => !isBeginning(e) && !isInfinite(e) && !scheme.isValid(e.value));
  if (bad)
    return { state: 'unknown', note: `the ${bad.kind} version "${bad.value}" is not a valid ${scheme.name} version` };
  const sorted = sortEvents(events, scheme);
  const description = describeRange(sorted);

  // BeforeLimits: no limit event stands for an implicit "*".
  const limits = sorted.filter((e) => e.kind === 'limit');
  const beforeLimits = limits.length === 0 || limits.some((e) => isInfinite(e) || scheme.compare(version, e.value) < 0);
  if (!beforeLimits) return { state: 'unaffected', description };

  let vulnerable = false;
  let from: RangeEvent | undefined;
  for (const e of sorted) {
    if (e.kind === 'introduced' && (isBeginning(e) || scheme.compare(version, e.value) >= 0)) {
      if (!vulnerable) from = e;
      vulnerable = true;
    } else if (e.kind === 'fixed' && scheme.compare(version, e.value) >= 0) vulnerable = false;
    else if (e.kind === 'last_affected' && scheme.compare(version, e.value) > 0) vulnerable = false;
  }
  if (!vulnerable || !from) return { state: 'unaffected', description };
  const start = from;
  const end = sorted.slice(sorted.indexOf(start) + 1).find((e) => e.kind === 'fixed' || e.kind === 'last_affected');
  const interval = describeInterval({
    from: isBeginning(start) ? undefined : start.value,
    to: end?.value,
    toIncluded: end?.kind === 'last_affected',
  });
  return { state: 'affected', interval };
}

/** Whether `version` is in the `versions` list: the same string, or equal in the ecosystem's order. */
function listed(versions: readonly string[], version: string, scheme: VersionScheme | undefined): string | undefined {
  const exact = versions.find((v) => v.trim() === version);
  if (exact !== undefined) return exact;
  if (!scheme || !scheme.isValid(version)) return undefined;
  return versions.find((v) => scheme.isValid(v) && scheme.compare(v, version) === 0);
}

/**
 * Whether `pkg` at `version` is affected by `record`, by the OSV evaluation algorithm (see the
 * file's comment), with the reason in words. `affected: undefined` means the record concerns the
 * package but could not be evaluated for this version (ECOSYSTEM ranges of an ecosystem without an
 * implemented ordering, a version that does not parse, only GIT ranges).
 */
export function affectedBy(record: OsvRecord, pkg: OsvPackageRef, version: string): AffectedResult {
  const v = version.trim();
  const label = `${pkg.ecosystem} package ${pkg.name}`;
  if (record.withdrawn) return { affected: false, reason: `${record.id} was withdrawn on ${record.withdrawn}` };

  const entries = (record.affected ?? []).filter(
    (a): a is OsvAffected & { package: OsvPackageRef } => a.package !== undefined && packageMatches(a.package, pkg),
  );
  if (entries.length === 0) return { affected: false, reason: `${record.id} does not concern the ${label}` };
  if (!v) return { affected: undefined, reason: `no version of the ${label} is known to compare with ${record.id}` };

  const notes: string[] = [];
  const outside: string[] = [];
  let versionsListed = 0;
  let gitSkipped = false;
  for (const entry of entries) {
    const eco = entry.package.ecosystem;
    const where = eco === pkg.ecosystem ? '' : ` (as ${eco})`;
    const versions = entry.versions ?? [];
    versionsListed += versions.length;
    const hit = listed(versions, v, versionScheme(eco, 'ECOSYSTEM'));
    if (hit !== undefined) {
      const as = hit.trim() === v ? '' : ` (as "${hit}")`;
      return {
        affected: true,
        reason: `${pkg.name} ${v} is listed among the affected versions of ${record.id}${as}${where}`,
      };
    }
    const ranges = entry.ranges ?? [];
    for (const range of ranges) {
      if (range.type === 'GIT') {
        gitSkipped = true;
        continue;
      }
      const scheme = versionScheme(eco, range.type);
      if (!scheme) {
        notes.push(
          `cannot evaluate ECOSYSTEM ranges for ${ecosystemBase(eco)}: no version ordering is implemented for it`,
        );
        continue;
      }
      if (!scheme.isValid(v)) {
        notes.push(`"${v}" is not a valid ${scheme.name} version, so its ${range.type} range cannot be evaluated`);
        continue;
      }
      const verdict = evaluateRange(range, scheme, v);
      if (verdict.state === 'affected')
        return {
          affected: true,
          reason: `${pkg.name} ${v} is in the affected range ${verdict.interval} of ${record.id} (${range.type}, ${scheme.name} order)${where}`,
        };
      if (verdict.state === 'unknown') notes.push(`cannot evaluate its ${range.type} range: ${verdict.note}`);
      else outside.push(verdict.description);
    }
    if (versions.length === 0 && ranges.length > 0 && ranges.every((r) => r.type === 'GIT'))
      notes.push("it gives only GIT ranges, which need the repository's commit history, and no versions list");
  }

  if (notes.length > 0)
    return {
      affected: undefined,
      reason: `cannot tell whether ${pkg.name} ${v} is affected by ${record.id}: ${[...new Set(notes)].join('; ')}`,
    };
  const parts: string[] = [];
  if (outside.length > 0) parts.push(`outside its affected ranges (${outside.join('; ')})`);
  if (versionsListed > 0) parts.push(`not among its ${versionsListed} listed versions`);
  let reason = `${pkg.name} ${v} is not affected by ${record.id}: ${parts.join(' and ') || 'it gives no affected versions or ranges'}`;
  if (gitSkipped) reason += '; its GIT ranges were not evaluated (the versions list stands for them)';
  return { affected: false, reason };
}

// ---- package URLs -----------------------------------------------------------------------------------

const DEBIAN_RELEASES: Record<string, string> = {
  wheezy: '7',
  jessie: '8',
  stretch: '9',
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
  forky: '14',
  sid: 'sid',
};
const UBUNTU_RELEASES: Record<string, string> = {
  trusty: '14.04',
  xenial: '16.04',
  bionic: '18.04',
  focal: '20.04',
  jammy: '22.04',
  noble: '24.04',
};

/** "debian-11", "debian-11.6", "bookworm", "11" → "Debian:11"; anything else → "Debian". */
function debianEcosystem(distro: string | undefined): string {
  const d = (distro ?? '')
    .trim()
    .toLowerCase()
    .replace(/^debian-/, '');
  const release = DEBIAN_RELEASES[d] ?? /^(\d+)(?:\.\d+)*$/.exec(d)?.[1];
  return release ? `Debian:${release}` : 'Debian';
}

/** "ubuntu-22.04", "jammy" → "Ubuntu:22.04:LTS" (LTS: an even year's .04 release); else "Ubuntu". */
function ubuntuEcosystem(distro: string | undefined): string {
  const d = (distro ?? '')
    .trim()
    .toLowerCase()
    .replace(/^ubuntu-/, '');
  const release = UBUNTU_RELEASES[d] ?? /^\d\d\.\d\d$/.exec(d)?.[0];
  if (!release) return 'Ubuntu';
  const [yy, mm] = release.split('.').map(Number);
  const lts = mm === 4 && yy !== undefined && yy % 2 === 0;
  return `Ubuntu:${release}${lts ? ':LTS' : ''}`;
}

/** "alpine-3.16.2", "3.16", "v3.16" → "Alpine:v3.16"; anything else → "Alpine". */
function alpineEcosystem(distro: string | undefined): string {
  const m = /^(?:alpine-)?v?(\d+\.\d+)/.exec((distro ?? '').trim().toLowerCase());
  return m ? `Alpine:v${m[1]}` : 'Alpine';
}

function parsePurl(purl: string): PackageURL | undefined {
  try {
    return PackageURL.fromString(purl.trim());
  } catch {
    return undefined;
  }
}

function osvPackageOf(p: PackageURL): OsvPackageRef | undefined {
  const ns = p.namespace ?? undefined;
  const name = p.name;
  const distro = p.qualifiers?.distro;
  const joined = (sep: string) => (ns ? `${ns}${sep}${name}` : name);
  switch (p.type) {
    case 'npm':
      return { ecosystem: 'npm', name: joined('/') };
    case 'pypi':
      return { ecosystem: 'PyPI', name: normalisePypiName(name) };
    case 'maven':
      return ns ? { ecosystem: 'Maven', name: `${ns}:${name}` } : undefined;
    case 'golang':
      return { ecosystem: 'Go', name: joined('/') };
    case 'cargo':
      return { ecosystem: 'crates.io', name };
    case 'gem':
      return { ecosystem: 'RubyGems', name };
    case 'composer':
      return { ecosystem: 'Packagist', name: joined('/') };
    case 'nuget':
      return { ecosystem: 'NuGet', name };
    case 'hex':
      // The namespace is a private Hex organisation; OSV names public packages by name alone.
      return { ecosystem: 'Hex', name };
    case 'pub':
      return { ecosystem: 'Pub', name };
    case 'swift':
      return ns ? { ecosystem: 'SwiftURL', name: `${ns}/${name}` } : undefined;
    case 'deb': {
      const vendor = (ns ?? '').toLowerCase();
      if (vendor === 'debian') return { ecosystem: debianEcosystem(distro), name };
      if (vendor === 'ubuntu') return { ecosystem: ubuntuEcosystem(distro), name };
      return undefined;
    }
    case 'apk': {
      const vendor = (ns ?? 'alpine').toLowerCase();
      if (vendor === 'alpine') return { ecosystem: alpineEcosystem(distro), name };
      if (vendor === 'wolfi') return { ecosystem: 'Wolfi', name };
      if (vendor === 'chainguard') return { ecosystem: 'Chainguard', name };
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The OSV package a package URL names, or undefined when the purl does not parse or its type has no
 * OSV ecosystem here. npm → npm ("@scope/name"), pypi → PyPI (PEP 503 name), maven → Maven
 * ("groupId:artifactId"), golang → Go ("namespace/name"), cargo → crates.io, gem → RubyGems,
 * composer → Packagist ("vendor/name"), nuget → NuGet, hex → Hex, pub → Pub, swift → SwiftURL
 * ("github.com/owner/repo"), deb → Debian or Ubuntu by namespace (release from the `distro`
 * qualifier, e.g. "Debian:11"), apk → Alpine (release from `distro`, e.g. "Alpine:v3.16"; the wolfi
 * and chainguard namespaces → Wolfi, Chainguard).
 */
export function purlToOsvPackage(purl: string): OsvPackageRef | undefined {
  const p = parsePurl(purl);
  return p ? osvPackageOf(p) : undefined;
}

/**
 * The OSV API query for a package URL: its package and, when the purl has one, its version (for Go
 * without the leading "v", as OSV's Go records write versions).
 */
export function purlToOsvQuery(purl: string): { package: OsvPackageRef; version?: string } | undefined {
  const p = parsePurl(purl);
  const pkg = p ? osvPackageOf(p) : undefined;
  if (!p || !pkg) return undefined;
  const raw = p.version ?? undefined;
  if (!raw) return { package: pkg };
  return { package: pkg, version: p.type === 'golang' ? raw.replace(/^v(?=\d)/, '') : raw };
}
