/**
 * The COPY bulk path writes exactly what it is given, including text that COPY must escape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComponentRecord } from '../src/domain/index.js';
import { copyComponents } from '../src/store/component.repository.js';
import { allRecords } from '../src/store/record.repository.js';
import { RegisterService } from '../src/services/register.service.js';
import { BACKENDS, notePostgresSkipped, openTestStore, type TestStore } from './helpers/backends.js';

notePostgresSkipped();

describe.each(BACKENDS)('component bulk path on %s', (backend) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(backend);
    const register = new RegisterService(store);
    await register.createOrganisation({ id: 'o', name: 'O' }, { actor: 't' });
    await register.create(
      'asset',
      'o',
      { id: 'app', name: 'App', type: 'application', layers: ['applications'] },
      { actor: 't' },
    );
  });
  afterAll(() => store?.dispose());

  it('round-trips tabs, newlines, backslashes, quotes and braces through COPY', async () => {
    const at = '2026-12-01T10:00:00.123Z';
    const tricky: ComponentRecord = {
      id: 'c1',
      revision: 1,
      createdAt: at,
      updatedAt: at,
      provenance: { method: 'imported', source: 'sbom\twith\ttabs.json', at },
      assetId: 'app',
      name: 'name with \\ backslash, "quotes", {braces}\nand a newline',
      version: '1.0.0\r',
      purl: 'pkg:npm/%40scope/name@1.0.0',
      licences: ['MIT', 'LicenseRef-"odd",{x}\\y', 'GPL-2.0-only WITH Classpath-exception-2.0'],
      hashes: [{ alg: 'SHA-256', content: 'ab\tcd' }],
      dependsOn: ['c0'],
    };
    const plain: ComponentRecord = {
      ...tricky,
      id: 'c0',
      name: 'plain',
      version: undefined,
      supplier: undefined,
      purl: undefined,
      licences: [],
      hashes: [],
      dependsOn: [],
    } as ComponentRecord;
    delete (plain as Partial<ComponentRecord>).version;
    delete (plain as Partial<ComponentRecord>).purl;
    delete (plain as Partial<ComponentRecord>).supplier;
    await store.transaction((tx) => copyComponents(tx, 'o', [plain, tricky]));
    const stored = await allRecords(store.db, 'component', 'o');
    expect(stored).toEqual([plain, tricky]);
  });
});
