/**
 * CycloneDX XML through the API, on every backend: the juice-shop example SBOM (CycloneDX 1.2 XML)
 * imports into a demo asset with as many components as the file has.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/api/server.js';
import { loadDemo } from '../src/services/demo.service.js';
import { BACKENDS, notePostgresSkipped, openTestStore, type TestStore } from './helpers/backends.js';

notePostgresSkipped();

const fixture = (name: string) => readFileSync(new URL(`./fixtures/sbom/${name}`, import.meta.url), 'utf8');

/** Components in a CycloneDX XML text, counted without an XML parser: <component> tags outside <metadata>. */
const countComponents = (xml: string) =>
  xml.replace(/<metadata>[\s\S]*?<\/metadata>/, '').match(/<component[\s>]/g)?.length ?? 0;

describe.each(BACKENDS)('CycloneDX XML SBOM API on %s', (backend) => {
  let store: TestStore;
  let app: FastifyInstance;
  const base = '/api/orgs/voorbeeldstad';

  beforeAll(async () => {
    store = await openTestStore(backend);
    await loadDemo(store);
    app = await buildServer({ store });
  });
  afterAll(async () => {
    await app?.close();
    await store?.dispose();
  });

  it('imports the juice-shop CycloneDX XML into a demo asset with the component count of the file', async () => {
    const name = 'juice-shop_v11.1.2_bom.xml';
    const text = fixture(name);
    const res = await app.inject({
      method: 'PUT',
      url: `${base}/assets/meldingen-app/sbom?file=${name}`,
      headers: { 'content-type': 'application/vnd.cyclonedx+xml' },
      payload: text,
    });
    expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    expect(res.json()).toMatchObject({
      assetId: 'meldingen-app',
      format: 'cyclonedx',
      specVersion: '1.2',
      documentId: 'urn:uuid:d6aa76fa-e488-480d-9ad0-f67765dfd015',
      components: countComponents(text),
    });
    expect(countComponents(text)).toBe(840);

    let stored = 0;
    let cursor = '';
    for (;;) {
      const page = (
        await app.inject({ url: `${base}/components?limit=500${cursor ? `&cursor=${cursor}` : ''}` })
      ).json() as { items: { assetId: string }[]; nextCursor?: string };
      stored += page.items.filter((c) => c.assetId === 'meldingen-app').length;
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(stored).toBe(840);
  });
});
