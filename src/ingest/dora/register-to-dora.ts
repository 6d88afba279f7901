/**
 * The register as a DORA register of information: buildDoraReport derives the templates Stapel has
 * data for (B_01.01, B_01.02, B_02.01, B_02.02, B_05.01, B_05.02, B_06.01, B_07.01) from the
 * organisation and its records, and tags every cell with where its value came from — a register
 * field (FILLED), a rule over register and knowledge-base facts (INFERRED), a previously imported
 * package (FILLED, "imported package"), or nowhere (MISSING).
 *
 * Import (dora.importer.ts) and export are designed together so that importing a package and
 * exporting it again gives back every value:
 *  - the importer gives each record a stable id computed from the package's keys (`doraIds`); the
 *    export recomputes those ids over the imported package (the supplement) to find, for a record,
 *    the values Stapel has no field for — a function identifier, the entity a function belongs to,
 *    the exact ICT service type of an asset whose type is broader;
 *  - a derived row is matched with the supplement row that has the same key columns, and each cell
 *    takes, in order: the register's own value, the supplement's value, an inference, or MISSING
 *    (a few cells let the register contradict the supplement, noted where they do);
 *  - supplement rows the register never could hold (`indexPackage` decides, for importer and export
 *    alike) pass through as they are; rows the register did hold but no longer derives (a record
 *    deleted or changed) are left out and named in `notes`; templates Stapel does not derive pass
 *    through whole.
 */
import type {
  AssetRecord,
  ContractRecord,
  DependencyRecord,
  ExitPlanRecord,
  PartyRecord,
  ProcessRecord,
  ProductRecord,
} from '../../domain/index.js';
import { isValidLei, slugId } from '../../domain/index.js';
import { RegisterView } from '../../analysis/register-view.js';
import type { KnowledgeIndex } from '../../analysis/knowledge-index.js';
import {
  ARRANGEMENT_TYPE,
  ENTITY_TYPE_BY_ORGANISATION_KIND,
  NEAR_SERVICE_TYPE_BY_ASSET_TYPE,
  NO,
  PERSON_TYPE,
  SENSITIVENESS_BY_DATA_SENSITIVITY,
  SERVICE_TYPE_BY_ASSET_TYPE,
  SUBSTITUTABILITY_CODES,
  TYPE_OF_CODE,
  YES,
  countryCode,
  currencyCode,
  identifierType,
  isoCountry,
  serviceType,
  serviceTypeCode,
  type IdentifierType,
} from './codes.js';
import {
  DORA_TEMPLATES,
  type CellTag,
  type DoraReport,
  type DoraRow,
  type DoraSupplement,
  type DoraTags,
  type DoraTemplate,
} from './dora-model.js';
import { doraTables } from './taxonomy.js';

// ---- stable ids shared with the importer -----------------------------------------------------------

/**
 * The record ids the importer gives what it reads from a package; the export recomputes them to
 * recognise imported records. Stable across re-imports of the same package, and lower-case slugs.
 */
export const doraIds = {
  /** A provider by its identification code: "lei-724500vkksh9qoltfr81", "euid-nlnhr-12345678". */
  party(code: string, typeCode: string | undefined): string {
    const type = identifierType(typeCode);
    return slugId(code, type ? type.toLowerCase() : 'provider');
  },
  /** A contractual arrangement by its reference number. */
  contract: (reference: string): string => slugId(reference, 'contract'),
  /** A function by its identifier; the entity's LEI is added when it is not the reporting entity. */
  process: (functionId: string, lei: string | undefined, entityLei: string): string =>
    slugId(!lei || lei === entityLei ? functionId : `${functionId}-${lei}`, 'fn'),
  /** The ICT service one contract buys from one provider, of one service type. */
  asset: (reference: string, providerCode: string, type: string): string =>
    slugId(`${reference}-${providerCode}-${type}`, 'ict'),
};

// ---- what of a package the register can hold -----------------------------------------------------

const keyOf = (row: DoraRow, keys: readonly string[]): string => keys.map((k) => row[k] ?? '').join('\u0001');
const groupKey = (...parts: string[]): string => parts.join('\u0001');

/**
 * What of a package the importer turns into register records, decided once for importer and export:
 * a row is importable when the records it becomes are complete and every reference it makes is to a
 * row the package defines (the EBA's own sample breaks most of its foreign keys). Rows that are not
 * importable stay in the supplement only, and the export passes them through unchanged.
 */
export interface PackageIndex {
  entityLei: string;
  /** Importable row numbers per template. */
  importable: Record<DoraTemplate, Set<number>>;
  /** Importable providers (B_05.01) by identification code. */
  providers: Map<string, DoraRow>;
  /** The provider of each importable contract, by reference. */
  contractSupplier: Map<string, string>;
  /** Importable functions (B_06.01) by function identifier and LEI. */
  functions: Map<string, DoraRow>;
  /** ICT services (contract × provider × service type) and the B_02.02 rows of each. */
  services: Map<string, { reference: string; provider: string; type: string; rows: number[] }>;
  /** The one rank-2 subcontractor (B_05.02) of a service, by service key. */
  hosting: Map<string, { code: string; type?: string; row: number }>;
}

export const serviceKey = (reference: string, provider: string, type: string): string =>
  groupKey(reference, provider, type);

export function indexPackage(report: DoraReport): PackageIndex {
  const t = report.tables;
  const importable = Object.fromEntries(DORA_TEMPLATES.map((k) => [k, new Set<number>()])) as Record<
    DoraTemplate,
    Set<number>
  >;
  if (t['B_01.01'].length) importable['B_01.01'].add(0);

  const providers = new Map<string, DoraRow>();
  t['B_05.01'].forEach((r, i) => {
    if (r.c0010 && (r.c0050 || r.c0060) && !providers.has(r.c0010)) {
      providers.set(r.c0010, r);
      importable['B_05.01'].add(i);
    }
  });

  const functions = new Map<string, DoraRow>();
  t['B_06.01'].forEach((r, i) => {
    const k = groupKey(r.c0010 ?? '', r.c0040 ?? '');
    if (r.c0010 && r.c0030 && !functions.has(k)) {
      functions.set(k, r);
      importable['B_06.01'].add(i);
    }
  });

  // A contract needs a provider (a Stapel contract has a supplier); the first one its service rows,
  // assessment rows or signature rows name, among the providers the package defines.
  const contractSupplier = new Map<string, string>();
  const refs = new Set(t['B_02.01'].map((r) => r.c0010).filter(Boolean));
  for (const [template, col] of [
    ['B_02.02', 'c0030'],
    ['B_07.01', 'c0020'],
    ['B_03.02', 'c0020'],
  ] as const)
    for (const r of t[template]) {
      const ref = r.c0010;
      const code = r[col];
      if (ref && code && refs.has(ref) && providers.has(code) && !contractSupplier.has(ref))
        contractSupplier.set(ref, code);
    }
  const seenRefs = new Set<string>();
  t['B_02.01'].forEach((r, i) => {
    if (r.c0010 && contractSupplier.has(r.c0010) && !seenRefs.has(r.c0010)) {
      seenRefs.add(r.c0010);
      importable['B_02.01'].add(i);
    }
  });

  const services = new Map<string, { reference: string; provider: string; type: string; rows: number[] }>();
  t['B_02.02'].forEach((r, i) => {
    const type = serviceType(r.c0060);
    if (!r.c0010 || !seenRefs.has(r.c0010) || !r.c0030 || !providers.has(r.c0030) || !type) return;
    if (!r.c0050 || !functions.has(groupKey(r.c0050, r.c0020 ?? ''))) return;
    const k = serviceKey(r.c0010, r.c0030, type);
    const s = services.get(k) ?? { reference: r.c0010, provider: r.c0030, type, rows: [] };
    s.rows.push(i);
    services.set(k, s);
    importable['B_02.02'].add(i);
  });

  t['B_07.01'].forEach((r, i) => {
    const type = serviceType(r.c0040);
    if (r.c0010 && r.c0020 && type && services.has(serviceKey(r.c0010, r.c0020, type))) importable['B_07.01'].add(i);
  });

  // Only a single rank-2 subcontractor of a service maps to the asset's hosting party.
  const rank2 = new Map<string, number[]>();
  t['B_05.02'].forEach((r, i) => {
    const type = serviceType(r.c0020);
    if (r.c0050 !== '2' || !r.c0010 || !r.c0060 || !type || !r.c0030 || !providers.has(r.c0030)) return;
    const k = serviceKey(r.c0010, r.c0060, type);
    if (services.has(k)) rank2.set(k, [...(rank2.get(k) ?? []), i]);
  });
  const hosting = new Map<string, { code: string; type?: string; row: number }>();
  for (const [k, rows] of rank2)
    if (rows.length === 1) {
      const r = t['B_05.02'][rows[0]!]!;
      hosting.set(k, { code: r.c0030!, ...(r.c0040 ? { type: r.c0040 } : {}), row: rows[0]! });
      importable['B_05.02'].add(rows[0]!);
    }

  return { entityLei: report.entityLei, importable, providers, contractSupplier, functions, services, hosting };
}

// ---- cells ---------------------------------------------------------------------------------------

interface Candidate {
  value: string;
  tag: CellTag;
}
const filled = (value: string | number | undefined, from: string): Candidate | undefined =>
  value === undefined || value === '' ? undefined : { value: String(value), tag: { status: 'FILLED', from } };
const inferred = (value: string | number | undefined, rule: string, source: string): Candidate | undefined =>
  value === undefined || value === '' ? undefined : { value: String(value), tag: { status: 'INFERRED', rule, source } };
const IMPORTED = 'imported package';

/** One row being derived: cells set from candidates in order of precedence, the rest from the supplement. */
class RowDraft {
  readonly cells: DoraRow = {};
  readonly tags: Record<string, CellTag> = {};
  supplement?: DoraRow;
  supplementIndex?: number;

  constructor(readonly template: DoraTemplate) {}

  /** The supplement's value of a column, as a candidate. */
  sup(column: string): Candidate | undefined {
    return filled(this.supplement?.[column], IMPORTED);
  }

  set(column: string, ...candidates: (Candidate | undefined)[]): string | undefined {
    const c = candidates.find((x) => x !== undefined);
    if (c) {
      this.cells[column] = c.value;
      this.tags[column] = c.tag;
    }
    return c?.value;
  }

  /** Columns not derived take the supplement's value, or are MISSING. */
  finish(columns: readonly string[]): void {
    for (const col of columns) {
      if (col in this.cells) continue;
      const s = this.sup(col);
      if (s) this.set(col, s);
      else this.tags[col] = { status: 'MISSING' };
    }
  }
}

// ---- input and output ----------------------------------------------------------------------------

export interface DoraExportInput {
  organisation: {
    name: string;
    country?: string;
    kind?: string;
    identifiers?: { lei?: string };
  };
  records: {
    processes: readonly ProcessRecord[];
    parties: readonly PartyRecord[];
    products: readonly ProductRecord[];
    assets: readonly AssetRecord[];
    dependencies: readonly DependencyRecord[];
    contracts: readonly ContractRecord[];
    exitPlans: readonly ExitPlanRecord[];
  };
  kb: KnowledgeIndex;
  /** A previously imported report: values the register has no field for, and rows it cannot hold. */
  supplement?: DoraSupplement;
  /** Reference date, YYYY-MM-DD; defaults to the supplement's. */
  refPeriod?: string;
  consolidation?: 'CON' | 'IND';
  /** Country of the competent authority; defaults to the supplement's, then the organisation's. */
  country?: string;
  /** yyyyMMddHHmmssSSS. */
  createdAt: string;
}

/**
 * Which register record each keyed row of the export came from, by the row's key as the importer
 * reads it: a package written from the register and read back into it maps onto the same records.
 */
export interface DoraOrigins {
  /** Provider identification code (B_05.01 c0010) → party id. */
  party: Map<string, string>;
  /** Contractual arrangement reference (B_02.01 c0010) → contract id. */
  contract: Map<string, string>;
  /** functionKey(function identifier, LEI) → process id. */
  process: Map<string, string>;
  /** serviceKey(reference, provider code, service type as "S19") → asset id (the first, when several share it). */
  asset: Map<string, string>;
}

/** A function's key in DoraOrigins: the LEI is left out when it is the reporting entity's. */
export const functionKey = (functionId: string, lei: string | undefined, entityLei: string): string =>
  groupKey(functionId, !lei || lei === entityLei ? '' : lei);

export interface DoraExport {
  report: DoraReport;
  tags: DoraTags;
  origins: DoraOrigins;
  /** What the export left out or could not decide, for people. */
  notes: string[];
}

// ---- the derivation ------------------------------------------------------------------------------

interface ProviderCode {
  code: string;
  type: IdentifierType | undefined;
  typeCode?: string;
  from: string;
}

export function buildDoraReport(input: DoraExportInput): DoraExport {
  return new DoraDerivation(input).build();
}

class DoraDerivation {
  private readonly sup?: DoraSupplement;
  private readonly pkg?: PackageIndex;
  private readonly view: RegisterView;
  private readonly parties = new Map<string, PartyRecord>();
  private readonly products = new Map<string, ProductRecord>();
  private readonly assets = new Map<string, AssetRecord>();
  /** Supplement rows by template and key. */
  private readonly supByKey = new Map<DoraTemplate, Map<string, number>>();
  private readonly matched = new Map<DoraTemplate, Set<number>>();
  private readonly drafts = new Map<DoraTemplate, RowDraft[]>();
  private readonly notes: string[] = [];
  /** Imported processes: record id → function identifier and LEI. */
  private readonly functionOf = new Map<string, { id: string; lei: string }>();
  /** Imported assets: record id → service type, from the package. */
  private readonly serviceOf = new Map<string, string>();
  /** Imported parties: record id → their B_05.01 row. */
  private readonly providerRowOf = new Map<string, DoraRow>();
  private readonly entityKey?: Candidate;
  private readonly baseCurrency: string;
  private readonly origins: DoraOrigins = {
    party: new Map(),
    contract: new Map(),
    process: new Map(),
    asset: new Map(),
  };
  private remember(map: keyof DoraOrigins, key: string | undefined, id: string): void {
    if (key && !this.origins[map].has(key)) this.origins[map].set(key, id);
  }

  constructor(private readonly input: DoraExportInput) {
    this.sup = input.supplement;
    if (this.sup) this.pkg = indexPackage(this.sup);
    const r = input.records;
    this.view = new RegisterView({
      processes: r.processes,
      assets: r.assets,
      parties: r.parties,
      products: r.products,
      dependencies: r.dependencies,
      exitPlans: r.exitPlans,
    });
    for (const p of r.parties) this.parties.set(p.id, p);
    for (const p of r.products) this.products.set(p.id, p);
    for (const a of r.assets) if (!this.assets.has(a.id)) this.assets.set(a.id, a);
    this.baseCurrency = this.sup?.baseCurrency ?? 'EUR';

    const tables = doraTables();
    for (const t of DORA_TEMPLATES) {
      const index = new Map<string, number>();
      (this.sup?.tables[t] ?? []).forEach((row, i) => {
        const k = keyOf(row, tables[t].keys);
        if (!index.has(k)) index.set(k, i);
      });
      this.supByKey.set(t, index);
      this.matched.set(t, new Set());
      this.drafts.set(t, []);
    }
    if (this.sup && this.pkg) {
      const lei = this.sup.entityLei;
      for (const f of this.pkg.functions.values())
        this.functionOf.set(doraIds.process(f.c0010!, f.c0040, lei), { id: f.c0010!, lei: f.c0040 ?? '' });
      for (const s of this.pkg.services.values())
        this.serviceOf.set(doraIds.asset(s.reference, s.provider, s.type), s.type);
      for (const row of this.pkg.providers.values()) this.providerRowOf.set(doraIds.party(row.c0010!, row.c0020), row);
    }
    // The entity's key: its LEI; without a valid one, the key of the imported B_01.01 row.
    const lei = input.organisation.identifiers?.lei;
    this.entityKey =
      lei && isValidLei(lei)
        ? filled(lei, 'organisation.identifiers.lei')
        : (filled(this.sup?.tables['B_01.01'][0]?.c0010, IMPORTED) ?? filled(this.sup?.entityLei, IMPORTED));
  }

  build(): DoraExport {
    this.entity();
    this.contractsAndServices();
    this.functions();
    this.providers();
    return this.assemble();
  }

  /** A new row of a template, matched with the supplement row of the same key. */
  private draft(template: DoraTemplate, keyCells: (d: RowDraft) => void): RowDraft {
    const d = new RowDraft(template);
    keyCells(d);
    const i = this.supByKey.get(template)!.get(keyOf(d.cells, doraTables()[template].keys));
    if (i !== undefined && !this.matched.get(template)!.has(i)) {
      this.matched.get(template)!.add(i);
      d.supplement = this.sup!.tables[template][i];
      d.supplementIndex = i;
    }
    this.drafts.get(template)!.push(d);
    return d;
  }

  // ---- B_01.01, B_01.02 ----------------------------------------------------------------------------

  private entityType(d: RowDraft): void {
    const kind = this.input.organisation.kind;
    d.set(
      'c0040',
      d.sup('c0040'),
      inferred(
        kind ? ENTITY_TYPE_BY_ORGANISATION_KIND[kind] : undefined,
        'a bank is a credit institution, an insurer an insurance or reinsurance undertaking',
        'organisation.kind',
      ),
    );
  }

  private entity(): void {
    const org = this.input.organisation;
    const key = this.entityKey;
    const b0101 = this.draft('B_01.01', (d) => d.set('c0010', key));
    b0101.set('c0020', filled(org.name, 'organisation.name'));
    b0101.set('c0030', filled(org.country && countryCode(org.country), 'organisation.country'));
    this.entityType(b0101);
    b0101.set(
      'c0060',
      b0101.sup('c0060'),
      inferred(this.refPeriod(), 'the reference date of the register', 'parameters refPeriod'),
    );

    // The entity is itself one of the entities in scope; with a supplement, only when it lists the
    // entity under the same key (a package's own B_01.02 rows are kept as they are).
    const lei = org.identifiers?.lei;
    const listed = key && this.supByKey.get('B_01.02')!.has(keyOf({ c0010: key.value }, ['c0010']));
    if (!this.sup || (lei && isValidLei(lei)) || listed) {
      const b0102 = this.draft('B_01.02', (d) => d.set('c0010', key));
      b0102.set('c0020', filled(org.name, 'organisation.name'));
      b0102.set('c0030', filled(org.country && countryCode(org.country), 'organisation.country'));
      this.entityType(b0102);
    }
  }

  private refPeriod(): string {
    return this.input.refPeriod ?? this.sup?.refPeriod ?? '';
  }

  private entityLeiOf(processId: string): Candidate | undefined {
    const f = this.functionOf.get(processId);
    return f ? filled(f.lei, IMPORTED) : this.entityKey;
  }

  // ---- providers' codes -------------------------------------------------------------------------

  /**
   * How a party is identified: the code an imported package used for it while the register still
   * holds it (or when it is neither LEI nor EUID, which the register cannot hold), else its LEI, else
   * its EUID, else the imported code as it was (an LEI with bad check digits, for instance).
   */
  private providerCode(party: PartyRecord | undefined): ProviderCode | undefined {
    if (!party) return undefined;
    const ids = party.identifiers;
    const row = this.providerRowOf.get(party.id);
    const code = row?.c0010;
    const type = identifierType(row?.c0020);
    const held = (
      [
        ['LEI', ids.lei, 'lei'],
        ['EUID', ids.euid, 'euid'],
        ['VAT', ids.vat, 'vat'],
        ['CRN', ids.kvk, 'kvk'],
      ] as const
    ).find(([t, v]) => v !== undefined && v === code && t === type);
    if (code && held) return { code, type, typeCode: row.c0020, from: `party:${party.id}.identifiers.${held[2]}` };
    if (code && type !== 'LEI' && type !== 'EUID') return { code, type, typeCode: row.c0020, from: IMPORTED };
    if (ids.lei) return { code: ids.lei, type: 'LEI', from: `party:${party.id}.identifiers.lei` };
    if (ids.euid) return { code: ids.euid, type: 'EUID', from: `party:${party.id}.identifiers.euid` };
    if (code) return { code, type, typeCode: row.c0020, from: IMPORTED };
    return undefined;
  }

  private setCode(d: RowDraft, codeCol: string, typeCol: string, pc: ProviderCode | undefined): void {
    d.set(codeCol, pc && filled(pc.code, pc.from));
    d.set(typeCol, pc && filled(pc.typeCode ?? (pc.type && TYPE_OF_CODE[pc.type].code), pc.from));
  }

  // ---- B_02.01, B_02.02, B_07.01, B_05.02 ------------------------------------------------------------

  /** The processes that depend on each asset, directly or through other assets, in register order. */
  private functionsByAsset(): Map<string, ProcessRecord[]> {
    const out = new Map<string, ProcessRecord[]>();
    for (const p of this.input.records.processes) {
      const node = this.view.graph.processIndex.get(p.id);
      if (node === undefined) continue;
      for (const assetId of this.view.closure([node], false)) out.set(assetId, [...(out.get(assetId) ?? []), p]);
    }
    return out;
  }

  /** The ICT service type of an asset, with how it was found. */
  private serviceTypeOf(asset: AssetRecord): Candidate | undefined {
    const equivalent = SERVICE_TYPE_BY_ASSET_TYPE[asset.type];
    const imported = this.serviceOf.get(asset.id);
    const near = NEAR_SERVICE_TYPE_BY_ASSET_TYPE[asset.type];
    const category = this.input.kb.category(asset.productId && this.products.get(asset.productId)?.category);
    return (
      filled(equivalent && serviceTypeCode(equivalent), `asset:${asset.id}.type`) ??
      filled(imported && serviceTypeCode(imported), IMPORTED) ??
      inferred(near && serviceTypeCode(near), `asset type ${asset.type} read as ${near}`, `asset:${asset.id}.type`) ??
      inferred(
        category?.doraServiceType && serviceTypeCode(category.doraServiceType),
        `the ICT service type of the product's category`,
        `knowledge base category ${category?.id}`,
      )
    );
  }

  private readonly usedParties: PartyRecord[] = [];
  private useParty(p: PartyRecord | undefined): void {
    if (p && !this.usedParties.includes(p)) this.usedParties.push(p);
  }

  private contractsAndServices(): void {
    const byAsset = this.functionsByAsset();
    const exitPlansOf = this.view.exitPlans;
    for (const c of this.input.records.contracts) {
      const supplier = this.parties.get(c.supplierId);
      this.useParty(supplier);
      const ref = filled(c.reference, `contract:${c.id}.reference`) ?? filled(c.id, `contract:${c.id}.id`)!;
      this.remember('contract', ref.value, c.id);
      const b0201 = this.draft('B_02.01', (d) => d.set('c0010', ref));
      b0201.set(
        'c0020',
        b0201.sup('c0020'),
        inferred(
          ARRANGEMENT_TYPE.standalone.code,
          'the register holds no overarching arrangements',
          `contract:${c.id}`,
        ),
      );
      const euroValue = this.baseCurrency === 'EUR' ? c.annualValueEur : undefined;
      b0201.set(
        'c0040',
        filled(euroValue !== undefined ? currencyCode('EUR') : undefined, `contract:${c.id}.annualValueEur`),
      );
      b0201.set('c0050', filled(euroValue, `contract:${c.id}.annualValueEur`));

      // One assessment row per provider and service type; one service row per asset and function.
      const assessments = new Map<
        string,
        { provider: PartyRecord | undefined; type?: Candidate; assets: AssetRecord[] }
      >();
      for (const assetId of c.assetIds) {
        const asset = this.assets.get(assetId);
        if (!asset) continue;
        const provider = (asset.providerId && this.parties.get(asset.providerId)) || supplier;
        this.useParty(provider);
        const pc = this.providerCode(provider);
        const type = this.serviceTypeOf(asset);
        const short = serviceType(type?.value);
        if (pc && short) this.remember('asset', serviceKey(ref.value, pc.code, short), asset.id);
        const ak = groupKey(pc?.code ?? '', type?.value ?? '');
        const a = assessments.get(ak) ?? { provider, ...(type ? { type } : {}), assets: [] };
        a.assets.push(asset);
        assessments.set(ak, a);
        const fns = byAsset.get(asset.id) ?? [];
        for (const fn of fns.length ? fns : [undefined]) this.serviceRows(c, ref, asset, provider, pc, type, fn);
        this.providerSigning(ref, pc);
        this.subcontracting(ref, asset, provider, pc, type);
      }
      for (const a of assessments.values()) this.assessment(ref, a.provider, a.type, a.assets, exitPlansOf);
    }
  }

  private serviceRows(
    c: ContractRecord,
    ref: Candidate,
    asset: AssetRecord,
    provider: PartyRecord | undefined,
    pc: ProviderCode | undefined,
    type: Candidate | undefined,
    fn: ProcessRecord | undefined,
  ): void {
    const lei = fn ? this.entityLeiOf(fn.id) : this.entityKey;
    const fid = fn ? this.functionIdOf(fn) : undefined;
    const at = `asset:${asset.id}`;
    for (const combo of this.locationCombos(asset, ref.value, pc?.code, type?.value, fid?.value, lei?.value)) {
      const d = this.draft('B_02.02', (d) => {
        d.set('c0010', ref);
        d.set('c0020', lei);
        this.setCode(d, 'c0030', 'c0040', pc);
        d.set('c0050', fid);
        d.set('c0060', type);
        d.set('c0130', combo.c0130);
        d.set('c0150', combo.c0150);
        d.set('c0160', combo.c0160);
      });
      d.set('c0070', filled(c.startDate, `contract:${c.id}.startDate`), d.sup('c0070'));
      d.set('c0080', filled(c.endDate, `contract:${c.id}.endDate`), d.sup('c0080'));
      d.set('c0100', filled(c.noticePeriodDays, `contract:${c.id}.noticePeriodDays`), d.sup('c0100'));
      d.set(
        'c0120',
        filled(c.governingLaw && countryCode(c.governingLaw), `contract:${c.id}.governingLaw`),
        d.sup('c0120'),
      );
      d.set(
        'c0140',
        d.sup('c0140'),
        inferred(
          asset.dataLocations.atRest.length ? YES.code : undefined,
          'locations of data at rest are listed, so the provider stores data',
          `${at}.dataLocations.atRest`,
        ),
      );
      d.set(
        'c0170',
        d.sup('c0170'),
        inferred(
          asset.dataSensitivity && SENSITIVENESS_BY_DATA_SENSITIVITY[asset.dataSensitivity],
          'public and internal data low, personal data medium, special-category and classified data high',
          `${at}.dataSensitivity`,
        ),
      );
      this.useParty(provider);
    }
  }

  /**
   * The location key cells of an asset's rows for one function: the combinations an imported package
   * had, while they agree with the register's lists (each value listed, each listed value used);
   * otherwise every combination of the asset's hosting, data-at-rest and processing countries.
   */
  private locationCombos(
    asset: AssetRecord,
    ref: string,
    provider: string | undefined,
    type: string | undefined,
    fid: string | undefined,
    lei: string | undefined,
  ): Record<'c0130' | 'c0150' | 'c0160', Candidate | undefined>[] {
    const at = `asset:${asset.id}`;
    const dims = [
      ['c0130', asset.hostingLocations, `${at}.hostingLocations`],
      ['c0150', asset.dataLocations.atRest, `${at}.dataLocations.atRest`],
      ['c0160', asset.dataLocations.processing, `${at}.dataLocations.processing`],
    ] as const;
    const supRows = (this.sup?.tables['B_02.02'] ?? []).filter(
      (r) =>
        r.c0010 === ref &&
        r.c0030 === provider &&
        r.c0060 === type &&
        r.c0050 === fid &&
        (r.c0020 ?? '') === (lei ?? ''),
    );
    const agrees =
      supRows.length > 0 &&
      dims.every(([col, list]) => {
        const values = supRows.map((r) => r[col]);
        if (!list.length) return true;
        return (
          values.every((v) => v !== undefined && list.includes(isoCountry(v) ?? '')) &&
          list.every((c) => values.includes(countryCode(c)))
        );
      });
    if (agrees)
      return supRows.map(
        (r) =>
          Object.fromEntries(
            dims.map(([col, list, from]) => [col, filled(r[col], list.length ? from : IMPORTED)]),
          ) as Record<'c0130' | 'c0150' | 'c0160', Candidate | undefined>,
      );
    const options = dims.map(([, list, from]) =>
      list.length ? list.map((c) => filled(countryCode(c), from)) : [undefined],
    );
    const out: Record<'c0130' | 'c0150' | 'c0160', Candidate | undefined>[] = [];
    for (const h of options[0]!)
      for (const r of options[1]!) for (const p of options[2]!) out.push({ c0130: h, c0150: r, c0160: p });
    return out;
  }

  /**
   * B_03.02: the provider that signs the arrangement. Every contract and provider pair of B_02.02 must
   * be there (the taxonomy's rule R17); in the register the provider of a contract's service signs it.
   */
  private providerSigning(ref: Candidate, pc: ProviderCode | undefined): void {
    if (!pc) return;
    const key = (d: RowDraft) => {
      d.set('c0010', ref);
      this.setCode(d, 'c0020', 'c0030', pc);
    };
    const probe = new RowDraft('B_03.02');
    key(probe);
    const keys = doraTables()['B_03.02'].keys;
    if (this.drafts.get('B_03.02')!.some((d) => keyOf(d.cells, keys) === keyOf(probe.cells, keys))) return;
    this.draft('B_03.02', key);
  }

  private subcontracting(
    ref: Candidate,
    asset: AssetRecord,
    provider: PartyRecord | undefined,
    pc: ProviderCode | undefined,
    type: Candidate | undefined,
  ): void {
    const host = asset.hostingPartyId ? this.parties.get(asset.hostingPartyId) : undefined;
    if (!host || host.id === provider?.id) return;
    this.useParty(host);
    const hc = this.providerCode(host);
    const key = (d: RowDraft) => {
      d.set('c0010', ref);
      d.set('c0020', type);
      this.setCode(d, 'c0030', 'c0040', hc);
      d.set(
        'c0050',
        inferred(
          '2',
          "the party hosting the provider's service is its direct subcontractor",
          `asset:${asset.id}.hostingPartyId`,
        ),
      );
      d.set('c0060', pc && filled(pc.code, pc.from));
    };
    const probe = new RowDraft('B_05.02');
    key(probe);
    const exists = this.drafts
      .get('B_05.02')!
      .some((d) => keyOf(d.cells, doraTables()['B_05.02'].keys) === keyOf(probe.cells, doraTables()['B_05.02'].keys));
    if (exists) return;
    const d = this.draft('B_05.02', key);
    d.set('c0070', pc && filled(pc.typeCode ?? (pc.type && TYPE_OF_CODE[pc.type].code), pc.from));
  }

  private assessment(
    ref: Candidate,
    provider: PartyRecord | undefined,
    type: Candidate | undefined,
    assets: AssetRecord[],
    exitPlansOf: Map<string, ExitPlanRecord[]>,
  ): void {
    const pc = this.providerCode(provider);
    const d = this.draft('B_07.01', (d) => {
      d.set('c0010', ref);
      this.setCode(d, 'c0020', 'c0030', pc);
      d.set('c0040', type);
    });
    const asset = assets.find((a) => a.productId && this.products.get(a.productId)?.category);
    const category = asset && this.input.kb.category(this.products.get(asset.productId!)!.category);
    d.set(
      'c0050',
      d.sup('c0050'),
      inferred(
        category && SUBSTITUTABILITY_CODES[category.substitutability].code,
        "the substitutability of the product's category",
        `knowledge base category ${category?.id}`,
      ),
    );
    const plans = assets.flatMap((a) => exitPlansOf.get(a.id) ?? []);
    const plan = plans[0];
    d.set(
      'c0080',
      filled(plan && YES.code, `exit-plan:${plan?.id}`),
      d.sup('c0080'),
      inferred(
        NO.code,
        'the register holds no exit plan for the service',
        assets.map((a) => `asset:${a.id}`).join(', '),
      ),
    );
    const alternative = plans.find((p) => p.targetAlternative || p.targetProductId);
    const target =
      alternative &&
      (filled(alternative.targetAlternative, `exit-plan:${alternative.id}.targetAlternative`) ??
        filled(
          alternative.targetProductId && this.products.get(alternative.targetProductId)?.name,
          `exit-plan:${alternative.id}.targetProductId`,
        ));
    d.set('c0110', filled(target && YES.code, target?.tag.from ?? ''), d.sup('c0110'));
    d.set('c0120', target, d.sup('c0120'));
  }

  // ---- B_06.01 ------------------------------------------------------------------------------------

  private functionIdOf(p: ProcessRecord): Candidate {
    const f = this.functionOf.get(p.id);
    return filled(f?.id, IMPORTED) ?? filled(p.id, `process:${p.id}.id`)!;
  }

  private functions(): void {
    const used = new Set(this.drafts.get('B_02.02')!.map((d) => d.cells.c0050));
    for (const p of this.input.records.processes) {
      const fid = this.functionIdOf(p);
      if (!used.has(fid.value) && !this.functionOf.has(p.id)) continue;
      const d = this.draft('B_06.01', (d) => {
        d.set('c0010', fid);
        d.set('c0040', this.entityLeiOf(p.id));
      });
      this.remember('process', functionKey(fid.value, d.cells.c0040, this.entityKey?.value ?? ''), p.id);
      d.set('c0030', filled(p.name, `process:${p.id}.name`));
      // A vital process is a critical or important function; a process not marked vital keeps an
      // imported assessment unless that said "critical", which the register now contradicts.
      const imported = d.supplement?.c0050;
      d.set(
        'c0050',
        filled(p.vital ? YES.code : undefined, `process:${p.id}.vital`),
        imported && imported !== YES.code ? filled(imported, IMPORTED) : undefined,
        inferred(
          NO.code,
          'a process not marked vital is not a critical or important function',
          `process:${p.id}.vital`,
        ),
      );
      // The RTO cannot exceed the maximum tolerable downtime; an imported RTO is kept while it does not.
      const mtd = p.maxTolerableDowntimeHours;
      const rto = d.supplement?.c0080;
      d.set(
        'c0080',
        rto !== undefined && (mtd === undefined || Number(rto) <= mtd) ? filled(rto, IMPORTED) : undefined,
        inferred(
          mtd !== undefined ? Math.floor(mtd) : undefined,
          'recovery time objective taken as the maximum tolerable downtime (an upper bound)',
          `process:${p.id}.maxTolerableDowntimeHours`,
        ),
      );
    }
  }

  // ---- B_05.01 ------------------------------------------------------------------------------------

  private providers(): void {
    // Providers used, their ultimate parents (B_05.01 c0110 refers to a B_05.01 row), and the
    // parties an imported package listed as providers.
    for (const p of [...this.usedParties]) {
      const top = this.view.ultimateParent(p.id);
      if (top && top.id !== p.id) this.useParty(top);
    }
    for (const p of this.input.records.parties) if (this.providerRowOf.has(p.id)) this.useParty(p);
    const contractsOf = new Map<string, ContractRecord[]>();
    for (const c of this.input.records.contracts)
      contractsOf.set(c.supplierId, [...(contractsOf.get(c.supplierId) ?? []), c]);

    const seen = new Set<string>();
    for (const p of this.usedParties) {
      const pc = this.providerCode(p);
      if (pc && seen.has(pc.code)) continue;
      if (pc) seen.add(pc.code);
      const at = `party:${p.id}`;
      const d = this.draft('B_05.01', (d) => this.setCode(d, 'c0010', 'c0020', pc));
      this.remember('party', pc?.code, p.id);
      const ids = p.identifiers;
      const additional =
        pc?.type === 'LEI' && ids.euid
          ? { code: ids.euid, type: TYPE_OF_CODE.EUID.code, from: `${at}.identifiers.euid` }
          : pc?.type !== 'LEI' && ids.lei && ids.lei !== pc?.code
            ? { code: ids.lei, type: TYPE_OF_CODE.LEI.code, from: `${at}.identifiers.lei` }
            : undefined;
      d.set('c0030', filled(additional?.code, additional?.from ?? ''), d.sup('c0030'));
      d.set('c0040', filled(additional?.type, additional?.from ?? ''), d.sup('c0040'));
      d.set('c0050', filled(p.name, `${at}.name`));
      d.set(
        'c0060',
        d.sup('c0060'),
        inferred(
          /^[\p{Script=Latin}\p{N}\p{P}\p{S}\s]+$/u.test(p.name) ? p.name : undefined,
          'the legal name is written in the Latin alphabet',
          `${at}.name`,
        ),
      );
      const person =
        p.kind === 'person' ? PERSON_TYPE.natural.code : p.kind === 'community' ? undefined : PERSON_TYPE.legal.code;
      d.set('c0070', filled(person, `${at}.kind`), d.sup('c0070'));
      d.set('c0080', filled(p.country && countryCode(p.country), `${at}.country`), d.sup('c0080'));
      const contracts = contractsOf.get(p.id) ?? [];
      const total =
        this.baseCurrency === 'EUR' && contracts.length && contracts.every((c) => c.annualValueEur !== undefined)
          ? contracts.reduce((s, c) => s + c.annualValueEur!, 0)
          : undefined;
      const rule = "the sum of the annual values of the provider's contracts";
      const source = contracts.map((c) => `contract:${c.id}.annualValueEur`).join(', ');
      const fromSupplement = d.supplement?.c0100 !== undefined;
      d.set(
        'c0090',
        d.sup('c0090'),
        fromSupplement ? undefined : inferred(total !== undefined ? currencyCode('EUR') : undefined, rule, source),
      );
      d.set('c0100', d.sup('c0100'), inferred(total, rule, source));
      const top = this.view.ultimateParent(p.id);
      const tc = top && top.id !== p.id ? this.providerCode(top) : undefined;
      d.set('c0110', tc && filled(tc.code, tc.from), d.sup('c0110'));
      d.set('c0120', tc && filled(tc.typeCode ?? (tc.type && TYPE_OF_CODE[tc.type].code), tc.from), d.sup('c0120'));
    }
  }

  // ---- assembly -----------------------------------------------------------------------------------

  private assemble(): DoraExport {
    const tables = doraTables();
    const report = {
      entityLei:
        (this.entityKey?.tag.from === IMPORTED ? this.sup?.entityLei : this.entityKey?.value) ??
        this.entityKey?.value ??
        '',
      consolidation: this.input.consolidation ?? this.sup?.consolidation ?? 'IND',
      country: this.input.country ?? this.sup?.country ?? this.input.organisation.country ?? '',
      refPeriod: this.refPeriod(),
      baseCurrency: this.baseCurrency,
      createdAt: this.input.createdAt,
      filingIndicators: {} as DoraReport['filingIndicators'],
      tables: {} as DoraReport['tables'],
    } satisfies DoraReport;
    const tags = {} as DoraTags;
    for (const t of DORA_TEMPLATES) {
      const columns = tables[t].columns.map((c) => c.code);
      const drafts = this.drafts.get(t)!;
      for (const d of drafts) d.finish(columns);
      // Supplement order first (a re-export keeps the package's order), then new rows.
      const bySupplement = new Map(
        drafts.filter((d) => d.supplementIndex !== undefined).map((d) => [d.supplementIndex!, d]),
      );
      const rows: DoraRow[] = [];
      const rowTags: Record<string, CellTag>[] = [];
      let dropped = 0;
      (this.sup?.tables[t] ?? []).forEach((row, i) => {
        const d = bySupplement.get(i);
        if (d) {
          rows.push(d.cells);
          rowTags.push(d.tags);
        } else if (!this.pkg?.importable[t].has(i)) {
          rows.push({ ...row });
          rowTags.push(
            Object.fromEntries(
              columns.map((c) => [c, row[c] ? { status: 'FILLED', from: IMPORTED } : { status: 'MISSING' }]),
            ) as Record<string, CellTag>,
          );
        } else dropped++;
      });
      for (const d of drafts)
        if (d.supplementIndex === undefined) {
          rows.push(d.cells);
          rowTags.push(d.tags);
        }
      if (dropped)
        this.notes.push(
          `${t}: ${dropped} row${dropped === 1 ? '' : 's'} of the imported package left out: the register no longer holds ${dropped === 1 ? 'its record' : 'their records'} as imported`,
        );
      report.tables[t] = rows;
      tags[t] = rowTags;
      report.filingIndicators[t] = rows.length > 0 || this.sup?.filingIndicators[t] === true;
    }
    return { report, tags, origins: this.origins, notes: this.notes };
  }
}
