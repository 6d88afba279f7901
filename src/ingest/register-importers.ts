/**
 * The register importers Stapel knows, in the order their sniffers are asked when a file's format
 * is not named: the specific formats (a DORA package, an ArchiMate model) before the general ones.
 */
import { archimateImporter } from './archimate/archimate.importer.js';
import { doraImporter } from './dora/dora.importer.js';
import { csvImporter, xlsxImporter } from './tabular/index.js';
import type { RegisterImporter } from './register-import.js';

export function registerImporters(): RegisterImporter[] {
  return [doraImporter, archimateImporter, xlsxImporter, csvImporter];
}
