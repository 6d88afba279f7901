/**
 * The register pages in Chromium against the demo register: the lists match what the API returns
 * (page by page, filtered through the URL), an asset is created past the API's validation
 * messages shown at their fields, edited (revision 2) and deleted after a confirmation, a record
 * others depend on cannot be deleted and the API's reason is shown, and axe-core finds nothing.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectNoAxeViolations, startUi, type UiSession } from '../helpers/browser.js';

interface Rec {
  id: string;
  name: string;
  revision: number;
  [field: string]: unknown;
}
interface ErrorBody {
  message: string;
  issues?: { path: string; message: string }[];
}

/** The UI's page size (register-list.tsx). */
const PAGE_SIZE = 25;
const KINDS = ['processes', 'assets', 'parties', 'contracts', 'exit-plans', 'measures'];

describeInBrowser('register pages', () => {
  let ui: UiSession;
  let base: string;
  const get = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${base}${path}`);
    return { status: res.status, body: (await res.json()) as T };
  };
  const rowsOf = (page: Page) => page.locator('main table tbody tr');
  const rowNames = (page: Page) => page.locator('main table tbody tr th').allTextContents();

  beforeAll(async () => {
    ui = await startUi();
    base = `${ui.url}/api/orgs/voorbeeldstad`;
  });
  afterAll(() => ui?.close());

  it('lists every kind as the API pages it, with the current kind marked', async () => {
    const page = await ui.page('nl');
    for (const kind of KINDS) {
      await page.goto(`${ui.url}/register/${kind}`);
      const { body } = await get<{ items: Rec[]; nextCursor?: string }>(`/${kind}?limit=${PAGE_SIZE}`);
      expect(body.items.length, kind).toBeGreaterThan(0);
      await page.locator('main table').waitFor();
      expect(await rowNames(page), kind).toEqual(body.items.map((r) => r.name));
      const tabs = page.getByRole('navigation', { name: 'Onderdelen van het register' });
      expect(await tabs.locator('[aria-current="page"]').getAttribute('href')).toBe(`/register/${kind}`);
      // The create form of every kind loads its choices and asks for a name.
      await page.goto(`${ui.url}/register/${kind}?new`);
      await page.getByLabel('Naam (verplicht)').waitFor();
    }
  });

  it('shows the demo assets page by page and filters by layer through the URL', async () => {
    const page = await ui.page('nl');
    await page.goto(`${ui.url}/register/assets`);
    await page.getByRole('table', { name: 'Voorzieningen' }).waitFor();
    const first = await get<{ items: Rec[]; nextCursor?: string }>(`/assets?limit=${PAGE_SIZE}`);
    const all = await get<{ items: Rec[] }>('/assets?limit=500');
    expect(first.body.nextCursor).toBeTruthy();
    expect(await rowsOf(page).count()).toBe(first.body.items.length);
    expect(await rowNames(page)).toEqual(first.body.items.map((a) => a.name));
    await page.getByText(`${first.body.items.length} getoond; er zijn er meer.`).waitFor();
    await expectNoAxeViolations(page, 'asset list (nl)');

    // "Meer tonen" until the API has no next page: then every asset is listed, in the API's order.
    const more = page.getByRole('button', { name: 'Meer tonen' });
    while (await more.isVisible()) {
      const before = await rowsOf(page).count();
      await more.click();
      await expect.poll(() => rowsOf(page).count()).toBeGreaterThan(before);
    }
    expect(await rowNames(page)).toEqual(all.body.items.map((a) => a.name));

    // Filter by layer: only the hardware assets, and the filter is in the URL.
    const hardware = await get<{ items: Rec[] }>('/assets?layer=hardware&limit=500');
    expect(hardware.body.items.length).toBeGreaterThan(0);
    expect(hardware.body.items.length).toBeLessThan(all.body.items.length);
    await page.getByLabel('Laag').selectOption('hardware');
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('layer')).toBe('hardware');
    await expect.poll(() => rowsOf(page).count()).toBe(hardware.body.items.length);
    expect(await page.locator('main table tbody tr td:first-of-type').allTextContents()).toEqual(
      hardware.body.items.map((a) => a.id),
    );
    for (const layers of await page.locator('main table tbody tr td:nth-of-type(3)').allTextContents())
      expect(layers).toContain('Hardware');

    // The link alone gives the same list, with the filter filled in.
    const linked = await ui.page('nl');
    await linked.goto(`${ui.url}/register/assets?layer=hardware`);
    await linked.locator('main table').waitFor();
    expect(await rowNames(linked)).toEqual(hardware.body.items.map((a) => a.name));
    expect(await linked.getByLabel('Laag').inputValue()).toBe('hardware');
  });

  it('creates an asset, showing the API’s validation messages at their fields first', async () => {
    // What the API refuses, and in which words.
    const refused = await fetch(`${base}/assets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'Kern Router', name: 'Kernrouter stadhuis', type: 'network', layers: [] }),
    });
    expect(refused.status).toBe(400);
    const { issues = [] } = (await refused.json()) as ErrorBody;
    const messageAt = (field: string) => issues.find((i) => i.path.replace(/^body\./, '') === field)?.message;
    const idMessage = messageAt('id');
    const layersMessage = messageAt('layers');
    expect(idMessage).toBeTruthy();
    expect(layersMessage).toBeTruthy();
    const { body: parties } = await get<{ items: Rec[] }>('/parties?limit=500');
    const provider = parties.items[0]!;

    const page = await ui.page('nl');
    await page.goto(`${ui.url}/register/assets`);
    await page.getByRole('link', { name: 'Nieuwe voorziening' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe voorziening' }).waitFor();
    expect(new URL(page.url()).searchParams.has('new')).toBe(true);
    // The path did not change, so the page itself moves the focus to the new view's heading.
    await expect.poll(() => page.evaluate('document.activeElement?.tagName')).toBe('H1');
    await page.getByLabel('Id', { exact: true }).fill('Kern Router');
    await page.getByLabel('Naam (verplicht)').fill('Kernrouter stadhuis');
    await page.getByLabel('Soort (verplicht)').selectOption('network');
    await page.getByLabel('Leverancier').selectOption(provider.id);
    await page.getByLabel('Hostinglocaties').fill('NL');
    await page.getByRole('button', { name: 'Opslaan' }).click();

    // The summary takes the focus and links to the fields; each message is at its field.
    const summary = page.getByRole('group', { name: 'Opslaan is niet gelukt' });
    await summary.waitFor();
    expect(await page.evaluate('document.activeElement?.getAttribute("aria-labelledby")')).toBe(
      'register-error-summary',
    );
    const id = page.locator('#field-id');
    expect(await id.getAttribute('aria-invalid')).toBe('true');
    expect(await id.getAttribute('aria-describedby')).toContain('field-id-error');
    expect(await page.locator('#field-id-error').textContent()).toBe(idMessage);
    const layers = page.getByRole('group', { name: 'Lagen van de digitale stapel (verplicht)' });
    expect(await layers.getAttribute('aria-describedby')).toContain('field-layers-error');
    expect(await page.locator('#field-layers-error').textContent()).toBe(layersMessage);
    expect(await layers.getByRole('checkbox', { name: 'Hardware' }).getAttribute('aria-invalid')).toBe('true');
    // What was typed is still there.
    expect(await page.getByLabel('Naam (verplicht)').inputValue()).toBe('Kernrouter stadhuis');
    expect(await page.getByLabel('Leverancier').inputValue()).toBe(provider.id);
    await summary.getByRole('link', { name: `Id: ${idMessage}` }).click();
    expect(await page.evaluate('document.activeElement?.id')).toBe('field-id');
    await expectNoAxeViolations(page, 'asset form with errors (nl)');

    // Fixed, it is saved, and the list says so.
    await id.fill('kernrouter-stadhuis');
    await layers.getByRole('checkbox', { name: 'Hardware' }).check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Voorziening “Kernrouter stadhuis” is toegevoegd.' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    const created = await get<Rec>('/assets/kernrouter-stadhuis');
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      name: 'Kernrouter stadhuis',
      type: 'network',
      layers: ['hardware'],
      providerId: provider.id,
      hostingLocations: ['NL'],
      revision: 1,
    });
  });

  it('edits the asset: the API has the new name at revision 2 and keeps the other fields', async () => {
    const page = await ui.page('nl');
    await page.goto(`${ui.url}/register/assets?q=Kernrouter`);
    await page.getByRole('link', { name: 'Wijzigen Kernrouter stadhuis' }).click();
    const name = page.getByLabel('Naam (verplicht)');
    await expect.poll(() => name.inputValue().catch(() => '')).toBe('Kernrouter stadhuis');
    expect(new URL(page.url()).searchParams.get('edit')).toBe('kernrouter-stadhuis');
    await name.fill('Kernrouter stadskantoor');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Voorziening “Kernrouter stadskantoor” is opgeslagen.' })
      .waitFor();
    const { body } = await get<Rec>('/assets/kernrouter-stadhuis');
    expect(body).toMatchObject({ name: 'Kernrouter stadskantoor', revision: 2, type: 'network', layers: ['hardware'] });
    expect(body.hostingLocations).toEqual(['NL']);
  });

  it('deletes the asset after a keyboard-operable confirmation', async () => {
    const page = await ui.page('nl');
    await page.goto(`${ui.url}/register/assets?q=Kernrouter`);
    const remove = page.getByRole('button', { name: 'Verwijderen Kernrouter stadskantoor' });
    await remove.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Verwijderen bevestigen' });
    await dialog.waitFor();
    // The safe choice has the focus; Escape cancels and gives the focus back.
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Annuleren');
    await expectNoAxeViolations(page, 'delete confirmation (nl)');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate('document.activeElement?.textContent'))
      .toBe('Verwijderen Kernrouter stadskantoor');
    expect((await get<Rec>('/assets/kernrouter-stadhuis')).status).toBe(200);

    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Voorziening “Kernrouter stadskantoor” is verwijderd.' })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Verwijderen Kernrouter stadskantoor' }).count()).toBe(0);
    // The focus does not fall back to the page: the notice has it.
    await expect
      .poll(() => page.evaluate('document.activeElement?.textContent'))
      .toBe('Voorziening “Kernrouter stadskantoor” is verwijderd.');
    expect((await get<ErrorBody>('/assets/kernrouter-stadhuis')).status).toBe(404);
  });

  it('shows the API’s conflict message when others still depend on the asset', async () => {
    // An asset that a dependency points at.
    const { body: deps } = await get<{ items: { to: string }[] }>('/dependencies?limit=500');
    const target = deps.items
      .map((d) => d.to)
      .find((to) => to.startsWith('asset:'))!
      .slice('asset:'.length);
    const { body: asset } = await get<Rec>(`/assets/${target}`);

    const page = await ui.page('nl');
    await page.goto(`${ui.url}/register/assets?q=${encodeURIComponent(asset.name)}`);
    await page.getByRole('button', { name: `Verwijderen ${asset.name}`, exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, verwijderen' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();

    // The same request to the API is refused with the message the page shows; the asset stays.
    const res = await fetch(`${base}/assets/${target}?revision=${asset.revision}`, { method: 'DELETE' });
    expect(res.status).toBe(409);
    const { message } = (await res.json()) as ErrorBody;
    expect(message).toContain('still referred to');
    expect(await alert.textContent()).toContain(message);
    expect((await get<Rec>(`/assets/${target}`)).status).toBe(200);
    await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe(`Verwijderen ${asset.name}`);
  });

  it('creates a contract past the API’s date check, with its supplier and assets chosen from the register', async () => {
    const { body: parties } = await get<{ items: Rec[] }>('/parties?limit=500');
    const { body: assets } = await get<{ items: Rec[] }>('/assets?limit=500');
    const supplier = parties.items[1]!;
    const asset = assets.items[2]!;
    const refused = await fetch(`${base}/contracts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Onderhoud',
        supplierId: supplier.id,
        startDate: '2026-01-01',
        endDate: '2025-01-01',
      }),
    });
    expect(refused.status).toBe(400);
    const { issues = [] } = (await refused.json()) as ErrorBody;
    const endMessage = issues.find((i) => i.path === 'body.endDate')!.message;

    const page = await ui.page('nl');
    await page.goto(`${ui.url}/register/contracts?new`);
    await page.getByLabel('Naam (verplicht)').fill('Onderhoudscontract kernrouter');
    await page.getByLabel('Leverancier (verplicht)').selectOption(supplier.id);
    await page
      .getByRole('group', { name: 'Voorzieningen onder dit contract' })
      .getByRole('checkbox', { name: asset.name, exact: true })
      .check();
    await page.getByLabel('Begindatum').fill('2026-01-01');
    await page.getByLabel('Einddatum').fill('2025-01-01');
    await page.getByLabel('Opzegtermijn (dagen)').fill('90');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('group', { name: 'Opslaan is niet gelukt' }).waitFor();
    expect(await page.locator('#field-endDate-error').textContent()).toBe(endMessage);
    expect(await page.getByLabel('Einddatum').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Begindatum').getAttribute('aria-invalid')).toBeNull();

    await page.getByLabel('Einddatum').fill('2028-12-31');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Contract “Onderhoudscontract kernrouter” is toegevoegd.' })
      .waitFor();
    const { body } = await get<{ items: Rec[] }>(`/contracts?limit=500&q=${encodeURIComponent('Onderhoudscontract')}`);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      supplierId: supplier.id,
      assetIds: [asset.id],
      startDate: '2026-01-01',
      endDate: '2028-12-31',
      noticePeriodDays: 90,
    });
  });

  it('is in English on request, axe-core clean on the list and on the form with errors', async () => {
    const page = await ui.page('en');
    await page.goto(`${ui.url}/register/assets`);
    await page.getByRole('heading', { level: 1, name: 'Register: Assets' }).waitFor();
    await page.getByRole('table', { name: 'Assets' }).waitFor();
    await expectNoAxeViolations(page, 'asset list (en)');
    await page.getByRole('link', { name: 'New asset' }).click();
    await page.getByLabel('Name (required)').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('group', { name: 'Could not save' }).waitFor();
    const refused = await fetch(`${base}/assets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '', layers: [] }),
    });
    const { issues = [] } = (await refused.json()) as ErrorBody;
    const nameMessage = issues.find((i) => i.path === 'body.name')!.message;
    expect(await page.locator('#field-name-error').textContent()).toBe(nameMessage);
    expect(await page.getByLabel('Name (required)').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'asset form with errors (en)');
  });
});
