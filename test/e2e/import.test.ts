/**
 * The import page in Chromium against the demo register: a CSV of assets is tried (dry run: the
 * records the API plans, each with its action in words and the knowledge-base matches of its
 * supplier with their confidence; nothing written), then imported (the assets are in the register
 * and on the register page); a CSV with bad values shows its rejected row and offers no import; a
 * file the API refuses shows the API's message and issues; the downloads answer files; the DORA
 * check shows the gap report; and axe-core finds nothing, in Dutch and in English, with a plan shown.
 *
 * All tests share one server and one store (startUi in beforeAll): the import of the first test is
 * there for the later ones.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectNoAxeViolations, startUi, type UiSession } from '../helpers/browser.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/ui-import/${name}`, import.meta.url));
const ASSETS_CSV = fixture('voorzieningen.csv');
const BAD_CSV = fixture('foute-waarde.csv');
const EBA_SAMPLE = fileURLToPath(
  new URL(
    '../fixtures/dora/DUMMYLEI123456789012.CON_FR_DORA010100_DORA_2024-12-31_20241213174803429.zip',
    import.meta.url,
  ),
);
const ARCHISURANCE = fileURLToPath(new URL('../fixtures/archimate/archisurance.xml', import.meta.url));

interface Row {
  kind: string;
  id: string;
  name: string;
  location: string;
  action: string;
  reasons: string[];
  matches: { field: string; text: string; id: string; how: string; vendor?: string; confidence?: number }[];
}
interface Plan {
  counts: Record<'create' | 'update' | 'unchanged' | 'reject', number>;
  rows: Row[];
  committed: boolean;
  unmapped: { what: string; count: number; reason: string }[];
  notes: string[];
}
interface ErrorBody {
  message: string;
  issues?: { path: string; message: string }[];
  details?: { plan?: Plan };
}

describeInBrowser('import page', () => {
  let ui: UiSession;
  let base: string;
  const get = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${base}${path}`);
    return { status: res.status, body: (await res.json()) as T };
  };
  /** The same request the page makes, straight to the API. */
  const importFile = async (file: string, name: string, dryRun: boolean) => {
    const res = await fetch(`${base}/imports?name=${encodeURIComponent(name)}&dryRun=${dryRun}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: readFileSync(file),
    });
    return { status: res.status, body: (await res.json()) as Plan & ErrorBody };
  };
  const planTable = (page: Page, caption: string) => page.getByRole('table', { name: caption });
  const rowOf = (page: Page, caption: string, name: string) =>
    planTable(page, caption).locator('tbody tr', { has: page.getByRole('rowheader', { name, exact: true }) });
  const focusedId = (page: Page) => page.evaluate('document.activeElement?.id');

  beforeAll(async () => {
    ui = await startUi();
    base = `${ui.url}/api/orgs/voorbeeldstad`;
  });
  afterAll(() => ui?.close());

  it('tries a CSV of assets, shows the plan with knowledge-base matches, and imports it', async () => {
    // What the API plans for this file; nothing of it is in the demo register.
    const planned = await importFile(ASSETS_CSV, 'voorzieningen.csv', true);
    expect(planned.status).toBe(200);
    expect(planned.body.counts.reject).toBe(0);
    const assets = planned.body.rows.filter((r) => r.kind === 'asset');
    expect(assets.map((r) => r.name)).toEqual(['Vergaderzalen boeken', 'Klantcontactsysteem', 'Wijkapp Voorbeeldstad']);
    expect(assets.every((r) => r.action === 'create')).toBe(true);
    const microsoft = assets[0]!.matches.find((m) => m.field === 'providerId')!;
    expect(microsoft).toMatchObject({ text: 'Microsoft 365', vendor: 'microsoft' });
    expect(microsoft.confidence).toBeGreaterThan(0);
    expect((await get('/assets/vergaderzalen')).status).toBe(404);

    const page = await ui.page('nl');
    await page.goto(ui.url);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Importeren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importeren' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/import');

    // Without a file, the dry run asks for one at the field.
    await page.getByRole('button', { name: 'Proefimport' }).click();
    await page.getByText('Kies eerst een bestand.').waitFor();
    expect(await page.getByLabel('Bestand', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await focusedId(page)).toBe('import-file');

    await page.getByLabel('Bestand', { exact: true }).setInputFiles(ASSETS_CSV);
    expect(await page.getByLabel('Bestand', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: 'Proefimport' }).click();
    await page.getByRole('heading', { level: 2, name: 'Resultaat van de proefimport' }).waitFor();
    // The focus moves to the result; the status line says the dry run is done.
    await expect.poll(() => focusedId(page)).toBe('import-result');
    await page.getByRole('status').filter({ hasText: 'De proefimport is klaar.' }).waitFor();

    const { counts } = planned.body;
    await page
      .getByText(
        `Aantal records in het bestand: ${planned.body.rows.length}. Aanmaken: ${counts.create}, bijwerken: ${counts.update}, ongewijzigd: ${counts.unchanged}, afgewezen: ${counts.reject}.`,
      )
      .waitFor();
    const caption = 'Records in het bestand';
    expect(await planTable(page, caption).locator('tbody tr th').allTextContents()).toEqual(
      planned.body.rows.map((r) => r.name),
    );
    for (const r of planned.body.rows) {
      const row = rowOf(page, caption, r.name);
      expect(await row.locator('td').nth(1).innerText(), r.name).toContain('aanmaken');
      expect(await row.locator('td').nth(2).textContent(), r.name).toBe(r.location);
    }
    // The supplier written as "Microsoft 365" is the demo register's Microsoft, matched through the
    // knowledge base; Salesforce is new, from the knowledge base.
    const details = await rowOf(page, caption, 'Vergaderzalen boeken').locator('td').nth(3).innerText();
    expect(details).toContain('“Microsoft 365”');
    expect(details).toContain(microsoft.id);
    expect(details).toContain('kennisbank: microsoft');
    expect(details).toContain(`${Math.round(microsoft.confidence! * 100)}% zeker`);
    const salesforce = await rowOf(page, caption, 'Klantcontactsysteem').locator('td').nth(3).innerText();
    expect(salesforce).toContain('nieuw, uit de kennisbank');
    expect(salesforce).toContain('kennisbank: salesforce');
    await expectNoAxeViolations(page, 'import page with a plan (nl)');

    // The dry run wrote nothing; the import writes all of it.
    expect((await get('/assets/vergaderzalen')).status).toBe(404);
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page
      .getByRole('status')
      .filter({
        hasText: `voorzieningen.csv is geïmporteerd. Aangemaakt: ${counts.create}, bijgewerkt: 0, ongewijzigd: 0.`,
      })
      .waitFor();
    expect(await page.getByRole('heading', { name: 'Resultaat van de proefimport' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Importeren', exact: true }).count()).toBe(0);
    const stored = await get<{ name: string; providerId: string; provenance: { method: string } }>(
      '/assets/vergaderzalen',
    );
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ name: 'Vergaderzalen boeken', providerId: microsoft.id });
    expect(stored.body.provenance.method).toBe('imported');
    const salesforceId = assets[1]!.matches.find((m) => m.field === 'providerId')!.id;
    expect((await get(`/parties/${salesforceId}`)).status).toBe(200);

    // The new assets are on the register page.
    await page.getByRole('link', { name: 'Naar het register' }).click();
    await page.getByRole('heading', { level: 1, name: 'Register: Voorzieningen' }).waitFor();
    await page.goto(`${ui.url}/register/assets?q=${encodeURIComponent('Vergaderzalen')}`);
    await page.getByRole('rowheader', { name: 'Vergaderzalen boeken', exact: true }).waitFor();
  });

  it('tries an ArchiMate model and lists what it does not take over, then imports it', async () => {
    const planned = await importFile(ARCHISURANCE, 'archisurance.xml', true);
    expect(planned.status).toBe(200);
    const { counts, unmapped } = planned.body;
    expect(unmapped.length).toBeGreaterThan(3);

    const page = await ui.page('nl');
    await page.goto(`${ui.url}/import`);
    await page.getByLabel('Bestand', { exact: true }).setInputFiles(ARCHISURANCE);
    await page.getByRole('button', { name: 'Proefimport' }).click();
    await page.getByRole('heading', { level: 2, name: 'Resultaat van de proefimport' }).waitFor();
    await page
      .getByText(
        `Aantal records in het bestand: ${planned.body.rows.length}. Aanmaken: ${counts.create}, bijwerken: ${counts.update}, ongewijzigd: ${counts.unchanged}, afgewezen: ${counts.reject}.`,
      )
      .waitFor();
    // Every kind of element and relationship the model has but Stapel does not map, with its count.
    await page.getByRole('heading', { level: 3, name: 'Niet overgenomen' }).waitFor();
    const listed = await page
      .locator('h3', { hasText: 'Niet overgenomen' })
      .locator('xpath=following-sibling::ul[1]/li')
      .allTextContents();
    expect(listed.length).toBe(unmapped.length);
    for (const [i, u] of unmapped.entries()) expect(listed[i]).toContain(`${u.what} (${u.count}×): ${u.reason}`);
    // A process from the model, with where it is in the file.
    const process = planned.body.rows.find((r) => r.kind === 'process')!;
    expect(await rowOf(page, 'Records in het bestand', process.name).locator('td').nth(2).textContent()).toBe(
      process.location,
    );
    await expectNoAxeViolations(page, 'import page with an ArchiMate plan (nl)');

    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `archisurance.xml is geïmporteerd. Aangemaakt: ${counts.create}` })
      .waitFor();
    expect((await get<{ name: string }>(`/processes/${process.id}`)).body.name).toBe(process.name);
  });

  it('reads back the register it downloads as a workbook: every row unchanged', async () => {
    const page = await ui.page('nl');
    await page.goto(`${ui.url}/import`);
    const href = await page
      .getByRole('link', { name: /register downloaden.*Excel/ })
      .first()
      .getAttribute('href');
    const xlsx = Buffer.from(await (await fetch(`${ui.url}${href}`)).arrayBuffer());
    await page
      .getByLabel('Bestand', { exact: true })
      .setInputFiles({ name: 'register.xlsx', mimeType: 'application/octet-stream', buffer: xlsx });
    await page.getByRole('button', { name: 'Proefimport' }).click();
    await page.getByRole('heading', { level: 2, name: 'Resultaat van de proefimport' }).waitFor();
    const summary = await page.getByText(/^Aantal records in het bestand: \d+\./).textContent();
    const [, total, create, update, unchanged, reject] =
      /(\d+)\. Aanmaken: (\d+), bijwerken: (\d+), ongewijzigd: (\d+), afgewezen: (\d+)/.exec(summary!)!;
    expect([create, update, reject]).toEqual(['0', '0', '0']);
    expect(unchanged).toBe(total);
    expect(Number(total)).toBeGreaterThan(300);
  });

  it('shows a rejected row in words and offers no import; the API would refuse it too', async () => {
    const page = await ui.page('nl');
    await page.goto(`${ui.url}/import`);
    await page.getByLabel('Bestand', { exact: true }).setInputFiles(BAD_CSV);
    await page.getByRole('button', { name: 'Proefimport' }).click();
    await page.getByRole('heading', { level: 2, name: 'Resultaat van de proefimport' }).waitFor();
    const caption = 'Records in het bestand';
    const bad = rowOf(page, caption, 'Foute asset');
    const action = bad.locator('td').nth(1);
    // The word says it (the mark beside it is hidden from screen readers), in bold, not only in colour.
    expect(await action.innerText()).toContain('afgewezen');
    expect(await action.locator('strong').textContent()).toBe('afgewezen');
    expect(await action.locator('[aria-hidden="true"]').count()).toBe(1);
    const reasons = await bad.locator('td').nth(3).innerText();
    expect(reasons).toContain('Afgewezen omdat');
    expect(reasons).toContain('ruimteschip');
    expect(reasons).toContain('veel');
    expect(await rowOf(page, caption, 'Goede asset').locator('td').nth(1).innerText()).toContain('aanmaken');
    await page.getByText('Afgewezen records: 1.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Importeren', exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page, 'import page with a rejected row (nl)');

    // A commit of the same file is refused with the plan, and writes nothing.
    const refused = await importFile(BAD_CSV, 'foute-waarde.csv', false);
    expect(refused.status).toBe(400);
    expect(refused.body.details?.plan?.counts.reject).toBe(1);
    expect((await get('/assets/goede-asset')).status).toBe(404);
  });

  it('shows the API’s message and issues for a file it cannot read', async () => {
    const text = 'Naam;Kleur\nRode asset;rood\n';
    const res = await fetch(`${base}/imports?name=kleur.csv&dryRun=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: text,
    });
    expect(res.status).toBe(400);
    const { message, issues = [] } = (await res.json()) as ErrorBody;

    const page = await ui.page('nl');
    await page.goto(`${ui.url}/import`);
    await page
      .getByLabel('Bestand', { exact: true })
      .setInputFiles({ name: 'kleur.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.getByRole('button', { name: 'Proefimport' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const shown = await alert.textContent();
    expect(shown).toContain('De proefimport is niet gelukt');
    expect(shown).toContain(message.split('\n')[0]);
    for (const issue of issues) expect(shown).toContain(issue.message);
    expect(await page.getByRole('heading', { name: 'Resultaat van de proefimport' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'import page with an error (nl)');
  });

  it('links to the templates and the register as files', async () => {
    const page = await ui.page('nl');
    await page.goto(`${ui.url}/import`);
    const expectFile = async (name: string, href: string, type: string) => {
      const link = page.getByRole('link', { name, exact: true });
      expect(await link.getAttribute('href'), name).toBe(href);
      const res = await fetch(`${ui.url}${href}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type'), name).toContain(type);
      expect(res.headers.get('content-disposition'), name).toContain('attachment');
      return res;
    };
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await expectFile('Sjabloon downloaden (Excel, Nederlands)', '/api/templates?format=xlsx&lang=nl', xlsx);
    await expectFile('Sjabloon downloaden (Excel, Engels)', '/api/templates?format=xlsx&lang=en', xlsx);
    const csv = await expectFile('Voorzieningen (CSV)', '/api/templates?format=csv&kind=asset&lang=nl', 'text/csv');
    const header = (await csv.text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
    expect(header).toContain('Sleutel');
    expect(header).toContain('Naam');
    await expectFile('Exitplannen (CSV)', '/api/templates?format=csv&kind=exit-plan&lang=nl', 'text/csv');
    await expectFile(
      'Het register downloaden (Excel, in de indeling van het sjabloon)',
      '/api/orgs/voorbeeldstad/exports/register?format=xlsx&lang=nl',
      xlsx,
    );
  });

  it('checks the DORA register of information and shows the gap report, in words', async () => {
    const { status, body } = await get<{
      gap: {
        templates: {
          template: string;
          blocking: { message: string }[];
          missingFields: { label: string; rows: number[] }[];
        }[];
        totals: { blocking: number };
        readyToFile: boolean;
      };
      issues: { blocking: boolean; message: string }[];
    }>('/exports/dora/check');
    expect(status).toBe(200);
    const { templates, totals, readyToFile } = body.gap;
    expect(totals.blocking).toBe(body.issues.filter((i) => i.blocking).length);

    const page = await ui.page('nl');
    await page.goto(`${ui.url}/import`);
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByRole('heading', { level: 3, name: 'Uitkomst van de controle' }).waitFor();
    await expect.poll(() => focusedId(page)).toBe('import-dora-result');
    await page
      .getByText(
        readyToFile
          ? 'Het register van informatie kan worden ingediend: geen enkel probleem blokkeert het.'
          : `Het register van informatie kan nog niet worden ingediend. Problemen die het blokkeren: ${totals.blocking}.`,
      )
      .waitFor();
    // One row per template, with the gap report's numbers.
    const table = page.getByRole('table', { name: 'Vulling per template' });
    expect(await table.locator('tbody tr th').allTextContents()).toEqual(templates.map((t) => t.template));
    const first = templates.find((t) => t.blocking.length);
    if (first)
      expect(
        await table
          .locator('tbody tr', { has: page.getByRole('rowheader', { name: first.template }) })
          .locator('td')
          .last()
          .textContent(),
      ).toBe(String(first.blocking.length));
    if (!readyToFile) {
      // The empty mandatory fields, one line each with the number of rows.
      await page.getByRole('heading', { level: 4, name: 'Problemen die indienen blokkeren' }).waitFor();
      const field = templates.flatMap((t) => t.missingFields)[0]!;
      await page.getByText(`${field.label}: verplicht maar leeg (aantal rijen: ${field.rows.length || 1})`).waitFor();
    }
    await expectNoAxeViolations(page, 'DORA check (nl)');

    // The draft package is always a ZIP; the package itself only when nothing blocks filing.
    const draftHref = await page.getByRole('link', { name: 'Conceptpakket downloaden (ZIP)' }).getAttribute('href');
    expect(draftHref).toBe('/api/orgs/voorbeeldstad/exports/dora?draft=true');
    const draft = await fetch(`${ui.url}${draftHref}`);
    expect(draft.status).toBe(200);
    expect(draft.headers.get('content-type')).toContain('application/zip');
    const packageHref = await page
      .getByRole('link', { name: 'Pakket downloaden (ZIP)', exact: true })
      .getAttribute('href');
    const pkg = await fetch(`${ui.url}${packageHref}`);
    expect(pkg.status).toBe(readyToFile ? 200 : 400);
  });

  it('refuses a DORA package with broken references, and plans what fits when asked to be lenient', async () => {
    const strict = await importFile(EBA_SAMPLE, 'eba-sample.zip', true);
    expect(strict.status).toBe(400);
    const broken = /(\d+) references between templates point at nothing/.exec(strict.body.message)![1]!;
    const lenientRes = await fetch(`${base}/imports?name=eba-sample.zip&dryRun=true&lenient=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: readFileSync(EBA_SAMPLE),
    });
    expect(lenientRes.status).toBe(200);
    const lenient = (await lenientRes.json()) as Plan;
    expect(lenient.rows.length).toBeGreaterThan(0);

    const page = await ui.page('nl');
    await page.goto(`${ui.url}/import`);
    await page.getByLabel('Bestand', { exact: true }).setInputFiles(EBA_SAMPLE);
    await page.getByRole('button', { name: 'Proefimport' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`${broken} references between templates point at nothing`);
    expect(await page.getByRole('heading', { name: 'Resultaat van de proefimport' }).count()).toBe(0);

    const box = page.getByRole('checkbox', { name: /Overnemen wat kan/ });
    expect(await box.getAttribute('aria-describedby')).toBe('import-lenient-help');
    await box.check();
    await page.getByRole('button', { name: 'Proefimport' }).click();
    await page.getByRole('heading', { level: 2, name: 'Resultaat van de proefimport' }).waitFor();
    const { counts } = lenient;
    await page
      .getByText(
        `Aantal records in het bestand: ${lenient.rows.length}. Aanmaken: ${counts.create}, bijwerken: ${counts.update}, ongewijzigd: ${counts.unchanged}, afgewezen: ${counts.reject}.`,
      )
      .waitFor();
    // The plan says what the lenient import leaves out.
    const note = lenient.notes.find((n) => n.includes('point at nothing'))!;
    expect(note).toContain(broken);
    await page.getByText(note, { exact: false }).first().waitFor();
    await expectNoAxeViolations(page, 'import page with a lenient DORA plan (nl)');
  });

  it('is in English on request and axe-core clean with a plan shown', async () => {
    const page = await ui.page('en');
    await page.goto(`${ui.url}/import`);
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Import' }).waitFor();
    await page.getByLabel('File', { exact: true }).setInputFiles(BAD_CSV);
    await page.getByLabel('Format', { exact: true }).selectOption('csv');
    await page.getByLabel('Kind of records (CSV only)').selectOption('asset');
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByRole('heading', { level: 2, name: 'Result of the dry run' }).waitFor();
    await expect.poll(() => focusedId(page)).toBe('import-result');
    const caption = 'Records in the file';
    expect(await rowOf(page, caption, 'Foute asset').locator('td').nth(1).innerText()).toContain('rejected');
    expect(await rowOf(page, caption, 'Goede asset').locator('td').nth(1).innerText()).toContain('create');
    expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByRole('heading', { level: 3, name: 'Result of the check' }).waitFor();
    await expectNoAxeViolations(page, 'import page with a plan and the DORA check (en)');
  });
});
