/** Package URLs (purl spec): parsing, normalising and the version-less key a portfolio search uses. */
import { PackageURL } from 'packageurl-js';
import { InputError } from '../../domain/errors.js';

/** The canonical form of a purl; an invalid one is an InputError naming where it stands. */
export function normalisePurl(purl: string, path: (string | number)[], file?: string): string {
  try {
    return PackageURL.fromString(purl).toString();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new InputError(
      `${file ?? 'the input'}: invalid package URL "${purl}" at ${path.join('.')}: ${why}`,
      [{ path, message: `invalid package URL: ${why}` }],
      file,
    );
  }
}

/** The purl without version, qualifiers and subpath: what "any version of X" matches. */
export function purlPackage(purl: string): string {
  return purl.replace(/[@?#].*$/, '');
}
