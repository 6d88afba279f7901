/**
 * Reads JSON text from an untrusted source with limits: a size cap, a nesting-depth cap checked
 * before parsing (so a hostile document cannot exhaust the stack), and errors that name the file
 * and the line and column where the text stops being JSON.
 */
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { InputError } from '../domain/index.js';

export const DEFAULT_MAX_DEPTH = 64;
export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

export interface JsonLimits {
  maxDepth?: number;
  maxBytes?: number;
  /** Named in error messages. */
  file?: string;
}

/** Line and column (1-based) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Deepest nesting of arrays and objects in `text`, ignoring brackets inside strings. */
export function jsonDepthExceeds(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // Jump over the string: most of an SBOM's bytes are inside strings, and indexOf is native.
      for (;;) {
        const end = text.indexOf('"', i + 1);
        if (end < 0) return undefined; // unterminated: JSON.parse will say where
        let slashes = 0;
        for (let j = end - 1; text.charCodeAt(j) === 92 /* \ */; j--) slashes++;
        i = end;
        if (slashes % 2 === 0) break;
      }
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > maxDepth) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}

export function parseJsonText(text: string, limits: JsonLimits = {}): unknown {
  const file = limits.file ?? 'the input';
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  if (text.length > maxBytes)
    throw new InputError(`${file} is larger than the limit of ${maxBytes} bytes`, [], limits.file);
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;
  const tooDeep = jsonDepthExceeds(text, maxDepth);
  if (tooDeep !== undefined) {
    const { line, column } = lineAndColumn(text, tooDeep);
    throw new InputError(
      `${file}: nested deeper than ${maxDepth} levels at line ${line}, column ${column}`,
      [],
      limits.file,
    );
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(describeSyntaxError(text, file, (err as Error).message), [], limits.file);
  }
}

/**
 * JSON.parse does not say where it failed; a second, strict pass with jsonc-parser (run only on
 * failure) finds the offset of the first error.
 */
function describeSyntaxError(text: string, file: string, fallback: string): string {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return `${file} is not valid JSON: ${fallback}`;
  const { line, column } = lineAndColumn(text, first.offset);
  const end = text.trimEnd().length;
  const cutOff =
    /Unexpected end/.test(fallback) ||
    errors.some((e) => e.offset + e.length >= end || printParseErrorCode(e.error).startsWith('UnexpectedEnd'));
  return (
    `${file} is not valid JSON at line ${line}, column ${column}: ${printParseErrorCode(first.error)}` +
    (cutOff ? ' (the text ends too early: is the file cut off?)' : '')
  );
}
