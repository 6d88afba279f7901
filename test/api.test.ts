/**
 * The REST API end to end through Fastify's inject, on every backend: CRUD, validation errors with
 * field paths, 404 and 409, filters and cursor paging, the graph document, the history, and the
 * OpenAPI document checked by a validator.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/api/server.js';
import { BACKENDS, notePostgresSkipped, openTestStore, type TestStore } from './helpers/backends.js';

notePostgresSkipped();

describe.each(BACKENDS)('REST API on %s', (backend) => {
  let store: TestStore;
  let app: FastifyInstance;
  const org = 'testgemeente';
  const base = `/api/orgs/${org}`;

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      ...(payload === undefined
        ? {}
        : typeof payload === 'string'
          ? { payload, headers: { 'content-type': 'application/json', ...headers } }
          : { payload: payload as object, headers }),
    });
  const counts = async () => (await call('GET', base)).json().counts as Record<string, number>;

  beforeAll(async () => {
    store = await openTestStore(backend);
    app = await buildServer({ store });
    const res = await call('POST', '/api/orgs', { id: org, name: 'Testgemeente', kind: 'municipality' });
    expect(res.statusCode).toBe(201);
    await call('POST', `${base}/parties`, { id: 'msft', name: 'Microsoft Corporation', country: 'US' });
    await call('POST', `${base}/parties`, {
      id: 'msft-ie',
      name: 'Microsoft Ireland Operations Ltd',
      country: 'IE',
      parentId: 'msft',
    });
    await call('POST', `${base}/processes`, {
      id: 'burgerzaken',
      name: 'Burgerzaken',
      vital: true,
      publicInterests: ['public-service-continuity'],
    });
  });
  afterAll(async () => {
    await app?.close();
    await store?.dispose();
  });

  it('answers health with the store it runs on', async () => {
    const res = await call('GET', '/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', store: backend });
  });

  it('creates, reads, replaces, patches and deletes an asset, keeping revisions and history', async () => {
    const created = await call('POST', `${base}/assets`, {
      id: 'exchange',
      name: 'Exchange Online',
      type: 'saas',
      layers: ['applications'],
      priority: 'office-software',
      providerId: 'msft-ie',
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json()).toMatchObject({
      id: 'exchange',
      revision: 1,
      provenance: { method: 'entered' },
      hostingLocations: [],
    });

    const got = await call('GET', `${base}/assets/exchange`);
    expect(got.json().name).toBe('Exchange Online');

    const replaced = await call(
      'PUT',
      `${base}/assets/exchange`,
      { name: 'Exchange Online (M365)', type: 'saas', layers: ['applications', 'data'] },
      { 'if-match': '"1"' },
    );
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ revision: 2, layers: ['applications', 'data'] });
    expect(replaced.json().providerId).toBeUndefined(); // PUT replaces: absent optional fields are cleared

    const patched = await call('PATCH', `${base}/assets/exchange`, { providerId: 'msft-ie', revision: 2 });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ revision: 3, name: 'Exchange Online (M365)', providerId: 'msft-ie' });

    const history = (await call('GET', `${base}/history?kind=asset&recordId=exchange`)).json().items;
    expect(history.map((h: { op: string }) => h.op)).toEqual(['update', 'update', 'create']);
    expect(history[1].before.name).toBe('Exchange Online');
    expect(history[1].after.name).toBe('Exchange Online (M365)');
    expect(history[0].actor).toBe('api');

    const deleted = await call('DELETE', `${base}/assets/exchange?revision=3`);
    expect(deleted.statusCode).toBe(204);
    expect((await call('GET', `${base}/assets/exchange`)).statusCode).toBe(404);
    const after = (await call('GET', `${base}/history?recordId=exchange&limit=1`)).json().items[0];
    expect(after).toMatchObject({ op: 'delete', before: { id: 'exchange', revision: 3 } });
  });

  it('rejects a malformed JSON body with line and column, and writes nothing', async () => {
    const before = await counts();
    const res = await call('POST', `${base}/assets`, '{"name": "Half", "type": "saas",\n "layers": ["data"');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/not valid JSON at line 2/);
    expect(await counts()).toEqual(before);
  });

  it('rejects a wrong enum value naming the field and the allowed values, and writes nothing', async () => {
    const before = await counts();
    const res = await call('POST', `${base}/assets`, { name: 'X', type: 'saas', layers: ['cloud'] });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.issues[0].path).toBe('body.layers[0]');
    expect(body.issues[0].message).toMatch(/raw-materials/);
    expect(await counts()).toEqual(before);
  });

  it('rejects a dependency on a missing asset, naming the field, and writes nothing', async () => {
    const before = await counts();
    const res = await call('POST', `${base}/dependencies`, { from: 'process:burgerzaken', to: 'asset:does-not-exist' });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([
      { path: 'to', message: 'no asset with id "does-not-exist" in this organisation' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('answers 404 for unknown organisations and records', async () => {
    expect((await call('GET', '/api/orgs/nope')).statusCode).toBe(404);
    expect((await call('GET', '/api/orgs/nope/assets')).statusCode).toBe(404);
    const res = await call('GET', `${base}/processes/nope`);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe(`no process with id "nope" in organisation "${org}"`);
  });

  it('answers 409 for a stale revision, a duplicate id and deleting what is still referenced', async () => {
    await call('POST', `${base}/assets`, { id: 'teams', name: 'Teams', type: 'saas', layers: ['applications'] });
    await call('PATCH', `${base}/assets/teams`, { users: 800 });
    const stale = await call('PATCH', `${base}/assets/teams`, { users: 900 }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details).toEqual({ currentRevision: 2 });
    expect((await call('GET', `${base}/assets/teams`)).json().users).toBe(800);

    const dup = await call('POST', `${base}/assets`, {
      id: 'teams',
      name: 'Teams 2',
      type: 'saas',
      layers: ['applications'],
    });
    expect(dup.statusCode).toBe(409);

    await call('POST', `${base}/dependencies`, { id: 'bz-teams', from: 'process:burgerzaken', to: 'asset:teams' });
    const del = await call('DELETE', `${base}/assets/teams`);
    expect(del.statusCode).toBe(409);
    expect(del.json().message).toMatch(/dependency "bz-teams"/);
    const delParent = await call('DELETE', `${base}/parties/msft`);
    expect(delParent.statusCode).toBe(409);
    expect(delParent.json().message).toMatch(/party "msft-ie"/);
  });

  it('refuses an ownership cycle', async () => {
    const res = await call('PATCH', `${base}/parties/msft`, { parentId: 'msft-ie' });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0]).toEqual({
      path: 'parentId',
      message: 'this parent makes an ownership cycle: msft → msft-ie → msft',
    });
  });

  it('filters lists by layer, priority, type and text, and pages with a cursor', async () => {
    for (let i = 0; i < 7; i++)
      await call('POST', `${base}/assets`, {
        id: `srv-${i}`,
        name: i % 2 ? `Server ${i}` : `Switch ${i}`,
        type: 'hardware',
        layers: i < 3 ? ['hardware'] : ['hardware', 'physical-infrastructure'],
        ...(i === 4 ? { priority: 'semiconductors' } : {}),
      });
    const hw = (await call('GET', `${base}/assets?layer=physical-infrastructure`)).json();
    expect(hw.items.map((a: { id: string }) => a.id)).toEqual(['srv-3', 'srv-4', 'srv-5', 'srv-6']);
    expect(
      (await call('GET', `${base}/assets?priority=semiconductors`)).json().items.map((a: { id: string }) => a.id),
    ).toEqual(['srv-4']);
    expect((await call('GET', `${base}/assets?type=hardware&q=switch`)).json().items).toHaveLength(4);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (
        await call('GET', `${base}/assets?type=hardware&limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((a: { id: string }) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['srv-0', 'srv-1', 'srv-2', 'srv-3', 'srv-4', 'srv-5', 'srv-6']);
    expect((await call('GET', `${base}/assets?cursor=!!`)).statusCode).toBe(400);
  });

  it('returns the dependency graph as one document with implied ownership edges', async () => {
    const graph = (await call('GET', `${base}/graph`)).json();
    expect(graph.organisation).toBe(org);
    const refs = graph.nodes.map((n: { ref: string }) => n.ref);
    expect(refs).toContain('process:burgerzaken');
    expect(refs).toContain('asset:teams');
    expect(graph.edges).toContainEqual({
      id: 'bz-teams',
      from: 'process:burgerzaken',
      to: 'asset:teams',
      relation: 'uses',
    });
    expect(graph.edges).toContainEqual({
      from: 'party:msft-ie',
      to: 'party:msft',
      relation: 'owned-by',
      implied: true,
    });
  });

  it('serves a valid OpenAPI 3.1 document generated from the schemas', async () => {
    const res = await call('GET', '/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/orgs/{org}/assets', '/api/orgs/{org}/assets/{id}', '/api/orgs/{org}/graph']),
    );
    expect(JSON.stringify(doc.components.schemas.Asset)).toContain('soft-infrastructure');
    expect((await call('GET', '/api/docs/')).statusCode).toBe(200);
  });

  it('keeps the history append-only at the database level', async () => {
    const failure = (sql: string) =>
      store.db.execute(sql).then(
        () => 'succeeded',
        (err: Error & { cause?: Error }) => err.cause?.message ?? err.message,
      );
    expect(await failure(`UPDATE changes SET actor = 'someone else'`)).toMatch(/append-only \(UPDATE refused\)/);
    expect(await failure(`DELETE FROM changes`)).toMatch(/append-only \(DELETE refused\)/);
  });
});
