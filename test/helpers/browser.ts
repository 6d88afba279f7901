/**
 * End-to-end tests in a real browser: Debian's Chromium driven by playwright-core, against Stapel
 * serving the built web UI and the demo register on an in-memory embedded store (ui-server.ts).
 * Without Chromium the tests are skipped with a visible reason, except in CI (CI=true), where
 * .ci/run installs it and a missing browser is an error. axe-core checks pages against WCAG 2.1 A
 * and AA.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { CHROMIUM } from './ui-server.js';

export { startUi, type UiSession } from './ui-server.js';

if (process.env.CI === 'true' && !CHROMIUM)
  throw new Error(
    'CI=true but Chromium is not installed (.ci/run installs Debian’s chromium): the browser tests must run',
  );

/** describe() when Chromium is there; otherwise a skipped suite whose name says why. */
export const describeInBrowser: typeof describe = CHROMIUM
  ? describe
  : (((name: string, fn: () => void) =>
      describe.skip(
        `${name} — skipped: Chromium not found (install Debian's chromium or set CHROMIUM_PATH)`,
        fn,
      )) as typeof describe);

/** Runs axe-core on the page as it is now and fails with every WCAG 2.1 A/AA violation listed. */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join(', ')}`,
  );
  expect(found, `${what}: axe-core WCAG 2.1 AA violations`).toEqual([]);
}
