/**
 * Register import into PostgreSQL: `ImportService.commit` of a generated CSV of 10,000 assets whose
 * suppliers are written as free text (200 names, half of them knowledge-base vendors) — reading the
 * CSV, resolving every supplier against the file, the register and the knowledge base, validating
 * every row, and writing records and history in one transaction — against the least work that
 * stores the same rows: csv-parse of the same text and one insert of the same asset and party records
 * in a transaction. Before every round the organisation's assets and parties are removed, so each
 * round is a first import. There is no goal; the ratio shows what planning costs.
 */
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { knowledgeBase } from '../src/knowledge/knowledge-base.js';
import { entered, slugId } from '../src/domain/index.js';
import { ImportService } from '../src/services/import.service.js';
import { RegisterService } from '../src/services/register.service.js';
import { openStore } from '../src/store/database.js';
import { insertRecords } from '../src/store/record.repository.js';
import { benchDatabase, compare, xorshift, type Measurement } from './harness.js';

const ORG = 'bench-import';

function generateCsv(n: number): { text: string; suppliers: string[] } {
  const vendors = knowledgeBase()
    .vendors.vendors.slice(0, 100)
    .map((v) => v.name);
  const local = Array.from({ length: 100 }, (_, i) => `Lokale Leverancier ${i + 1}`);
  const suppliers = [...vendors, ...local];
  const rnd = xorshift(7);
  const lines = ['Sleutel;Naam;Type;Lagen;Leverancier;Hostinglanden;Gebruikers'];
  for (let i = 0; i < n; i++)
    lines.push(
      `app-${i};Applicatie ${i};SaaS-dienst;Applicaties en diensten;${suppliers[rnd(suppliers.length)]};NL;${rnd(5000)}`,
    );
  return { text: lines.join('\n') + '\n', suppliers };
}

export async function registerImportBenchmark(databaseUrl: string, n = 10_000, rounds = 3): Promise<Measurement> {
  const { url, drop } = await benchDatabase(databaseUrl);
  const store = await openStore({ databaseUrl: url });
  try {
    await new RegisterService(store).createOrganisation({ id: ORG, name: 'Bench', kind: 'bank' }, { actor: 'bench' });
    const { text } = generateCsv(n);
    const bytes = Buffer.from(text, 'utf8');
    const imports = new ImportService(store);
    const clear = async () => {
      await store.db.execute(sql`DELETE FROM assets WHERE org_id = ${ORG}`);
      await store.db.execute(sql`DELETE FROM parties WHERE org_id = ${ORG}`);
    };
    const baseline = async () => {
      const rows = parse(text, { delimiter: ';', columns: true }) as Record<string, string>[];
      const at = new Date().toISOString();
      const stamp = { revision: 1, createdAt: at, updatedAt: at, provenance: entered(new Date(at)) };
      const parties = new Map<string, Record<string, unknown>>();
      const assets = rows.map((r) => {
        const partyId = slugId(r.Leverancier!, 'party');
        parties.set(partyId, {
          id: partyId,
          name: r.Leverancier,
          kind: 'company',
          identifiers: {},
          aliases: [],
          ...stamp,
        });
        return {
          id: r.Sleutel,
          name: r.Naam,
          type: 'saas',
          layers: ['applications'],
          providerId: partyId,
          hostingLocations: ['NL'],
          dataLocations: { atRest: [], processing: [] },
          users: Number(r.Gebruikers),
          tags: [],
          ...stamp,
        };
      });
      await store.transaction(async ({ db }) => {
        await insertRecords(db, 'party', ORG, [...parties.values()]);
        await insertRecords(db, 'asset', ORG, assets);
      });
    };
    const candidate = () => imports.commit(ORG, bytes, { name: 'bench.csv', actor: 'bench' });
    const { baselineMs, candidateMs } = await compare({ rounds, warmup: 1, prepare: clear, baseline, candidate });
    const dry = await imports.plan(ORG, bytes, { name: 'bench.csv' });
    return {
      name: 'register-import',
      detail: `${n.toLocaleString('en')} assets from CSV with 200 free-text suppliers, PostgreSQL`,
      baselineMs,
      candidateMs,
      ratio: candidateMs / baselineMs,
      extra: {
        'rows planned (dry run of the same file again)': dry.rows.length,
        'unchanged on re-import': dry.counts.unchanged,
      },
    };
  } finally {
    await store.close();
    await drop();
  }
}
