/**
 * The board report as PDF: the HTML document printed by Chromium (Debian's, driven by
 * playwright-core) on A4 with page numbers, a bookmark outline and tagged structure. The charts stay
 * vector graphics. Needs Chromium: CHROMIUM_PATH, or /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { InputError } from '../domain/index.js';

export function chromiumPath(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p): p is string => !!p && existsSync(p),
  );
}

export async function htmlToPdf(html: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!executablePath)
    throw new InputError(
      'a PDF report needs Chromium: install Debian’s chromium or set CHROMIUM_PATH (HTML and Markdown need nothing)',
      [{ path: ['format'], message: 'pdf needs Chromium' }],
    );
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      outline: true,
      tagged: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center;color:#555"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
      margin: { top: '16mm', bottom: '18mm', left: '15mm', right: '15mm' },
    });
  } finally {
    await browser.close();
  }
}
