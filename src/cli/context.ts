/**
 * Opens the store for a command from the global flags, and resolves which organisation a command
 * is about (the --org flag, or the only one there is).
 */
import { userInfo } from 'node:os';
import { InputError } from '../domain/index.js';
import { resolveConfig, type ConfigFlags } from '../config.js';
import { openStore, type Store } from '../store/database.js';
import { RegisterService } from '../services/register.service.js';

export interface GlobalFlags extends ConfigFlags, Record<string, unknown> {
  json?: boolean;
  org?: string;
}

export async function withStore<T>(flags: GlobalFlags, work: (store: Store) => Promise<T>): Promise<T> {
  const config = resolveConfig(flags);
  const store = await openStore(config);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

export async function resolveOrg(store: Store, flag: string | undefined): Promise<string> {
  if (flag) return flag;
  const orgs = await new RegisterService(store).listOrganisations();
  if (orgs.length === 1) return orgs[0]!.id;
  throw new InputError(
    orgs.length === 0
      ? 'the store holds no organisation yet: run "stapel init --demo" or "stapel add org"'
      : `name an organisation with --org (one of: ${orgs.map((o) => o.id).join(', ')})`,
    [{ path: ['--org'], message: 'required' }],
  );
}
