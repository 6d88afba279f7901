/**
 * `stapel sbom import|diff|show|licences|search`: an asset's SBOM in, what a new one would change,
 * its quality and licences, and "which assets contain X" across the portfolio.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../domain/index.js';
import { DEFAULT_MAX_BYTES } from '../../ingest/json-text.js';
import { diffComponents, parseSbom, SbomService, type SbomDiff } from '../../services/sbom.service.js';
import { cliActor, resolveOrg, withStore, type GlobalFlags } from '../context.js';
import { printJson, printTable } from '../output.js';
import { progressBar } from '../progress.js';

/** Reads an SBOM file, refusing one over the size limit before reading a byte of it. */
function readSbomFile(file: string): string {
  const size = statSync(file).size;
  if (size > DEFAULT_MAX_BYTES)
    throw new InputError(`${file} is ${size} bytes, more than the limit of ${DEFAULT_MAX_BYTES}`, [], file);
  return readFileSync(file, 'utf8');
}

function printDiff(d: SbomDiff, limit = 20): void {
  console.log(`changes: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed version`);
  for (const c of d.added.slice(0, limit)) console.log(`  + ${c.name}${c.version ? ` ${c.version}` : ''}`);
  for (const c of d.removed.slice(0, limit)) console.log(`  - ${c.name}${c.version ? ` ${c.version}` : ''}`);
  for (const c of d.changed.slice(0, limit)) console.log(`  ~ ${c.name}: ${c.from ?? '?'} → ${c.to ?? '?'}`);
}

export function sbomCommands(program: Command, globals: () => GlobalFlags): void {
  const sbom = program
    .command('sbom')
    .description('SBOMs of assets: import, compare, quality, licences, and search components across the portfolio');
  sbom
    .command('import <asset> <file>')
    .description("import the asset's SBOM (CycloneDX JSON or XML, SPDX JSON or tag-value); replaces the previous one")
    .action(async (asset: string, file: string) => {
      const flags = globals();
      const bar = progressBar('sbom import', flags.json);
      bar.update('reading', 0, 3);
      let text = readSbomFile(file);
      bar.update('validating and writing', 1, 3);
      await withStore(flags, async (store) => {
        const orgId = await resolveOrg(store, flags.org);
        const pending = new SbomService(store).importSbom(orgId, asset, text, {
          file: basename(file),
          actor: cliActor(),
        });
        // Parsed by now (see importSbom): the text can go while the rows are written.
        text = '';
        const r = await pending.finally(() => bar.stop());
        if (flags.json) return printJson(r);
        console.log(
          `${r.assetId}: ${r.components} components and ${r.dependencies} dependencies from ${r.format} ${r.specVersion}` +
            (r.replaced ? ` (replaced ${r.replaced})` : ''),
        );
        console.log(`NTIA minimum elements: ${r.quality.score}% complete; ${r.findings} vulnerability findings`);
        printDiff(r.diff);
      });
    });
  sbom
    .command('diff <asset-or-file> <file>')
    .description(
      'what a new SBOM changes: against the asset’s stored SBOM (asset id), or between two SBOM files; writes nothing',
    )
    .action(async (first: string, file: string) => {
      const flags = globals();
      const text = readSbomFile(file);
      let isFile = false;
      try {
        isFile = statSync(first).isFile();
      } catch {
        isFile = false;
      }
      const d = isFile
        ? diffComponents(parseSbom(readSbomFile(first), first).components, parseSbom(text, file).components)
        : await withStore(flags, async (store) =>
            new SbomService(store).previewDiff(await resolveOrg(store, flags.org), first, text, basename(file)),
          );
      if (flags.json) return printJson(d);
      printDiff(d, 200);
    });
  sbom
    .command('show <asset>')
    .description("the asset's SBOM: format, author and time, NTIA minimum elements, suppliers, licences")
    .action(async (asset: string) => {
      const flags = globals();
      await withStore(flags, async (store) => {
        const d = await new SbomService(store).document(await resolveOrg(store, flags.org), asset);
        if (flags.json) return printJson(d);
        console.log(
          `${d.assetId}: ${d.format} ${d.specVersion}, ${d.components} components, imported ${d.importedAt}` +
            (d.file ? ` from ${d.file}` : ''),
        );
        console.log(`made ${d.created ?? '(no time)'} by ${d.authors.join(', ') || '(no author)'}`);
        console.log(`\nNTIA minimum elements: ${d.quality.score}% complete`);
        printTable(
          ['ELEMENT', 'COVERAGE', 'MISSING', 'NOTE'],
          d.quality.elements.map((e) => [e.id, `${Math.round(e.coverage * 100)}%`, String(e.missing), e.note]),
        );
        if (d.suppliers.length) {
          console.log('\nSuppliers (knowledge base):');
          printTable(
            ['VENDOR', 'PARENT', 'COUNTRY', 'COMPONENTS', 'MATCHED ON'],
            d.suppliers.map((s) => [
              s.vendorId,
              s.ultimateParentId,
              s.country,
              String(s.components),
              s.matchedOn[0] ?? '',
            ]),
          );
        }
        console.log('\nLicences:');
        printTable(
          ['FAMILY', 'COMPONENTS'],
          Object.entries(d.licences.byFamily).map(([f, n]) => [f, String(n)]),
        );
      });
    });
  sbom
    .command('licences')
    .description('licences of the components of one asset (--asset) or of the whole portfolio')
    .option('--asset <id>', 'one asset')
    .action(async (opts: { asset?: string }) => {
      const flags = globals();
      await withStore(flags, async (store) => {
        const s = await new SbomService(store).licences(await resolveOrg(store, flags.org), opts.asset);
        if (flags.json) return printJson(s);
        console.log(`${s.components} components, ${s.withoutLicence} without a licence statement`);
        printTable(
          ['FAMILY', 'COMPONENTS'],
          Object.entries(s.byFamily).map(([f, n]) => [f, String(n)]),
        );
        console.log('');
        printTable(
          ['LICENCE', 'COMPONENTS'],
          s.byLicence.slice(0, 30).map((l) => [l.id, String(l.components)]),
        );
        if (s.unreadable.length) {
          console.log('\nNot SPDX expressions:');
          for (const u of s.unreadable.slice(0, 20)) console.log(`  ${u.text} (${u.components})`);
        }
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
