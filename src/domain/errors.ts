/**
 * Domain errors, free of HTTP. The API maps them to status codes in one place
 * (src/api/error-handler.ts), the CLI to exit codes and messages.
 */

/** One problem with the input, located by a path of field names or indexes. */
export interface Issue {
  path: (string | number)[];
  message: string;
}

export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input is wrong; `issues` say where and why. Maps to 400/422. */
export class InputError extends DomainError {
  constructor(
    message: string,
    readonly issues: Issue[] = [],
    /** The file the input came from, when it came from one. */
    readonly file?: string,
    /** What a client needs besides the issues to show the problem (an import's dry-run plan). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {}

/** The change conflicts with the stored state (stale revision, duplicate id, still referenced). */
export class ConflictError extends DomainError {
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Formats a path like ["assets", 3, "layers", 0] as "assets[3].layers[0]". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(root)';
}

/** One line per issue: "field: message". */
export function describeIssues(issues: readonly Issue[]): string {
  return issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('\n');
}
