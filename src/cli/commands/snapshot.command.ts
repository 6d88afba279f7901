/** `stapel snapshot take|list|changes`: the risk picture frozen at a date, and what changed since. */
import type { Command } from 'commander';
import { SnapshotService } from '../../services/snapshot.service.js';
import { cliActor, resolveOrg, withStore, type GlobalFlags } from '../context.js';
import { printJson, printTable } from '../output.js';

export function snapshotCommands(program: Command, globals: () => GlobalFlags): void {
  const snapshot = program
    .command('snapshot')
    .description('freeze the analysis at a date, so reports can compare periods');
  snapshot
    .command('take')
    .description("freeze the organisation's analysis and the built-in scenarios' outcomes now")
    .option('--id <id>', 'the snapshot id (default: today’s date)')
    .option('--label <text>', 'a label, e.g. "Q4 2026"')
    .action(async (opts: { id?: string; label?: string }) => {
      const flags = globals();
      await withStore(flags, async (store) => {
        const m = await new SnapshotService(store).take(await resolveOrg(store, flags.org), {
          ...opts,
          actor: cliActor(),
        });
        if (flags.json) return printJson(m);
        console.log(
          `Snapshot ${m.id}${m.label ? ` (${m.label})` : ''} taken at ${m.takenAt}, register version ${m.registerVersion}.`,
        );
      });
    });
  snapshot
    .command('list')
    .description('snapshots, newest first')
    .action(async () => {
      const flags = globals();
      await withStore(flags, async (store) => {
        const list = await new SnapshotService(store).list(await resolveOrg(store, flags.org));
        if (flags.json) return printJson(list);
        printTable(
          ['ID', 'TAKEN', 'LABEL', 'REGISTER VERSION', 'KNOWLEDGE BASE'],
          list.map((m) => [m.id, m.takenAt, m.label ?? '', String(m.registerVersion), m.knowledgeBaseVersion]),
        );
      });
    });
  snapshot
    .command('changes <id>')
    .description('what changed since the snapshot: to a later one (--to) or to the register now')
    .option('--to <id>', 'a later snapshot')
    .action(async (id: string, opts: { to?: string }) => {
      const flags = globals();
      await withStore(flags, async (store) => {
        const r = await new SnapshotService(store).changes(await resolveOrg(store, flags.org), id, opts.to);
        if (flags.json) return printJson(r);
        const c = r.changes;
        console.log(`Since ${r.from.id}${r.to === 'now' ? '' : ` until ${r.to.id}`}:`);
        console.log(`  assets added ${c.assetsAdded.length}, removed ${c.assetsRemoved.length}`);
        console.log(`  risk levels risen ${c.risen.length}, fallen ${c.fallen.length}`);
        for (const x of c.risen.slice(0, 10)) console.log(`    ↑ ${x.name} (${x.threat}): ${x.from} → ${x.to}`);
        for (const x of c.fallen.slice(0, 10)) console.log(`    ↓ ${x.name} (${x.threat}): ${x.from} → ${x.to}`);
        console.log(
          `  became strategic ${c.becameStrategic.length}, no longer strategic ${c.noLongerStrategic.length}`,
        );
        console.log(
          `  concentration (HHI) by ultimate parent ${c.concentration.byUltimateParent.from} → ${c.concentration.byUltimateParent.to}, by country ${c.concentration.byCountry.from} → ${c.concentration.byCountry.to}`,
        );
        console.log(`  missing facts ${c.dataGaps.from} → ${c.dataGaps.to}`);
      });
    });
}
