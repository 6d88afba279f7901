/**
 * Vulnerabilities of an organisation's components: OSV records come in from the OSV API (only
 * for the packages the organisation has) or from an offline OSV dump, and are kept in the store;
 * findings are then made here, by the same version-range matching either way, so an offline
 * store and an online one give the same answer for the same records.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import {
  affectedBy,
  checkOsvRecord,
  osvPackageKey,
  purlToOsvPackage,
  purlToOsvQuery,
  type OsvRecord,
} from '../analysis/index.js';
import { InputError } from '../domain/index.js';
import { listOrganisations } from '../store/organisation.repository.js';
import { OsvClient, type OsvQuery } from '../ingest/osv/osv-client.js';
import { countDumpEntries, readOsvDump } from '../ingest/osv/osv-dump.js';
import type { Db, Store } from '../store/database.js';
import {
  countVulnerabilities,
  getVulnerabilities,
  hasVulnerabilities,
  listFindings,
  putVulnerabilities,
  replaceFindings,
  vulnerabilitiesForPackages,
  vulnerabilityModified,
  type FindingRow,
  type VulnerabilityRow,
} from '../store/sbom.repository.js';
import { assets as assetTable, components } from '../store/schema.js';
import { RegisterService } from './register.service.js';

export type Progress = (step: string, done: number, total: number) => void;

interface ComponentRef {
  id: string;
  assetId: string;
  name: string;
  version: string | null;
  purl: string | null;
}

/** The columns of a component the matching and the findings read. */
const COMPONENT_REF = {
  id: components.id,
  assetId: components.assetId,
  name: components.name,
  version: components.version,
  purl: components.purl,
};

/** The version a component is at: its own field, else the version in its purl. */
const versionOf = (c: ComponentRef): string | undefined => {
  if (c.version) return c.version;
  const at = c.purl?.replace(/[?#].*$/, '').lastIndexOf('@') ?? -1;
  return at > 0 ? decodeURIComponent(c.purl!.slice(at + 1).replace(/[?#].*$/, '')) : undefined;
};

/** Turns an OSV record into the row and the packages it names. */
export function vulnerabilityRow(record: OsvRecord, source: string, at: Date) {
  const packages = new Map<string, { ecosystem: string; name: string }>();
  for (const a of record.affected ?? []) {
    const p = osvPackageOf(a);
    if (p) packages.set(osvPackageKey(p), indexed(p));
  }
  const row: VulnerabilityRow = {
    id: record.id,
    modified: new Date(record.modified),
    withdrawn: record.withdrawn ? new Date(record.withdrawn) : null,
    aliases: record.aliases ?? [],
    summary: record.summary ?? (record.details ? record.details.slice(0, 300) : null),
    record,
    source,
    fetchedAt: at,
  };
  return { row, packages: [...packages.values()] };
}

/**
 * A package as the index stores it: the ecosystem without its release suffix and the name in the
 * ecosystem's normal form (the two parts of osvPackageKey), so "Gradio" finds "gradio".
 */
function indexed(p: { ecosystem: string; name: string }): { ecosystem: string; name: string } {
  const [ecosystem, name] = osvPackageKey(p).split('\u0000') as [string, string];
  return { ecosystem, name };
}

/** The package an `affected` entry names: by ecosystem and name, or by its purl. */
function osvPackageOf(a: NonNullable<OsvRecord['affected']>[number]): { ecosystem: string; name: string } | undefined {
  if (a.package?.ecosystem && a.package.name) return { ecosystem: a.package.ecosystem, name: a.package.name };
  return a.package?.purl ? purlToOsvPackage(a.package.purl) : undefined;
}

export interface SyncSummary {
  /** Distinct package versions asked about. */
  queried: number;
  /** Records the answer named, and how many of them were fetched (new or changed). */
  vulnerabilities: number;
  fetched: number;
  findings: number;
  assetsAffected: number;
  /** Components that could not be evaluated (no purl, unknown ecosystem, no version). */
  notEvaluated: number;
}

export interface DumpImportSummary {
  records: number;
  withdrawn: number;
  packages: number;
}

export interface FindingView {
  assetId: string;
  assetName: string;
  component: { id: string; name: string; version?: string; purl?: string };
  vulnerability: { id: string; aliases: string[]; summary?: string; severity: { type: string; score: string }[] };
  reason: string;
  foundAt: string;
}

export class VulnService {
  private readonly register: RegisterService;
  constructor(readonly store: Store) {
    this.register = new RegisterService(store);
  }

  private async componentsOf(db: Db, orgId: string, assetIds?: readonly string[]): Promise<ComponentRef[]> {
    return db
      .select(COMPONENT_REF)
      .from(components)
      .where(
        and(
          eq(components.orgId, orgId),
          isNotNull(components.purl),
          ...(assetIds ? [inArray(components.assetId, [...assetIds])] : []),
        ),
      );
  }

  /**
   * Makes the findings of the organisation's components (of the given assets, or all) against the
   * records in the store, replacing the previous findings of those assets.
   */
  async matchFindings(
    db: Db,
    orgId: string,
    assetIds?: readonly string[],
    /** The components of those assets when the caller has them already (an SBOM import). */
    given?: readonly { id: string; assetId: string; name: string; version?: string; purl?: string }[],
  ): Promise<{ findings: number; assetsAffected: number; notEvaluated: number }> {
    // Without any records there is nothing to find; the old findings of the assets still go.
    if (!(await hasVulnerabilities(db))) {
      if (assetIds) await replaceFindings(db, orgId, assetIds, []);
      else await replaceFindings(db, orgId, await this.assetIdsOf(db, orgId), []);
      return { findings: 0, assetsAffected: 0, notEvaluated: 0 };
    }
    const list: ComponentRef[] = given
      ? given
          .filter((c) => c.purl)
          .map((c) => ({ id: c.id, assetId: c.assetId, name: c.name, version: c.version ?? null, purl: c.purl! }))
      : await this.componentsOf(db, orgId, assetIds);
    const packages = new Map<string, { ecosystem: string; name: string }>();
    const pkgOf = new Map<string, { ecosystem: string; name: string } | undefined>();
    for (const c of list) {
      const base = c.purl!.replace(/[@?#].*$/, '');
      if (!pkgOf.has(base)) pkgOf.set(base, purlToOsvPackage(c.purl!));
      const p = pkgOf.get(base);
      if (p) packages.set(osvPackageKey(p), indexed(p));
    }
    const records = (await vulnerabilitiesForPackages(db, [...packages.values()])).map((r) => r.record as OsvRecord);
    const byPackage = new Map<string, OsvRecord[]>();
    for (const r of records)
      for (const a of r.affected ?? []) {
        const p = osvPackageOf(a);
        if (!p) continue;
        const key = osvPackageKey(p);
        const l = byPackage.get(key) ?? [];
        if (!l.includes(r)) l.push(r);
        byPackage.set(key, l);
      }
    const now = new Date();
    const rows: FindingRow[] = [];
    let notEvaluated = 0;
    for (const c of list) {
      const pkg = pkgOf.get(c.purl!.replace(/[@?#].*$/, ''));
      const version = versionOf(c);
      if (!pkg || !version) {
        notEvaluated++;
        continue;
      }
      for (const r of byPackage.get(osvPackageKey(pkg)) ?? []) {
        const verdict = affectedBy(r, pkg, version);
        if (verdict.affected === undefined) notEvaluated++;
        if (verdict.affected)
          rows.push({
            orgId,
            componentId: c.id,
            vulnId: r.id,
            assetId: c.assetId,
            reason: verdict.reason,
            foundAt: now,
          });
      }
    }
    const scope = assetIds ?? (await this.assetIdsOf(db, orgId));
    await replaceFindings(db, orgId, scope, rows);
    return { findings: rows.length, assetsAffected: new Set(rows.map((r) => r.assetId)).size, notEvaluated };
  }

  private async assetIdsOf(db: Db, orgId: string): Promise<string[]> {
    return (await db.select({ id: assetTable.id }).from(assetTable).where(eq(assetTable.orgId, orgId))).map(
      (a) => a.id,
    );
  }

  /**
   * Asks the OSV API about every package version the organisation has, stores the records that are
   * new or changed, and makes the findings. All writes happen in one transaction at the end, so a
   * failed sync leaves the store as it was.
   */
  async sync(orgId: string, options: { client?: OsvClient; onProgress?: Progress } = {}): Promise<SyncSummary> {
    const client = options.client ?? new OsvClient();
    await this.register.getOrganisation(orgId);
    const list = await this.componentsOf(this.store.db, orgId);
    const queries = new Map<string, OsvQuery>();
    for (const c of list) {
      const q = purlToOsvQuery(c.purl!);
      const version = c.version ?? q?.version;
      if (!q || !version) continue;
      queries.set(`${q.package.ecosystem}\u0000${q.package.name}\u0000${version}`, { package: q.package, version });
    }
    const asked = [...queries.values()];
    const answers = await client.queryBatch(asked, (d, t) => options.onProgress?.('query', d, t));
    const named = new Map<string, string | undefined>();
    for (const list of answers) for (const v of list) named.set(v.id, v.modified);
    const stored = await vulnerabilityModified(this.store.db, [...named.keys()]);
    // Fetch what is not stored, or stored older than the API says it now is.
    const wanted = [...named].filter(([id, modified]) => {
      const have = stored.get(id);
      return !have || !modified || Date.parse(modified) > have.getTime();
    });
    const records = await client.getVulnerabilities(
      wanted.map(([id]) => id),
      (d, t) => options.onProgress?.('fetch', d, t),
    );
    const at = new Date();
    const rows = records.map((r, i) =>
      vulnerabilityRow(checkOsvRecord(r, `OSV record ${wanted[i]![0]}`), 'osv-api', at),
    );
    return this.store.transaction(async ({ db }) => {
      await putVulnerabilities(db, rows);
      const m = await this.matchFindings(db, orgId);
      return {
        queried: asked.length,
        vulnerabilities: named.size,
        fetched: rows.length,
        findings: m.findings,
        assetsAffected: m.assetsAffected,
        notEvaluated: m.notEvaluated,
      };
    });
  }

  /**
   * Imports an offline OSV dump (all.zip, a folder or one file) into the store, all or nothing, and
   * re-makes the findings of every organisation (or only `orgId`).
   */
  async importDump(path: string, options: { orgId?: string; onProgress?: Progress } = {}): Promise<DumpImportSummary> {
    const total = await countDumpEntries(path);
    const at = new Date();
    const source = `osv-dump:${path.split('/').at(-1)}`;
    return this.store.transaction(async ({ db }) => {
      let records = 0;
      let withdrawn = 0;
      let packages = 0;
      let batch: ReturnType<typeof vulnerabilityRow>[] = [];
      for await (const entry of readOsvDump(path)) {
        const record = checkOsvRecord(entry.record, entry.where);
        const row = vulnerabilityRow(record, source, at);
        records++;
        if (row.row.withdrawn) withdrawn++;
        packages += row.packages.length;
        batch.push(row);
        if (batch.length >= 1000) {
          await putVulnerabilities(db, batch);
          batch = [];
        }
        options.onProgress?.('import', records, total);
      }
      if (batch.length) await putVulnerabilities(db, batch);
      if (!records) throw new InputError(`${path} holds no OSV records`, [], path);
      const orgs = options.orgId ? [options.orgId] : (await listOrganisations(db)).map((o) => o.id);
      for (const org of orgs) await this.matchFindings(db, org);
      return { records, withdrawn, packages };
    });
  }

  /** Re-makes an organisation's findings from the records already stored (no network). */
  async rematch(orgId: string) {
    await this.register.getOrganisation(orgId);
    return this.store.transaction(({ db }) => this.matchFindings(db, orgId));
  }

  async storedCount(): Promise<number> {
    return countVulnerabilities(this.store.db);
  }

  /** The organisation's findings (of one asset, or all), with the records' aliases and severity. */
  async findings(orgId: string, assetId?: string): Promise<FindingView[]> {
    await this.register.getOrganisation(orgId);
    const rows = await listFindings(this.store.db, orgId, assetId);
    if (!rows.length) return [];
    const vulns = new Map(
      (await getVulnerabilities(this.store.db, [...new Set(rows.map((r) => r.vulnId))])).map((v) => [v.id, v]),
    );
    const comps = new Map<string, ComponentRef>();
    const ids = [...new Set(rows.map((r) => r.componentId))];
    for (let i = 0; i < ids.length; i += 5000)
      for (const c of await this.store.db
        .select(COMPONENT_REF)
        .from(components)
        .where(and(eq(components.orgId, orgId), inArray(components.id, ids.slice(i, i + 5000)))))
        comps.set(c.id, c);
    const names = new Map(
      (
        await this.store.db
          .select({ id: assetTable.id, name: assetTable.name })
          .from(assetTable)
          .where(eq(assetTable.orgId, orgId))
      ).map((a) => [a.id, a.name]),
    );
    // A component deleted by hand since the last match has no finding any more.
    return rows
      .filter((r) => comps.has(r.componentId))
      .map((r) => {
        const v = vulns.get(r.vulnId);
        const c = comps.get(r.componentId);
        const record = v?.record as OsvRecord | undefined;
        return {
          assetId: r.assetId,
          assetName: names.get(r.assetId) ?? r.assetId,
          component: {
            id: r.componentId,
            name: c?.name ?? r.componentId,
            ...(c?.version ? { version: c.version } : {}),
            ...(c?.purl ? { purl: c.purl } : {}),
          },
          vulnerability: {
            id: r.vulnId,
            aliases: v?.aliases ?? [],
            ...(v?.summary ? { summary: v.summary } : {}),
            severity: (record?.severity ?? []).map((s) => ({ type: s.type, score: s.score })),
          },
          reason: r.reason,
          foundAt: r.foundAt.toISOString(),
        };
      });
  }
}
