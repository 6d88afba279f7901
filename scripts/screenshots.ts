/**
 * `npm run screenshots`: serves the demo register with the built web UI, opens the main pages in
 * Debian's Chromium and saves a full-page PNG of each, in Dutch and in English, into screenshots/
 * (not committed) — so anyone can look at the UI without running it by hand.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startUi } from '../test/helpers/ui-server.js';

const OUT = fileURLToPath(new URL('../screenshots/', import.meta.url));

const PAGES: { name: string; path: string }[] = [
  { name: 'stack', path: '/' },
  { name: 'register-assets', path: '/register/assets' },
  { name: 'register-asset-edit', path: '/register/assets?edit=m365-exchange' },
  { name: 'asset-m365-exchange', path: '/assets/m365-exchange' },
  { name: 'process-burgerzaken-brp', path: '/processes/burgerzaken-brp' },
  { name: 'graph', path: '/graph' },
  { name: 'scenarios', path: '/scenarios' },
  { name: 'knowledge-microsoft', path: '/knowledge?show=vendor:microsoft' },
  { name: 'components', path: '/components' },
  { name: 'import', path: '/import' },
];

mkdirSync(OUT, { recursive: true });
const ui = await startUi();
try {
  for (const lang of ['nl', 'en'] as const) {
    const page = await ui.page(lang);
    for (const p of PAGES) {
      await page.goto(`${ui.url}${p.path}`, { waitUntil: 'networkidle' });
      // Charts and the graph draw after their data arrives; give them a moment to settle.
      await page.waitForTimeout(500);
      const file = join(OUT, `${p.name}-${lang}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await page.context().close();
  }
} finally {
  await ui.close();
}
