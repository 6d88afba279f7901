/**
 * CycloneDX JSON (spec 1.2–1.7) → ParsedSbom. The document is read whole with the project's JSON
 * reader (size and depth limits, line and column on syntax errors) and validated against the
 * official schema of its spec version, shipped in @cyclonedx/cyclonedx-library.
 */
import type { ValidateFunction } from 'ajv';
import { InputError } from '../../domain/errors.js';
import { parseJsonText } from '../json-text.js';
import { cycloneDxToSbom, type CdxBom } from './cyclonedx-model.js';
import { newAjv, packageSchema, validateOrThrow, withoutUniqueItems } from './json-schema.js';
import type { ParsedSbom } from './sbom-model.js';

export const CYCLONEDX_VERSIONS = ['1.2', '1.3', '1.4', '1.5', '1.6', '1.7'] as const;

const LIBRARY = '@cyclonedx/cyclonedx-library';
const validators = new Map<string, ValidateFunction>();

function validatorFor(version: string): ValidateFunction {
  let v = validators.get(version);
  if (v) return v;
  const ajv = newAjv();
  // The bom schemas refer to these by their file names, next to their own $id.
  for (const [file, id] of [
    ['spdx.SNAPSHOT.schema.json', 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json'],
    ['jsf-0.82.SNAPSHOT.schema.json', 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json'],
    // 1.7 moved the cryptographic algorithm lists into a schema of their own.
    ['cryptography-defs.SNAPSHOT.schema.json', 'http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json'],
  ] as const)
    ajv.addSchema({ ...packageSchema(LIBRARY, `res/schema/${file}`), $id: id });
  v = ajv.compile(
    withoutUniqueItems(packageSchema(LIBRARY, `res/schema/bom-${version}.SNAPSHOT.schema.json`)) as object,
  );
  validators.set(version, v);
  return v;
}

/** Parses and validates a CycloneDX JSON document. */
export function parseCycloneDxJson(text: string, file?: string): ParsedSbom {
  const doc = parseJsonText(text, { file }) as Record<string, unknown>;
  return fromCycloneDxObject(doc, file);
}

export function fromCycloneDxObject(doc: Record<string, unknown>, file?: string): ParsedSbom {
  const where = file ?? 'the input';
  if (doc?.bomFormat !== 'CycloneDX')
    throw new InputError(
      `${where}: not a CycloneDX document ("bomFormat" must be "CycloneDX")`,
      [{ path: ['bomFormat'], message: 'must be "CycloneDX"' }],
      file,
    );
  const version = String(doc.specVersion);
  if (!(CYCLONEDX_VERSIONS as readonly string[]).includes(version))
    throw new InputError(
      `${where}: CycloneDX spec version "${version}" is not supported (JSON: ${CYCLONEDX_VERSIONS.join(', ')})`,
      [{ path: ['specVersion'], message: `one of ${CYCLONEDX_VERSIONS.join(', ')}` }],
      file,
    );
  validateOrThrow(validatorFor(version), doc, `CycloneDX ${version}`, file);
  return cycloneDxToSbom(doc as CdxBom, version, file);
}
