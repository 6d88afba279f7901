/**
 * SBOMs of an organisation's assets: import (CycloneDX or SPDX, validated against the official
 * schemas) into component records of one asset — replacing the asset's previous SBOM in one
 * transaction and keeping the difference in the change history — and the portfolio search
 * "which assets, and so which processes, contain component X".
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { ConflictError, InputError, NotFoundError, type ComponentRecord } from '../domain/index.js';
import {
  inRange,
  ntiaQuality,
  summariseLicences,
  suppliersOf,
  type AssetSupplier,
  type LicenceSummary,
  type NtiaQuality,
} from '../analysis/index.js';
import { parseCycloneDxJson } from '../ingest/sbom/cyclonedx-json.importer.js';
import { parseCycloneDxXml } from '../ingest/sbom/cyclonedx-xml.importer.js';
import { normalisePurl, purlPackage } from '../ingest/sbom/purl.js';
import type { ParsedSbom } from '../ingest/sbom/sbom-model.js';
import { parseSpdx } from '../ingest/sbom/spdx.importer.js';
import type { Store } from '../store/database.js';
import { copyComponents } from '../store/component.repository.js';
import { appendChanges } from '../store/organisation.repository.js';
import { getSbomDocument, putSbomDocument } from '../store/sbom.repository.js';
import { allRecords, rowToRecord } from '../store/record.repository.js';
import { components, dependencies } from '../store/schema.js';
import { KnowledgeService } from './knowledge.service.js';
import { RegisterService } from './register.service.js';
import { VulnService } from './vuln.service.js';

/** Reads an SBOM in any supported format: CycloneDX JSON or XML, SPDX JSON or SPDX tag-value. */
export function parseSbom(text: string, file?: string): ParsedSbom {
  const start = text.trimStart();
  if (start.startsWith('<')) return parseCycloneDxXml(text, file);
  if (start.startsWith('{')) {
    // Decide by the format's own marker, without parsing twice.
    const head = start.slice(0, 4096);
    if (/"spdxVersion"\s*:/.test(head) && !/"bomFormat"\s*:/.test(head)) return parseSpdx(text, file);
    if (/"bomFormat"\s*:/.test(head) || !/"spdxVersion"\s*:/.test(text)) return parseCycloneDxJson(text, file);
    return parseSpdx(text, file);
  }
  return parseSpdx(text, file);
}

export interface SbomDiff {
  added: { name: string; version?: string; purl?: string }[];
  removed: { name: string; version?: string; purl?: string }[];
  /** Same package (purl without version, or name), another version. */
  changed: { name: string; purl?: string; from?: string; to?: string }[];
}

export interface SbomImport {
  assetId: string;
  format: ParsedSbom['format'];
  specVersion: string;
  documentId?: string;
  components: number;
  dependencies: number;
  replaced: number;
  diff: SbomDiff;
  /** NTIA minimum elements, element by element, and the completeness score. */
  quality: NtiaQuality;
  /** Knowledge-base vendors the components come from. */
  suppliers: AssetSupplier[];
  /** Findings against the vulnerability records already in the store. */
  findings: number;
}

/** An asset's SBOM document as stored, with its licences. */
export interface SbomDocument {
  assetId: string;
  format: string;
  specVersion: string;
  documentId?: string;
  created?: string;
  authors: string[];
  tools: string[];
  subject?: { name: string; version?: string };
  file?: string;
  components: number;
  importedAt: string;
  quality: NtiaQuality;
  suppliers: AssetSupplier[];
  licences: LicenceSummary;
}

/** The package a component is of, for matching across versions: its purl without version, or its name. */
const packageOf = (c: { purl?: string; name: string }) => (c.purl ? purlPackage(c.purl) : `name:${c.name}`);

export function diffComponents(
  before: readonly { name: string; version?: string; purl?: string }[],
  after: readonly { name: string; version?: string; purl?: string }[],
): SbomDiff {
  const group = (list: typeof before) => {
    const m = new Map<string, typeof before>();
    for (const c of list) m.set(packageOf(c), [...(m.get(packageOf(c)) ?? []), c]);
    return m;
  };
  const b = group(before);
  const a = group(after);
  const brief = (c: (typeof before)[number]) => ({
    name: c.name,
    ...(c.version ? { version: c.version } : {}),
    ...(c.purl ? { purl: c.purl } : {}),
  });
  const diff: SbomDiff = { added: [], removed: [], changed: [] };
  for (const [key, olds] of b) {
    const news = a.get(key) ?? [];
    const oldVersions = new Set(olds.map((c) => c.version ?? ''));
    const newVersions = new Set(news.map((c) => c.version ?? ''));
    const gone = olds.filter((c) => !newVersions.has(c.version ?? ''));
    const come = news.filter((c) => !oldVersions.has(c.version ?? ''));
    // One version replaced by another is a change; anything else is removed and added.
    if (gone.length === 1 && come.length === 1)
      diff.changed.push({
        name: come[0]!.name,
        ...(come[0]!.purl ? { purl: purlPackage(come[0]!.purl) } : {}),
        ...(gone[0]!.version ? { from: gone[0]!.version } : {}),
        ...(come[0]!.version ? { to: come[0]!.version } : {}),
      });
    else {
      diff.removed.push(...gone.map(brief));
      diff.added.push(...come.map(brief));
    }
  }
  for (const [key, news] of a) if (!b.has(key)) diff.added.push(...news.map(brief));
  return diff;
}

/** Entries per list of the difference kept in the change history. */
const HISTORY_DIFF_ENTRIES = 1000;

function capDiff(d: SbomDiff, n: number) {
  return {
    counts: { added: d.added.length, removed: d.removed.length, changed: d.changed.length },
    added: d.added.slice(0, n),
    removed: d.removed.slice(0, n),
    changed: d.changed.slice(0, n),
    ...(d.added.length > n || d.removed.length > n || d.changed.length > n ? { truncated: true } : {}),
  };
}

/** A stable component id from the asset and the component's reference in its SBOM. */
const componentId = (assetId: string, ref: string) =>
  `${assetId.slice(0, 100)}.${createHash('sha1').update(ref).digest('hex').slice(0, 16)}`;

export interface ComponentHit {
  assetId: string;
  assetName: string;
  component: { id: string; name: string; version?: string; purl?: string };
  /** Processes that need the asset, directly or through other assets. */
  processes: string[];
}

export class SbomService {
  private readonly register: RegisterService;
  private readonly knowledge: KnowledgeService;
  private readonly vulns: VulnService;
  constructor(readonly store: Store) {
    this.register = new RegisterService(store);
    this.knowledge = new KnowledgeService(store);
    this.vulns = new VulnService(store);
  }

  /**
   * Imports an SBOM for an asset, replacing its previous components in one transaction. The text
   * is parsed before the first await, so a caller can drop its own reference right after calling.
   */
  async importSbom(
    orgId: string,
    assetId: string,
    text: string,
    { file, actor }: { file?: string; actor: string },
  ): Promise<SbomImport> {
    const sbom = parseSbom(text, file);
    // The text is not needed any more: let it go before the transaction, so a 300 MB document is
    // not held for the whole import (callers that drop theirs after this call get the memory back).
    text = '';
    const quality = ntiaQuality(sbom);
    const at = new Date().toISOString();
    const ids = new Map(sbom.components.map((c) => [c.ref, componentId(assetId, c.ref)]));
    if (new Set(ids.values()).size !== ids.size)
      throw new InputError(`${file ?? 'the input'}: two component references map to one id`, [], file);
    const records: ComponentRecord[] = sbom.components.map((c) => ({
      id: ids.get(c.ref)!,
      revision: 1,
      createdAt: at,
      updatedAt: at,
      provenance: { method: 'imported', source: file ?? `${sbom.format} ${sbom.specVersion}`, at },
      assetId,
      name: c.name.slice(0, 300),
      ...(c.version ? { version: c.version.slice(0, 200) } : {}),
      ...(c.purl ? { purl: c.purl } : {}),
      ...(c.supplier ? { supplier: c.supplier.slice(0, 300) } : {}),
      licences: [...new Set(c.licences.map((l) => l.slice(0, 500)))].slice(0, 1000),
      hashes: c.hashes.slice(0, 20),
      dependsOn: [...new Set(c.dependsOn.map((r) => ids.get(r)!))],
    }));
    return this.store.transaction(async (tx) => {
      const { db } = tx;
      await this.register.get('asset', orgId, assetId, db);
      const old = (
        await db
          .select()
          .from(components)
          .where(and(eq(components.orgId, orgId), eq(components.assetId, assetId)))
      ).map((r) => rowToRecord<'component'>(r));
      // Dependencies on the old components would dangle once they are replaced.
      const keep = new Set(records.map((r) => r.id));
      const gone = old.filter((c) => !keep.has(c.id)).map((c) => `component:${c.id}`);
      const referring: { id: string; to: string }[] = [];
      for (let i = 0; i < gone.length; i += 10_000)
        referring.push(
          ...(await db
            .select({ id: dependencies.id, to: dependencies.to })
            .from(dependencies)
            .where(and(eq(dependencies.orgId, orgId), inArray(dependencies.to, gone.slice(i, i + 10_000))))),
        );
      if (referring.length)
        throw new ConflictError(
          `dependencies still refer to components the new SBOM no longer has: ${referring
            .slice(0, 5)
            .map((d) => `${d.id} → ${d.to}`)
            .join(', ')}`,
          { dependencies: referring.map((d) => d.id) },
        );
      await db.delete(components).where(and(eq(components.orgId, orgId), eq(components.assetId, assetId)));
      await copyComponents(tx, orgId, records);
      const diff = diffComponents(old, records);
      const suppliers = suppliersOf(await this.knowledge.indexFor(orgId, db), records);
      await putSbomDocument(db, {
        orgId,
        assetId,
        format: sbom.format,
        specVersion: sbom.specVersion,
        documentId: sbom.documentId ?? null,
        created: sbom.created ?? null,
        authors: sbom.authors,
        tools: sbom.tools,
        subject: sbom.subject ?? null,
        file: file ?? null,
        components: records.length,
        quality,
        suppliers,
        importedAt: new Date(at),
      });
      // Findings of the old components go; the new ones are matched against the stored records.
      const matched = await this.vulns.matchFindings(db, orgId, [assetId], records);
      const summary: SbomImport = {
        assetId,
        format: sbom.format,
        specVersion: sbom.specVersion,
        ...(sbom.documentId ? { documentId: sbom.documentId } : {}),
        components: records.length,
        dependencies: records.reduce((n, r) => n + r.dependsOn.length, 0),
        replaced: old.length,
        diff,
        quality,
        suppliers,
        findings: matched.findings,
      };
      await appendChanges(db, [
        {
          orgId,
          actor,
          kind: 'sbom',
          recordId: assetId,
          op: 'import',
          before: { components: old.length },
          after: {
            ...summary,
            // The history keeps the counts and the first entries; a first import of 300k
            // components would otherwise store them all again in one history entry.
            diff: capDiff(diff, HISTORY_DIFF_ENTRIES),
            quality: { score: quality.score },
            created: sbom.created,
            authors: sbom.authors,
            tools: sbom.tools,
            ...(sbom.subject ? { subject: sbom.subject } : {}),
          },
          note: `SBOM ${sbom.format} ${sbom.specVersion}${file ? ` from ${file}` : ''}: +${diff.added.length} −${diff.removed.length} ~${diff.changed.length}`,
        },
      ]);
      return summary;
    });
  }

  /** The asset's SBOM: the document's metadata, NTIA quality, suppliers and licence summary. */
  async document(orgId: string, assetId: string): Promise<SbomDocument> {
    await this.register.get('asset', orgId, assetId);
    const row = await getSbomDocument(this.store.db, orgId, assetId);
    if (!row) throw new NotFoundError(`asset "${assetId}" has no SBOM yet`);
    return {
      assetId,
      format: row.format,
      specVersion: row.specVersion,
      ...(row.documentId ? { documentId: row.documentId } : {}),
      ...(row.created ? { created: row.created } : {}),
      authors: row.authors,
      tools: row.tools,
      ...(row.subject ? { subject: row.subject as { name: string; version?: string } } : {}),
      ...(row.file ? { file: row.file } : {}),
      components: row.components,
      importedAt: row.importedAt.toISOString(),
      quality: row.quality as NtiaQuality,
      suppliers: row.suppliers as AssetSupplier[],
      licences: await this.licences(orgId, assetId),
    };
  }

  /**
   * The licences of an asset's components, or of the whole portfolio. Components with the same
   * statements are grouped in the database, so a million occurrences arrive as a few thousand rows.
   */
  async licences(orgId: string, assetId?: string): Promise<LicenceSummary> {
    await this.register.getOrganisation(orgId);
    const rows = await this.store.db
      .select({ licences: components.licences, count: sql<number>`count(*)::int` })
      .from(components)
      .where(and(eq(components.orgId, orgId), ...(assetId ? [eq(components.assetId, assetId)] : [])))
      .groupBy(components.licences);
    return summariseLicences(rows);
  }

  /**
   * What importing `text` for the asset would change, without writing anything: the same diff an
   * import keeps in the change history.
   */
  async previewDiff(orgId: string, assetId: string, text: string, file?: string): Promise<SbomDiff> {
    const sbom = parseSbom(text, file);
    await this.register.get('asset', orgId, assetId);
    const old = (
      await this.store.db
        .select({ name: components.name, version: components.version, purl: components.purl })
        .from(components)
        .where(and(eq(components.orgId, orgId), eq(components.assetId, assetId)))
    ).map((r) => ({ name: r.name, ...(r.version ? { version: r.version } : {}), ...(r.purl ? { purl: r.purl } : {}) }));
    return diffComponents(old, sbom.components);
  }

  /**
   * Assets containing a component, by name, by package URL (with a version: that version only;
   * without: any version) and optionally a semver range; with the processes that need each asset.
   */
  async search(orgId: string, query: { name?: string; purl?: string; range?: string }): Promise<ComponentHit[]> {
    if (!query.name && !query.purl)
      throw new InputError('search by name or by package URL', [{ path: ['purl'], message: 'give a purl or a name' }]);
    await this.register.getOrganisation(orgId);
    const where = [eq(components.orgId, orgId)];
    if (query.purl) {
      const purl = normalisePurl(query.purl, ['purl']);
      const pkg = purlPackage(purl);
      // An expression index on the version-less purl answers this without a scan (migration 0004).
      where.push(sql`regexp_replace(${components.purl}, '[@?#].*$', '') = ${pkg}`);
      if (purl !== pkg && /@/.test(purl.slice(pkg.length)))
        where.push(eq(components.version, decodeURIComponent(purl.slice(pkg.length + 1).replace(/[?#].*$/, ''))));
    }
    if (query.name) where.push(sql`lower(${components.name}) = lower(${query.name})`);
    const rows = (
      await this.store.db
        .select()
        .from(components)
        .where(and(...where))
    ).map((r) => rowToRecord<'component'>(r));
    const hits = query.range ? rows.filter((c) => inRange(c.version, query.range!)) : rows;
    if (!hits.length) return [];
    const [assets, processes, deps] = await Promise.all([
      allRecords(this.store.db, 'asset', orgId),
      allRecords(this.store.db, 'process', orgId),
      allRecords(this.store.db, 'dependency', orgId),
    ]);
    const names = new Map(assets.map((a) => [a.id, a.name]));
    // Who needs each asset, directly or through other assets: walk the consumers upward.
    const consumers = new Map<string, string[]>();
    for (const d of deps) consumers.set(d.to, [...(consumers.get(d.to) ?? []), d.from]);
    const processIds = new Set(processes.map((p) => `process:${p.id}`));
    const processesOf = (assetId: string) => {
      const seen = new Set<string>([`asset:${assetId}`]);
      const out: string[] = [];
      const stack = [`asset:${assetId}`];
      while (stack.length)
        for (const c of consumers.get(stack.pop()!) ?? [])
          if (!seen.has(c)) {
            seen.add(c);
            if (processIds.has(c)) out.push(c.slice(8));
            else stack.push(c);
          }
      return out.sort();
    };
    return hits
      .map((c) => ({
        assetId: c.assetId,
        assetName: names.get(c.assetId) ?? c.assetId,
        component: {
          id: c.id,
          name: c.name,
          ...(c.version ? { version: c.version } : {}),
          ...(c.purl ? { purl: c.purl } : {}),
        },
        processes: processesOf(c.assetId),
      }))
      .sort((x, y) => x.assetId.localeCompare(y.assetId) || x.component.id.localeCompare(y.component.id));
  }
}
