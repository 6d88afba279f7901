/**
 * `stapel export register|template|dora`: the register as spreadsheets, the empty templates, and the
 * DORA register of information with its pre-flight checks and gap report.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, kindByName, type KindKey } from '../../domain/index.js';
import type { GapReport } from '../../ingest/dora/gap-report.js';
import { DoraService } from '../../services/dora.service.js';
import { SpreadsheetService, type SheetLang } from '../../services/spreadsheet.service.js';
import { resolveOrg, withStore, type GlobalFlags } from '../context.js';
import { printJson, printTable } from '../output.js';
import { progressBar } from '../progress.js';

export interface ExportOptions {
  format: string;
  kind?: string;
  lang: string;
  refDate?: string;
  individual?: boolean;
  country?: string;
  check?: boolean;
  draft?: boolean;
  output?: string;
}

function lang(value: string): SheetLang {
  if (value === 'nl' || value === 'en') return value;
  throw new InputError(`unknown language "${value}"; use nl or en`, [{ path: ['--lang'], message: 'nl or en' }]);
}

function kind(value: string | undefined): KindKey | undefined {
  if (value === undefined) return undefined;
  const key = kindByName(value);
  if (!key) throw new InputError(`unknown kind "${value}"`, [{ path: ['--kind'], message: 'unknown kind' }]);
  return key;
}

function emit(data: string | Buffer, output: string | undefined, what: string, json: boolean | undefined): void {
  if (!output) return void process.stdout.write(data);
  writeFileSync(output, data);
  if (json) printJson({ file: output, bytes: Buffer.byteLength(data) });
  else console.error(`Wrote ${what} to ${output}.`);
}

export async function exportRegister(what: string, opts: ExportOptions, flags: GlobalFlags): Promise<void> {
  if (opts.format !== 'csv' && opts.format !== 'xlsx')
    throw new InputError(`unknown format "${opts.format}"; use csv or xlsx`, [
      { path: ['--format'], message: 'csv or xlsx' },
    ]);
  if (what === 'template') {
    const data =
      opts.format === 'csv'
        ? SpreadsheetService.templateCsv(kind(opts.kind), lang(opts.lang))
        : await SpreadsheetService.templateXlsx(lang(opts.lang));
    return emit(data, opts.output, 'the template', flags.json);
  }
  if (what === 'register')
    return withStore(flags, async (store) => {
      const org = await resolveOrg(store, flags.org);
      const sheets = new SpreadsheetService(store);
      const data =
        opts.format === 'csv'
          ? await sheets.csv(org, kind(opts.kind), lang(opts.lang))
          : await sheets.xlsx(org, lang(opts.lang));
      emit(data, opts.output, `the register of "${org}"`, flags.json);
    });
  if (what === 'dora') return exportDora(opts, flags);
  throw new InputError(`unknown export "${what}"; use backup, register, template or dora`, [
    { path: ['what'], message: 'unknown export' },
  ]);
}

async function exportDora(opts: ExportOptions, flags: GlobalFlags): Promise<void> {
  const bar = progressBar('dora', flags.json);
  try {
    await withStore(flags, async (store) => {
      const org = await resolveOrg(store, flags.org);
      const service = new DoraService(store);
      const options = {
        ...(opts.refDate ? { refPeriod: opts.refDate } : {}),
        consolidation: opts.individual ? ('IND' as const) : ('CON' as const),
        ...(opts.country ? { country: opts.country } : {}),
      };
      bar.update('checking', 0, 2);
      if (opts.check) {
        const check = await service.check(org, options);
        bar.stop();
        if (flags.json) printJson({ gap: check.gap, issues: check.issues });
        else printGap(check.gap);
        return;
      }
      const { name, bytes, check } = await service.export(org, { ...options, draft: opts.draft });
      bar.update('written', 2, 2);
      bar.stop();
      const file =
        opts.output && !opts.output.endsWith('.zip')
          ? join(opts.output, `${name}.zip`)
          : (opts.output ?? `${name}.zip`);
      writeFileSync(file, bytes);
      if (flags.json) printJson({ file, package: name, bytes: bytes.length, gap: check.gap });
      else {
        printGap(check.gap);
        console.error(`Wrote ${file}.`);
      }
    });
  } finally {
    bar.stop();
  }
}

function printGap(gap: GapReport): void {
  printTable(
    ['template', 'rows', 'filled', 'inferred', 'missing', 'blocking'],
    gap.templates.map((t) => [t.template, t.rows, t.filled, t.inferred, t.missing, t.blocking.length]),
  );
  const blocking = gap.templates.flatMap((t) => t.blocking);
  for (const b of blocking.slice(0, 40))
    console.log(`blocks filing: ${b.template} ${b.column} ${b.label ?? ''} — ${b.message}`);
  if (blocking.length > 40) console.log(`… and ${blocking.length - 40} more`);
  console.log(
    gap.readyToFile
      ? 'Ready to file: no blocking problems.'
      : `Not ready to file: ${blocking.length} blocking problems.`,
  );
}
