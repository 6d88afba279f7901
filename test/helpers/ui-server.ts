/**
 * Stapel serving the built web UI and the demo register on an in-memory embedded store, with a
 * headless Chromium (Debian's, driven by playwright-core) — for the browser tests and the
 * screenshot script.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildServer, WEB_DIST } from '../../src/api/server.js';
import { loadDemo } from '../../src/services/demo.service.js';
import { openStore, type Store } from '../../src/store/database.js';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
/** The Chromium to drive: $CHROMIUM_PATH, or Debian's. */
export const CHROMIUM = CANDIDATES.find((p): p is string => !!p && existsSync(p));

if (!existsSync(join(WEB_DIST, 'index.html')))
  throw new Error('the web UI is not built: run "npm run build:web" (npm install does it)');

export interface UiSession {
  url: string;
  browser: Browser;
  store: Store;
  app: FastifyInstance;
  /** A new page in Dutch (the default) or English, with a 1280×900 viewport. */
  page(lang?: 'nl' | 'en'): Promise<Page>;
  close(): Promise<void>;
}

/** Serves the demo register with the built UI on a free port and starts a headless Chromium. */
export async function startUi(): Promise<UiSession> {
  const store = await openStore({ dataDir: ':memory:' });
  await loadDemo(store);
  const app = await buildServer({ store });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  if (!CHROMIUM) throw new Error("Chromium not found: install Debian's chromium or set CHROMIUM_PATH");
  const browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox'] });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    browser,
    store,
    app,
    async page(lang = 'nl') {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang });
      // A string: the root tsconfig has no DOM types, and this runs in the page.
      await context.addInitScript(`localStorage.setItem('stapel.lang', '${lang}')`);
      return context.newPage();
    },
    async close() {
      await browser.close();
      await app.close();
      await store.close();
    },
  };
}
