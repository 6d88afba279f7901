/**
 * The board report on the demo register, in Markdown, HTML and PDF, Dutch and English: every
 * section there, numbers equal to the analysis and the scenario runs, charts as SVG, a PDF whose
 * pages render; the changes since a snapshot; a register with little data reports what is missing
 * instead of failing; formats not written yet are refused.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/api/server.js';
import { LAYERS, LAYER_LABELS } from '../src/domain/index.js';
import { defaultRiskConfig } from '../src/knowledge/knowledge-base.js';
import { loadDemo } from '../src/services/demo.service.js';
import { AnalysisService } from '../src/services/analysis.service.js';
import { RegisterService } from '../src/services/register.service.js';
import { ReportService } from '../src/services/report.service.js';
import { ScenarioService } from '../src/services/scenario.service.js';
import { SnapshotService } from '../src/services/snapshot.service.js';
import { VulnService } from '../src/services/vuln.service.js';
import { chromiumPath } from '../src/report/pdf.js';
import { openTestStore, type TestStore } from './helpers/backends.js';

const hasPoppler = existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/pdftotext');

describe('board report (Markdown)', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore('pglite');
    await loadDemo(store);
  });
  afterAll(() => store?.dispose());

  it('has every section in Dutch and in English, with the analysis’s numbers', async () => {
    const reports = new ReportService(store);
    const analysis = await new AnalysisService(store).analyse('voorbeeldstad');
    const nl = await reports.render('voorbeeldstad', { format: 'md', lang: 'nl' });
    const en = await reports.render('voorbeeldstad', { format: 'md', lang: 'en' });
    for (const heading of [
      '## Samenvatting',
      '## Risico per laag van de stapel',
      '## Belangrijkste strategische afhankelijkheden',
      '## Concentratie',
      '## Standaardscenario’s',
      '## Exitplannen',
      '## Maatregelen',
      '## Veranderingen sinds de vorige momentopname',
      '## Kwaliteit van de gegevens',
      '## Verantwoording',
    ])
      expect(nl).toContain(heading);
    for (const heading of ['## Summary', '## Risk per layer of the stack', '## Standard scenarios', '## Methodology'])
      expect(en).toContain(heading);
    const strategic = analysis.assets.filter((a) => a.strategic).length;
    expect(nl).toContain(`afhankelijk van ${analysis.assets.length} voorzieningen`);
    expect(nl).toContain(`${strategic} daarvan zijn strategisch`);
    expect(en).toContain(`${strategic} of them are strategic`);
    // One row per layer with the analysis's count of assets on it.
    for (const layer of LAYERS) {
      const n = analysis.assets.filter((a) => a.layers.includes(layer)).length;
      expect(nl).toMatch(new RegExp(`\\| ${LAYER_LABELS[layer].nl} \\| ${n} \\|`));
      expect(en).toMatch(new RegExp(`\\| ${LAYER_LABELS[layer].en} \\| ${n} \\|`));
    }
    const top = analysis.portfolio.byUltimateParent.rows[0]!;
    expect(nl).toContain(`| ${top.label} | ${top.assets} |`);
    expect(nl).toContain(`HHI ${analysis.portfolio.byUltimateParent.hhi}`);
    // Scenario rows as a run of the same scenario says.
    const icc = await new ScenarioService(store).run('voorbeeldstad', { scenario: 'library:icc-prosecutor-2025' });
    const library = new ScenarioService(store).library().find((s) => s.id === 'icc-prosecutor-2025')!;
    expect(nl).toContain(
      `| ${library.name.nl} | ${icc.result.summary.processes.stopped} | ${icc.result.summary.processes.degraded} | ${icc.result.summary.vitalStopped.length} |`,
    );
    expect(nl).toContain('Er is nog geen eerdere momentopname');
    expect(nl).toContain(`Kennisbank ${analysis.knowledgeBaseVersion}`);
    // The weights the scores were made with, as the risk configuration holds them.
    const config = defaultRiskConfig();
    expect(en).toContain(
      `continuity: ${Object.entries(config.continuityWeights)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  });

  it('says what changed since a snapshot', async () => {
    await new SnapshotService(store).take('voorbeeldstad', { id: 'vorig-kwartaal', actor: 'test' });
    await new RegisterService(store).create(
      'asset',
      'voorbeeldstad',
      { id: 'nieuw-platform', name: 'Nieuw platform', type: 'saas', layers: ['applications'] },
      { actor: 'test' },
    );
    const md = await new ReportService(store).render('voorbeeldstad', {
      format: 'md',
      lang: 'nl',
      since: 'vorig-kwartaal',
    });
    expect(md).toMatch(/Sinds vorig-kwartaal \(\d{4}-\d\d-\d\d\): 1 voorzieningen erbij, 0 eraf/);
  });

  it('reports on a register with little data, saying what is missing', async () => {
    const register = new RegisterService(store);
    await register.createOrganisation({ id: 'klein', name: 'Kleine organisatie' }, { actor: 'test' });
    await register.create(
      'asset',
      'klein',
      { id: 'mail', name: 'E-mail', type: 'saas', layers: ['applications'] },
      {
        actor: 'test',
      },
    );
    const md = await new ReportService(store).render('klein', { format: 'md', lang: 'en' });
    const gaps = (await new AnalysisService(store).analyse('klein')).dataQuality;
    expect(gaps.length).toBe(1);
    expect(md).toContain(`${gaps[0]!.missing.length} facts are missing on 1 dependencies`);
    expect(md).toContain(`- E-mail: ${gaps[0]!.missing.join(', ')}`);
    expect(md).toContain('0 exit plans');
  });

  it('writes HTML with a table of contents, every section and the charts as SVG, in both languages', async () => {
    const reports = new ReportService(store);
    const analysis = await new AnalysisService(store).analyse('voorbeeldstad');
    for (const lang of ['nl', 'en'] as const) {
      const html = (await reports.render('voorbeeldstad', { format: 'html', lang })) as string;
      expect(html).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${lang}">`));
      const toc = [...html.matchAll(/<li><a href="#([a-z-]+)">/g)].map((m) => m[1]);
      expect(toc).toEqual([
        'summary',
        'layers',
        'top',
        'concentration',
        'scenarios',
        'exit-plans',
        'measures',
        'since',
        'data-quality',
        'methodology',
      ]);
      for (const id of toc) expect(html).toContain(`<section id="${id}">`);
      // Two vector charts: the stack by level, and concentration by ultimate parent.
      expect(html.match(/<svg[\s>]/g)?.length).toBe(2);
      const top = analysis.portfolio.byUltimateParent.rows[0]!;
      expect(html).toContain(`<th scope="row">${top.label}</th><td>${top.assets}</td>`);
    }
  });

  it('prints the HTML to a paginated PDF whose pages render as images with the text in them', async (ctx) => {
    const needs = [chromiumPath() ? '' : 'Chromium', hasPoppler ? '' : 'pdftoppm/pdftotext (poppler-utils)'].filter(
      Boolean,
    );
    if (needs.length) {
      if (process.env.CI === 'true') throw new Error(`CI must have ${needs.join(' and ')}`);
      ctx.skip(`skipped: needs ${needs.join(' and ')}`);
    }
    for (const [lang, headings] of [
      ['nl', ['Samenvatting', 'Risico per laag van de stapel', 'Concentratie', 'Verantwoording']],
      ['en', ['Summary', 'Risk per layer of the stack', 'Concentration', 'Methodology']],
    ] as const) {
      const pdf = (await new ReportService(store).render('voorbeeldstad', { format: 'pdf', lang })) as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const dir = mkdtempSync(join(tmpdir(), 'stapel-report-'));
      try {
        writeFileSync(join(dir, 'report.pdf'), pdf);
        execFileSync('pdftoppm', ['-png', '-r', '40', join(dir, 'report.pdf'), join(dir, 'page')]);
        const pages = readdirSync(dir).filter((f) => f.endsWith('.png'));
        expect(pages.length).toBeGreaterThan(3);
        const text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-']).toString();
        for (const heading of headings) expect(text).toContain(heading);
        expect(text).toMatch(/1 \/ \d+/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('exports the register, the risks and the findings as an Excel workbook', async () => {
    await new VulnService(store).importDump(fileURLToPath(new URL('./fixtures/osv-demo/all.zip', import.meta.url)));
    const buffer = (await new ReportService(store).render('voorbeeldstad', { format: 'xlsx', lang: 'nl' })) as Buffer;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const assets = await new RegisterService(store).list('asset', 'voorbeeldstad', { limit: 500 });
    const sheet = wb.getWorksheet('assets')!;
    expect(sheet.rowCount).toBe(assets.items.length + 1);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['id', 'name', 'type']);
    const names = sheet.getColumn(header.indexOf('name') + 1).values.slice(2);
    expect(names).toEqual(assets.items.map((a) => a.name));
    const risks = wb.getWorksheet('risks')!;
    expect(risks.rowCount).toBe((await new AnalysisService(store).analyse('voorbeeldstad')).assets.length + 1);
    const findings = wb.getWorksheet('findings')!;
    const rows = findings.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => [r[1], r[2], r[3], r[5]])).toEqual([
      ['parkeer-app', 'log4j-core', '2.14.1', 'GHSA-8489-44mv-ggj8'],
      ['parkeer-app', 'log4j-core', '2.14.1', 'GHSA-jfh8-c2jp-5v3q'],
    ]);
  });

  it('serves the report over HTTP: HTML as a page, PDF and XLSX as downloads', async () => {
    const app = await buildServer({ store });
    try {
      const html = await app.inject({ url: '/api/orgs/voorbeeldstad/report?lang=en' });
      expect(html.statusCode).toBe(200);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.body).toContain('<h2>Risk per layer of the stack</h2>');
      const xlsx = await app.inject({ url: '/api/orgs/voorbeeldstad/report?format=xlsx' });
      expect(xlsx.headers['content-disposition']).toBe('attachment; filename="voorbeeldstad-nl.xlsx"');
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      const bad = await app.inject({ url: '/api/orgs/voorbeeldstad/report?format=docx' });
      expect(bad.statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });

  it('refuses formats it does not write yet, and unknown languages', async () => {
    const reports = new ReportService(store);
    await expect(reports.render('voorbeeldstad', { format: 'docx', lang: 'nl' })).rejects.toThrow(
      /report format "docx"/,
    );
    await expect(reports.render('voorbeeldstad', { format: 'md', lang: 'de' })).rejects.toThrow(/nl or en/);
  });
});
