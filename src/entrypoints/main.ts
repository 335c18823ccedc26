import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import * as z from 'zod/mini';
import { InFlight } from '../bootstrap.js';
import { formatProblem, type InputProblem } from '../errors.js';
import { allocateFolder } from './allocate-folder.js';
import { EXIT, EXIT_MEANINGS, LISTED, reportError } from './exit-codes.js';
import { type Io, processIo } from './io.js';
import type { Summary } from './run-report.js';
import { stoppable } from './signals.js';
import { printSummary } from './summary.js';

export { readyToExit } from './ready-to-exit.js';

const { version } = z
  .object({ version: z.string() })
  .parse(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')));

function seconds(value: string): number {
  const parsed = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(parsed)) {
    throw new InvalidArgumentError('expected a number of seconds, such as 10 or 0.5');
  }
  return parsed;
}

const HELP_AFTER = [
  '',
  'Reads batches.csv, orders.csv and allocations.csv (if there) in <folder>, then writes',
  'allocations.csv, unallocated.csv and availability.csv there, all at once.',
  '',
  'Exit codes:',
  ...EXIT_MEANINGS.map(([code, meaning]) => `  ${String(code).padEnd(4)}${meaning}`),
  'Stopped by Ctrl-C or kill before it commits, a run ends by that signal, nothing written.',
].join('\n');

function program(io: Io): Command {
  return new Command('allocate-from-csv')
    .description('Allocate every order line in a folder of CSV files to a batch of stock.')
    .argument('<folder>', 'folder holding batches.csv, orders.csv and allocations.csv')
    .option('--dry-run', 'do everything but write; same exit code as a real run')
    .option('--json', 'print the summary as one JSON object on stdout')
    .option('--quiet', 'no summary on stderr (errors still print)')
    .option('--events <file>', "append the run's domain events to this file as JSON lines")
    .addOption(
      new Option('--wait <seconds>', 'how long to wait for another run on the folder')
        .argParser(seconds)
        .default(10),
    )
    .version(version, '-V, --version')
    .addHelpText('after', HELP_AFTER)
    .showHelpAfterError('(run allocate-from-csv --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
}

/** The options the program takes, as commander gives them. */
interface CliOptions {
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly quiet: boolean;
  readonly wait: number;
  readonly events?: string;
}

/**
 * The command-line program: returns the exit code. It never exits the process itself, but for a
 * signal that stops a run before its commit (see signals.ts).
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const cli = program(io);
    await cli.parseAsync([...argv], { from: 'user' });
    const given = cli.opts<Partial<CliOptions> & Pick<CliOptions, 'wait'>>();
    const options: CliOptions = { dryRun: false, json: false, quiet: false, ...given };
    const warnings = new WarningList(options.quiet, io);
    const summary = await stoppableRun(cli.args[0] ?? '', options, io, warnings.tell);
    warnings.end();
    return report(summary, options, io);
  } catch (error) {
    return reportError(error, io.stderr);
  }
}

/** The run over `folder`; a signal stops it cleanly, the progress bar put away first. */
function stoppableRun(
  folder: string,
  options: CliOptions,
  io: Io,
  onWarning: (warning: InputProblem) => void,
): Promise<Summary> {
  const progress = io.progress?.(options.quiet || options.json);
  const inFlight = new InFlight();
  const tell = (text: string) => {
    progress?.stop();
    io.stderr(text);
  };
  return stoppable(inFlight, tell, () =>
    allocateFolder(folder, {
      dryRun: options.dryRun,
      waitSeconds: options.wait,
      events: options.events,
      progress,
      inFlight,
      onWarning,
      logError: (message, error) => io.stderr(`allocate-from-csv: ${message}: ${String(error)}\n`),
    }),
  );
}

/** Lists the first warnings on stderr as they come, then how many more there were. */
class WarningList {
  #count = 0;

  constructor(
    private readonly quiet: boolean,
    private readonly io: Io,
  ) {}

  readonly tell = (warning: InputProblem): void => {
    this.#count += 1;
    if (!this.quiet && this.#count <= LISTED) {
      this.io.stderr(`warning: ${formatProblem(warning)}\n`);
    }
  };

  end(): void {
    if (!this.quiet && this.#count > LISTED) {
      this.io.stderr(`warning: ... and ${this.#count - LISTED} more warnings\n`);
    }
  }
}

/** Prints the summary as asked, and gives the run's exit code. */
function report(summary: Summary, options: CliOptions, io: Io): number {
  const unallocated = summary.unallocated.outOfStock + summary.unallocated.unknownSku;
  const code = unallocated > 0 ? EXIT.someUnallocated : EXIT.allAllocated;
  if (options.json) io.stdout(`${JSON.stringify({ ...summary, exitCode: code })}\n`);
  if (!options.quiet) printSummary(summary, io.stderr);
  return code;
}
