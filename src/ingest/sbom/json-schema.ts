/**
 * JSON Schema validation for SBOM formats with ajv, compiled once per schema. `uniqueItems` is
 * taken out of the schemas before compiling: ajv checks it by comparing every pair of items, which
 * is quadratic in the number of components; the importers check the identifiers that must be
 * unique themselves, with a Set.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { InputError, type Issue } from '../../domain/errors.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** A copy of a schema without `uniqueItems` anywhere in it. */
export function withoutUniqueItems(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutUniqueItems);
  if (schema && typeof schema === 'object')
    return Object.fromEntries(
      Object.entries(schema)
        .filter(([k]) => k !== 'uniqueItems')
        .map(([k, v]) => [k, withoutUniqueItems(v)]),
    );
  return schema;
}

export function newAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // Formats the CycloneDX schemas use that ajv-formats does not define: checked loosely.
  ajv.addFormat('iri-reference', true);
  ajv.addFormat('idn-email', true);
  return ajv;
}

const require = createRequire(import.meta.url);

/** A schema file shipped inside an installed package (found next to its package.json). */
export function packageSchema(pkg: string, file: string): Record<string, unknown> {
  const dir = dirname(require.resolve(`${pkg}/package.json`));
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
}

const MAX_ISSUES = 20;

/** Validates `data`; on failure, an InputError naming the file and each failing field (at most 20). */
export function validateOrThrow(
  validate: ValidateFunction,
  data: unknown,
  what: string,
  file: string | undefined,
  ignore: (e: ErrorObject) => boolean = () => false,
): void {
  if (validate(data)) return;
  const errors = (validate.errors ?? []).filter((e) => !ignore(e));
  if (!errors.length) return;
  const issues: Issue[] = errors.slice(0, MAX_ISSUES).map((e) => ({
    path: e.instancePath
      .split('/')
      .slice(1)
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~'))),
    message: e.message ?? e.keyword,
  }));
  const more = errors.length > MAX_ISSUES ? `\n… and ${errors.length - MAX_ISSUES} more` : '';
  throw new InputError(
    `${file ?? 'the input'} is not valid ${what}:\n${issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('\n')}${more}`,
    issues,
    file,
  );
}
