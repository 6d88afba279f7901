/**
 * The risk picture of the demo register through the API, on every backend: strategic
 * dependencies per layer with explained scores, concentration, overrides with a justification in
 * the history, enrichment on entry, and re-scoring when an ownership chain changes.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/api/server.js';
import type { Analysis, AssetRisk } from '../src/analysis/index.js';
import { loadDemo } from '../src/services/demo.service.js';
import { BACKENDS, notePostgresSkipped, openTestStore, type TestStore } from './helpers/backends.js';

notePostgresSkipped();

describe.each(BACKENDS)('analysis API on %s', (backend) => {
  let store: TestStore;
  let app: FastifyInstance;
  const base = '/api/orgs/voorbeeldstad';
  const get = async <T>(url: string) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json() as T;
  };
  const put = (url: string, payload: object) => app.inject({ method: 'PUT', url, payload });

  beforeAll(async () => {
    store = await openTestStore(backend);
    await loadDemo(store);
    app = await buildServer({ store });
  });
  afterAll(async () => {
    await app?.close();
    await store?.dispose();
  });

  it('lists strategic dependencies on every layer of the demo, each with an explained score', async () => {
    const a = await get<Analysis>(`${base}/analysis`);
    expect(a.assets.length).toBeGreaterThanOrEqual(50);
    for (const layer of ['applications', 'soft-infrastructure', 'hardware', 'raw-materials'] as const)
      expect(a.portfolio.strategicByLayer[layer].length, layer).toBeGreaterThan(0);
    for (const asset of a.assets.filter((x) => x.strategic)) {
      for (const t of [asset.continuity, asset.access]) {
        expect(t.score).toBe(Math.round(t.likelihood * t.impact * 10) / 10);
        for (const f of t.factors) expect(f.sources.length, `${asset.assetId} ${f.id}`).toBeGreaterThan(0);
      }
    }
    expect(a.knowledgeBaseVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('explains Exchange Online: Microsoft Corporation (US) at the top, CLOUD Act exposure, strategic', async () => {
    const mail = await get<AssetRisk>(`${base}/analysis/assets/m365-exchange`);
    expect(mail.strategic).toBe(true);
    expect(mail.ultimateParent).toMatchObject({ id: expect.any(String), country: 'US' });
    expect(mail.ultimateParent!.name).toMatch(/Microsoft/);
    const jurisdiction = mail.access.factors.find((f) => f.id === 'jurisdiction')!;
    expect(jurisdiction.value).toBe(1);
    expect(jurisdiction.fact).toMatch(/CLOUD Act/);
    expect(['high', 'very-high']).toContain(
      mail.continuity.level === 'low' ? mail.access.level : mail.continuity.level,
    );
    expect((await app.inject({ method: 'GET', url: `${base}/analysis/assets/nope` })).statusCode).toBe(404);
  });

  it('shows concentration by ultimate parent and country, Microsoft and the US among the top', async () => {
    const a = await get<Analysis>(`${base}/analysis`);
    const parents = a.portfolio.byUltimateParent.rows
      .slice(0, 5)
      .map((r) => r.label)
      .join(' | ');
    expect(parents).toMatch(/Microsoft/);
    expect(a.portfolio.byCountry.rows.slice(0, 3).map((r) => r.key)).toContain('US');
    expect(a.portfolio.byUltimateParent.hhi).toBeGreaterThan(0);
    const ms = a.portfolio.byUltimateParent.rows.find((r) => /Microsoft/.test(r.label))!;
    expect(ms.vitalShare).toBeGreaterThan(0.5);
  });

  it('needs a justification to override the risk configuration, keeps it in the history and uses it', async () => {
    const before = await get<AssetRisk>(`${base}/analysis/assets/m365-exchange`);
    const refused = await put(`${base}/risk-config`, {
      overrides: { accessWeights: { jurisdiction: 0 } },
      justification: 'because',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues[0].path).toBe('justification');
    const wrong = await put(`${base}/risk-config`, {
      overrides: { accessWeights: { jurisdiction: 'high' } },
      justification: 'We weigh jurisdiction differently',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues[0].path).toBe('overrides.accessWeights.jurisdiction');
    const ok = await put(`${base}/risk-config`, {
      overrides: { accessWeights: { jurisdiction: 0 } },
      justification: 'Board decision 2026-11: jurisdiction is handled by contract clauses',
    });
    expect(ok.statusCode).toBe(200);
    const after = await get<AssetRisk>(`${base}/analysis/assets/m365-exchange`);
    expect(after.access.factors.find((f) => f.id === 'jurisdiction')!.weight).toBe(0);
    expect(after.access.likelihood).toBeLessThan(before.access.likelihood);
    const history = await get<{ items: { kind: string; note: string; op: string }[] }>(
      `${base}/history?kind=risk-config`,
    );
    expect(history.items[0]).toMatchObject({
      kind: 'risk-config',
      op: 'create',
      note: 'Board decision 2026-11: jurisdiction is handled by contract clauses',
    });
    // Put it back so later tests see the defaults.
    expect(
      (await put(`${base}/risk-config`, { overrides: {}, justification: 'Back to the shipped defaults' })).statusCode,
    ).toBe(200);
  });

  it('overrides a knowledge-base category for one organisation only, with a justification', async () => {
    const shipped = await get<{ substitutability: string; name: object; layer: string }>(
      '/api/kb/category/office-suite',
    );
    const res = await put(`${base}/kb/category/office-suite`, {
      data: {
        name: shipped.name,
        layer: shipped.layer,
        substitutability: 'easy',
        substitutabilityReason: 'Our own assessment after the openDesk pilot',
      },
      justification: 'Pilot with openDesk showed migration is easy for us',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await get<{ substitutability: string }>(`${base}/kb/category/office-suite`)).substitutability).toBe('easy');
    expect((await get<{ substitutability: string }>('/api/kb/category/office-suite')).substitutability).toBe(
      shipped.substitutability,
    );
    const mail = await get<AssetRisk>(`${base}/analysis/assets/m365-exchange`);
    const sub = mail.continuity.factors.find((f) => f.id === 'substitutability')!;
    expect(sub.fact).toMatch(/Office suite: easy/i);
    expect(sub.sources.some((s) => s.id === 'org.category.office-suite' && !s.verified)).toBe(true);
    expect((await app.inject({ method: 'DELETE', url: `${base}/kb/category/office-suite` })).statusCode).toBe(204);
    const orphan = await put(`${base}/kb/vendor/lokale-hoster`, {
      data: {
        name: 'Lokale Hoster B.V.',
        country: 'NL',
        layers: ['physical-infrastructure'],
        parent: 'no-such-parent',
      },
      justification: 'Our regional hosting partner since 2024',
    });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().issues).toEqual([{ path: 'data.parent', message: 'unknown vendor' }]);
    const owned = await put(`${base}/kb/vendor/lokale-hoster`, {
      data: { name: 'Lokale Hoster B.V.', country: 'NL', layers: ['physical-infrastructure'], parent: 'kpn' },
      justification: 'Our regional hosting partner since 2024',
    });
    expect(owned.statusCode, owned.body).toBe(200);
    expect((await get<{ ultimateParent: string }>(`${base}/kb/vendor/lokale-hoster`)).ultimateParent).toBe('kpn');
  });

  it('fills what the knowledge base knows when a party is entered, marked as inferred with the rule', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `${base}/parties`,
      payload: { id: 'ms-test', name: 'Microsoft Corporation' },
    });
    expect(res.statusCode).toBe(201);
    const party = res.json();
    expect(party.country).toBe('US');
    expect(party.provenance.method).toBe('entered');
    expect(party.provenance.fields.country).toMatchObject({ method: 'inferred', rule: 'kb.vendor-country' });
    expect(party.provenance.fields.country.source).toMatch(/vendor "microsoft"/);
    const given = await app.inject({
      method: 'POST',
      url: `${base}/parties`,
      payload: { id: 'ms-test-2', name: 'Microsoft Corporation', country: 'IE' },
    });
    expect(given.json().country).toBe('IE');
  });

  it('re-scores everything that depends on a party when its parent changes', async () => {
    const before = await get<Analysis>(`${base}/analysis`);
    // A provider whose assets no US jurisdiction reaches yet (a Dutch or German vendor, self-hosted).
    const first = before.assets.find(
      (a) => a.provider && a.jurisdictions.length > 0 && !a.jurisdictions.includes('US'),
    )!;
    const providerId = first.provider!.id;
    const affected = before.assets.filter((a) => a.provider?.id === providerId && !a.jurisdictions.includes('US'));
    expect(affected.length).toBeGreaterThan(0);
    const res = await app.inject({
      method: 'PATCH',
      url: `${base}/parties/${providerId}`,
      payload: { parentId: 'ms-test' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await get<Analysis>(`${base}/analysis`);
    for (const a of affected) {
      const now = after.assets.find((x) => x.assetId === a.assetId)!;
      expect(now.ultimateParent?.id).toBe('ms-test');
      expect(now.jurisdictions).toContain('US');
      expect(now.continuity.likelihood).toBeGreaterThan(a.continuity.likelihood);
    }
  });

  it('searches and shows the knowledge base with sources', async () => {
    const hits = await get<{ items: { kind: string; id: string }[] }>('/api/kb/search?q=broadcom');
    expect(hits.items[0]).toMatchObject({ kind: 'vendor', id: 'broadcom' });
    const vmware = await get<{ ultimateParent: string; ownershipChain: { id: string }[] }>('/api/kb/vendor/vmware');
    expect(vmware.ownershipChain.map((v) => v.id)).toContain('broadcom');
    expect((await app.inject({ method: 'GET', url: '/api/kb/vendor/no-such-vendor' })).statusCode).toBe(404);
  });
});
