/**
 * `stapel export` and `stapel import`: an organisation as one JSON backup (the default), and the
 * registers organisations keep elsewhere — spreadsheets, ArchiMate models, the DORA register of
 * information — in and out. Register imports show their plan with --dry-run and otherwise write all
 * of it or nothing.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { InputError, kindByName, type KindKey } from '../../domain/index.js';
import { DEFAULT_MAX_BYTES } from '../../ingest/json-text.js';
import { readBackup } from '../../ingest/backup.importer.js';
import { IMPORT_FORMATS, type ImportFormat } from '../../ingest/register-import.js';
import { BackupService } from '../../services/backup.service.js';
import { ImportService, type ImportReport } from '../../services/import.service.js';
import { cliActor, resolveOrg, withStore, type GlobalFlags } from '../context.js';
import { printJson, printTable } from '../output.js';
import { progressBar } from '../progress.js';
import { exportRegister, type ExportOptions } from './register-export.js';

interface ImportFlags {
  format?: string;
  kind?: string;
  dryRun?: boolean;
  lenient?: boolean;
}

function kindOf(name: string | undefined): KindKey | undefined {
  if (name === undefined) return undefined;
  const key = kindByName(name);
  if (!key) throw new InputError(`unknown kind "${name}"`, [{ path: ['--kind'], message: 'unknown kind' }]);
  return key;
}

export function backupCommands(program: Command, globals: () => GlobalFlags): void {
  program
    .command('export [what]')
    .description(
      'write out an organisation: "backup" (default: every record as one JSON file), "register" (CSV or XLSX in the import template), "template" (an empty template) or "dora" (the DORA register of information as an xBRL-CSV package)',
    )
    .option(
      '-o, --output <file>',
      'file to write (default: standard output; for dora: the package name in this folder)',
    )
    .option('--format <format>', 'register/template: csv or xlsx', 'xlsx')
    .option(
      '--kind <kind>',
      'register/template as CSV: which kind of record (process, party, asset, dependency, contract, exit-plan)',
    )
    .option('--lang <lang>', 'register/template: header language, nl or en', 'nl')
    .option('--ref-date <date>', 'dora: reference date YYYY-MM-DD (default: 31 December of last year)')
    .option('--individual', 'dora: an individual (IND) instead of a consolidated (CON) register')
    .option('--country <code>', "dora: country of the competent authority (default: the organisation's)")
    .option('--check', 'dora: only run the pre-flight checks and print the gap report')
    .option('--draft', 'dora: write the package even when checks find problems that block filing')
    .action(async (what: string | undefined, opts: ExportOptions & { output?: string }) => {
      const flags = globals();
      if (what && what !== 'backup') return exportRegister(what, opts, flags);
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
    .description(
      'import a file: a JSON backup as a new organisation, or a register (csv, xlsx, archimate, dora) into an organisation — all or nothing',
    )
    .option('--format <format>', `backup, ${IMPORT_FORMATS.join(', ')} (default: from the file)`)
    .option('--kind <kind>', 'csv: the kind of record the file holds, when its headers do not say')
    .option('--dry-run', 'show per row what would be created, changed or rejected, and write nothing')
    .option('--lenient', 'dora: take in what can be mapped from a package whose templates refer to each other wrongly')
    .action(async (file: string, opts: ImportFlags) => {
      const flags = globals();
      const size = statSync(file).size;
      if (size > DEFAULT_MAX_BYTES)
        throw new InputError(`${file} is ${size} bytes, more than the limit of ${DEFAULT_MAX_BYTES}`, [], file);
      const format = opts.format ?? (/\.json$/i.test(file) ? 'backup' : undefined);
      if (format === 'backup') return importBackup(file, flags);
      if (format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(format))
        throw new InputError(`unknown format "${format}"; use backup, ${IMPORT_FORMATS.join(', ')}`, [
          { path: ['--format'], message: 'unknown format' },
        ]);
      const bar = progressBar('import', flags.json);
      try {
        bar.update('reading', 0, 2);
        const bytes = readFileSync(file);
        const report = await withStore(flags, async (store) => {
          const org = await resolveOrg(store, flags.org);
          const service = new ImportService(store);
          const options = {
            name: file,
            format: format as ImportFormat | undefined,
            kind: kindOf(opts.kind),
            lenient: opts.lenient,
          };
          bar.update(opts.dryRun ? 'planning' : 'importing', 1, 2);
          return opts.dryRun
            ? service.plan(org, bytes, options)
            : service.commit(org, bytes, { ...options, actor: cliActor() });
        });
        bar.update('done', 2, 2);
        bar.stop();
        if (flags.json) printJson(report);
        else printPlan(report, file);
      } finally {
        bar.stop();
      }
    });
}

async function importBackup(file: string, flags: GlobalFlags): Promise<void> {
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
}

const describe = (r: ImportReport['rows'][number]): string => {
  if (r.action === 'reject') return r.reasons.join('; ');
  const parts: string[] = [];
  if (r.action === 'update') parts.push(`changes ${r.changes.map((c) => c.field).join(', ')}`);
  for (const m of r.matches)
    if (m.how === 'knowledge-base')
      parts.push(`${m.field} "${m.text}" → knowledge base ${m.vendor} (${m.matchedOn}, confidence ${m.confidence})`);
    else if (m.how === 'new') parts.push(`${m.field} "${m.text}" → new ${m.kind}`);
  if (r.added) parts.push('added for a name in the file');
  for (const i of r.inferred) parts.push(`${i.field} inferred (${i.rule})`);
  return parts.join('; ');
};

/** Prints the plan; locations name the file as its base name, so the line number stays in view. */
function printPlan(report: ImportReport, file: string): void {
  const where = (location: string) =>
    location.startsWith(file) ? basename(file) + location.slice(file.length) : location;
  printTable(
    ['where', 'kind', 'id', 'name', 'action', 'details'],
    report.rows.map((r) => [where(r.location), r.kind, r.id, r.name, r.action, describe(r)]),
    { keepEnd: [0] },
  );
  for (const u of report.unmapped)
    console.log(
      `not mapped: ${u.count} × ${u.what} (${u.reason})${u.examples.length ? `, e.g. ${u.examples.join(', ')}` : ''}`,
    );
  for (const n of report.notes) console.log(`note: ${n}`);
  for (const o of report.organisation) console.log(`organisation: ${o.field} → ${String(o.after)}`);
  const c = report.counts;
  const [created, changed] = report.committed ? ['created', 'changed'] : ['to create', 'to change'];
  console.log(
    `${report.committed ? 'Imported' : 'Dry run, nothing written'}: ${c.create} ${created}, ${c.update} ${changed}, ${c.unchanged} unchanged, ${c.reject} rejected.`,
  );
}
