import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import * as z from 'zod/mini';
import { formatProblem } from '../errors.js';
import { allocateFolder } from './allocate-folder.js';
import { EXIT, LISTED, reportError } from './exit-codes.js';
import { type Progress, progressBar } from './progress.js';
import { printSummary } from './summary.js';

/** Where the program writes: the process's streams, or a test's buffers. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Draws the progress bar; a test's Io has none. */
  readonly progress?: (quiet: boolean) => Progress;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  progress: (quiet) => progressBar(process.stderr, { quiet, env: process.env }),
};

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

function program(io: Io): Command {
  return new Command('allocate-from-csv')
    .description('Allocate every order line in a folder of CSV files to a batch of stock.')
    .argument('<folder>', 'folder holding batches.csv, orders.csv and allocations.csv')
    .option('--dry-run', 'do everything but write; same exit code as a real run', false)
    .option('--json', 'print the summary as one JSON object on stdout', false)
    .option('--quiet', 'no summary on stderr (errors still print)', false)
    .option('--events <file>', "append the run's domain events to this file as JSON lines")
    .addOption(
      new Option('--wait <seconds>', 'how long to wait for another run on the folder')
        .argParser(seconds)
        .default(10),
    )
    .version(version, '-V, --version')
    .showHelpAfterError('(run allocate-from-csv --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
}

/** The command-line program: returns the exit code, never exits the process itself. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const cli = program(io);
    await cli.parseAsync([...argv], { from: 'user' });
    const folder = cli.args[0] ?? '';
    const options = cli.opts<{
      dryRun: boolean;
      json: boolean;
      quiet: boolean;
      wait: number;
      events?: string;
    }>();
    let warnings = 0;
    const summary = await allocateFolder(folder, {
      dryRun: options.dryRun,
      waitSeconds: options.wait,
      events: options.events,
      progress: io.progress?.(options.quiet || options.json),
      onWarning: (warning) => {
        warnings += 1;
        if (!options.quiet && warnings <= LISTED) io.stderr(`warning: ${formatProblem(warning)}\n`);
      },
      logError: (message, error) => io.stderr(`allocate-from-csv: ${message}: ${String(error)}\n`),
    });
    if (!options.quiet && warnings > LISTED) {
      io.stderr(`warning: ... and ${warnings - LISTED} more warnings\n`);
    }
    const unallocated = summary.unallocated.outOfStock + summary.unallocated.unknownSku;
    const code = unallocated > 0 ? EXIT.someUnallocated : EXIT.allAllocated;
    if (options.json) io.stdout(`${JSON.stringify({ ...summary, exitCode: code })}\n`);
    if (!options.quiet) printSummary(summary, io.stderr);
    return code;
  } catch (error) {
    return reportError(error, io.stderr);
  }
}
