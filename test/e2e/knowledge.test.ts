/**
 * The knowledge-base browser in Chromium: a search finds Microsoft, its entry shows the ownership
 * chain and exactly the sources the API gives (unverified ones marked), a vendor deeper in a group
 * shows its whole chain with countries, a category with market shares shows the HHI the API
 * computes and its shares as a table, an organisation's own entry is marked with its
 * justification, and axe-core finds nothing in Dutch and English.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { knowledgeIndex } from '../../src/knowledge/knowledge-base.js';
import { describeInBrowser, expectNoAxeViolations, startUi, type UiSession } from '../helpers/browser.js';

interface Source {
  id: string;
  title: string;
  url?: string;
  verified: boolean;
}
interface VendorApi {
  id: string;
  name: string;
  country: string;
  ownershipChain: { id: string; name: string; country: string }[];
  sources: Source[];
}
interface CategoryApi {
  id: string;
  name: { nl: string; en: string };
  hhi?: number;
  marketShares?: { shares: { vendor: string; share: number }[]; other?: number; sources: Source[] };
  sources: Source[];
}

const ORG = '/api/orgs/voorbeeldstad';
const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

describeInBrowser('knowledge-base browser', () => {
  let ui: UiSession;
  const get = async <T>(path: string) => (await (await fetch(`${ui.url}${path}`)).json()) as T;
  beforeAll(async () => {
    ui = await startUi();
  });
  afterAll(() => ui?.close());

  it('finds Microsoft and shows its ownership and exactly the API’s sources', async () => {
    const api = await get<VendorApi>('/api/kb/vendor/microsoft');
    const page = await ui.page('nl');
    await page.goto(`${ui.url}/knowledge`);
    await page.getByRole('heading', { level: 1, name: 'Kennisbank' }).waitFor();
    await page.getByLabel('Zoekterm').fill('microsoft');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const results = page.getByRole('region', { name: 'Zoekresultaten' });
    const hit = results.getByRole('link', { name: 'Microsoft Corporation', exact: true });
    await hit.waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('microsoft');
    await hit.click();

    const heading = page.getByRole('heading', { level: 2, name: api.name });
    await heading.waitFor();
    expect(new URL(page.url()).searchParams.get('show')).toBe('vendor:microsoft');
    // Focus moves to the opened entry, as on a new page.
    expect(await page.evaluate('document.activeElement?.id')).toBe('kb-entry-heading');

    const chain = page.getByTestId('ownership-chain').locator('li');
    expect(await chain.count()).toBe(api.ownershipChain.length);
    expect(squash(await chain.last().textContent())).toContain(api.ownershipChain.at(-1)!.name);
    expect(squash(await chain.last().textContent())).toContain(`(${api.ownershipChain.at(-1)!.country})`);

    const sources = page.getByTestId('kb-vendor-source-list').locator('li');
    expect(await sources.count()).toBe(api.sources.length);
    expect(api.sources.length).toBeGreaterThan(0);
    for (const [i, s] of api.sources.entries()) {
      const text = squash(await sources.nth(i).textContent());
      expect(text).toContain(s.title);
      expect(text.includes('niet geverifieerd'), `${s.id} marked as not verified`).toBe(!s.verified);
      if (s.url) expect(await sources.nth(i).getByRole('link').getAttribute('href')).toBe(s.url);
    }
    await expectNoAxeViolations(page, 'knowledge base, Microsoft (nl)');
  });

  it('shows the whole ownership chain of a vendor inside a group, with countries', async () => {
    // The vendor with the longest chain in the shipped data, so the test follows the data.
    const deepest = knowledgeIndex()
      .kb.vendors.vendors.map((v) => knowledgeIndex().vendorChain(v.id))
      .sort((a, b) => b.length - a.length)[0]!;
    expect(deepest.length).toBeGreaterThanOrEqual(2);
    const api = await get<VendorApi>(`/api/kb/vendor/${deepest[0]!.id}`);
    const page = await ui.page('nl');
    await page.goto(`${ui.url}/knowledge?show=vendor:${api.id}`);
    await page.getByRole('heading', { level: 2, name: api.name }).waitFor();
    const chain = page.getByTestId('ownership-chain').locator('li');
    expect(await chain.count()).toBe(api.ownershipChain.length);
    for (const [i, link] of api.ownershipChain.entries()) {
      const text = squash(await chain.nth(i).textContent());
      expect(text).toContain(link.name);
      expect(text).toContain(`(${link.country})`);
    }
    expect(squash(await chain.last().textContent())).toContain('uiteindelijke moeder');
    // Every parent is a link to its own entry.
    await chain.nth(1).getByRole('link', { name: api.ownershipChain[1]!.name }).click();
    await page.getByRole('heading', { level: 2, name: api.ownershipChain[1]!.name }).waitFor();
    expect(new URL(page.url()).searchParams.get('show')).toBe(`vendor:${api.ownershipChain[1]!.id}`);
  });

  it('shows a category’s market shares with the HHI the API gives, in Dutch and in English', async () => {
    const withShares = knowledgeIndex()
      .categories()
      .filter((c) => c.hhi !== undefined);
    expect(withShares.length).toBeGreaterThan(0);
    const id = withShares[0]!.id;
    const api = await get<CategoryApi>(`/api/kb/category/${id}`);
    const risk = await get<{ effective: { concentration: { unconcentrated: number; highlyConcentrated: number } } }>(
      `${ORG}/risk-config`,
    );
    const band = (hhi: number, words: [string, string, string]) =>
      hhi <= risk.effective.concentration.unconcentrated
        ? words[0]
        : hhi > risk.effective.concentration.highlyConcentrated
          ? words[2]
          : words[1];

    const page = await ui.page('nl');
    await page.goto(`${ui.url}/knowledge?show=category:${id}`);
    await page.getByRole('heading', { level: 2, name: api.name.nl }).waitFor();
    const hhi = page.getByTestId('hhi');
    await expect
      .poll(async () => squash(await hhi.textContent()))
      .toBe(
        `${new Intl.NumberFormat('nl').format(api.hhi!)} — ${band(api.hhi!, ['niet geconcentreerd', 'matig geconcentreerd', 'sterk geconcentreerd'])}`,
      );
    const table = page.getByRole('table', { name: /Marktaandelen in/ });
    const rows = table.locator('tbody tr');
    const shares = api.marketShares!;
    expect(await rows.count()).toBe(shares.shares.length + (shares.other !== undefined ? 1 : 0));
    for (const [i, s] of shares.shares.entries())
      expect(squash(await rows.nth(i).locator('td').textContent())).toBe(
        `${new Intl.NumberFormat('nl').format(s.share)}%`,
      );
    // The chart is an image whose text alternative carries the same numbers.
    const chart = page.getByRole('img', { name: /Staafdiagram van de marktaandelen/ });
    await chart.waitFor();
    await expect.poll(() => chart.locator('svg').count()).toBe(1);
    expect(await page.getByTestId('kb-shares-source-list').locator('li').count()).toBe(shares.sources.length);
    expect(await page.getByTestId('kb-category-source-list').locator('li').count()).toBe(api.sources.length);
    await expectNoAxeViolations(page, 'knowledge base, category (nl)');

    const en = await ui.page('en');
    await en.goto(`${ui.url}/knowledge?q=${encodeURIComponent(api.name.en)}&show=category:${id}`);
    await en.getByRole('heading', { level: 1, name: 'Knowledge base' }).waitFor();
    await en.getByRole('heading', { level: 2, name: api.name.en }).waitFor();
    await expect
      .poll(async () => squash(await en.getByTestId('hhi').textContent()))
      .toBe(
        `${new Intl.NumberFormat('en').format(api.hhi!)} — ${band(api.hhi!, ['unconcentrated', 'moderately concentrated', 'highly concentrated'])}`,
      );
    await en.getByRole('region', { name: 'Search results' }).getByRole('link').first().waitFor();
    await expectNoAxeViolations(en, 'knowledge base, category and results (en)');
  });

  it('marks the organisation’s own entries, with their justification', async () => {
    const justification = 'Lokale leverancier van ons parkeersysteem, niet in de meegeleverde kennisbank.';
    const put = await fetch(`${ui.url}${ORG}/kb/vendor/parkeer-lokaal`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        data: {
          name: 'Parkeer Lokaal B.V.',
          country: 'NL',
          parent: 'microsoft',
          layers: ['applications'],
          sources: [],
        },
        justification,
      }),
    });
    expect(put.status).toBe(200);
    const page = await ui.page('nl');
    await page.goto(`${ui.url}/knowledge?q=parkeer`);
    const own = page.getByRole('region', { name: /Eigen aanvullingen van/ });
    await own.getByRole('link', { name: 'Parkeer Lokaal B.V.' }).waitFor();
    expect(squash(await own.textContent())).toContain(justification);
    const row = page
      .getByRole('region', { name: 'Zoekresultaten' })
      .getByRole('row')
      .filter({ hasText: 'Parkeer Lokaal B.V.' });
    expect(squash(await row.textContent())).toContain('eigen aanvulling');
    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: 'Parkeer Lokaal B.V.' }).waitFor();
    const entry = page.getByRole('region', { name: 'Parkeer Lokaal B.V.' });
    const note = squash(await entry.getByRole('status').textContent());
    expect(note).toContain(justification);
    expect(note).toContain('de meegeleverde kennisbank heeft deze vermelding niet');
    // The chain runs through the organisation's entry to the shipped parent.
    expect(squash(await page.getByTestId('ownership-chain').textContent())).toContain('Microsoft Corporation');
    const sources = page.getByTestId('kb-vendor-source-list').locator('li');
    expect(await sources.count()).toBe(1);
    expect(squash(await sources.first().textContent())).toContain('eigen aanvulling van de organisatie');
    await expectNoAxeViolations(page, 'knowledge base, own entry (nl)');
  });
});
