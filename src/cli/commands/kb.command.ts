/**
 * `stapel kb search|show`: browse the knowledge base with its sources (as the organisation sees it
 * when --org is given).
 */
import type { Command } from 'commander';
import { InputError } from '../../domain/index.js';
import { KB_KINDS, type KbKind } from '../../analysis/index.js';
import { KnowledgeService } from '../../services/knowledge.service.js';
import { withStore, type GlobalFlags } from '../context.js';
import { printJson, printTable } from '../output.js';

function kindOf(kind: string | undefined): KbKind | undefined {
  if (kind === undefined) return undefined;
  if ((KB_KINDS as readonly string[]).includes(kind)) return kind as KbKind;
  throw new InputError(`unknown knowledge-base kind "${kind}"; use one of ${KB_KINDS.join(', ')}`, [
    { path: ['kind'], message: 'unknown kind' },
  ]);
}

export function kbCommands(program: Command, globals: () => GlobalFlags): void {
  const kb = program
    .command('kb')
    .description('browse the knowledge base (vendors, categories, alternatives, countries, laws)');
  kb.command('search <text>')
    .description('find entries by id, name, alias or web domain')
    .option('--kind <kind>', `only ${KB_KINDS.join(', ')}`)
    .action(async (text: string, opts: { kind?: string }) => {
      const flags = globals();
      const kind = kindOf(opts.kind);
      await withStore(flags, async (store) => {
        const hits = await new KnowledgeService(store).search(text, {
          kind,
          ...(flags.org ? { orgId: flags.org } : {}),
        });
        if (flags.json) return printJson(hits);
        printTable(
          ['KIND', 'ID', 'NAME', 'WHAT'],
          hits.map((h) => [h.kind, h.id, h.name, h.detail]),
        );
      });
    });
  kb.command('show <kind> <id>')
    .description('one entry with its sources (and a vendor with its chain to the ultimate parent)')
    .action(async (kind: string, id: string) => {
      const flags = globals();
      const k = kindOf(kind)!;
      await withStore(flags, async (store) => printJson(await new KnowledgeService(store).show(k, id, flags.org)));
    });
}
