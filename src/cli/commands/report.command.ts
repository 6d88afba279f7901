/** `stapel report`: the digital-autonomy report for the board, as Markdown, HTML or PDF. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ReportService } from '../../services/report.service.js';
import { resolveOrg, withStore, type GlobalFlags } from '../context.js';

export function reportCommands(program: Command, globals: () => GlobalFlags): void {
  program
    .command('report')
    .description('the digital-autonomy report for the board')
    .option('--format <format>', 'md, html, pdf (needs Chromium) or xlsx (the register, risks and findings)', 'md')
    .option('--lang <lang>', 'nl or en', 'nl')
    .option('--since <snapshot>', 'compare with an earlier snapshot')
    .option('-o, --output <file>', 'file to write (default: standard output)')
    .action(async (opts: { format: string; lang: string; since?: string; output?: string }) => {
      const flags = globals();
      await withStore(flags, async (store) => {
        const out = await new ReportService(store).render(await resolveOrg(store, flags.org), opts);
        if (opts.output) writeFileSync(opts.output, out);
        else process.stdout.write(out);
      });
    });
}
