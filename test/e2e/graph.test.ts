/**
 * The dependency graph explorer in Chromium: the canvas is drawn, the accessible list holds
 * exactly the nodes the API's graph has within the chosen distance of the centre (computed here
 * from GET /graph, independently of the UI's code), a layer filter narrows the list, choosing a
 * node in the list opens its details with a working link, and axe-core finds nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectNoAxeViolations, startUi, type UiSession } from '../helpers/browser.js';

interface Graph {
  nodes: { ref: string; kind: string; name: string; layers?: string[] }[];
  edges: { from: string; to: string; relation: string }[];
}

/** Nodes within `depth` steps down (what it depends on) and, separately, up (what depends on it). */
function around(graph: Graph, focus: string, depth: number): Set<string> {
  const out = new Set([focus]);
  for (const [from, to] of [
    ['from', 'to'],
    ['to', 'from'],
  ] as const) {
    let frontier = new Set([focus]);
    const seen = new Set([focus]);
    for (let i = 0; i < depth; i++) {
      const next = new Set<string>();
      for (const e of graph.edges)
        if (frontier.has(e[from]) && !seen.has(e[to])) {
          seen.add(e[to]);
          next.add(e[to]);
          out.add(e[to]);
        }
      frontier = next;
    }
  }
  return out;
}

describeInBrowser('dependency graph explorer', () => {
  let ui: UiSession;
  let graph: Graph;
  beforeAll(async () => {
    ui = await startUi();
    graph = (await (await fetch(`${ui.url}/api/orgs/voorbeeldstad/graph`)).json()) as Graph;
  });
  afterAll(() => ui?.close());

  const count = async (page: Awaited<ReturnType<UiSession['page']>>) =>
    Number(await page.getByTestId('graph-node-count').textContent());

  it('opens on the whole demo graph, drawn and listed', async () => {
    const page = await ui.page();
    await page.goto(`${ui.url}/graph`);
    await page.getByRole('heading', { level: 1, name: 'Afhankelijkheden' }).waitFor();
    await page.getByTestId('graph-node-count').waitFor();
    expect(await count(page)).toBe(graph.nodes.length);
    // Cytoscape draws into canvases inside the labelled picture.
    const picture = page.getByRole('img', { name: /^Grafiek van alle \d+ knooppunten/ });
    await picture.locator('canvas').first().waitFor();
    expect(await picture.locator('canvas').count()).toBeGreaterThan(0);
    // The picture takes no keyboard focus (no trap); the list below is the keyboard's way in.
    expect(await picture.locator('[tabindex]').count()).toBe(0);
    expect(await picture.getAttribute('tabindex')).toBeNull();
    expect(await page.locator('table tbody tr').count()).toBe(graph.nodes.length);
  });

  it('shows the neighbourhood of a process, filters a layer, and selects from the list', async () => {
    const focus = graph.nodes.find((n) => n.kind === 'process')!.ref;
    const depth = 2;
    const expected = around(graph, focus, depth);
    expect(expected.size).toBeGreaterThan(5);
    const page = await ui.page();
    await page.goto(`${ui.url}/graph?focus=${encodeURIComponent(focus)}&depth=${depth}`);
    await page.getByTestId('graph-node-count').waitFor();
    await page
      .getByRole('img', { name: /^Grafiek van \d+ knooppunten/ })
      .locator('canvas')
      .first()
      .waitFor();
    expect(await count(page)).toBe(expected.size);
    expect(await page.locator('table tbody tr').count()).toBe(expected.size);
    await expectNoAxeViolations(page, 'graph page (nl)');

    // Hiding the parties leaves the processes, assets and products of the neighbourhood.
    const parties = graph.nodes.filter((n) => n.kind === 'party' && expected.has(n.ref)).length;
    expect(parties).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: 'Partijen' }).uncheck();
    await expect.poll(() => count(page)).toBe(expected.size - parties);
    expect(await page.locator('table tbody tr').count()).toBe(expected.size - parties);

    // Choosing an asset in the list shows its details, with focus on them, and a working link.
    const asset = graph.nodes.find((n) => n.kind === 'asset' && expected.has(n.ref))!;
    await page.getByRole('button', { name: `Selecteer ${asset.name}` }).click();
    const heading = page.getByRole('heading', { level: 2, name: asset.name });
    await heading.waitFor();
    expect(await page.evaluate('document.activeElement?.id')).toBe('graph-detail-heading');
    expect(await page.getByRole('button', { name: `Selecteer ${asset.name}` }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await expectNoAxeViolations(page, 'graph page with details');
    await page.getByRole('link', { name: `Open het bedrijfsmiddel ${asset.name}` }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/assets/${asset.ref.slice('asset:'.length)}`);
  });

  it('is clean in English', async () => {
    const page = await ui.page('en');
    await page.goto(`${ui.url}/graph`);
    await page.getByRole('heading', { level: 1, name: 'Dependencies' }).waitFor();
    await page.getByTestId('graph-node-count').waitFor();
    await expectNoAxeViolations(page, 'graph page (en)');
  });
});
