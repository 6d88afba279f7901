/**
 * The demo register (a fictional municipality, src/demo/voorbeeldstad.json), loaded into an empty
 * store so a first start shows a realistic register.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Store } from '../store/database.js';
import { listOrganisations } from '../store/organisation.repository.js';
import { readRegisterDocument } from '../ingest/register-document.importer.js';
import { BackupService, type ImportSummary } from './backup.service.js';

export const DEMO_FILE = fileURLToPath(new URL('../demo/voorbeeldstad.json', import.meta.url));
export const DEMO_SOURCE = 'demo/voorbeeldstad.json';

export function readDemo(at = new Date()) {
  return readRegisterDocument(readFileSync(DEMO_FILE, 'utf8'), DEMO_SOURCE, at);
}

export async function loadDemo(store: Store, actor = 'system:demo'): Promise<ImportSummary> {
  return new BackupService(store).importBackup(readDemo(), { actor, source: DEMO_SOURCE });
}

/** Loads the demo when the store holds no organisation yet; undefined when it did nothing. */
export async function loadDemoIfEmpty(store: Store): Promise<ImportSummary | undefined> {
  if ((await listOrganisations(store.db)).length > 0) return undefined;
  return loadDemo(store);
}
