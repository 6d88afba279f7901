/**
 * Runs a zod schema and turns its issues into an InputError that names each field and says what
 * is wrong in words a person understands.
 */
import type { z } from 'zod';
import { InputError, describeIssues, type Issue } from './errors.js';

export function zodIssues(error: z.ZodError, prefix: (string | number)[] = []): Issue[] {
  return error.issues.map((i) => ({
    path: [...prefix, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: i.message,
  }));
}

export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
  options: { file?: string; prefix?: (string | number)[] } = {},
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = zodIssues(result.error, options.prefix);
  const where = options.file ? ` in ${options.file}` : '';
  throw new InputError(`invalid ${what}${where}:\n${describeIssues(issues.slice(0, 20))}`, issues, options.file);
}
