/**
 * Spreadsheet registers: the CSV and XLSX templates (columns.ts), their importers and writers.
 */
export {
  TEMPLATES,
  TEMPLATE_KINDS,
  HELP_SHEET,
  VOCABULARIES,
  columnByHeader,
  kindBySheetName,
  type Column,
  type Template,
  type TemplateKind,
  type ValueType,
} from './columns.js';
export { csvImporter, readCsvRegister, detectDelimiter, MAX_SPREADSHEET_BYTES } from './csv.importer.js';
export { xlsxImporter, readXlsxRegister, MAX_XLSX_UNZIPPED_BYTES } from './xlsx.importer.js';
export { MAX_TABLE_ROWS } from './rows.js';
export {
  templateCsv,
  templateXlsx,
  writeCsv,
  writeXlsx,
  recordCells,
  type CsvWriteOptions,
  type TabularRecord,
} from './writer.js';
