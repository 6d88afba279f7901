/**
 * The `stapel` command line: one program, thin commands over the services.
 */
import { Command } from 'commander';
import { STAPEL_VERSION } from '../version.js';
import { analyseCommands } from './commands/analyse.command.js';
import { backupCommands } from './commands/backup.command.js';
import { kbCommands } from './commands/kb.command.js';
import { registerCommands } from './commands/register.command.js';
import { sbomCommands } from './commands/sbom.command.js';
import { vulnCommands } from './commands/vuln.command.js';
import { snapshotCommands } from './commands/snapshot.command.js';
import { reportCommands } from './commands/report.command.js';
import { scenarioCommands } from './commands/scenario.command.js';
import { serveCommands } from './commands/serve.command.js';
import type { GlobalFlags } from './context.js';
import { reportError } from './output.js';

export function buildProgram(): Command {
  const program = new Command('stapel')
    .description("Stapel: register and analysis of an organisation's strategic digital dependencies")
    .version(STAPEL_VERSION)
    .option('--json', 'print JSON for scripts')
    .option('--org <id>', 'the organisation (default: the only one in the store)')
    .option('--data-dir <folder>', 'folder of the embedded store (env STAPEL_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'PostgreSQL connection string (env DATABASE_URL)')
    .showHelpAfterError();
  const globals = () => program.opts<GlobalFlags>();
  serveCommands(program, globals);
  registerCommands(program, globals);
  backupCommands(program, globals);
  analyseCommands(program, globals);
  kbCommands(program, globals);
  scenarioCommands(program, globals);
  sbomCommands(program, globals);
  vulnCommands(program, globals);
  snapshotCommands(program, globals);
  reportCommands(program, globals);
  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  // Output piped into `head` and the like: stop quietly when the reader goes away.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    process.exitCode = reportError(err, { json: program.opts<GlobalFlags>().json });
  }
}
