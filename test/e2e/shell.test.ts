/**
 * The application shell in Chromium: Dutch by default with <html lang>, the English switch, the
 * skip link and keyboard focus, an unknown route, and axe-core clean in both languages.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectNoAxeViolations, startUi, type UiSession } from '../helpers/browser.js';

describeInBrowser('web UI shell', () => {
  let ui: UiSession;
  beforeAll(async () => {
    ui = await startUi();
  });
  afterAll(() => ui?.close());

  it('is Dutch by default and switches to English', async () => {
    const page = await ui.page('nl');
    await page.goto(ui.url);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nl');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Register' }).waitFor();
    await expectNoAxeViolations(page, 'shell (nl)');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectNoAxeViolations(page, 'shell (en)');
  });

  it('has a skip link that is the first thing the keyboard reaches', async () => {
    const page = await ui.page();
    await page.goto(ui.url);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.id')).toBe('main');
  });

  it('loads an application route on a fresh visit and says when a page does not exist', async () => {
    const page = await ui.page();
    await page.goto(`${ui.url}/no-such-page`);
    await page.getByText('Deze pagina bestaat niet.').waitFor();
    await expectNoAxeViolations(page, 'not found');
  });
});
