/**
 * `stapel list|show|add` for organisations and every record kind.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError, KIND_ORDER, KINDS, kindByName, type KindKey } from '../../domain/index.js';
import { parseJsonText } from '../../ingest/json-text.js';
import { enrichingRegister } from '../../services/enrichment.service.js';
import { RegisterService } from '../../services/register.service.js';
import { cliActor, resolveOrg, withStore, type GlobalFlags } from '../context.js';
import { printJson, printTable } from '../output.js';

const ORG_NAMES = ['org', 'orgs', 'organisation', 'organisations', 'organization', 'organizations'];
const kindList = () => ['orgs', ...KIND_ORDER.map((k) => KINDS[k].plural)].join(', ');

function kindOf(name: string): KindKey | 'organisation' {
  if (ORG_NAMES.includes(name)) return 'organisation';
  const key = kindByName(name);
  if (!key)
    throw new InputError(`unknown kind "${name}"; use one of ${kindList()}`, [
      { path: ['kind'], message: 'unknown kind' },
    ]);
  return key;
}

/** Reads the record to add from --data, --file or standard input. */
export function readInput(opts: { data?: string; file?: string }): unknown {
  if (opts.data !== undefined) return parseJsonText(opts.data, { file: '--data' });
  if (opts.file !== undefined) return parseJsonText(readFileSync(opts.file, 'utf8'), { file: opts.file });
  if (!process.stdin.isTTY) return parseJsonText(readFileSync(0, 'utf8'), { file: 'standard input' });
  throw new InputError('give the record as JSON with --data, --file or on standard input', [
    { path: ['--data'], message: 'required' },
  ]);
}

function summaryRow(key: KindKey, r: Record<string, unknown>): (string | undefined)[] {
  const layers = Array.isArray(r.layers) ? (r.layers as string[]).join(',') : undefined;
  switch (key) {
    case 'dependency':
      return [
        String(r.id),
        `${String(r.from)} → ${String(r.to)}`,
        String(r.relation),
        r.redundancyGroup as string | undefined,
      ];
    case 'component':
      return [String(r.id), String(r.name), r.version as string | undefined, r.purl as string | undefined];
    default:
      return [
        String(r.id),
        String(r.name),
        (r.type ?? r.kind ?? r.strategy ?? r.status ?? r.category) as string | undefined,
        layers ?? (r.country as string | undefined),
      ];
  }
}
const HEADERS: Partial<Record<KindKey, string[]>> = {
  dependency: ['ID', 'FROM → TO', 'RELATION', 'GROUP'],
  component: ['ID', 'NAME', 'VERSION', 'PURL'],
};

export function registerCommands(program: Command, globals: () => GlobalFlags): void {
  program
    .command('list <kind>')
    .description(`list organisations or records (${kindList()})`)
    .option('--layer <layer>', 'only this stack layer')
    .option('--priority <priority>', 'only this DOSA policy priority')
    .option('--type <type>', 'only this type')
    .option('-q, --query <text>', 'text in name or description')
    .option('--limit <n>', 'at most this many (default all)')
    .action(
      async (
        kind: string,
        opts: { layer?: string; priority?: string; type?: string; query?: string; limit?: string },
      ) => {
        const flags = globals();
        const key = kindOf(kind);
        await withStore(flags, async (store) => {
          const register = new RegisterService(store);
          if (key === 'organisation') {
            const orgs = await register.listOrganisations();
            if (flags.json) return printJson(orgs);
            return printTable(
              ['ID', 'NAME', 'KIND', 'COUNTRY'],
              orgs.map((o) => [o.id, o.name, o.kind, o.country]),
            );
          }
          const orgId = await resolveOrg(store, flags.org);
          const max = opts.limit ? Number(opts.limit) : Infinity;
          if (!(max > 0))
            throw new InputError('--limit must be a positive number', [
              { path: ['--limit'], message: 'not a positive number' },
            ]);
          const items: Record<string, unknown>[] = [];
          let cursor: string | undefined;
          do {
            const page = await register.list(key, orgId, {
              layer: opts.layer,
              priority: opts.priority,
              type: opts.type,
              q: opts.query,
              cursor,
              limit: 500,
            });
            items.push(...(page.items as unknown as Record<string, unknown>[]));
            cursor = page.nextCursor;
          } while (cursor && items.length < max);
          if (items.length > max) items.length = max;
          if (flags.json) return printJson(items);
          printTable(
            HEADERS[key] ?? ['ID', 'NAME', 'TYPE', 'LAYERS'],
            items.map((r) => summaryRow(key, r)),
          );
        });
      },
    );

  program
    .command('show <kind> <id>')
    .description('show one organisation or record in full')
    .action(async (kind: string, id: string) => {
      const flags = globals();
      const key = kindOf(kind);
      await withStore(flags, async (store) => {
        const register = new RegisterService(store);
        if (key === 'organisation') {
          const org = await register.getOrganisation(id);
          return printJson({ ...org, counts: await register.counts(id) });
        }
        printJson(await register.get(key, await resolveOrg(store, flags.org), id));
      });
    });

  program
    .command('add <kind>')
    .description('add an organisation or record, given as JSON (--data, --file or standard input)')
    .option('--data <json>', 'the record as JSON')
    .option('--file <path>', 'a file holding the record as JSON')
    .action(async (kind: string, opts: { data?: string; file?: string }) => {
      const flags = globals();
      const key = kindOf(kind);
      const input = readInput(opts);
      await withStore(flags, async (store) => {
        const register = enrichingRegister(store);
        const created =
          key === 'organisation'
            ? await register.createOrganisation(input, { actor: cliActor() })
            : await register.create(key, await resolveOrg(store, flags.org), input, { actor: cliActor() });
        if (flags.json) printJson(created);
        else console.log(`Added ${key === 'organisation' ? 'organisation' : KINDS[key].kind} "${created.id}".`);
      });
    });
}
