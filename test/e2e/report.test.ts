/**
 * The board report from the UI: the stack view links to it in the UI's language, the HTML report
 * opens with its sections and charts, and it passes axe-core's WCAG 2.1 AA checks itself.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectNoAxeViolations, startUi, type UiSession } from '../helpers/browser.js';

describeInBrowser('board report from the web UI', () => {
  let ui: UiSession;
  beforeAll(async () => {
    ui = await startUi();
  });
  afterAll(() => ui?.close());

  it('links from the stack view to the report in the UI’s language, which is accessible', async () => {
    for (const [lang, link, heading] of [
      ['nl', 'Rapport bekijken (HTML)', 'Risico per laag van de stapel'],
      ['en', 'View the report (HTML)', 'Risk per layer of the stack'],
    ] as const) {
      const page = await ui.page(lang);
      await page.goto(ui.url);
      const a = page.getByRole('link', { name: link });
      expect(await a.getAttribute('href')).toBe(`/api/orgs/voorbeeldstad/report?format=html&lang=${lang}`);
      await a.click();
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      expect(await page.locator('figure svg').count()).toBe(2);
      await expectNoAxeViolations(page, `report (${lang})`);
      await page.context().close();
    }
  });
});
