/**
 * Reads a DORA register of information (EBA xBRL-CSV report package, taxonomy 4.0) into register
 * rows: the entity maintaining the register becomes the organisation's name, country and LEI;
 * providers (B_05.01) parties, with their ultimate parent as parent; contractual arrangements
 * (B_02.01) contracts; each ICT service a contract buys from a provider, of one service type
 * (B_02.02), an asset with the dependencies of the functions it supports; functions (B_06.01)
 * processes. The whole report is kept as the DORA supplement, so the values Stapel has no field for —
 * and rows it cannot hold — come back on export (register-to-dora.ts, designed with this module).
 *
 * Only values that fit a register field exactly are set: an LEI with bad check digits, an amount
 * in another currency, a level of sensitiveness (which does not say whether data are personal) stay
 * in the supplement. Exit plans are not created from B_07.01: a Stapel exit plan needs a strategy,
 * which the package does not state, so "exit plan: yes" stays in the supplement and comes back
 * on export while the register holds no plan of its own.
 */
import { InputError, euidSchema, isValidLei, vatSchema } from '../../domain/index.js';
import type { ImportRow, RegisterImport, RegisterImporter, SourceLocation } from '../register-import.js';
import {
  ASSET_BY_SERVICE_TYPE,
  ICT_SERVICE_TYPES,
  NO,
  PERSON_TYPE,
  SERVICE_TYPE_BY_ASSET_TYPE,
  YES,
  identifierType,
  isoCountry,
  isoCurrency,
  serviceTypeCode,
} from './codes.js';
import { DORA_TEMPLATES, templateFile, type DoraReport, type DoraTemplate } from './dora-model.js';
import { readDoraPackage } from './package-reader.js';
import { checkDoraReport, issueLocation } from './preflight.js';
import {
  doraIds,
  functionKey,
  indexPackage,
  serviceKey,
  type DoraOrigins,
  type PackageIndex,
} from './register-to-dora.js';
import { keepChanges } from './package-changes.js';

export const doraImporter: RegisterImporter = {
  format: 'dora',
  sniff(name, head) {
    // A ZIP named as a DORA package, or whose first entry (its folder, named in the first local file
    // header) is — browsers rename downloads, the folder keeps the package's name.
    if (head[0] !== 0x50 || head[1] !== 0x4b) return false;
    return /_DORA/i.test(name) || Buffer.from(head).toString('latin1').includes('_DORA010100_DORA_');
  },
  async read(bytes, source, context) {
    const report = await readDoraPackage(bytes, source);
    // A package whose templates point at each other wrongly is refused, as a supervisor refuses it:
    // its rows cannot be put together into contracts, services and functions. `lenient` imports what
    // can be mapped and keeps the rest as the package's own values (the EBA's sample, whose dummy
    // values refer to nothing, only imports that way).
    const broken = checkDoraReport(report).filter((i) => i.check === 'foreign-key');
    if (broken.length && !context.lenient)
      throw new InputError(
        `${source}: ${broken.length} references between templates point at nothing; nothing was imported (import with "lenient" to take in what can be mapped)\n${broken
          .slice(0, 20)
          .map((i) => `${issueLocation(i)}: ${i.message}`)
          .join('\n')}${broken.length > 20 ? `\n… and ${broken.length - 20} more` : ''}`,
        broken.map((i) => ({
          path: [templateFile(i.template), ...(i.row !== undefined ? [`line ${i.row + 2}`] : []), i.column ?? ''],
          message: i.message,
        })),
        source,
      );
    // Into a register that writes these rows itself (a package exported from it, worked on, brought
    // back): rows map onto the records they came from, and only what the package changes is taken.
    const baseline = await context.doraBaseline?.(report);
    const imported = importDoraReport(report, source, baseline?.origins);
    if (baseline) {
      const written = importDoraReport(baseline.report, source, baseline.origins);
      imported.rows = keepChanges(imported.rows, written.rows, baseline.origins);
    }
    if (broken.length)
      imported.notes = [
        ...(imported.notes ?? []),
        `${broken.length} references between templates point at nothing (lenient import): the rows concerned are kept as the package's values only`,
      ];
    return imported;
  },
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The value all rows agree on, or undefined when they differ or none has one. */
function agreed<T>(values: (T | undefined)[]): T | undefined {
  const set = new Set(values.map((v) => (v === undefined ? '\u0000' : String(v))));
  return set.size === 1 && values[0] !== undefined ? values[0] : undefined;
}

const union = (values: (string | undefined)[]): string[] => [...new Set(values.filter((v): v is string => !!v))];

/**
 * A report's rows as register rows; pure, for a report read by readDoraPackage. `origins` names the
 * register records rows of the package were exported from; the others get ids from `doraIds`.
 */
export function importDoraReport(report: DoraReport, source: string, origins?: DoraOrigins): RegisterImport {
  const pkg = indexPackage(report);
  const t = report.tables;
  const rows: ImportRow[] = [];
  const notes: string[] = [];
  const at = (template: DoraTemplate, i: number, column?: string): SourceLocation => ({
    file: source,
    sheet: templateFile(template),
    line: i + 2,
    ...(column ? { column } : {}),
  });

  // ---- the entity maintaining the register -----------------------------------------------------------
  const entity = t['B_01.01'][0];
  const organisation: Record<string, unknown> = {};
  if (entity) {
    if (entity.c0020) organisation.name = entity.c0020;
    const country = isoCountry(entity.c0030);
    if (country) organisation.country = country;
    if (entity.c0010 && isValidLei(entity.c0010)) organisation.identifiers = { lei: entity.c0010 };
    else if (entity.c0010)
      notes.push(`B_01.01 line 2: "${entity.c0010}" is not a valid LEI; kept in the DORA supplement only`);
  }

  // ---- providers ----------------------------------------------------------------------------------
  const partyIdOf = (code: string): string =>
    origins?.party.get(code) ?? doraIds.party(code, pkg.providers.get(code)?.c0020);
  t['B_05.01'].forEach((r, i) => {
    if (!pkg.importable['B_05.01'].has(i)) return;
    const code = r.c0010!;
    const country = isoCountry(r.c0080);
    const identifiers: Record<string, string> = {};
    for (const [value, type] of [
      [code, r.c0020],
      [r.c0030, r.c0040],
    ] as const) {
      const kind = identifierType(type);
      if (!value || !kind) continue;
      if (kind === 'LEI' && isValidLei(value)) identifiers.lei ??= value;
      else if (kind === 'EUID' && euidSchema.safeParse(value).success) identifiers.euid ??= value;
      else if (kind === 'VAT' && vatSchema.safeParse(value).success) identifiers.vat ??= value;
      // The Dutch company registration number is the KvK number.
      else if (kind === 'CRN' && country === 'NL' && /^[0-9]{8}$/.test(value)) identifiers.kvk ??= value;
      else if (kind === 'LEI')
        notes.push(
          `B_05.01 line ${i + 2}: "${value}" is typed LEI but is not a valid LEI; kept in the DORA supplement only`,
        );
    }
    const parent = r.c0110 && r.c0110 !== code && pkg.providers.has(r.c0110) ? r.c0110 : undefined;
    rows.push({
      key: 'party',
      id: partyIdOf(code),
      spec: {
        name: (r.c0050 ?? r.c0060)!,
        ...(country ? { country } : {}),
        ...(r.c0070 === PERSON_TYPE.natural.code ? { kind: 'person' } : {}),
        ...(Object.keys(identifiers).length ? { identifiers } : {}),
      },
      ...(parent
        ? { links: [{ field: 'parentId', kind: 'party', text: partyIdOf(parent), at: at('B_05.01', i, 'c0110') }] }
        : {}),
      at: at('B_05.01', i),
    });
  });

  // ---- functions ----------------------------------------------------------------------------------
  const processIdOf = (functionId: string, lei: string | undefined) =>
    origins?.process.get(functionKey(functionId, lei, report.entityLei)) ??
    doraIds.process(functionId, lei, report.entityLei);
  t['B_06.01'].forEach((r, i) => {
    if (!pkg.importable['B_06.01'].has(i)) return;
    const rto = r.c0080 !== undefined ? Number(r.c0080) : NaN;
    const row: ImportRow = {
      key: 'process',
      id: processIdOf(r.c0010!, r.c0040),
      spec: {
        name: r.c0030!,
        ...(r.c0050 === YES.code ? { vital: true } : r.c0050 === NO.code ? { vital: false } : {}),
        ...(Number.isFinite(rto) && rto >= 0 && rto <= 100_000 ? { maxTolerableDowntimeHours: rto } : {}),
      },
      at: at('B_06.01', i),
    };
    if ('maxTolerableDowntimeHours' in row.spec)
      row.inferred = {
        maxTolerableDowntimeHours: {
          rule: 'the recovery time objective of the function, taken as its maximum tolerable downtime',
          source: `${source}, b_06.01.csv line ${i + 2}, c0080`,
        },
      };
    rows.push(row);
  });

  // ---- ICT services: assets and the functions that depend on them ------------------------------------
  const assetsOfContract = new Map<string, string[]>();
  const dependencies = new Set<string>();
  for (const s of pkg.services.values()) {
    const id =
      origins?.asset.get(serviceKey(s.reference, s.provider, s.type)) ?? doraIds.asset(s.reference, s.provider, s.type);
    assetsOfContract.set(s.reference, [...(assetsOfContract.get(s.reference) ?? []), id]);
    const group = s.rows.map((i) => t['B_02.02'][i]!);
    const first = s.rows[0]!;
    const { type, layer } = ASSET_BY_SERVICE_TYPE[s.type]!;
    const equivalent = SERVICE_TYPE_BY_ASSET_TYPE[type] === s.type;
    const label = ICT_SERVICE_TYPES.find((x) => x.code === serviceTypeCode(s.type))!.label;
    const providerName = pkg.providers.get(s.provider)!.c0050 ?? pkg.providers.get(s.provider)!.c0060!;
    const countries = (col: string) => union(group.map((r) => isoCountry(r[col])));
    const hosting = pkg.hosting.get(serviceKey(s.reference, s.provider, s.type));
    const rule = `the asset type and stack layer closest to ICT service type ${s.type} (${label})`;
    rows.push({
      key: 'asset',
      id,
      spec: {
        name: `${label} — ${providerName} (${s.reference})`.slice(0, 300),
        type,
        layers: [layer],
        hostingLocations: countries('c0130'),
        dataLocations: { atRest: countries('c0150'), processing: countries('c0160') },
      },
      links: [
        { field: 'providerId', kind: 'party', text: partyIdOf(s.provider), at: at('B_02.02', first, 'c0030') },
        ...(hosting
          ? [
              {
                field: 'hostingPartyId',
                kind: 'party' as const,
                text: partyIdOf(hosting.code),
                at: at('B_05.02', hosting.row, 'c0030'),
              },
            ]
          : []),
      ],
      inferred: {
        layers: { rule, source: `${source}, b_02.02.csv line ${first + 2}, c0060` },
        ...(equivalent ? {} : { type: { rule, source: `${source}, b_02.02.csv line ${first + 2}, c0060` } }),
      },
      at: at('B_02.02', first),
    });
    for (const i of s.rows) {
      const r = t['B_02.02'][i]!;
      const from = processIdOf(r.c0050!, r.c0020);
      if (dependencies.has(`${from}|${id}`)) continue;
      dependencies.add(`${from}|${id}`);
      rows.push({
        key: 'dependency',
        spec: { relation: 'uses' },
        links: [
          { field: 'from', kind: 'process', text: from, asRef: true, at: at('B_02.02', i, 'c0050') },
          { field: 'to', kind: 'asset', text: id, asRef: true },
        ],
        at: at('B_02.02', i),
      });
    }
  }

  // ---- contracts ----------------------------------------------------------------------------------
  t['B_02.01'].forEach((r, i) => {
    if (!pkg.importable['B_02.01'].has(i)) return;
    const ref = r.c0010!;
    const services = [...pkg.importable['B_02.02']].map((j) => t['B_02.02'][j]!).filter((x) => x.c0010 === ref);
    const start = agreed(services.map((x) => x.c0070));
    const end = agreed(services.map((x) => x.c0080));
    const notice = Number(agreed(services.map((x) => x.c0100)));
    const law = isoCountry(agreed(services.map((x) => x.c0120)));
    const value = Number(r.c0050);
    const euro =
      isoCurrency(r.c0040) === 'EUR' && report.baseCurrency === 'EUR' && Number.isFinite(value) && value >= 0;
    const spec: Record<string, unknown> = {
      name: ref,
      reference: ref,
      ...(euro ? { annualValueEur: value } : {}),
      ...(start && DATE.test(start) ? { startDate: start } : {}),
      ...(Number.isInteger(notice) && notice >= 0 && notice <= 3650 ? { noticePeriodDays: notice } : {}),
      ...(law ? { governingLaw: law } : {}),
    };
    if (end && DATE.test(end)) {
      if (!spec.startDate || end >= (spec.startDate as string)) spec.endDate = end;
      else
        notes.push(
          `B_02.02: contract "${ref}" ends before it starts; its end date is kept in the DORA supplement only`,
        );
    }
    rows.push({
      key: 'contract',
      id: origins?.contract.get(ref) ?? doraIds.contract(ref),
      spec,
      links: [
        { field: 'supplierId', kind: 'party', text: partyIdOf(pkg.contractSupplier.get(ref)!) },
        ...(assetsOfContract.get(ref) ?? []).map((a) => ({
          field: 'assetIds',
          kind: 'asset' as const,
          text: a,
          many: true,
        })),
      ],
      at: at('B_02.01', i),
    });
  });

  notes.push(...keptOnly(report, pkg));
  return {
    format: 'dora',
    source,
    rows,
    // Nothing is dropped: whatever has no register field is in `dora`, the supplement.
    unmapped: [],
    ...(Object.keys(organisation).length ? { organisation } : {}),
    dora: report,
    notes: [
      `DORA register of information of ${report.entityLei} (${report.consolidation}), reference date ${report.refPeriod}`,
      ...notes,
    ],
  };
}

/** Per template, how many rows only the supplement holds (the register could not). */
function keptOnly(report: DoraReport, pkg: PackageIndex): string[] {
  const out: string[] = [];
  for (const t of DORA_TEMPLATES) {
    const n = report.tables[t].length - pkg.importable[t].size;
    if (n > 0)
      out.push(
        `${t}: ${n} of ${report.tables[t].length} row${report.tables[t].length === 1 ? '' : 's'} kept in the DORA supplement only` +
          (REASONS[t] ? ` (${REASONS[t]})` : ''),
      );
  }
  return out;
}

const REASONS: Partial<Record<DoraTemplate, string>> = {
  'B_01.01': 'only the first entity maintains the register',
  'B_01.02': 'Stapel holds one organisation',
  'B_02.01': 'no provider defined in B_05.01 for the arrangement',
  'B_02.02': 'arrangement, provider or function not defined by the package',
  'B_05.02': 'only a single rank-2 subcontractor of a known service becomes a hosting party',
  'B_07.01': 'no ICT service of the package for the arrangement, provider and type',
};
