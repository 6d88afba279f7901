/**
 * `stapel export` writes an organisation as one JSON backup; `stapel import` reads one back into
 * the store, all or nothing, with a progress bar for large files.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../domain/index.js';
import { DEFAULT_MAX_BYTES } from '../../ingest/json-text.js';
import { readBackup } from '../../ingest/backup.importer.js';
import { BackupService } from '../../services/backup.service.js';
import { cliActor, resolveOrg, withStore, type GlobalFlags } from '../context.js';
import { printJson } from '../output.js';
import { progressBar } from '../progress.js';

export function backupCommands(program: Command, globals: () => GlobalFlags): void {
  program
    .command('export')
    .description('write an organisation with all its records as one JSON backup file')
    .option('-o, --output <file>', 'file to write (default: standard output)')
    .action(async (opts: { output?: string }) => {
      const flags = globals();
      await withStore(flags, async (store) => {
        const doc = await new BackupService(store).exportOrganisation(await resolveOrg(store, flags.org));
        const text = JSON.stringify(doc, null, 2) + '\n';
        if (!opts.output) return void process.stdout.write(text);
        writeFileSync(opts.output, text);
        if (flags.json)
          printJson({ file: opts.output, organisation: doc.organisation.id, bytes: Buffer.byteLength(text) });
        else console.error(`Wrote organisation "${doc.organisation.id}" to ${opts.output}.`);
      });
    });

  program
    .command('import <file>')
    .description('import a JSON backup file as a new organisation (all or nothing)')
    .action(async (file: string) => {
      const flags = globals();
      const size = statSync(file).size;
      if (size > DEFAULT_MAX_BYTES)
        throw new InputError(`${file} is ${size} bytes, more than the limit of ${DEFAULT_MAX_BYTES}`, [], file);
      const bar = progressBar('import', flags.json);
      bar.update('reading', 0, 3);
      try {
        const backup = readBackup(readFileSync(file, 'utf8'), file);
        bar.update('writing', 1, 3);
        const summary = await withStore(flags, (store) =>
          new BackupService(store).importBackup(backup, { actor: cliActor(), source: file }),
        );
        bar.update('done', 3, 3);
        bar.stop();
        if (flags.json) printJson(summary);
        else
          console.log(
            `Imported organisation "${summary.organisation}": ${Object.entries(summary.counts)
              .map(([k, n]) => `${n} ${k}`)
              .join(', ')}.`,
          );
      } finally {
        bar.stop();
      }
    });
}
