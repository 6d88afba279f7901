/**
 * Register imports through the API on every backend: spreadsheets (CSV, XLSX), ArchiMate models and
 * DORA packages are planned (dry run) and committed all-or-nothing; free-text suppliers are matched to
 * the knowledge base; re-imports update instead of duplicating; broken files are refused with a
 * located message and leave the store as it was; the register goes out again in the same layout.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/api/server.js';
import { loadDemo } from '../src/services/demo.service.js';
import { importClient } from './helpers/imports.js';
import { BACKENDS, notePostgresSkipped, openTestStore, type TestStore } from './helpers/backends.js';

notePostgresSkipped();

const fixture = (path: string) => readFileSync(new URL(`./fixtures/${path}`, import.meta.url));

interface PlanRow {
  kind: string;
  id: string;
  name: string;
  location: string;
  action: string;
  changes: { field: string }[];
  reasons: string[];
  matches: { field: string; how: string; vendor?: string; confidence?: number; id: string }[];
  inferred: { field: string; rule: string }[];
  added?: boolean;
}
interface Plan {
  committed: boolean;
  counts: Record<'create' | 'update' | 'unchanged' | 'reject', number>;
  rows: PlanRow[];
  unmapped: { what: string; count: number; reason: string }[];
  notes: string[];
  organisation: { field: string; after: unknown }[];
}

describe.each(BACKENDS)('register imports on %s', (backend) => {
  let store: TestStore;
  let app: FastifyInstance;

  const { upload, count, newOrg } = importClient(() => app);

  beforeAll(async () => {
    store = await openTestStore(backend);
    await loadDemo(store);
    app = await buildServer({ store });
    await newOrg('bank');
  });
  afterAll(async () => {
    await app?.close();
    await store?.dispose();
  });

  it('plans a Dutch CSV row by row, matching free-text suppliers to the knowledge base, and writes nothing', async () => {
    const r = await upload('bank', 'applicaties.csv', fixture('imports/applicaties.csv'));
    expect(r.statusCode, r.body).toBe(200);
    const plan = r.json() as Plan;
    expect(plan.committed).toBe(false);
    expect(plan.counts).toEqual({ create: 6, update: 0, unchanged: 0, reject: 0 });
    const kantoor = plan.rows.find((x) => x.id === 'kantoor')!;
    expect(kantoor).toMatchObject({ kind: 'asset', action: 'create', location: 'applicaties.csv, line 3' });
    expect(kantoor.matches[0]).toMatchObject({ field: 'providerId', how: 'knowledge-base', vendor: 'microsoft' });
    expect(kantoor.matches[0]!.confidence).toBeGreaterThan(0.5);
    const microsoft = plan.rows.find((x) => x.id === kantoor.matches[0]!.id)!;
    expect(microsoft).toMatchObject({ kind: 'party', name: 'Microsoft Corporation', added: true });
    expect(microsoft.inferred.map((i) => i.field)).toContain('country');
    // A supplier the knowledge base does not know becomes a party named as written.
    const parkeren = plan.rows.find((x) => x.id === 'parkeren')!;
    expect(parkeren.matches[0]).toMatchObject({ how: 'new' });
    expect(plan.rows.find((x) => x.id === parkeren.matches[0]!.id)!.name).toBe('Parkeerbedrijf Noord');
    expect(await count('bank', 'assets')).toBe(0);
    expect(await count('bank', 'parties')).toBe(0);
  });

  it('commits all rows; a re-import changes nothing and a changed cell is an update', async () => {
    const r = await upload('bank', 'applicaties.csv', fixture('imports/applicaties.csv'), '&dryRun=false');
    expect(r.statusCode, r.body).toBe(200);
    expect((r.json() as Plan).committed).toBe(true);
    expect(await count('bank', 'assets')).toBe(3);
    expect(await count('bank', 'parties')).toBe(3);
    const asset = (await app.inject({ url: '/api/orgs/bank/assets/kantoor' })).json() as Record<string, unknown>;
    expect(asset).toMatchObject({
      type: 'saas',
      layers: ['applications'],
      hostingLocations: ['IE', 'NL'],
      dataSensitivity: 'personal',
      users: 1050,
      tags: ['kantoor', 'samenwerken'],
      provenance: { method: 'imported', source: 'applicaties.csv' },
    });
    const party = (await app.inject({ url: `/api/orgs/bank/parties/${String(asset.providerId)}` })).json() as {
      country: string;
      provenance: { fields: Record<string, { method: string; rule: string }> };
    };
    expect(party.country).toBe('US');
    expect(party.provenance.fields.name).toMatchObject({ method: 'inferred', rule: 'kb.vendor-name-match' });

    const again = (await upload('bank', 'applicaties.csv', fixture('imports/applicaties.csv'))).json() as Plan;
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 3, reject: 0 });
    const edited = Buffer.from(fixture('imports/applicaties.csv').toString('utf8').replace(';1050;', ';1100;'));
    const changed = (await upload('bank', 'applicaties.csv', edited)).json() as Plan;
    expect(changed.counts).toMatchObject({ update: 1, unchanged: 2 });
    expect(changed.rows.find((x) => x.id === 'kantoor')!.changes).toEqual([
      { field: 'users', before: 1050, after: 1100 },
    ]);
  });

  it('imports processes and dependencies that name their ends by key or name', async () => {
    for (const f of ['processen.csv', 'afhankelijkheden.csv']) {
      const r = await upload('bank', f, fixture(`imports/${f}`), '&dryRun=false');
      expect(r.statusCode, r.body).toBe(200);
    }
    const deps = (await app.inject({ url: '/api/orgs/bank/dependencies' })).json() as {
      items: { from: string; to: string }[];
    };
    expect(deps.items.map((d) => `${d.from} → ${d.to}`).sort()).toEqual([
      'asset:zaaksysteem → asset:kantoor',
      'process:parkeerbeheer → asset:parkeren',
      'process:vergunningen → asset:zaaksysteem',
    ]);
    const again = (
      await upload('bank', 'afhankelijkheden.csv', fixture('imports/afhankelijkheden.csv'))
    ).json() as Plan;
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 3, reject: 0 });
  });

  it('refuses a CSV with an unknown column, naming it and the line, and writes nothing', async () => {
    const before = await count('bank', 'assets');
    const r = await upload('bank', 'verkeerde-kolom.csv', fixture('imports/verkeerde-kolom.csv'), '&dryRun=false');
    expect(r.statusCode).toBe(400);
    const body = r.json() as { message: string };
    expect(body.message).toContain('verkeerde-kolom.csv');
    expect(body.message).toContain('Kleur');
    expect(body.message).toMatch(/line 1/);
    expect(await count('bank', 'assets')).toBe(before);
  });

  it('refuses a workbook with a formula error, naming sheet, row and column, and writes nothing', async () => {
    const before = await count('bank', 'assets');
    const r = await upload('bank', 'formula-error.xlsx', fixture('tabular/formula-error.xlsx'), '&dryRun=false');
    expect(r.statusCode).toBe(400);
    const body = r.json() as { message: string };
    expect(body.message).toContain('formula-error.xlsx');
    expect(body.message).toMatch(/sheet .*(line|row) \d+.*column/i);
    expect(body.message).toContain('#DIV/0!');
    expect(await count('bank', 'assets')).toBe(before);
  });

  it('rejects the whole file when one row is wrong, with the plan saying which and why', async () => {
    const before = await count('bank', 'assets');
    const dry = (await upload('bank', 'foute-waarde.csv', fixture('imports/foute-waarde.csv'))).json() as Plan;
    expect(dry.rows.map((x) => [x.id, x.action])).toEqual([
      ['goed', 'create'],
      ['fout', 'reject'],
    ]);
    const reasons = dry.rows[1]!.reasons.join('\n');
    expect(reasons).toContain('Type');
    expect(reasons).toContain('Gebruikers');
    const r = await upload('bank', 'foute-waarde.csv', fixture('imports/foute-waarde.csv'), '&dryRun=false');
    expect(r.statusCode).toBe(400);
    const body = r.json() as { message: string; issues: { path: string }[]; details: { plan: Plan } };
    expect(body.message).toContain('nothing was written');
    expect(body.issues[0]!.path).toContain('foute-waarde.csv, line 3');
    expect(body.details.plan.counts.reject).toBe(1);
    expect(await count('bank', 'assets')).toBe(before);
  });

  it('writes the register as XLSX in the template layout; importing it back changes nothing', async () => {
    const xlsx = await app.inject({ url: '/api/orgs/voorbeeldstad/exports/register?format=xlsx&lang=nl' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const plan = (await upload('voorbeeldstad', 'register.xlsx', xlsx.rawPayload)).json() as Plan;
    const changed = plan.rows.filter((x) => x.action !== 'unchanged');
    expect(
      changed.map(
        (x) => `${x.location} ${x.kind} ${x.id}: ${x.reasons.join('; ')} ${x.changes.map((c) => c.field).join(',')}`,
      ),
    ).toEqual([]);
    expect(plan.counts.unchanged).toBeGreaterThan(300);
  });

  it('round-trips a register through XLSX into another organisation and out as the same CSV', async () => {
    await newOrg('kopie', 'municipality');
    // Dependencies on SBOM components cannot travel: components come with SBOMs, not spreadsheets.
    const deps = (await app.inject({ url: '/api/orgs/voorbeeldstad/dependencies?limit=500' })).json() as {
      items: { id: string; to: string }[];
    };
    const onComponents = deps.items.filter((d) => d.to.startsWith('component:'));
    expect(onComponents.length).toBe(4);
    const refused = await upload(
      'kopie',
      'register.xlsx',
      (await app.inject({ url: '/api/orgs/voorbeeldstad/exports/register?format=xlsx' })).rawPayload,
      '&dryRun=false',
    );
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as { message: string }).message).toContain('4 of 356 rows rejected');
    for (const d of onComponents)
      expect(
        (await app.inject({ method: 'DELETE', url: `/api/orgs/voorbeeldstad/dependencies/${d.id}` })).statusCode,
      ).toBe(204);
    const xlsx = await app.inject({ url: '/api/orgs/voorbeeldstad/exports/register?format=xlsx&lang=en' });
    const r = await upload('kopie', 'register.xlsx', xlsx.rawPayload, '&dryRun=false');
    expect(r.statusCode, r.body.slice(0, 2000)).toBe(200);
    for (const kind of ['process', 'party', 'asset', 'dependency', 'contract', 'exit-plan']) {
      const a = await app.inject({ url: `/api/orgs/voorbeeldstad/exports/register?format=csv&kind=${kind}&lang=nl` });
      const b = await app.inject({ url: `/api/orgs/kopie/exports/register?format=csv&kind=${kind}&lang=nl` });
      expect(a.statusCode, a.body).toBe(200);
      expect(b.body, kind).toBe(a.body);
    }
  });

  it('round-trips every kind through CSV: register → CSV → another organisation → the same CSV', async () => {
    await newOrg('kopie-csv', 'municipality');
    // As above: dependencies on SBOM components come with SBOMs, not spreadsheets.
    const deps = (await app.inject({ url: '/api/orgs/voorbeeldstad/dependencies?limit=500' })).json() as {
      items: { id: string; to: string }[];
    };
    for (const d of deps.items.filter((x) => x.to.startsWith('component:')))
      await app.inject({ method: 'DELETE', url: `/api/orgs/voorbeeldstad/dependencies/${d.id}` });
    const kinds = ['process', 'party', 'product', 'asset', 'dependency', 'contract', 'exit-plan'];
    const csv = async (org: string, kind: string, lang: string) => {
      const r = await app.inject({ url: `/api/orgs/${org}/exports/register?format=csv&kind=${kind}&lang=${lang}` });
      expect(r.statusCode, r.body).toBe(200);
      return r.rawPayload;
    };
    let written = 0;
    for (const [i, kind] of kinds.entries()) {
      // Alternate the header language: both must read back.
      const file = await csv('voorbeeldstad', kind, i % 2 ? 'en' : 'nl');
      const r = await upload('kopie-csv', `${kind}.csv`, file, '&dryRun=false');
      expect(r.statusCode, `${kind}: ${r.body.slice(0, 1500)}`).toBe(200);
      const plan = r.json() as Plan;
      expect(plan.counts.reject, kind).toBe(0);
      // Parties named by other kinds are in the party file already: nothing is added on the way.
      expect(
        plan.rows.filter((x) => x.added).map((x) => `${x.kind} ${x.id}`),
        kind,
      ).toEqual([]);
      written += plan.counts.create;
    }
    expect(written).toBeGreaterThan(300);
    for (const kind of kinds) {
      const [a, b] = [await csv('voorbeeldstad', kind, 'nl'), await csv('kopie-csv', kind, 'nl')];
      expect(b.toString('utf8'), kind).toBe(a.toString('utf8'));
      expect(a.toString('utf8').split(/\r?\n/).filter(Boolean).length, kind).toBeGreaterThan(1);
    }
  });

  it('serves the templates in both languages', async () => {
    const nl = await app.inject({ url: '/api/templates?format=csv&kind=asset&lang=nl' });
    expect(nl.statusCode).toBe(200);
    expect(nl.body.split(/\r?\n/)[0]).toContain('Sleutel');
    const en = await app.inject({ url: '/api/templates?format=csv&kind=asset&lang=en' });
    expect(en.body.split(/\r?\n/)[0]).toContain('Key');
    const xlsx = await app.inject({ url: '/api/templates?format=xlsx&lang=nl' });
    expect(xlsx.statusCode).toBe(200);
    // An empty template imports as nothing.
    const plan = (await upload('bank', 'template.xlsx', xlsx.rawPayload)).json() as Plan;
    expect(plan.rows).toEqual([]);
  });
});
