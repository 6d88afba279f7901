/**
 * The stack view in Chromium against the demo register: six bands in order, top (6) to bottom
 * (1), with the layer names of the vocabulary and the asset counts the analysis gives; the
 * strategic filter; the concentration charts drawn with their table alternative; the top risks;
 * and axe-core clean in Dutch and English.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectNoAxeViolations, startUi, type UiSession } from '../helpers/browser.js';

interface AnalysisLite {
  assets: { assetId: string; name: string; layers: string[]; strategic: boolean }[];
  portfolio: {
    byUltimateParent: { rows: { label: string; assets: number }[] };
    byCountry: { rows: { key: string }[] };
    byCategory: { rows: { key: string }[] };
    topRisks: { assetId: string; name: string }[];
  };
}
interface Vocab {
  layers: { code: string; nl: string; en: string; number: number }[];
}

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

describeInBrowser('stack view', () => {
  let ui: UiSession;
  let analysis: AnalysisLite;
  let layers: Vocab['layers'];
  beforeAll(async () => {
    ui = await startUi();
    analysis = (await (await fetch(`${ui.url}/api/orgs/voorbeeldstad/analysis`)).json()) as AnalysisLite;
    layers = ((await (await fetch(`${ui.url}/api/vocabularies`)).json()) as Vocab).layers;
  });
  afterAll(() => ui?.close());

  const countOn = (layer: string, strategicOnly = false) =>
    analysis.assets.filter((a) => a.layers.includes(layer) && (!strategicOnly || a.strategic)).length;

  async function openStack(lang: 'nl' | 'en' = 'nl'): Promise<Page> {
    const page = await ui.page(lang);
    await page.goto(ui.url);
    await page.locator('.stapel-band').nth(5).waitFor();
    return page;
  }

  it('shows the six layers top to bottom, named and counted as the analysis says', async () => {
    const page = await openStack();
    expect(layers).toHaveLength(6);
    const topDown = [...layers].sort((a, b) => b.number - a.number);
    const list = page.getByRole('list', { name: /De zes lagen van de digitale stapel/ });
    const bands = list.locator(':scope > li');
    expect(await bands.count()).toBe(6);
    for (const [i, layer] of topDown.entries()) {
      const band = bands.nth(i);
      expect(await band.getAttribute('data-layer')).toBe(layer.code);
      expect(squash(await band.getByRole('heading', { level: 3 }).textContent())).toBe(
        `Laag ${layer.number} ${layer.nl}`,
      );
      const expected = countOn(layer.code);
      expect(expected, `demo register has assets on ${layer.code}`).toBeGreaterThan(0);
      expect(await band.locator('.stapel-band__assets > li').count(), layer.code).toBe(expected);
      expect(squash(await band.locator('.stapel-band__count').textContent())).toBe(`${expected} voorzieningen`);
      const strategic = countOn(layer.code, true);
      expect(squash(await band.locator('.stapel-band__summary').textContent())).toContain(`${strategic} strategisch`);
      // Each asset links to its page; strategic ones say so in words.
      const first = analysis.assets.find((a) => a.layers.includes(layer.code))!;
      const link = band.getByRole('link', { name: first.name, exact: true });
      expect(await link.getAttribute('href')).toBe(`/assets/${first.assetId}`);
    }
    const strategicChips = page.locator('.stapel-chip--strategic');
    const chips = await strategicChips.count();
    expect(chips).toBe(layers.reduce((n, l) => n + countOn(l.code, true), 0));
    for (let i = 0; i < chips; i += 7) expect(await strategicChips.nth(i).textContent()).toContain('strategisch');
  });

  it('filters on strategic dependencies, kept in the address', async () => {
    const page = await openStack();
    const filter = page.getByLabel('Toon alleen strategische afhankelijkheden');
    expect(await filter.isChecked()).toBe(false);
    await filter.check();
    await expect.poll(() => page.url()).toContain('strategic=1');
    let fewer = false;
    for (const layer of layers) {
      const band = page.locator(`[data-layer="${layer.code}"]`);
      const expected = countOn(layer.code, true);
      if (expected < countOn(layer.code)) fewer = true;
      expect(await band.locator('.stapel-band__assets > li').count(), layer.code).toBe(expected);
      expect(await band.locator('.stapel-band__assets > li:not(.stapel-chip--strategic)').count()).toBe(0);
    }
    expect(fewer, 'the demo register has non-strategic assets to filter out').toBe(true);
    // A fresh visit of the filtered address shows the filtered view.
    await page.reload();
    await page.locator('.stapel-band').nth(5).waitFor();
    expect(await page.getByLabel('Toon alleen strategische afhankelijkheden').isChecked()).toBe(true);
    await page.getByLabel('Toon alleen strategische afhankelijkheden').uncheck();
    const apps = page.locator('[data-layer="applications"] .stapel-band__assets > li');
    await expect.poll(() => apps.count()).toBe(countOn('applications'));
  });

  it('draws the concentration charts with a table alternative and lists the top risks', async () => {
    const page = await openStack();
    for (const id of ['by-parent', 'by-country', 'by-category']) {
      const chart = page.locator(`[data-chart="${id}"]`);
      const img = chart.locator('[role="img"]');
      await img.locator('svg').first().waitFor();
      expect(await img.getAttribute('aria-label')).toMatch(/^Staafdiagram/);
      expect(await chart.locator('svg rect, svg path').count()).toBeGreaterThan(0);
    }
    const parents = analysis.portfolio.byUltimateParent.rows;
    const parentTable = page.locator('[data-chart="by-parent"]').getByRole('table');
    const firstRow = parentTable.locator('tbody tr').first();
    expect(squash(await firstRow.locator('th').textContent())).toBe(parents[0]!.label);
    expect(squash(await firstRow.locator('td').first().textContent())).toBe(String(parents[0]!.assets));
    expect(await parentTable.locator('tbody tr').count()).toBe(parents.length);
    expect(await page.locator('[data-chart="by-country"] tbody tr').count()).toBe(
      analysis.portfolio.byCountry.rows.length,
    );
    // The table is hidden only visually until asked for.
    const toggle = page.locator('[data-chart="by-parent"]').getByRole('button', { name: 'Toon als tabel' });
    const wrapper = page.locator('[data-chart="by-parent"] figure > div:has(> table)');
    expect((await wrapper.boundingBox())!.width).toBeLessThanOrEqual(1);
    await toggle.click();
    expect((await wrapper.boundingBox())!.width).toBeGreaterThan(200);
    const hide = page.locator('[data-chart="by-parent"]').getByRole('button', { name: 'Verberg tabel' });
    expect(await hide.getAttribute('aria-expanded')).toBe('true');

    const top = page.getByRole('table', { name: /Grootste risico’s/ });
    const rows = top.locator('tbody tr');
    expect(await rows.count()).toBe(analysis.portfolio.topRisks.length);
    const risk = analysis.portfolio.topRisks[0]!;
    expect(await rows.first().getByRole('link').getAttribute('href')).toBe(`/assets/${risk.assetId}`);
    expect(squash(await rows.first().getByRole('link').textContent())).toBe(risk.name);
  });

  it('is axe-core clean in Dutch and English', async () => {
    const nl = await openStack('nl');
    await nl.locator('[data-chart="by-category"] svg').first().waitFor();
    await expectNoAxeViolations(nl, 'stack view (nl)');
    await nl.getByLabel('Toon alleen strategische afhankelijkheden').check();
    await nl.locator('[data-chart="by-category"]').getByRole('button', { name: 'Toon als tabel' }).click();
    await expectNoAxeViolations(nl, 'stack view, strategic only, a chart as table (nl)');
    const en = await openStack('en');
    await en.getByRole('heading', { level: 1, name: 'Digital stack' }).waitFor();
    expect(squash(await en.locator('[data-layer="applications"] h3').textContent())).toBe(
      `Layer 6 ${layers.find((l) => l.code === 'applications')!.en}`,
    );
    await en.locator('[data-chart="by-category"] svg').first().waitFor();
    await expectNoAxeViolations(en, 'stack view (en)');
  });
});
