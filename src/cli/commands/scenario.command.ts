/**
 * `stapel scenario list|run|save`: cut-off scenarios — what stops if a supplier, a country, a
 * product or a component fails, and when it is back.
 */
import type { Command } from 'commander';
import { InputError, LIBRARY_PREFIX } from '../../domain/index.js';
import { summariseScenario } from '../../analysis/index.js';
import { RegisterService } from '../../services/register.service.js';
import { ScenarioService, type RunRequest } from '../../services/scenario.service.js';
import { cliActor, resolveOrg, withStore, type GlobalFlags } from '../context.js';
import { printJson, printTable } from '../output.js';
import { readInput } from './register.command.js';

export function scenarioCommands(program: Command, globals: () => GlobalFlags): void {
  const scenario = program
    .command('scenario')
    .description('cut-off scenarios: if a supplier, a country or a component fails, what stops?');

  scenario
    .command('list')
    .description('saved scenarios of the organisation and the built-in ones from real events')
    .action(async () => {
      const flags = globals();
      await withStore(flags, async (store) => {
        const { saved, library } = await new ScenarioService(store).list(await resolveOrg(store, flags.org));
        if (flags.json) return printJson({ saved, library });
        printTable(
          ['ID', 'NAME', 'CUTS', 'FROM'],
          [
            ...saved.map((s) => [s.id, s.name, s.cuts.map((c) => c.kind).join(', '), s.basedOn ?? 'saved']),
            ...library.map((s) => [
              `${LIBRARY_PREFIX}${s.id}`,
              s.name.en,
              s.cuts.map((c) => c.kind).join(', '),
              `${s.event.title} (${s.event.date})`,
            ]),
          ],
        );
      });
    });

  scenario
    .command('run [scenario]')
    .description('run a saved scenario (id), a built-in one ("library:<id>"), or one given with --data/--file')
    .option('--data <json>', 'the scenario inline, as JSON')
    .option('--file <path>', 'the scenario from a JSON file')
    .option(
      '--compare <measures>',
      'compare with the register after "planned" measures, or measure ids (comma-separated)',
    )
    .option('--effects <json>', 'compare after these effects (JSON list of exit-plan, redundancy or switch effects)')
    .action(
      async (ref: string | undefined, opts: { data?: string; file?: string; compare?: string; effects?: string }) => {
        const flags = globals();
        const request: RunRequest = {
          scenario: ref ?? (readInput(opts) as RunRequest['scenario']),
          ...(opts.compare || opts.effects
            ? {
                compare: {
                  ...(opts.compare
                    ? { measures: opts.compare === 'planned' ? ('planned' as const) : opts.compare.split(',') }
                    : {}),
                  ...(opts.effects ? { effects: readInput({ data: opts.effects }) as never } : {}),
                },
              }
            : {}),
        };
        await withStore(flags, async (store) => {
          const run = await new ScenarioService(store).run(await resolveOrg(store, flags.org), request);
          if (flags.json) return printJson(run);
          console.log(summariseScenario(run.result, run.comparison));
        });
      },
    );

  scenario
    .command('save')
    .description('save a scenario for the organisation, from --data/--file, or a copy of a built-in one (--from)')
    .option('--data <json>', 'the scenario as JSON')
    .option('--file <path>', 'the scenario from a JSON file')
    .option('--from <library>', 'copy a built-in scenario ("library:<id>")')
    .option('--id <id>', 'the id to save it under')
    .action(async (opts: { data?: string; file?: string; from?: string; id?: string }) => {
      const flags = globals();
      await withStore(flags, async (store) => {
        const org = await resolveOrg(store, flags.org);
        let input: Record<string, unknown>;
        if (opts.from) {
          const id = opts.from.replace(LIBRARY_PREFIX, '');
          const found = new ScenarioService(store).library().find((s) => s.id === id);
          if (!found)
            throw new InputError(`no built-in scenario "${opts.from}"`, [{ path: ['--from'], message: 'unknown' }]);
          input = {
            name: found.name.nl,
            description: found.description.nl,
            cuts: found.cuts,
            ...(found.durationHours !== undefined ? { durationHours: found.durationHours } : {}),
            basedOn: `${LIBRARY_PREFIX}${found.id}`,
          };
        } else input = readInput(opts) as Record<string, unknown>;
        if (opts.id) input = { ...input, id: opts.id };

        const saved = await new RegisterService(store).create('scenario', org, input, { actor: cliActor() });
        if (flags.json) return printJson(saved);
        console.log(`saved scenario ${saved.id}: ${saved.name}`);
      });
    });
}
