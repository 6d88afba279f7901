/**
 * What the XML importers do with libxml2's (xmllint-wasm's) verdict on a document: its located lines
 * become findings, and a rejected document one InputError that lists them by line — at most twenty —
 * says whether the text is not well-formed or does not fit the schema, and whether it looks cut off.
 */
import { InputError, type Issue } from '../domain/errors.js';

export interface XmlFinding {
  line: number;
  message: string;
  /** A well-formedness error (the parser's), not a schema error. */
  parser: boolean;
}

const MAX_ISSUES = 20;

/**
 * The located lines of xmllint's output for the document it knew as `docName`
 * ("input.xml:12: <message>" → line 12 and the message), the schema's namespace taken out of names.
 */
export function xmllintFindings(output: string, docName: string, namespace: RegExp): XmlFinding[] {
  const out: XmlFinding[] = [];
  const prefix = `${docName}:`;
  for (const raw of output.split('\n')) {
    if (!raw.startsWith(prefix)) continue;
    const m = /^(\d+): (.*)$/.exec(raw.slice(prefix.length));
    if (!m) continue;
    const message = m[2]!
      .replace(/^(?:element [^:]*: )?(?:Schemas validity|parser) error : /, '')
      .replace(namespace, '')
      .trim();
    out.push({ line: Number(m[1]), message, parser: /parser error/.test(m[2]!) });
  }
  return out;
}

/** A document xmllint could not judge: too large for its memory, or output without a located line. */
export function unvalidatedError(file: string | undefined, output: string): InputError {
  const where = file ?? 'the input';
  return new InputError(
    /memory|abort/i.test(output)
      ? `${where}: the XML document is too large to validate`
      : `${where}: the XML document could not be validated: ${output.trim().split('\n').slice(0, 5).join('; ')}`,
    [],
    file,
  );
}

/**
 * The error for a rejected document. `valid` says what it failed to be ("a valid ArchiMate exchange
 * file"); `fileInLines` puts the file name before every line of the message.
 */
export function xmlRejection(
  text: string,
  found: readonly XmlFinding[],
  file: string | undefined,
  valid: string,
  fileInLines = false,
): InputError {
  const where = file ?? 'the input';
  const issues: Issue[] = found.slice(0, MAX_ISSUES).map((f) => ({ path: [`line ${f.line}`], message: f.message }));
  const more = found.length > MAX_ISSUES ? `\n… and ${found.length - MAX_ISSUES} more` : '';
  const lines = text.trimEnd().split('\n').length;
  const cutOff = found.some((f) => f.parser && f.line >= lines);
  const what = found[0]?.parser ? 'well-formed XML' : valid;
  const line = (i: Issue) => `${fileInLines ? `${where}, ` : ''}${String(i.path[0])}: ${i.message}`;
  return new InputError(
    `${where} is not ${what}:\n${issues.map(line).join('\n')}${more}` +
      (cutOff ? '\n(the text ends too early: is the file cut off?)' : ''),
    issues,
    file,
  );
}
