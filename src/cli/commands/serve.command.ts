/**
 * `stapel serve` starts the API on the configured store, loading the demo register into an empty
 * store first; `stapel init` prepares a store (migrations, optionally the demo) without serving.
 */
import type { Command } from 'commander';
import { resolveConfig } from '../../config.js';
import { buildServer } from '../../api/server.js';
import { loadDemo, loadDemoIfEmpty } from '../../services/demo.service.js';
import { openStore } from '../../store/database.js';
import { listOrganisations } from '../../store/organisation.repository.js';
import { withStore, type GlobalFlags } from '../context.js';
import { printJson } from '../output.js';

export function serveCommands(program: Command, globals: () => GlobalFlags): void {
  program
    .command('serve')
    .description('serve the API (and the web UI once built) on the configured store')
    .option('-p, --port <port>', 'HTTP port (env PORT, default 3000)')
    .option('--host <address>', 'address to listen on (env STAPEL_HOST, default 127.0.0.1)')
    .option('--no-demo', 'do not load the demo register into an empty store')
    .action(async (opts: { port?: string; host?: string; demo: boolean }) => {
      const flags = { ...globals(), ...opts };
      const config = resolveConfig(flags);
      const store = await openStore(config);
      const loaded = opts.demo ? await loadDemoIfEmpty(store) : undefined;
      const app = await buildServer({ store, osvUrl: config.osvUrl });
      const close = async () => {
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const shownHost = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
      const url = `http://${shownHost}:${port}`;
      if (flags.json) printJson({ url, store: store.dialect, location: store.location, demoLoaded: loaded ?? null });
      else {
        if (loaded)
          console.log(
            `Loaded the demo register "${loaded.organisation}" (${loaded.counts.assets} assets) into the empty store.`,
          );
        console.log(`Stapel serves ${url}  (API docs: ${url}/api/docs; store: ${store.dialect} at ${store.location})`);
      }
    });

  program
    .command('init')
    .description('create or upgrade the store (runs migrations); --demo loads the demo register')
    .option('--demo', 'load the demo register (Gemeente Voorbeeldstad)')
    .action(async (opts: { demo?: boolean }) => {
      const flags = globals();
      await withStore(flags, async (store) => {
        const loaded = opts.demo ? await loadDemo(store, 'cli:init') : undefined;
        const organisations = (await listOrganisations(store.db)).map((o) => o.id);
        if (flags.json)
          printJson({ store: store.dialect, location: store.location, organisations, demoLoaded: loaded ?? null });
        else {
          console.log(`Store ready: ${store.dialect} at ${store.location}`);
          if (loaded) console.log(`Loaded the demo register "${loaded.organisation}".`);
          console.log(`Organisations: ${organisations.join(', ') || '(none)'}`);
        }
      });
    });
}
