/**
 * The scenario page in Chromium: a built-in scenario and a scenario built from a cut are run, and
 * the processes the page lists as stopped are exactly those the API says stop for the same
 * request; the comparison with the planned measures gives HR its time to restore from the exit
 * plans; an API validation error appears at its field; axe-core finds nothing, in both languages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectNoAxeViolations, startUi, type UiSession } from '../helpers/browser.js';

interface Run {
  result: { processes: { processId: string; name: string; state: string }[] };
  comparison?: { changes: { processId: string; name: string; restoreAfter?: number | null }[] };
}

const LIBRARY = 'icc-prosecutor-2025';

describeInBrowser('scenario page', () => {
  let ui: UiSession;
  beforeAll(async () => {
    ui = await startUi();
  });
  afterAll(() => ui?.close());

  const runApi = async (body: unknown): Promise<Run> => {
    const res = await fetch(`${ui.url}/api/orgs/voorbeeldstad/scenario-runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Run;
  };
  const stoppedInApi = (run: Run) =>
    run.result.processes
      .filter((p) => p.state === 'stopped')
      .map((p) => p.name)
      .sort();
  /** Names of the rows whose state cell says "stopped", in the table of processes hit. */
  const stoppedOnPage = async (page: Page, caption: RegExp) => {
    const table = page.locator('table').filter({ has: page.locator('caption', { hasText: caption }) });
    await table.waitFor();
    const rows = table.locator('tbody tr').filter({ has: page.locator('td [data-state="stopped"]').first() });
    return (await rows.locator('th').allTextContents()).sort();
  };

  it('runs a built-in scenario and lists the processes the API says stop', async () => {
    const api = await runApi({ scenario: `library:${LIBRARY}` });
    expect(stoppedInApi(api).length).toBeGreaterThan(0);
    const page = await ui.page();
    await page.goto(`${ui.url}/scenarios`);
    await page.getByRole('heading', { level: 1, name: 'Scenario’s' }).waitFor();
    await page.getByLabel('Scenario uit de bibliotheek').selectOption(LIBRARY);
    await page.getByRole('button', { name: 'Scenario doorrekenen' }).click();
    await page.getByRole('heading', { level: 2, name: /^Uitkomst:/ }).waitFor();
    expect(await page.evaluate('document.activeElement?.id')).toBe('scenario-result');
    expect(await stoppedOnPage(page, /Processen die stoppen/)).toEqual(stoppedInApi(api));
    await page
      .getByRole('img', { name: /geraakte processen en bedrijfsmiddelen/ })
      .locator('canvas')
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'scenario result (nl)');
  });

  it('compares with the planned measures: HR gets its time to restore from the exit plans', async () => {
    const api = await runApi({ scenario: `library:${LIBRARY}`, compare: { measures: 'planned' } });
    const hr = api.comparison!.changes.find((c) => c.processId === 'hr-salarisadministratie')!;
    expect(hr.restoreAfter).toBe(90 * 24);
    const page = await ui.page();
    await page.goto(`${ui.url}/scenarios`);
    await page.getByLabel('Scenario uit de bibliotheek').selectOption(LIBRARY);
    await page.getByLabel('Vergelijk met de geplande maatregelen').check();
    await page.getByRole('button', { name: 'Scenario doorrekenen' }).click();
    const table = page
      .locator('table')
      .filter({ has: page.locator('caption', { hasText: 'Processen waarvan de toestand of hersteltijd verandert' }) });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(api.comparison!.changes.length);
    const row = table.locator('tbody tr').filter({ hasText: hr.name });
    expect(await row.locator('td').nth(0).textContent()).toContain('onbekend (geen exitplan)');
    expect(await row.locator('td').nth(1).textContent()).toContain(`${hr.restoreAfter! / 24} dagen`);
    await expectNoAxeViolations(page, 'scenario comparison (nl)');
  });

  it('builds a scenario from a party cut, and shows an API error at its field', async () => {
    const party = 'microsoft-corp';
    const api = await runApi({ scenario: { name: 'x', cuts: [{ kind: 'party', partyId: party }] } });
    const page = await ui.page();
    await page.goto(`${ui.url}/scenarios`);
    await page.getByLabel('Zelf samenstellen').check();
    // Nothing chosen yet: the API refuses the cut and says why at the party field.
    await page.getByRole('button', { name: 'Scenario doorrekenen' }).click();
    const field = page.getByLabel('Partij uit het register');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby'))!;
    expect(await page.locator(`#${describedBy.split(' ').pop()}`).textContent()).toBeTruthy();

    await field.selectOption(party);
    await page.getByRole('button', { name: 'Scenario doorrekenen' }).click();
    await page.getByRole('heading', { level: 2, name: /^Uitkomst:/ }).waitFor();
    expect(await stoppedOnPage(page, /Processen die stoppen/)).toEqual(stoppedInApi(api));
  });

  it('is clean in English with a result', async () => {
    const api = await runApi({ scenario: `library:${LIBRARY}` });
    const page = await ui.page('en');
    await page.goto(`${ui.url}/scenarios`);
    await page.getByRole('heading', { level: 1, name: 'Scenarios' }).waitFor();
    await page.getByLabel('Scenario from the library').selectOption(LIBRARY);
    await page.getByRole('button', { name: 'Run scenario' }).click();
    await page.getByRole('heading', { level: 2, name: /^Outcome:/ }).waitFor();
    expect(await stoppedOnPage(page, /Processes that stop/)).toEqual(stoppedInApi(api));
    await expectNoAxeViolations(page, 'scenario result (en)');
  });
});
