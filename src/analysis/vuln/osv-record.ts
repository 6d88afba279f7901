/**
 * OSV vulnerability records (https://ossf.github.io/osv-schema/, schema 1.x): the subset of the
 * format Stapel reads, and a check of the fields and shapes it relies on. Unknown fields are kept
 * and ignored, as the schema asks of clients ("ignore unexpected fields"); enumerated values that may
 * grow (ecosystems, severity and reference types) are not restricted, so that a newer record still
 * loads.
 */
import { describeIssues, InputError, type Issue } from '../../domain/errors.js';

export type OsvRangeType = 'GIT' | 'SEMVER' | 'ECOSYSTEM';

/** One event of a range: exactly one of the four keys. */
export type OsvEvent = { introduced: string } | { fixed: string } | { last_affected: string } | { limit: string };

export interface OsvRange {
  type: OsvRangeType;
  /** The repository, required for GIT ranges. */
  repo?: string;
  events: OsvEvent[];
  database_specific?: Record<string, unknown>;
}

export interface OsvPackage {
  /** OSV ecosystem, possibly with a ":suffix" (a release such as "Debian:11", or a repository). */
  ecosystem: string;
  name: string;
  purl?: string;
}

export interface OsvSeverity {
  /** CVSS_V2, CVSS_V3, CVSS_V4, Ubuntu, … */
  type: string;
  score: string;
}

export interface OsvAffected {
  package?: OsvPackage;
  severity?: OsvSeverity[] | null;
  ranges?: OsvRange[];
  versions?: string[];
  ecosystem_specific?: Record<string, unknown>;
  database_specific?: Record<string, unknown>;
}

export interface OsvReference {
  /** ADVISORY, ARTICLE, DETECTION, DISCUSSION, REPORT, FIX, INTRODUCED, GIT, PACKAGE, EVIDENCE, WEB */
  type: string;
  url: string;
}

export interface OsvCredit {
  name: string;
  contact?: string[];
  type?: string;
}

export interface OsvRecord {
  schema_version?: string;
  id: string;
  /** RFC 3339 timestamp of the last change. */
  modified: string;
  published?: string;
  /** Set when the record was withdrawn: it then affects nothing. */
  withdrawn?: string;
  aliases?: string[] | null;
  related?: string[];
  upstream?: string[];
  summary?: string;
  details?: string;
  severity?: OsvSeverity[] | null;
  affected?: OsvAffected[] | null;
  references?: OsvReference[] | null;
  credits?: OsvCredit[];
  database_specific?: Record<string, unknown>;
}

/** A record that does not have the OSV shape; `issues` locate each problem, `recordId` names it. */
export class OsvRecordError extends InputError {
  constructor(
    message: string,
    issues: Issue[],
    readonly recordId: string | undefined,
  ) {
    super(message, issues);
  }
}

const EVENT_KEYS = ['introduced', 'fixed', 'last_affected', 'limit'] as const;
const RANGE_TYPES: readonly string[] = ['GIT', 'SEMVER', 'ECOSYSTEM'];

type Path = (string | number)[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks that `value` is an OSV record in the shape Stapel uses and returns it typed; throws an
 * {@link OsvRecordError} that names `where` (a file, "OSV API", …), the record id and every field in
 * error otherwise. Checked: `id` and `modified` present; timestamps parse; lists and objects have
 * their types; each affected package has `ecosystem` and `name`; each range has a known `type`, a
 * `repo` when GIT, and non-empty `events` with exactly one of introduced / fixed / last_affected /
 * limit each, at least one `introduced`, and not both `fixed` and `last_affected`.
 */
export function checkOsvRecord(value: unknown, where: string): OsvRecord {
  const issues: Issue[] = [];
  const issue = (path: Path, message: string) => issues.push({ path, message });

  if (!isObject(value)) {
    const what = Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
    throw new OsvRecordError(
      `${where}: an OSV record must be a JSON object, not ${what}`,
      [{ path: [], message: `must be a JSON object, not ${what}` }],
      undefined,
    );
  }
  const v = value;

  const str = (path: Path, x: unknown, required = false): boolean => {
    if (x === undefined) {
      if (required) issue(path, 'is required');
      return false;
    }
    if (typeof x !== 'string') {
      issue(path, `must be a string, not ${JSON.stringify(x)}`);
      return false;
    }
    return true;
  };
  const timestamp = (path: Path, x: unknown, required = false) => {
    if (str(path, x, required) && Number.isNaN(Date.parse(x as string)))
      issue(path, `must be an RFC 3339 timestamp, not "${x as string}"`);
  };
  const strings = (path: Path, x: unknown, nullable = false) => {
    if (x === undefined || (nullable && x === null)) return;
    if (!Array.isArray(x)) return issue(path, 'must be a list of strings');
    x.forEach((s, i) => str([...path, i], s));
  };
  const object = (path: Path, x: unknown) => {
    if (x !== undefined && !isObject(x)) issue(path, 'must be an object');
  };
  const list = (path: Path, x: unknown, each: (item: Record<string, unknown>, at: Path) => void, nullable = false) => {
    if (x === undefined || (nullable && x === null)) return;
    if (!Array.isArray(x)) return issue(path, 'must be a list');
    x.forEach((item, i) => {
      if (!isObject(item)) issue([...path, i], 'must be an object');
      else each(item, [...path, i]);
    });
  };
  const severity = (path: Path, x: unknown) =>
    list(
      path,
      x,
      (s, at) => {
        str([...at, 'type'], s.type, true);
        str([...at, 'score'], s.score, true);
      },
      true,
    );

  if (str(['id'], v.id, true) && (v.id as string).trim() === '') issue(['id'], 'must not be empty');
  timestamp(['modified'], v.modified, true);
  timestamp(['published'], v.published);
  timestamp(['withdrawn'], v.withdrawn);
  str(['schema_version'], v.schema_version);
  strings(['aliases'], v.aliases, true);
  strings(['related'], v.related);
  strings(['upstream'], v.upstream);
  str(['summary'], v.summary);
  str(['details'], v.details);
  severity(['severity'], v.severity);
  object(['database_specific'], v.database_specific);

  list(
    ['affected'],
    v.affected,
    (a, at) => {
      if (a.package !== undefined) {
        const p = a.package;
        if (!isObject(p)) issue([...at, 'package'], 'must be an object');
        else {
          if (str([...at, 'package', 'ecosystem'], p.ecosystem, true) && (p.ecosystem as string).trim() === '')
            issue([...at, 'package', 'ecosystem'], 'must not be empty');
          str([...at, 'package', 'name'], p.name, true);
          str([...at, 'package', 'purl'], p.purl);
        }
      }
      severity([...at, 'severity'], a.severity);
      strings([...at, 'versions'], a.versions);
      object([...at, 'ecosystem_specific'], a.ecosystem_specific);
      object([...at, 'database_specific'], a.database_specific);
      list([...at, 'ranges'], a.ranges, (r, rat) => {
        if (str([...rat, 'type'], r.type, true) && !RANGE_TYPES.includes(r.type as string))
          issue([...rat, 'type'], `must be GIT, SEMVER or ECOSYSTEM, not "${r.type as string}"`);
        str([...rat, 'repo'], r.repo, r.type === 'GIT');
        object([...rat, 'database_specific'], r.database_specific);
        if (r.events === undefined) return issue([...rat, 'events'], 'is required');
        if (!Array.isArray(r.events) || r.events.length === 0)
          return issue([...rat, 'events'], 'must be a non-empty list');
        const kinds = new Set<string>();
        let malformed = false;
        r.events.forEach((e: unknown, i) => {
          const eat = [...rat, 'events', i];
          const keys = isObject(e) ? EVENT_KEYS.filter((k) => e[k] !== undefined) : [];
          if (!isObject(e)) issue(eat, 'must be an object');
          else if (keys.length !== 1) issue(eat, 'must have exactly one of introduced, fixed, last_affected or limit');
          else if (str([...eat, keys[0] as string], e[keys[0] as string])) return kinds.add(keys[0] as string);
          malformed = true;
        });
        // Only said of well-formed events, so that one broken event gives one issue.
        if (!malformed && !kinds.has('introduced')) issue([...rat, 'events'], 'must contain an "introduced" event');
        if (kinds.has('fixed') && kinds.has('last_affected'))
          issue([...rat, 'events'], 'must not contain both "fixed" and "last_affected" events');
      });
    },
    true,
  );

  list(
    ['references'],
    v.references,
    (r, at) => {
      str([...at, 'type'], r.type, true);
      str([...at, 'url'], r.url, true);
    },
    true,
  );
  list(['credits'], v.credits, (c, at) => {
    str([...at, 'name'], c.name, true);
    strings([...at, 'contact'], c.contact);
    str([...at, 'type'], c.type);
  });

  if (issues.length > 0) {
    const id = typeof v.id === 'string' && v.id.trim() ? v.id : undefined;
    const what = id ? `OSV record "${id}"` : 'OSV record without an id';
    throw new OsvRecordError(`${where}: ${what} is invalid:\n${describeIssues(issues)}`, issues, id);
  }
  return v as unknown as OsvRecord;
}
