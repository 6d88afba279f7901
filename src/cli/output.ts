/**
 * How the CLI prints: JSON for scripts (--json), aligned columns for people, and errors as a
 * message (or a JSON error object) with an exit code per kind of error.
 */
import { ConflictError, InputError, NotFoundError, formatPath } from '../domain/index.js';

export interface OutputOptions {
  json?: boolean;
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/**
 * Prints rows as aligned columns under a header. Cells wider than 60 characters are cut; columns
 * named in `keepEnd` lose their start instead of their end, for values such as locations whose
 * end ("line 3") matters more than their start.
 */
export function printTable(
  headers: string[],
  rows: (string | number | undefined)[][],
  { keepEnd = [] }: { keepEnd?: number[] } = {},
): void {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === undefined ? '' : String(c))))];
  const widths = headers.map((_, i) => Math.min(60, Math.max(...cells.map((r) => (r[i] ?? '').length))));
  const cut = (c: string, i: number, w: number) =>
    keepEnd.includes(i) ? '…' + c.slice(c.length - w + 1) : c.slice(0, w - 1) + '…';
  const line = (r: string[]) =>
    r
      .map((c, i) => (c.length > widths[i]! ? cut(c, i, widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  process.stdout.write(cells.map(line).join('\n') + '\n');
}

export const EXIT = { ok: 0, failure: 1, input: 2, notFound: 3, conflict: 4 } as const;

export function reportError(err: unknown, { json }: OutputOptions): number {
  const code =
    err instanceof InputError
      ? EXIT.input
      : err instanceof NotFoundError
        ? EXIT.notFound
        : err instanceof ConflictError
          ? EXIT.conflict
          : EXIT.failure;
  const message = err instanceof Error ? err.message : String(err);
  if (json) {
    const issues =
      err instanceof InputError ? err.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) : undefined;
    process.stderr.write(
      JSON.stringify({ error: err instanceof Error ? err.name : 'Error', message, ...(issues ? { issues } : {}) }) +
        '\n',
    );
  } else {
    process.stderr.write(`stapel: ${message}\n`);
  }
  return code;
}
