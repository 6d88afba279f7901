import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isValidLei } from '../../domain/identifiers.js';
import { DORA_TEMPLATES, type DoraReport, type DoraTemplate } from './dora-model.js';
import { readDoraPackage } from './package-reader.js';
import { CONDITIONAL, FOREIGN_KEYS, LEI_CODE_TYPE, MANDATORY, checkDoraReport, issueLocation } from './preflight.js';
import { doraTables } from './taxonomy.js';

/** An LEI with correct ISO 17442 check digits for an 18-character prefix. */
function lei(prefix: string): string {
  let rest = 0;
  for (const ch of `${prefix}00`) {
    const digits = /[0-9]/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  }
  return `${prefix}${String(98 - rest).padStart(2, '0')}`;
}

const ENTITY = lei('724500ABCDEFGHIJKL');
const PROVIDER = lei('549300CLOUDPROVIDR');

/** A small register that satisfies every check: one entity, one contract, one provider, one function. */
function validReport(): DoraReport {
  const tables = Object.fromEntries(DORA_TEMPLATES.map((t) => [t, []])) as unknown as DoraReport['tables'];
  Object.assign(tables, {
    'B_01.01': [
      { c0010: ENTITY, c0020: 'Bank NV', c0030: 'eba_GA:NL', c0040: 'eba_CT:x12', c0050: 'DNB', c0060: '2025-03-31' },
    ],
    'B_01.02': [
      {
        c0010: ENTITY,
        c0020: 'Bank NV',
        c0030: 'eba_GA:NL',
        c0040: 'eba_CT:x12',
        c0050: 'eba_RP:x53',
        c0060: ENTITY,
        c0070: '2025-03-01',
        c0080: '2025-01-01',
        c0100: 'eba_CU:EUR',
        c0110: '1500000000',
      },
    ],
    'B_02.01': [{ c0010: 'C1', c0020: 'eba_CO:x1', c0040: 'eba_CU:EUR', c0050: '120000.50' }],
    'B_02.02': [
      {
        c0010: 'C1',
        c0020: ENTITY,
        c0030: PROVIDER,
        c0040: 'eba_qCO:qx2000',
        c0050: 'F1',
        c0060: 'eba_TA:S19',
        c0070: '2024-01-01',
        c0080: '9999-12-31',
        c0100: '90',
        c0130: 'eba_GA:NL',
        c0140: 'eba_BT:x28',
        c0150: 'eba_GA:NL',
        c0160: 'eba_GA:DE',
        c0170: 'eba_ZZ:x793',
      },
    ],
    'B_03.01': [{ c0010: 'C1', c0020: ENTITY, c0030: 'true' }],
    'B_03.02': [{ c0010: 'C1', c0020: PROVIDER, c0030: 'eba_qCO:qx2000' }],
    'B_04.01': [{ c0010: 'C1', c0020: ENTITY, c0030: 'eba_ZZ:x839' }],
    'B_05.01': [
      {
        c0010: PROVIDER,
        c0020: 'eba_qCO:qx2000',
        c0050: 'Cloud Provider B.V.',
        c0070: 'eba_CT:x212',
        c0080: 'eba_GA:NL',
        c0090: 'eba_CU:EUR',
        c0100: '120000',
      },
    ],
    'B_05.02': [{ c0010: 'C1', c0020: 'eba_TA:S19', c0030: PROVIDER, c0040: 'eba_qCO:qx2000', c0050: '1' }],
    'B_06.01': [
      {
        c0010: 'F1',
        c0020: 'eba_TA:qx277',
        c0030: 'Payments',
        c0040: ENTITY,
        c0050: 'eba_BT:x28',
        c0070: '2025-01-15',
        c0080: '4',
        c0090: '1',
      },
    ],
    'B_07.01': [
      {
        c0010: 'C1',
        c0020: PROVIDER,
        c0030: 'eba_qCO:qx2000',
        c0040: 'eba_TA:S19',
        c0050: 'eba_ZZ:x961',
        c0080: 'eba_BT:x28',
        c0110: 'eba_BT:x28',
      },
    ],
  });
  return {
    entityLei: ENTITY,
    consolidation: 'IND',
    country: 'NL',
    refPeriod: '2025-03-31',
    baseCurrency: 'EUR',
    createdAt: '20250401120000000',
    filingIndicators: Object.fromEntries(
      DORA_TEMPLATES.map((t) => [t, tables[t].length > 0]),
    ) as DoraReport['filingIndicators'],
    tables,
  };
}

const only = (report: DoraReport, check: string) => checkDoraReport(report).filter((i) => i.check === check);

describe('checkDoraReport', () => {
  it('finds nothing in a small valid register', () => {
    expect(isValidLei(ENTITY) && isValidLei(PROVIDER)).toBe(true);
    expect(checkDoraReport(validReport())).toEqual([]);
  });

  it('flags an LEI with a wrong check digit, in entity columns and where the type of code says LEI', () => {
    const r = validReport();
    const bad = `${ENTITY.slice(0, 18)}${ENTITY.endsWith('1') ? '2' : '1'}${ENTITY.slice(19)}`;
    expect(isValidLei(bad)).toBe(false);
    r.tables['B_06.01'][0]!.c0040 = bad;
    r.tables['B_01.02'].push({ ...r.tables['B_01.02'][0]!, c0010: bad });
    const issues = only(r, 'lei');
    expect(issues).toContainEqual({
      template: 'B_06.01',
      row: 0,
      column: 'c0040',
      check: 'lei',
      message: `B_06.01 c0040 (LEI of the financial entity): "${bad}" is not a valid LEI (20 letters and digits ending in ISO 17442 check digits)`,
      blocking: true,
    });

    const p = validReport();
    p.tables['B_05.01'][0]!.c0110 = 'NOTANLEI';
    p.tables['B_05.01'][0]!.c0120 = 'eba_qCO:qx2000';
    p.tables['B_05.01'].push({
      ...p.tables['B_05.01'][0]!,
      c0010: 'NL123456789B01',
      c0020: 'eba_qCO:qx2004',
    });
    delete p.tables['B_05.01'][1]!.c0110;
    delete p.tables['B_05.01'][1]!.c0120;
    const typed = only(p, 'lei');
    expect(typed.map((i) => [i.template, i.row, i.column])).toEqual([['B_05.01', 0, 'c0110']]);
    expect(typed[0]!.message).toContain('is typed as an LEI (c0120) but is not a valid one');
  });

  it('flags a value outside the closed list of its column', () => {
    const r = validReport();
    r.tables['B_02.02'][0]!.c0060 = 'eba_TA:S20';
    r.tables['B_05.01'][0]!.c0080 = 'NL';
    const issues = only(r, 'closed-list');
    expect(issues.map((i) => issueLocation(i))).toEqual(['b_02.02.csv, line 2, c0060', 'b_05.01.csv, line 2, c0080']);
    expect(issues[0]!.message).toBe(
      'B_02.02 c0060 (Type of ICT services): "eba_TA:S20" is not one of the values the taxonomy allows here',
    );
    expect(issues.every((i) => i.blocking)).toBe(true);
  });

  it('flags two rows with the same key', () => {
    const r = validReport();
    r.tables['B_05.01'].push({ ...r.tables['B_05.01'][0]!, c0050: 'Other name' });
    expect(only(r, 'primary-key')).toEqual([
      {
        template: 'B_05.01',
        row: 1,
        column: 'c0010',
        check: 'primary-key',
        message:
          'B_05.01 c0010 (Identification code of the ICT third-party service provider): this row has the same key (c0010) as line 2 of b_05.01.csv',
        blocking: true,
      },
    ]);
    // a composite key: another service type under the same contract is another row
    const s = validReport();
    s.tables['B_02.02'].push({ ...s.tables['B_02.02'][0]!, c0060: 'eba_TA:S08' });
    expect(only(s, 'primary-key')).toEqual([]);
  });

  it('flags a provider in B_02.02 that B_05.01 does not list', () => {
    const r = validReport();
    const other = lei('549300OTHERPROVIDR');
    r.tables['B_02.02'][0]!.c0030 = other;
    r.tables['B_03.02'][0]!.c0020 = other;
    const issues = only(r, 'foreign-key');
    expect(issues).toContainEqual({
      template: 'B_02.02',
      row: 0,
      column: 'c0030',
      check: 'foreign-key',
      message: `B_02.02 c0030 (Identification code of the ICT third-party service provider): "${other}" is not in B_05.01 c0010 (Identification code of the ICT third-party service provider)`,
      blocking: true,
    });
    expect(issues.map((i) => issueLocation(i))).toEqual(['b_02.02.csv, line 2, c0030', 'b_03.02.csv, line 2, c0020']);
  });

  it('checks composite references: a function together with the entity it belongs to (R7)', () => {
    const r = validReport();
    r.tables['B_06.01'][0]!.c0010 = 'F2';
    expect(only(r, 'foreign-key').map((i) => i.message)).toEqual([
      `B_02.02 c0050 (Function identifier): ("F1", "${ENTITY}") (c0050, c0020) is not in B_06.01 (c0010, c0040)`,
    ]);
  });

  it('flags an empty mandatory field, and a conditional one when its condition holds', () => {
    const r = validReport();
    delete r.tables['B_05.01'][0]!.c0050;
    delete r.tables['B_02.02'][0]!.c0150;
    delete r.tables['B_02.01'][0]!.c0040;
    const issues = only(r, 'mandatory');
    expect(issues.map((i) => i.message)).toEqual([
      'B_02.01 c0040 (Currency of the amount reported): is mandatory when the annual expense (c0050) is given and empty',
      'B_02.02 c0150 (Location of the data at rest (storage)): is mandatory when data are stored (c0140) and empty',
      'B_05.01 c0050 (Legal name of the ICT third-party service provider): is mandatory and empty',
    ]);
    // no data stored: no locations needed
    const s = validReport();
    Object.assign(s.tables['B_02.02'][0]!, { c0140: 'eba_BT:x29' });
    delete s.tables['B_02.02'][0]!.c0150;
    delete s.tables['B_02.02'][0]!.c0160;
    delete s.tables['B_02.02'][0]!.c0170;
    expect(checkDoraReport(s)).toEqual([]);
  });

  it('asks a subcontractor (rank above 1) for the provider it serves, and the direct provider not', () => {
    const r = validReport();
    r.tables['B_05.02'].push({ ...r.tables['B_05.02'][0]!, c0050: '2' });
    expect(only(r, 'mandatory').map((i) => `${issueLocation(i)}: ${i.message}`)).toEqual([
      'b_05.02.csv, line 3, c0060: B_05.02 c0060 (Identification code of the recipient of sub-contracted ICT services): is mandatory when the provider is a subcontractor (rank c0050 above 1) and empty',
    ]);
    Object.assign(r.tables['B_05.02'][1]!, { c0060: PROVIDER, c0070: 'eba_qCO:qx2000' });
    expect(only(r, 'mandatory')).toEqual([]);
  });

  it('flags a date that is not YYYY-MM-DD or does not exist, and other formats by xBRL type', () => {
    const r = validReport();
    r.tables['B_02.02'][0]!.c0070 = '01-02-2024';
    r.tables['B_06.01'][0]!.c0070 = '2025-02-30';
    r.tables['B_02.01'][0]!.c0050 = '120.000,50';
    r.tables['B_06.01'][0]!.c0080 = '4.5';
    r.tables['B_03.01'][0]!.c0030 = 'yes';
    r.tables['B_05.02'][0]!.c0050 = '0';
    const issues = only(r, 'format');
    expect(issues.map((i) => `${issueLocation(i)}: ${i.message}`)).toEqual([
      'b_02.01.csv, line 2, c0050: B_02.01 c0050 (Annual expense or estimated cost of the contractual arrangement for the past year): "120.000,50" is not an amount (digits, "." before decimals, no separators)',
      'b_02.02.csv, line 2, c0070: B_02.02 c0070 (Start date of the contractual arrangement): "01-02-2024" is not a date (YYYY-MM-DD)',
      'b_03.01.csv, line 2, c0030: B_03.01 c0030 (Link): "yes" is not "true"',
      'b_06.01.csv, line 2, c0070: B_06.01 c0070 (Date of the last assessment of criticality or importance): "2025-02-30" is not a date (YYYY-MM-DD)',
      'b_06.01.csv, line 2, c0080: B_06.01 c0080 (Recovery time objective of the function): "4.5" is not a whole number',
      'b_05.02.csv, line 2, c0050: B_05.02 c0050 (Rank): "0" is not a rank (1 for the direct provider, higher for subcontractors)',
    ]);
  });

  it('flags rows in a template the filing indicators do not report, and an entity other than the package’s', () => {
    const r = validReport();
    r.filingIndicators['B_07.01'] = false;
    r.filingIndicators['B_01.03'] = true;
    r.tables['B_01.01'][0]!.c0010 = lei('724500OTHERENTITY0');
    const issues = checkDoraReport(r);
    expect(issues.filter((i) => i.check === 'filing-indicator')).toEqual([
      {
        template: 'B_01.03',
        check: 'filing-indicator',
        message: 'B_01.03: is reported in FilingIndicators.csv but has no rows',
        blocking: false,
      },
      {
        template: 'B_07.01',
        check: 'filing-indicator',
        message: 'B_07.01: has 1 row(s) but FilingIndicators.csv does not report it',
        blocking: true,
      },
    ]);
    expect(issues.filter((i) => i.check === 'consistency').map((i) => i.column)).toEqual(['c0010']);
  });

  it('finds in the EBA sample the problems its dummy data have, and no others', async () => {
    const name = 'DUMMYLEI123456789012.CON_FR_DORA010100_DORA_2024-12-31_20241213174803429.zip';
    const bytes = readFileSync(new URL(`../../../test/fixtures/dora/${name}`, import.meta.url));
    const issues = checkDoraReport(await readDoraPackage(bytes, name));
    const kinds = new Set(issues.map((i) => i.check));
    // dummy LEIs, references to nothing, an entity other than the package's; its formats, closed
    // lists and keys are right, and every template is filed
    expect([...kinds].sort()).toEqual(['consistency', 'foreign-key', 'lei']);
    expect(issues.find((i) => i.check === 'lei' && !i.row && !i.column)!.message).toContain('DUMMYLEI123456789012');
    expect(issues.every((i) => i.blocking)).toBe(true);
  });
});

describe('the rule tables', () => {
  const tables = doraTables();
  const hasColumn = (t: DoraTemplate, c: string) => tables[t].columns.some((x) => x.code === c);

  it('include every reference the taxonomy declares, and name only existing columns', () => {
    for (const t of DORA_TEMPLATES)
      for (const ref of tables[t].references) {
        const rule = /^R\d+/.exec(ref.name)![0];
        const entry = FOREIGN_KEYS.find((f) => f.source === rule);
        expect(entry, `${t} ${ref.name}`).toBeDefined();
        expect([entry!.from, entry!.columns, entry!.to], ref.name).toEqual([t, ref.columns, ref.to]);
        // the referred columns are the key of the referred template, in the same order
        expect([...entry!.toColumns].sort(), ref.name).toEqual(tables[ref.to].keys);
      }
    expect(FOREIGN_KEYS.filter((f) => f.source !== 'annex')).toHaveLength(22);
    for (const f of FOREIGN_KEYS) {
      expect(f.columns.length).toBe(f.toColumns.length);
      for (const c of f.columns) expect(hasColumn(f.from, c), `${f.from} ${c}`).toBe(true);
      for (const c of f.toColumns) expect(hasColumn(f.to, c), `${f.to} ${c}`).toBe(true);
    }
  });

  it('name existing columns, and conditions test values the taxonomy allows', () => {
    for (const t of DORA_TEMPLATES) for (const c of MANDATORY[t]) expect(hasColumn(t, c), `${t} ${c}`).toBe(true);
    for (const c of CONDITIONAL) {
      expect(hasColumn(c.template, c.column), `${c.template} ${c.column}`).toBe(true);
      const on = tables[c.template].columns.find((x) => x.code === c.when.column);
      expect(on, `${c.template} ${c.when.column}`).toBeDefined();
      for (const v of c.when.equals ?? [])
        expect(on!.allowed?.has(v), `${c.template} ${c.when.column} ${v}`).toBe(true);
    }
    const typeOfCode = tables['B_02.02'].columns.find((x) => x.code === 'c0040')!;
    expect(typeOfCode.allowed!.has(LEI_CODE_TYPE)).toBe(true);
  });
});
