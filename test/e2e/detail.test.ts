/**
 * The asset and process pages in Chromium against the demo register: an asset opened from the
 * stack view explains its scores with the same factors as the API, marks missing facts, shows the
 * ownership chain, its dependencies and (once one is uploaded) its SBOM summary; a process shows
 * its single points of failure; axe-core clean in Dutch and English.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectNoAxeViolations, startUi, type UiSession } from '../helpers/browser.js';

interface Factor {
  id: string;
  label: string;
  missing?: boolean;
}
interface Explained {
  assetId: string;
  name: string;
  provider?: { id: string; name: string };
  ultimateParent?: { id: string; name: string };
  continuity: { likelihood: number; impact: number; score: number; factors: Factor[] };
  access: { likelihood: number; impact: number; score: number; factors: Factor[] };
  missing: string[];
}
interface ProcessLite {
  processId: string;
  name: string;
  vital: boolean;
  continuity: { via?: string };
  singlePointsOfFailure?: string[];
}
interface AnalysisLite {
  assets: Explained[];
  processes: ProcessLite[];
}
interface GraphLite {
  edges: { from: string; to: string }[];
}

const ORG = '/api/orgs/voorbeeldstad';
const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

describeInBrowser('asset and process detail', () => {
  let ui: UiSession;
  let analysis: AnalysisLite;
  const get = async <T>(path: string) => (await (await fetch(`${ui.url}${path}`)).json()) as T;
  beforeAll(async () => {
    ui = await startUi();
    analysis = await get<AnalysisLite>(`${ORG}/analysis`);
  });
  afterAll(() => ui?.close());

  it('opens an asset from the stack view and explains it with the API’s factors', async () => {
    const page = await ui.page('en');
    await page.goto(ui.url);
    const link = page.locator('[data-layer="applications"] .stapel-band__assets a').first();
    const href = (await link.getAttribute('href'))!;
    const id = decodeURIComponent(href.replace('/assets/', ''));
    const api = await get<Explained>(`${ORG}/analysis/assets/${encodeURIComponent(id)}`);
    await link.click();
    await page.getByRole('heading', { level: 1, name: api.name }).waitFor();
    expect(new URL(page.url()).pathname).toBe(href);
    for (const threat of ['continuity', 'access'] as const) {
      const section = page.locator(`[data-threat="${threat}"]`);
      const labels = await section.locator('.stapel-factor-label').allTextContents();
      expect(labels, threat).toEqual(api[threat].factors.map((f) => f.label));
      expect(labels.length).toBeGreaterThan(0);
      const s = api[threat];
      expect(squash(await section.locator('strong').first().textContent())).toBe(
        `Likelihood ${s.likelihood} × impact ${s.impact} = score ${s.score}`,
      );
      expect(await section.getByText('missing fact: default value used').count()).toBe(
        s.factors.filter((f) => f.missing).length,
      );
    }
    expect(await page.getByRole('link', { name: 'Edit', exact: true }).getAttribute('href')).toBe(
      `/register/assets?edit=${id}`,
    );
    await expectNoAxeViolations(page, 'asset page (en)');
  });

  it('marks missing facts, shows the ownership chain and the dependencies (Dutch)', async () => {
    // An asset whose provider is owned by another party and which misses facts, chosen from the API.
    const asset = analysis.assets.find(
      (a) =>
        a.provider &&
        a.ultimateParent &&
        a.provider.id !== a.ultimateParent.id &&
        a.continuity.factors.some((f) => f.missing),
    );
    expect(asset, 'the demo register has such an asset').toBeDefined();
    const a = asset!;
    const page = await ui.page('nl');
    await page.goto(`${ui.url}/assets/${encodeURIComponent(a.assetId)}`);
    await page.getByRole('heading', { level: 1, name: a.name }).waitFor();
    const missingFactors = [...a.continuity.factors, ...a.access.factors].filter((f) => f.missing).length;
    expect(await page.getByText('ontbrekend gegeven: standaardwaarde gebruikt').count()).toBe(missingFactors);
    for (const threat of ['continuity', 'access'] as const) {
      const ids = await page
        .locator(`[data-threat="${threat}"] .stapel-factor-label`)
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-factor')));
      expect(ids, threat).toEqual(a[threat].factors.map((f) => f.id));
    }
    const missingList = page.locator('.stapel-missing li');
    expect(await missingList.allTextContents()).toEqual(a.missing);
    expect(await missingList.first().getAttribute('lang')).toBe(null);
    expect(await missingList.first().locator('span').getAttribute('lang')).toBe('en');

    const chain = page.getByRole('list', { name: /Eigendomsketen/ });
    await chain.locator('li').nth(1).waitFor();
    const chainText = await chain.locator('li').allTextContents();
    expect(chainText[0]).toContain(a.provider!.name);
    expect(chainText.at(-1)).toContain(a.ultimateParent!.name);
    expect(chainText.at(-1)).toContain('uiteindelijke moeder');

    const graph = await get<GraphLite>(`${ORG}/graph`);
    const needs = graph.edges.filter((e) => e.from === `asset:${a.assetId}` && e.to.startsWith('asset:'));
    const neededBy = graph.edges.filter((e) => e.to === `asset:${a.assetId}` && e.from.startsWith('asset:'));
    const down = page.getByRole('list', { name: 'Wat deze voorziening nodig heeft' });
    const up = page.getByRole('list', { name: 'Wat van deze voorziening afhangt' });
    await up.waitFor();
    for (const e of needs) expect(await down.locator(`a[href="/assets/${e.to.slice(6)}"]`).count()).toBe(1);
    for (const e of neededBy) expect(await up.locator(`a[href="/assets/${e.from.slice(6)}"]`).count()).toBe(1);
    // No SBOM: no SBOM section.
    expect(await page.getByRole('heading', { name: /SBOM/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'asset page (nl)');
  });

  it('shows the SBOM summary once the asset has one', async () => {
    const id = 'lcms';
    const put = await fetch(`${ui.url}${ORG}/assets/${id}/sbom?file=laravel.json`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: readFileSync(new URL('../fixtures/sbom/laravel-7.12.0_bom.1.4.json', import.meta.url)),
    });
    expect(put.status).toBe(200);
    const sbom = await get<{ components: number; quality: { score: number } }>(`${ORG}/assets/${id}/sbom`);
    const findings = await get<unknown[]>(`${ORG}/findings?asset=${id}`);
    const page = await ui.page('en');
    await page.goto(`${ui.url}/assets/${id}`);
    await page.getByRole('heading', { level: 2, name: /SBOM/ }).waitFor();
    const section = page.locator('section[aria-labelledby="sbom"]');
    const text = squash(await section.textContent());
    expect(text).toContain(`Components${sbom.components}`);
    expect(text).toContain(`${sbom.quality.score} out of 100`);
    await expect.poll(async () => squash(await section.textContent())).toContain(`(findings)${findings.length}`);
  });

  it('shows a process’s single points of failure and what it needs', async () => {
    const process = analysis.processes.find((p) => p.vital && p.singlePointsOfFailure?.length);
    expect(process, 'the demo register has a vital process with single points of failure').toBeDefined();
    const p = process!;
    const page = await ui.page('nl');
    await page.goto(`${ui.url}/processes/${encodeURIComponent(p.processId)}`);
    await page.getByRole('heading', { level: 1, name: p.name }).waitFor();
    const spof = page.getByRole('list', { name: 'Enkelvoudige faalpunten' });
    const hrefs = await spof.getByRole('link').evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    expect(hrefs).toEqual(p.singlePointsOfFailure!.map((id) => `/assets/${id}`));
    if (p.continuity.via)
      expect(
        await page.locator(`section[aria-labelledby="continuity"] a[href="/assets/${p.continuity.via}"]`).count(),
      ).toBe(1);
    const graph = await get<GraphLite>(`${ORG}/graph`);
    const direct = graph.edges.filter((e) => e.from === `process:${p.processId}` && e.to.startsWith('asset:'));
    const needs = page.getByRole('list', { name: 'Voorzieningen die dit proces direct gebruikt' });
    expect(await needs.getByRole('link').count()).toBe(new Set(direct.map((e) => e.to)).size);
    await expectNoAxeViolations(page, 'process page (nl)');

    // From a single point of failure to its asset page and back through "what depends on it".
    await spof.getByRole('link').first().click();
    await page.getByRole('list', { name: 'Wat van deze voorziening afhangt' }).waitFor();

    const other = analysis.processes.find((x) => !x.vital);
    if (other) {
      await page.goto(`${ui.url}/processes/${encodeURIComponent(other.processId)}`);
      await page.getByText('Enkelvoudige faalpunten worden alleen voor vitale processen berekend.').waitFor();
    }
  });

  it('is axe-core clean on a process page in English', async () => {
    const p = analysis.processes.find((x) => x.vital)!;
    const page = await ui.page('en');
    await page.goto(`${ui.url}/processes/${encodeURIComponent(p.processId)}`);
    await page.getByRole('heading', { level: 2, name: 'Single points of failure' }).waitFor();
    await expectNoAxeViolations(page, 'process page (en)');
  });
});
