import { describe, expect, it } from 'vitest';
import { knowledgeIndex } from '../knowledge/knowledge-base.js';
import { planImport, type ExistingRegister, type PlannedRow } from './import-plan.js';
import type { ImportRow, RegisterImport } from './register-import.js';
import { emptyRegister } from '../../test/helpers/imports.js';

const kb = knowledgeIndex();
const at = new Date('2026-12-01T10:00:00Z');

const file = (rows: ImportRow[], extra: Partial<RegisterImport> = {}): RegisterImport => ({
  format: 'csv',
  source: 'register.csv',
  rows,
  unmapped: [],
  ...extra,
});

const row = (key: ImportRow['key'], line: number, spec: Record<string, unknown>, more: Partial<ImportRow> = {}) =>
  ({ key, spec, at: { file: 'register.csv', line }, ...more }) as ImportRow;

/** The register after a plan is committed: its writes as stored records. */
function applied(register: ExistingRegister, plan: ReturnType<typeof planImport>): ExistingRegister {
  const next = { ...register } as unknown as Record<string, Record<string, unknown>[]>;
  for (const w of plan.writes) {
    const list = [...(next[w.key] ?? [])].filter((r) => r.id !== w.record.id);
    list.push({ ...w.record, revision: 1, createdAt: at.toISOString(), updatedAt: at.toISOString() });
    next[w.key] = list;
  }
  return next as unknown as ExistingRegister;
}

const find = (rows: PlannedRow[], kind: string, name: string) => rows.find((r) => r.kind === kind && r.name === name)!;

describe('import planner', () => {
  const mail = row(
    'asset',
    2,
    { name: 'E-mail', type: 'saas', layers: ['applications'] },
    { id: 'mail', links: [{ field: 'providerId', kind: 'party', text: 'Microsoft 365' }] },
  );

  it('matches a free-text supplier to the knowledge base and adds it as an inferred party', () => {
    const plan = planImport(file([mail]), emptyRegister(), kb, at);
    expect(plan.counts).toEqual({ create: 2, update: 0, unchanged: 0, reject: 0 });
    const party = plan.rows.find((r) => r.kind === 'party')!;
    expect(party).toMatchObject({ name: 'Microsoft Corporation', action: 'create', added: true });
    expect(party.inferred.map((i) => i.field)).toEqual(expect.arrayContaining(['name', 'country']));
    const asset = find(plan.rows, 'asset', 'E-mail');
    expect(asset.matches[0]).toMatchObject({ how: 'knowledge-base', vendor: 'microsoft', id: party.id });
    expect(asset.matches[0]!.confidence).toBeGreaterThan(0);
    const write = plan.writes.find((w) => w.key === 'party')!;
    expect(write.record).toMatchObject({ country: 'US', aliases: ['Microsoft 365'] });
    expect((write.record.provenance as { fields: Record<string, { method: string }> }).fields.country!.method).toBe(
      'inferred',
    );
    // Parties are written before the assets that name them.
    expect(plan.writes.map((w) => w.key)).toEqual(['party', 'asset']);
  });

  it('re-importing the same file changes nothing; a changed cell is an update that names the field', () => {
    const first = planImport(file([mail]), emptyRegister(), kb, at);
    const register = applied(emptyRegister(), first);
    const again = planImport(file([mail]), register, kb, at);
    // The supplier is found in the register now (by the knowledge base's name for it): only the asset is a row.
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 1, reject: 0 });
    expect(again.rows[0]!.matches[0]).toMatchObject({ how: 'register-name', id: register.party[0]!.id });
    const changed = row('asset', 2, { ...mail.spec, users: 120 }, { id: 'mail', links: mail.links });
    const plan = planImport(file([changed]), register, kb, at);
    const asset = find(plan.rows, 'asset', 'E-mail');
    expect(asset.action).toBe('update');
    expect(asset.changes).toEqual([{ field: 'users', after: 120 }]);
  });

  it('matches a row without a key to the stored record of the same name instead of duplicating it', () => {
    const register = applied(emptyRegister(), planImport(file([mail]), emptyRegister(), kb, at));
    const byName = row('asset', 5, { name: 'e-mail', type: 'saas', layers: ['applications', 'data'] });
    const plan = planImport(file([byName]), register, kb, at);
    expect(plan.rows[0]).toMatchObject({ id: 'mail', action: 'update' });
    // The provider is not a column of this file: it keeps its stored value.
    expect(plan.writes[0]!.record.providerId).toBe(register.party[0]!.id);
  });

  it('clears a field the file owns but leaves empty', () => {
    const register = applied(
      emptyRegister(),
      planImport(file([{ ...mail, spec: { ...mail.spec, users: 5 } }]), emptyRegister(), kb, at),
    );
    const emptied = row(
      'asset',
      2,
      { ...mail.spec },
      { id: 'mail', links: mail.links, owns: ['name', 'type', 'layers', 'users', 'providerId'] },
    );
    const plan = planImport(file([emptied]), register, kb, at);
    expect(plan.rows.find((r) => r.id === 'mail')!.changes).toEqual([{ field: 'users', before: 5 }]);
  });

  it('rejects a row whose reference resolves to nothing, and the rows that lean on it', () => {
    const contract = row(
      'contract',
      3,
      { name: 'Hosting' },
      {
        id: 'c1',
        links: [
          { field: 'supplierId', kind: 'party', text: 'Acme Hosting' },
          {
            field: 'assetIds',
            kind: 'asset',
            text: 'nowhere',
            many: true,
            at: { file: 'register.csv', line: 3, column: 'Assets' },
          },
        ],
      },
    );
    const badAsset = row('asset', 4, { name: 'Broken', type: 'saas', layers: [] }, { id: 'broken' });
    const dep = row(
      'dependency',
      5,
      {},
      {
        links: [
          { field: 'from', kind: 'asset', text: 'mail', asRef: true },
          { field: 'to', kind: 'asset', text: 'broken', asRef: true },
        ],
      },
    );
    const plan = planImport(file([mail, contract, badAsset, dep]), emptyRegister(), kb, at);
    const c = plan.rows.find((r) => r.id === 'c1')!;
    expect(c.action).toBe('reject');
    expect(c.reasons.join()).toContain('Assets: no asset with key or name "nowhere"');
    // An unknown supplier becomes a new party named as written.
    expect(plan.rows.find((r) => r.kind === 'party' && r.name === 'Acme Hosting')).toMatchObject({ action: 'create' });
    expect(plan.rows.find((r) => r.id === 'broken')!.reasons.join()).toContain('layers');
    const d = plan.rows.find((r) => r.kind === 'dependency')!;
    expect(d.action).toBe('reject');
    expect(d.reasons.join()).toContain('which is rejected');
    expect(plan.counts.reject).toBe(3);
  });

  it('rejects a key used twice and an ownership cycle', () => {
    const a = row('party', 2, { name: 'A' }, { id: 'a', links: [{ field: 'parentId', kind: 'party', text: 'b' }] });
    const b = row('party', 3, { name: 'B' }, { id: 'b', links: [{ field: 'parentId', kind: 'party', text: 'a' }] });
    const twin = row('party', 4, { name: 'A again' }, { id: 'a' });
    const plan = planImport(file([a, b, twin]), emptyRegister(), kb, at);
    expect(plan.rows.map((r) => r.action)).toEqual(['reject', 'reject', 'reject']);
    expect(plan.rows[0]!.reasons.join()).toContain('ownership cycle');
    expect(plan.rows[2]!.reasons.join()).toContain('used twice');
  });

  it('matches dependencies without a key on their two ends', () => {
    const proc = row('process', 2, { name: 'Vergunningen' }, { id: 'permits' });
    const dep = row(
      'dependency',
      3,
      { relation: 'uses' },
      {
        links: [
          { field: 'from', kind: 'process', text: 'Vergunningen', asRef: true },
          { field: 'to', kind: 'asset', text: 'E-mail', asRef: true },
        ],
      },
    );
    const first = planImport(file([mail, proc, dep]), emptyRegister(), kb, at);
    const d = first.rows.find((r) => r.kind === 'dependency')!;
    expect(d).toMatchObject({ action: 'create', name: 'process:permits → asset:mail' });
    const again = planImport(file([mail, proc, dep]), applied(emptyRegister(), first), kb, at);
    expect(again.rows.find((r) => r.kind === 'dependency')).toMatchObject({ action: 'unchanged', id: d.id });
  });

  it("blocks a file made for another entity than the organisation's LEI", () => {
    const register = { ...emptyRegister(), organisation: { identifiers: { lei: '724500VKKSH9QOLTFR81' } } };
    const plan = planImport(
      file([], { organisation: { identifiers: { lei: '529900T8BM49AURSDO55' } } }),
      register,
      kb,
      at,
    );
    expect(plan.blocking[0]).toContain('529900T8BM49AURSDO55');
    const fresh = planImport(
      file([], { organisation: { identifiers: { lei: '529900T8BM49AURSDO55' } } }),
      emptyRegister(),
      kb,
      at,
    );
    expect(fresh.organisation).toEqual([{ field: 'identifiers.lei', after: '529900T8BM49AURSDO55' }]);
  });
});
