/** `stapel sbom import|search`: an asset's SBOM in, and "which assets contain X" out. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { SbomService } from '../../services/sbom.service.js';
import { cliActor, resolveOrg, withStore, type GlobalFlags } from '../context.js';
import { printJson, printTable } from '../output.js';

export function sbomCommands(program: Command, globals: () => GlobalFlags): void {
  const sbom = program
    .command('sbom')
    .description('SBOMs of assets: import, and search components across the portfolio');
  sbom
    .command('import <asset> <file>')
    .description("import the asset's SBOM (CycloneDX JSON, SPDX JSON or tag-value); replaces the previous one")
    .action(async (asset: string, file: string) => {
      const flags = globals();
      const text = readFileSync(file, 'utf8');
      await withStore(flags, async (store) => {
        const r = await new SbomService(store).importSbom(await resolveOrg(store, flags.org), asset, text, {
          file: basename(file),
          actor: cliActor(),
        });
        if (flags.json) return printJson(r);
        console.log(
          `${r.assetId}: ${r.components} components and ${r.dependencies} dependencies from ${r.format} ${r.specVersion}` +
            (r.replaced ? ` (replaced ${r.replaced})` : ''),
        );
        const d = r.diff;
        console.log(
          `changes: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed version`,
        );
        for (const c of d.changed.slice(0, 20)) console.log(`  ~ ${c.name}: ${c.from ?? '?'} → ${c.to ?? '?'}`);
      });
    });
  sbom
    .command('search')
    .description('which assets, and which processes, contain a component')
    .option('--purl <purl>', 'package URL; without a version: any version')
    .option('--name <name>', 'component name')
    .option('--range <range>', 'semver range of versions, e.g. ">=2.0.0-beta9 <2.15.0"')
    .action(async (opts: { purl?: string; name?: string; range?: string }) => {
      const flags = globals();
      await withStore(flags, async (store) => {
        const hits = await new SbomService(store).search(await resolveOrg(store, flags.org), opts);
        if (flags.json) return printJson(hits);
        printTable(
          ['ASSET', 'COMPONENT', 'VERSION', 'PROCESSES'],
          hits.map((h) => [h.assetId, h.component.name, h.component.version ?? '?', h.processes.join(', ')]),
        );
      });
    });
}
