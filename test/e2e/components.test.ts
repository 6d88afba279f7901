/**
 * The components (SBOM) page in Chromium against the demo register: the Log4Shell search finds
 * exactly the assets and processes the API gives (parkeer-app 2.14.1 within the vulnerable range,
 * koppelvlak too without it), the licence summary shows the API's numbers, the vulnerability
 * findings explain how to get records in and — after importing the OSV fixture dump — list
 * Log4Shell with its CVE alias on parkeer-app; axe-core clean in Dutch and English.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { VulnService } from '../../src/services/vuln.service.js';
import { describeInBrowser, expectNoAxeViolations, startUi, type UiSession } from '../helpers/browser.js';

interface Hit {
  assetId: string;
  assetName: string;
  component: { name: string; version?: string; purl?: string };
  processes: string[];
}
interface Licences {
  components: number;
  withoutLicence: number;
  byFamily: Record<string, number>;
  byLicence: { id: string; components: number }[];
}
interface Finding {
  assetId: string;
  assetName: string;
  component: { name: string; version?: string };
  vulnerability: { id: string; aliases: string[] };
}

const ORG = '/api/orgs/voorbeeldstad';
const LOG4J = 'pkg:maven/org.apache.logging.log4j/log4j-core';
const LOG4SHELL = '>=2.0.0-beta9 <2.15.0';
const FAMILIES_NL: Record<string, string> = {
  permissive: 'Permissief',
  'weak-copyleft': 'Zwakke copyleft',
  'strong-copyleft': 'Sterke copyleft',
  'network-copyleft': 'Netwerk-copyleft',
  unknown: 'Onbekend',
};
const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

describeInBrowser('components page', () => {
  let ui: UiSession;
  const get = async <T>(path: string) => (await (await fetch(`${ui.url}${path}`)).json()) as T;
  beforeAll(async () => {
    ui = await startUi();
  });
  afterAll(() => ui?.close());

  it('finds the assets with a Log4Shell-vulnerable log4j-core, with the processes that need them', async () => {
    const api = await get<Hit[]>(
      `${ORG}/components/search?${new URLSearchParams({ purl: LOG4J, range: LOG4SHELL }).toString()}`,
    );
    // The demo register: exactly one asset has a vulnerable version.
    expect(api.map((h) => [h.assetId, h.component.version])).toEqual([['parkeer-app', '2.14.1']]);

    const page = await ui.page('nl');
    await page.goto(`${ui.url}/components`);
    await page.getByRole('heading', { level: 1, name: 'Componenten' }).waitFor();
    await page.getByLabel('Package-URL (purl)').fill(LOG4J);
    await page.getByLabel('Versiebereik (semver, optioneel)').fill(LOG4SHELL);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const table = page.getByRole('table', { name: /treffers in/ });
    await table.waitFor();
    expect(new URL(page.url()).searchParams.get('range')).toBe(LOG4SHELL);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(api.length);
    const row = rows.first();
    const asset = row.getByRole('link').first();
    expect(await asset.getAttribute('href')).toBe('/assets/parkeer-app');
    expect(squash(await asset.textContent())).toBe(api[0]!.assetName);
    expect(squash(await row.locator('td').nth(1).textContent())).toBe('2.14.1');
    // The processes, as links to their pages, named as the register names them.
    const processes = row.locator('td').last().getByRole('link');
    await expect.poll(() => processes.count()).toBe(api[0]!.processes.length);
    for (const [i, id] of api[0]!.processes.entries()) {
      const p = processes.nth(i);
      expect(await p.getAttribute('href')).toBe(`/processes/${id}`);
      const name = (await get<{ name: string }>(`${ORG}/processes/${id}`)).name;
      await expect.poll(async () => squash(await p.textContent())).toBe(name);
    }
    await expectNoAxeViolations(page, 'components, Log4Shell search (nl)');
  });

  it('finds every version without a range: parkeer-app and koppelvlak', async () => {
    const api = await get<Hit[]>(`${ORG}/components/search?purl=${encodeURIComponent(LOG4J)}`);
    const ids = api.map((h) => h.assetId).sort();
    expect(ids).toEqual(['koppelvlak', 'parkeer-app']);
    const page = await ui.page('nl');
    await page.goto(`${ui.url}/components?purl=${encodeURIComponent(LOG4J)}`);
    const table = page.getByRole('table', { name: /treffers in/ });
    await table.waitFor();
    const links = table.locator('tbody tr th a');
    expect(await links.count()).toBe(api.length);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual(ids.map((id) => `/assets/${id}`));
    // The example link asks the Log4Shell question.
    await page.getByRole('link', { name: /Log4Shell/ }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
  });

  it('shows a field’s error next to the field', async () => {
    const page = await ui.page('nl');
    await page.goto(`${ui.url}/components?purl=geen-purl`);
    const input = page.getByLabel('Package-URL (purl)');
    await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await input.getAttribute('aria-describedby'))!;
    expect(squash(await page.locator(`#${describedBy.split(' ').at(-1)}`).textContent())).toMatch(/package URL/);
  });

  it('shows the portfolio’s licences as the API counts them', async () => {
    const api = await get<Licences>(`${ORG}/licences`);
    expect(api.components).toBeGreaterThan(0);
    const page = await ui.page('nl');
    await page.goto(`${ui.url}/components`);
    const families = page.getByRole('table', { name: 'Componenten per licentiefamilie' });
    await families.waitFor();
    for (const [family, n] of Object.entries(api.byFamily)) {
      const row = families.getByRole('row').filter({ has: page.getByRole('rowheader', { name: FAMILIES_NL[family] }) });
      expect(squash(await row.locator('td').first().textContent()), family).toBe(n.toLocaleString('nl'));
    }
    const licences = page.getByRole('table', { name: 'Meest gebruikte licenties (SPDX)' });
    const rows = licences.locator('tbody tr');
    expect(await rows.count()).toBe(Math.min(api.byLicence.length, 20));
    for (const [i, l] of api.byLicence.slice(0, 20).entries())
      expect(squash(await rows.nth(i).textContent())).toBe(`${l.id}${l.components.toLocaleString('nl')}`);
    const section = page.getByRole('region', { name: 'Licenties in de portefeuille' });
    expect(squash(await section.textContent())).toContain(
      `${api.components.toLocaleString('nl')} componenten in de SBOM’s van alle assets, waarvan ${api.withoutLicence.toLocaleString('nl')} zonder licentievermelding`,
    );
    await section.getByRole('img', { name: /Staafdiagram van de componenten per licentiefamilie/ }).waitFor();
  });

  it('explains how to get vulnerability records, then lists Log4Shell after an OSV dump import', async () => {
    expect(await get<Finding[]>(`${ORG}/findings`)).toEqual([]);
    const page = await ui.page('nl');
    await page.goto(`${ui.url}/components`);
    const section = page.getByRole('region', { name: 'Bekende kwetsbaarheden' });
    await section.getByText('stapel vuln sync').waitFor();
    expect(squash(await section.textContent())).toContain('OSV-dump');
    await expectNoAxeViolations(page, 'components, no findings (nl)');

    await new VulnService(ui.store).importDump('test/fixtures/osv-demo/all.zip');
    const api = await get<Finding[]>(`${ORG}/findings`);
    const log4shell = api.find((f) => f.vulnerability.id === 'GHSA-jfh8-c2jp-5v3q');
    expect(log4shell).toMatchObject({ assetId: 'parkeer-app', vulnerability: { aliases: ['CVE-2021-44228'] } });

    await page.reload();
    const table = section.getByRole('table', { name: /bevindingen in/ });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(api.length);
    const row = table.getByRole('row').filter({ hasText: 'GHSA-jfh8-c2jp-5v3q' });
    const text = squash(await row.textContent());
    expect(text).toContain('CVE-2021-44228');
    expect(text).toContain(log4shell!.component.version!);
    expect(await row.getByRole('link', { name: log4shell!.assetName }).getAttribute('href')).toBe(
      '/assets/parkeer-app',
    );
    // CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H scores 10.0 by the CVSS 3.1 formula.
    expect(text).toContain('10,0 kritiek');
    await expectNoAxeViolations(page, 'components, findings (nl)');

    const en = await ui.page('en');
    await en.goto(`${ui.url}/components?purl=${encodeURIComponent(LOG4J)}`);
    await en.getByRole('heading', { level: 1, name: 'Components' }).waitFor();
    await en.getByRole('table', { name: /hits in/ }).waitFor();
    await en.getByRole('table', { name: /findings in/ }).waitFor();
    await en.getByRole('table', { name: 'Components per licence family' }).waitFor();
    await expectNoAxeViolations(en, 'components (en)');
  });
});
