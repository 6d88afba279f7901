/**
 * `stapel vuln sync|import|list`: vulnerability records from the OSV API or an offline OSV dump,
 * and the findings on the organisation's components.
 */
import type { Command } from 'commander';
import { resolveConfig } from '../../config.js';
import { OsvClient } from '../../ingest/osv/osv-client.js';
import { VulnService } from '../../services/vuln.service.js';
import { resolveOrg, withStore, type GlobalFlags } from '../context.js';
import { printJson, printTable } from '../output.js';
import { progressBar } from '../progress.js';

export function vulnCommands(program: Command, globals: () => GlobalFlags): void {
  const vuln = program.command('vuln').description('known vulnerabilities (OSV) of the components in the register');
  vuln
    .command('sync')
    .description('ask the OSV API about every component version of the organisation, then re-make its findings')
    .option('--osv-url <url>', 'OSV API (env STAPEL_OSV_URL, default https://api.osv.dev)')
    .action(async (opts: { osvUrl?: string }) => {
      const flags = { ...globals(), ...opts };
      const config = resolveConfig(flags);
      const bar = progressBar('osv', flags.json);
      try {
        const r = await withStore(flags, async (store) =>
          new VulnService(store).sync(await resolveOrg(store, flags.org), {
            client: new OsvClient({ baseUrl: config.osvUrl }),
            onProgress: (step, done, total) => bar.update(step, done, total),
          }),
        );
        bar.stop();
        if (flags.json) return printJson(r);
        console.log(
          `Asked about ${r.queried} package versions: ${r.vulnerabilities} vulnerabilities named, ${r.fetched} records fetched.`,
        );
        console.log(
          `${r.findings} findings on ${r.assetsAffected} assets` +
            (r.notEvaluated ? `; ${r.notEvaluated} component checks could not be evaluated` : '') +
            '.',
        );
      } finally {
        bar.stop();
      }
    });
  vuln
    .command('import <dump>')
    .description('import an offline OSV dump (all.zip, a folder of records, or one record) and re-make findings')
    .action(async (dump: string) => {
      const flags = globals();
      const bar = progressBar('osv import', flags.json);
      try {
        const r = await withStore(flags, async (store) =>
          new VulnService(store).importDump(dump, {
            ...(flags.org ? { orgId: flags.org } : {}),
            onProgress: (step, done, total) => bar.update(step, done, total),
          }),
        );
        bar.stop();
        if (flags.json) return printJson(r);
        console.log(`Imported ${r.records} OSV records (${r.withdrawn} withdrawn) naming ${r.packages} packages.`);
      } finally {
        bar.stop();
      }
    });
  vuln
    .command('list')
    .description('components affected by known vulnerabilities, per asset')
    .option('--asset <id>', 'one asset')
    .action(async (opts: { asset?: string }) => {
      const flags = globals();
      await withStore(flags, async (store) => {
        const list = await new VulnService(store).findings(await resolveOrg(store, flags.org), opts.asset);
        if (flags.json) return printJson(list);
        printTable(
          ['ASSET', 'COMPONENT', 'VERSION', 'VULNERABILITY', 'ALIASES', 'SUMMARY'],
          list.map((f) => [
            f.assetId,
            f.component.name,
            f.component.version ?? '?',
            f.vulnerability.id,
            f.vulnerability.aliases.join(' '),
            (f.vulnerability.summary ?? '').slice(0, 60),
          ]),
        );
      });
    });
}
