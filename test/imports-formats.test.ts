/**
 * ArchiMate models and DORA registers of information through the API on every backend: ArchiSurance
 * (exported by Archi) imports with processes, assets over several stack layers and dependencies and
 * an honest count of what has no place in the register; the EBA's sample package imports and comes
 * back out with every value; a package exported from the demo register has the sample's structure;
 * broken files are refused with a located message and leave the store as it was.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/api/server.js';
import { DORA_TEMPLATES, type DoraRow } from '../src/ingest/dora/dora-model.js';
import { readDoraPackage } from '../src/ingest/dora/package-reader.js';
import { writeDoraPackage } from '../src/ingest/dora/package-writer.js';
import { checkDoraReport } from '../src/ingest/dora/preflight.js';
import { doraTables } from '../src/ingest/dora/taxonomy.js';
import { loadDemo } from '../src/services/demo.service.js';
import { importClient } from './helpers/imports.js';
import { BACKENDS, notePostgresSkipped, openTestStore, type TestStore } from './helpers/backends.js';

notePostgresSkipped();

const fixture = (path: string) => readFileSync(new URL(`./fixtures/${path}`, import.meta.url));
const SAMPLE = 'DUMMYLEI123456789012.CON_FR_DORA010100_DORA_2024-12-31_20241213174803429.zip';

interface Plan {
  committed: boolean;
  counts: Record<'create' | 'update' | 'unchanged' | 'reject', number>;
  rows: {
    kind: string;
    id: string;
    action: string;
    reasons: string[];
    location: string;
    changes: { field: string; after: unknown }[];
  }[];
  unmapped: { what: string; count: number; reason: string; examples: string[] }[];
  notes: string[];
}

/** A table's rows as sorted canonical strings, so two tables compare whatever their row and column order. */
const rowSet = (rows: readonly DoraRow[]) =>
  rows
    .map((r) =>
      JSON.stringify(
        Object.entries(r)
          .filter(([, v]) => v !== '')
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    )
    .sort();

describe.each(BACKENDS)('ArchiMate and DORA imports on %s', (backend) => {
  let store: TestStore;
  let app: FastifyInstance;
  const { upload, count, newOrg } = importClient(() => app);
  const counts = async (org: string) => {
    const out: Record<string, number> = {};
    for (const plural of ['processes', 'assets', 'parties', 'dependencies', 'contracts'])
      out[plural] = await count(org, plural);
    return out;
  };

  beforeAll(async () => {
    store = await openTestStore(backend);
    await loadDemo(store);
    app = await buildServer({ store });
    await newOrg('archisurance', 'insurer');
    await newOrg('dummy');
  });
  afterAll(async () => {
    await app?.close();
    await store?.dispose();
  });

  it('imports ArchiSurance with processes, assets on several layers and dependencies, and counts what it cannot map', async () => {
    const xml = fixture('archimate/archisurance.xml');
    const dry = (await upload('archisurance', 'archisurance.xml', xml)).json() as Plan;
    expect(dry.counts.reject, JSON.stringify(dry.rows.filter((r) => r.action === 'reject').slice(0, 3))).toBe(0);
    expect(dry.unmapped.reduce((n, u) => n + u.count, 0)).toBeGreaterThan(0);
    for (const u of dry.unmapped) expect(u.reason.length).toBeGreaterThan(0);
    const r = await upload('archisurance', 'archisurance.xml', xml, '&dryRun=false');
    expect(r.statusCode, r.body.slice(0, 1000)).toBe(200);
    const stored = await counts('archisurance');
    expect(stored.processes).toBeGreaterThan(0);
    expect(stored.dependencies).toBeGreaterThan(0);
    const assets = (await app.inject({ url: '/api/orgs/archisurance/assets?limit=500' })).json() as {
      items: { layers: string[] }[];
    };
    expect(new Set(assets.items.flatMap((a) => a.layers)).size).toBeGreaterThanOrEqual(3);
    // Re-importing the same model changes nothing.
    const again = (await upload('archisurance', 'archisurance.xml', xml)).json() as Plan;
    expect(again.counts).toMatchObject({ create: 0, update: 0, reject: 0 });

    // A type refined in the register (the model only knows "application") survives a re-import; a
    // type that contradicts the model is set back to the model's.
    const apps = (
      (await app.inject({ url: '/api/orgs/archisurance/assets?limit=500' })).json() as {
        items: { id: string; type: string }[];
      }
    ).items.filter((a) => a.type === 'application');
    expect(apps.length).toBeGreaterThan(1);
    const [refined, contradicted] = [apps[0]!, apps[1]!];
    for (const [id, type] of [
      [refined.id, 'saas'],
      [contradicted.id, 'hardware'],
    ])
      expect(
        (await app.inject({ method: 'PATCH', url: `/api/orgs/archisurance/assets/${id}`, payload: { type } }))
          .statusCode,
      ).toBe(200);
    const third = (await upload('archisurance', 'archisurance.xml', xml, '&dryRun=false')).json() as Plan;
    const updated = third.rows.filter((r) => r.action === 'update');
    expect(updated.map((r) => [r.id, r.changes.map((c) => `${c.field}=${String(c.after)}`)])).toEqual([
      [contradicted.id, ['type=application']],
    ]);
    const typeOf = async (id: string) =>
      ((await app.inject({ url: `/api/orgs/archisurance/assets/${id}` })).json() as { type: string }).type;
    expect(await typeOf(refined.id)).toBe('saas');
    expect(await typeOf(contradicted.id)).toBe('application');
  });

  it('imports the small Archi sample model the same way', async () => {
    await newOrg('sample1', 'company');
    const r = await upload('sample1', 'Sample1.xml', fixture('archimate/Sample1.xml'), '&dryRun=false');
    expect(r.statusCode, r.body.slice(0, 1000)).toBe(200);
  });

  it('imports relationships through junctions, an Or-junction as a redundancy group', async () => {
    await newOrg('junctions', 'municipality');
    const r = await upload('junctions', 'junctions.xml', fixture('archimate/junctions.xml'), '&dryRun=false');
    expect(r.statusCode, r.body.slice(0, 1000)).toBe(200);
    const deps = (await app.inject({ url: '/api/orgs/junctions/dependencies?limit=500' })).json() as {
      items: { from: string; to: string; redundancyGroup?: string }[];
    };
    expect(
      deps.items.map((d) => `${d.from} → ${d.to}${d.redundancyGroup ? ` (${d.redundancyGroup})` : ''}`).sort(),
    ).toEqual([
      'asset:am-id-app-c → asset:am-id-node-1 (am-id-or)',
      'asset:am-id-app-c → asset:am-id-node-2 (am-id-or)',
      'process:am-id-proc → asset:am-id-app-a',
      'process:am-id-proc → asset:am-id-app-b',
      'process:am-id-proc → asset:am-id-app-c',
    ]);
  });

  it('refuses a model with a relationship to a missing element, naming it, and writes nothing', async () => {
    const before = await counts('archisurance');
    const xml = fixture('archimate/archisurance.xml').toString('utf8');
    // Point the first relationship's target at an element that does not exist.
    const broken = xml.replace(/(<relationship [^>]*target=")[^"]+"/, '$1id-does-not-exist"');
    expect(broken).not.toBe(xml);
    const r = await upload('archisurance', 'broken.xml', Buffer.from(broken), '&dryRun=false');
    expect(r.statusCode).toBe(400);
    const body = r.json() as { message: string };
    expect(body.message).toContain('broken.xml');
    expect(body.message).toContain('id-does-not-exist');
    expect(await counts('archisurance')).toEqual(before);
  });

  it('imports the EBA sample package, and exports it again with every value', async () => {
    const zip = fixture(`dora/${SAMPLE}`);
    // The sample's dummy values refer to nothing across templates: refused unless lenient.
    const strict = await upload('dummy', SAMPLE, zip);
    expect(strict.statusCode).toBe(400);
    expect((strict.json() as { message: string }).message).toContain('b_02.02.csv, line 2, c0010');
    const dry = (await upload('dummy', SAMPLE, zip, '&lenient=true')).json() as Plan;
    expect(dry.counts.reject, JSON.stringify(dry.rows.filter((r) => r.action === 'reject').slice(0, 3))).toBe(0);
    expect(dry.counts.create).toBeGreaterThan(0);
    const r = await upload('dummy', SAMPLE, zip, '&dryRun=false&lenient=true');
    expect(r.statusCode, r.body.slice(0, 1000)).toBe(200);
    const stored = await counts('dummy');
    // Its contracts name no provider that exists (B_02.02 refers to nothing), so only the providers
    // and functions become records; the rest comes back from the package's own values.
    expect(stored.parties).toBe(2);
    expect(stored.processes).toBe(2);

    const out = await app.inject({ url: '/api/orgs/dummy/exports/dora?draft=true&refDate=2024-12-31&country=FR' });
    expect(out.statusCode, out.body.slice(0, 1000)).toBe(200);
    expect(out.headers['content-type']).toBe('application/zip');
    const sample = await readDoraPackage(zip, SAMPLE);
    const back = await readDoraPackage(out.rawPayload, 'export.zip');
    expect(back.entityLei).toBe(sample.entityLei);
    expect(back.refPeriod).toBe('2024-12-31');
    for (const t of DORA_TEMPLATES) expect(rowSet(back.tables[t]), t).toEqual(rowSet(sample.tables[t]));
    // The package's own values travel with the organisation's backup.
    const backup = (await app.inject({ url: '/api/orgs/dummy/export' })).json() as {
      doraSupplement?: { source: string; report: { entityLei: string } };
    };
    expect(backup.doraSupplement).toMatchObject({ source: SAMPLE, report: { entityLei: 'DUMMYLEI123456789012' } });
  });

  it('exports the demo register as a package with the structure of the EBA sample', async () => {
    const check = (await app.inject({ url: '/api/orgs/voorbeeldstad/exports/dora/check' })).json() as {
      gap: { readyToFile: boolean; templates: { template: string; missing: number }[] };
    };
    expect(check.gap.templates.map((t) => t.template)).toEqual([...DORA_TEMPLATES]);
    const refused = await app.inject({ url: '/api/orgs/voorbeeldstad/exports/dora' });
    expect(refused.statusCode).toBe(400);
    const out = await app.inject({ url: '/api/orgs/voorbeeldstad/exports/dora?draft=true&refDate=2025-12-31' });
    expect(out.statusCode, out.body.slice(0, 500)).toBe(200);
    const name = /filename="([^"]+)\.zip"/.exec(String(out.headers['content-disposition']))![1]!;
    // The demo municipality has no LEI: the draft is named with a placeholder.
    expect(name).toMatch(/^NOLEI\.CON_NL_DORA010100_DORA_2025-12-31_\d{17}$/);
    const entries = async (bytes: Buffer) => {
      const { default: yauzl } = await import('yauzl');
      return new Promise<string[]>((resolve, reject) =>
        yauzl.fromBuffer(bytes, { lazyEntries: false }, (err, zipfile) => {
          if (err) return reject(err);
          const names: string[] = [];
          zipfile.on('entry', (e: { fileName: string }) => names.push(e.fileName.replace(/^[^/]+\//, '')));
          zipfile.on('end', () => resolve(names.filter((n) => n && !n.endsWith('/')).sort()));
        }),
      );
    };
    expect(await entries(out.rawPayload)).toEqual(await entries(fixture(`dora/${SAMPLE}`)));
    // Every template file carries exactly the columns of its table definition.
    const zipText = await readDoraPackage(out.rawPayload, 'demo.zip');
    expect(zipText.tables['B_05.01'].length).toBeGreaterThan(0);
    const tables = doraTables();
    const { default: yauzl } = await import('yauzl');
    const headers = await new Promise<Record<string, string>>((resolve, reject) =>
      yauzl.fromBuffer(out.rawPayload, { lazyEntries: true }, (err, zipfile) => {
        if (err) return reject(err);
        const found: Record<string, string> = {};
        zipfile.on('entry', (e: { fileName: string }) => {
          const m = /reports\/(b_\d\d\.\d\d)\.csv$/.exec(e.fileName);
          if (!m) return zipfile.readEntry();
          zipfile.openReadStream(e as never, (e2, s) => {
            if (e2) return reject(e2);
            let text = '';
            s.on('data', (d: Buffer) => (text += d.toString('utf8')));
            s.on('end', () => {
              found[m[1]!.toUpperCase()] = text.split(/\r?\n/)[0]!;
              zipfile.readEntry();
            });
          });
        });
        zipfile.on('end', () => resolve(found));
        zipfile.readEntry();
      }),
    );
    for (const t of DORA_TEMPLATES) {
      const expected = tables[t].columns.map((c: { code: string }) => c.code);
      expect(headers[t]!.split(','), t).toEqual(expected);
    }
  });

  /** A small bank's register, built through the API: one SaaS service under one contract, used by a vital process. */
  const bankRegister = async (id: string) => {
    await newOrg(id);
    const org = await app.inject({
      method: 'PUT',
      url: `/api/orgs/${id}`,
      payload: {
        name: 'Veldhaven Bank N.V.',
        kind: 'bank',
        country: 'NL',
        identifiers: { lei: '724500VKKSH9QOLTFR81' },
      },
    });
    expect(org.statusCode, org.body).toBe(200);
    const post = async (plural: string, payload: Record<string, unknown>) => {
      const r = await app.inject({ method: 'POST', url: `/api/orgs/${id}/${plural}`, payload });
      expect(r.statusCode, r.body).toBe(201);
    };
    await post('parties', {
      id: 'postbode',
      name: 'Postbode SaaS GmbH',
      country: 'DE',
      identifiers: { lei: '5299000STAPELTEST181' },
    });
    await post('assets', {
      id: 'mail',
      name: 'E-mail',
      type: 'saas',
      layers: ['applications'],
      providerId: 'postbode',
      hostingLocations: ['DE'],
      dataLocations: { atRest: ['DE'], processing: ['DE'] },
      dataSensitivity: 'personal',
    });
    await post('processes', { id: 'payments', name: 'Betalingsverkeer', vital: true, maxTolerableDowntimeHours: 4 });
    await post('dependencies', { from: 'process:payments', to: 'asset:mail' });
    await post('contracts', {
      id: 'c-mail',
      name: 'Mail',
      supplierId: 'postbode',
      assetIds: ['mail'],
      reference: 'CTR-1',
      startDate: '2024-01-01',
      endDate: '2027-12-31',
      noticePeriodDays: 90,
      annualValueEur: 120000,
      governingLaw: 'DE',
    });
  };

  it('round-trips a well-formed register: package → another organisation → the same package', async () => {
    await bankRegister('veldhaven');
    const first = await app.inject({ url: '/api/orgs/veldhaven/exports/dora?draft=true&refDate=2025-12-31' });
    expect(first.statusCode, first.body.slice(0, 500)).toBe(200);
    const a = await readDoraPackage(first.rawPayload, 'a.zip');
    expect(a.tables['B_02.02'].length).toBe(1);
    expect(checkDoraReport(a).filter((i) => i.check === 'foreign-key' || i.check === 'primary-key')).toEqual([]);

    await newOrg('veldhaven-kopie');
    const imported = await upload('veldhaven-kopie', 'a.zip', first.rawPayload, '&dryRun=false');
    expect(imported.statusCode, imported.body.slice(0, 1000)).toBe(200);
    const again = await app.inject({ url: '/api/orgs/veldhaven-kopie/exports/dora?draft=true&refDate=2025-12-31' });
    const b = await readDoraPackage(again.rawPayload, 'b.zip');
    expect(b.entityLei).toBe('724500VKKSH9QOLTFR81');
    for (const t of DORA_TEMPLATES) expect(rowSet(b.tables[t]), t).toEqual(rowSet(a.tables[t]));

    // The same package with a service pointing at a provider B_05.01 does not declare.
    await newOrg('broken-fk');
    a.tables['B_02.02'][0] = { ...a.tables['B_02.02'][0]!, c0030: 'NO-SUCH-PROVIDER' };
    const { name, bytes } = await writeDoraPackage(a);
    const r = await upload('broken-fk', `${name}.zip`, bytes, '&dryRun=false');
    expect(r.statusCode).toBe(400);
    const body = r.json() as { message: string };
    expect(body.message).toContain('b_02.02.csv, line 2, c0030');
    expect(body.message).toContain('NO-SUCH-PROVIDER');
    expect(await counts('broken-fk')).toEqual({ processes: 0, assets: 0, parties: 0, dependencies: 0, contracts: 0 });
  });
  it('takes back a draft completed elsewhere: same records, the filled values, a package ready to file', async () => {
    await bankRegister('korenbeurs');
    const before = await counts('korenbeurs');
    const draft = await app.inject({ url: '/api/orgs/korenbeurs/exports/dora?draft=true&refDate=2025-12-31' });
    const pkg = await readDoraPackage(draft.rawPayload, 'draft.zip');
    // Fill what blocks filing as a person would in a spreadsheet: a value of the closed list, a
    // date, the entity's own LEI as its parent's, a reason in words.
    const tables = doraTables();
    for (let round = 0; round < 3; round++)
      for (const issue of checkDoraReport(pkg).filter((i) => i.blocking && i.check === 'mandatory')) {
        const column = tables[issue.template].columns.find((c) => c.code === issue.column)!;
        pkg.tables[issue.template][issue.row!]![issue.column!] = column.allowed
          ? [...column.allowed][0]!
          : column.type === 'd'
            ? '2025-06-30'
            : issue.template === 'B_01.02' && issue.column === 'c0060'
              ? pkg.entityLei
              : 'De Nederlandsche Bank';
      }
    expect(checkDoraReport(pkg).filter((i) => i.blocking)).toEqual([]);
    const completed = await writeDoraPackage(pkg);

    // Brought back, the package maps onto the records it was exported from: nothing new, nothing changed.
    const dry = (await upload('korenbeurs', `${completed.name}.zip`, completed.bytes)).json() as Plan;
    expect(dry.rows.map((r) => `${r.kind} ${r.id} ${r.action}`)).toEqual([
      'party postbode unchanged',
      'process payments unchanged',
      'asset mail unchanged',
      expect.stringMatching(/^dependency dep-[a-z0-9-]+ unchanged$/),
      'contract c-mail unchanged',
    ]);
    const r = await upload('korenbeurs', `${completed.name}.zip`, completed.bytes, '&dryRun=false');
    expect(r.statusCode, r.body.slice(0, 1000)).toBe(200);
    expect(await counts('korenbeurs')).toEqual(before);
    const asset = (await app.inject({ url: '/api/orgs/korenbeurs/assets/mail' })).json() as { name: string };
    expect(asset.name).toBe('E-mail');

    // The register now files: the package comes out whole, with every filled value.
    const filed = await app.inject({ url: '/api/orgs/korenbeurs/exports/dora?refDate=2025-12-31' });
    expect(filed.statusCode, filed.body.slice(0, 1000)).toBe(200);
    const out = await readDoraPackage(filed.rawPayload, 'filed.zip');
    for (const t of DORA_TEMPLATES) expect(rowSet(out.tables[t]), t).toEqual(rowSet(pkg.tables[t]));

    // A value the package changes that the register holds is an update of just that field.
    pkg.tables['B_02.02'][0]!.c0100 = '60';
    const changed = await writeDoraPackage(pkg);
    const plan = (await upload('korenbeurs', `${changed.name}.zip`, changed.bytes)).json() as Plan;
    expect(
      plan.rows
        .filter((x) => x.action !== 'unchanged')
        .map((x) => [x.id, x.changes.map((c) => `${c.field}=${String(c.after)}`)]),
    ).toEqual([['c-mail', ['noticePeriodDays=60']]]);
  });
});
