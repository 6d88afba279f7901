/**
 * The template definitions and cell formats: headers are unambiguous within a template, vocabulary
 * words within a vocabulary, every spec field a person fills has a column; numbers, dates, yes/no
 * and vocabulary words read as documented, and the help sheet lists every column with its values.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../domain/index.js';
import { knowledgeIndex } from '../../knowledge/knowledge-base.js';
import { cellContext, parseCell, parseDateText, parseNumberText } from './cells.js';
import {
  END_KIND_WORDS,
  TEMPLATES,
  TEMPLATE_KINDS,
  VOCABULARIES,
  columnByHeader,
  kindBySheetName,
  normaliseWord,
  vocabularyCode,
  type Column,
} from './columns.js';
import { templateXlsx } from './writer.js';

const ctx = cellContext(knowledgeIndex());
const column = (kind: (typeof TEMPLATE_KINDS)[number], en: string): Column =>
  TEMPLATES[kind].columns.find((c) => c.header.en === en)!;

describe('templates', () => {
  it.each(TEMPLATE_KINDS)('%s: every header is one column, in Dutch and English', (kind) => {
    const words = new Map<string, Column>();
    for (const c of TEMPLATES[kind].columns)
      for (const h of [c.header.nl, c.header.en]) {
        const w = normaliseWord(h);
        if (words.has(w)) expect(words.get(w)).toBe(c);
        words.set(w, c);
        expect(columnByHeader(TEMPLATES[kind], h)).toBe(c);
      }
    expect(TEMPLATES[kind].columns[0]!.header).toEqual({ nl: 'Sleutel', en: 'Key' });
  });

  it.each(TEMPLATE_KINDS)('%s: every spec field has a column (reference fields included)', (kind) => {
    const fields = Object.keys(KINDS[kind].spec.shape);
    const covered = new Set(TEMPLATES[kind].columns.map((c) => c.field.split('.')[0]));
    expect(fields.filter((f) => !covered.has(f))).toEqual([]);
  });

  it('sheet names: Dutch, English and codes', () => {
    expect(kindBySheetName('Processen')).toBe('process');
    expect(kindBySheetName('exit plans')).toBe('exitPlan');
    expect(kindBySheetName('Exitplannen')).toBe('exitPlan');
    expect(kindBySheetName('Afhankelijkheden')).toBe('dependency');
    expect(kindBySheetName('Toelichting')).toBeUndefined();
    for (const kind of TEMPLATE_KINDS) expect(TEMPLATES[kind].sheet.nl.length).toBeLessThanOrEqual(31);
  });

  it('vocabulary words stand for one code each', () => {
    for (const vocabulary of Object.values(VOCABULARIES)) {
      const seen = new Map<string, string>();
      for (const code of vocabulary.codes)
        for (const w of [code, vocabulary.labels[code]!.nl, vocabulary.labels[code]!.en].map(normaliseWord)) {
          if (seen.has(w)) expect(seen.get(w)).toBe(code);
          seen.set(w, code);
        }
    }
    const words = Object.values(END_KIND_WORDS).flat();
    expect(new Set(words).size).toBe(words.length);
  });

  it('vocabulary words ignore case, accents, hyphens', () => {
    expect(vocabularyCode(VOCABULARIES.publicInterest, 'continuiteit van publieke DIENSTVERLENING')).toBe(
      'public-service-continuity',
    );
    expect(vocabularyCode(VOCABULARIES.relation, 'Runs on')).toBe('runs-on');
    expect(vocabularyCode(VOCABULARIES.layer, 'Zachte infrastructuur')).toBe('soft-infrastructure');
    expect(vocabularyCode(VOCABULARIES.assetType, 'saas dienst')).toBe('saas');
    expect(vocabularyCode(VOCABULARIES.assetType, 'cloud')).toBeUndefined();
  });
});

describe('cells', () => {
  it('numbers with a decimal point or comma, and thousands in groups of three', () => {
    expect(parseNumberText('4,5')).toBe(4.5);
    expect(parseNumberText('4.5')).toBe(4.5);
    expect(parseNumberText('1.234.567,89')).toBe(1234567.89);
    expect(parseNumberText('1,234,567.89')).toBe(1234567.89);
    expect(parseNumberText('1.000.000')).toBe(1000000);
    expect(parseNumberText('€ 1 200')).toBe(1200);
    expect(parseNumberText('-3')).toBe(-3);
    expect(parseNumberText('1,5e+21')).toBe(1.5e21);
    for (const bad of ['12.5.3', '1,2,3', 'twelve', '1.23,4.5', '', '1..2'])
      expect(parseNumberText(bad)).toBeUndefined();
  });

  it('dates as YYYY-MM-DD or DD-MM-YYYY, real calendar days only', () => {
    expect(parseDateText('2024-02-29')).toBe('2024-02-29');
    expect(parseDateText('2024-2-9')).toBe('2024-02-09');
    expect(parseDateText('2024-02-29T10:00:00Z')).toBe('2024-02-29');
    expect(parseDateText('31-12-2026')).toBe('2026-12-31');
    expect(parseDateText('1/2/2025')).toBe('2025-02-01');
    for (const bad of ['2023-02-29', '31-02-2025', '2025/01/01', 'tomorrow', '20250101'])
      expect(parseDateText(bad)).toBeUndefined();
  });

  it('typed XLSX cells: a date, an Excel serial day in a date column, a number in a text column', () => {
    const lastTested = column('exitPlan', 'Last tested');
    expect(parseCell(lastTested, new Date(Date.UTC(2025, 2, 14) - 1), ctx)).toEqual({ value: '2025-03-14' });
    expect(parseCell(lastTested, 45730, ctx)).toEqual({ value: '2025-03-14' });
    expect(parseCell(column('party', 'KvK number'), 12345678, ctx)).toEqual({ value: '12345678' });
    expect(parseCell(column('party', 'VAT number'), 'nl 0012.34.567 b01', ctx)).toEqual({ value: 'NL0012.34.567B01' });
  });

  it('yes and no in Dutch and English', () => {
    const vital = column('process', 'Vital');
    for (const yes of ['ja', 'Ja', 'yes', 'TRUE', 'waar', '1', 'x', true])
      expect(parseCell(vital, yes, ctx)).toEqual({ value: true });
    for (const no of ['nee', 'No', 'false', 'ONWAAR', '0', false])
      expect(parseCell(vital, no, ctx)).toEqual({ value: false });
    expect(parseCell(vital, '  ', ctx)).toEqual({ empty: true });
  });

  it('countries as codes in any case, Dutch or English names, UK and EL', () => {
    const countries = column('asset', 'Hosting countries');
    expect(parseCell(countries, 'nl; Duitsland, United States; UK; EL', ctx)).toEqual({
      value: ['NL', 'DE', 'US', 'GB', 'GR'],
    });
  });
});

describe('help sheet', () => {
  it('lists every column of every kind with its values, and enum columns get a drop-down list', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateXlsx('nl')) as unknown as ExcelJS.Buffer);
    const help = wb.getWorksheet('Toelichting')!;
    const listed = new Set<string>();
    help.eachRow((row, n) => {
      if (n > 1 && row.getCell(2).value) listed.add(`${String(row.getCell(1).value)}/${String(row.getCell(2).value)}`);
    });
    for (const kind of TEMPLATE_KINDS)
      for (const c of TEMPLATES[kind].columns) expect(listed).toContain(`${TEMPLATES[kind].sheet.nl}/${c.header.nl}`);
    const typeRow = help
      .getRows(1, help.rowCount)!
      .find((r) => r.getCell(1).value === 'Assets' && r.getCell(2).value === 'Type')!;
    expect(String(typeRow.getCell(6).value)).toContain('saas (SaaS-dienst / SaaS service)');
    const assets = wb.getWorksheet('Assets')!;
    const typeColumn = TEMPLATES.asset.columns.findIndex((c) => c.field === 'type') + 1;
    expect(assets.getCell(2, typeColumn).dataValidation).toMatchObject({
      type: 'list',
      formulae: [expect.stringContaining('saas')],
    });
  });
});
