/**
 * `npm run report:pages`: the demo register's board report as PDF in Dutch and English, and each
 * page as a PNG (pdftoppm, from Debian's poppler-utils) in screenshots/report/ — to look at the
 * pages without opening a PDF viewer.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDemo } from '../src/services/demo.service.js';
import { ReportService } from '../src/services/report.service.js';
import { openStore } from '../src/store/database.js';

const OUT = fileURLToPath(new URL('../screenshots/report/', import.meta.url));
mkdirSync(OUT, { recursive: true });
const store = await openStore({ dataDir: ':memory:' });
try {
  await loadDemo(store);
  for (const lang of ['nl', 'en'] as const) {
    const pdf = join(OUT, `report-${lang}.pdf`);
    writeFileSync(pdf, (await new ReportService(store).render('voorbeeldstad', { format: 'pdf', lang })) as Buffer);
    execFileSync('pdftoppm', ['-png', '-r', '80', pdf, join(OUT, `report-${lang}`)]);
    console.log(`${pdf} and its pages as report-${lang}-N.png`);
  }
} finally {
  await store.close();
}
