import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/allocate-from-csv.js');

export interface CliResult {
  readonly code: number | null;
  /** The signal that ended the process, if one did. */
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Preload the fault injector with this FAULT (see tests/support/faults.cjs). */
  readonly fault?: string;
  /** Run as this user id (the tests run as root, who ignores permissions). */
  readonly uid?: number;
  /** Called with the child as soon as it starts. */
  readonly started?: (child: ChildProcess) => void;
}

/** Runs the built binary as a user would, with no terminal. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const preload = options.fault ? ['--require', join(ROOT, 'tests/support/faults.cjs')] : [];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...preload, BIN, ...args], {
      env: { ...process.env, ...options.env, ...(options.fault ? { FAULT: options.fault } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
    });
    options.started?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

/** A fresh temp folder holding `files` (name to exact content). */
export function folderWith(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'allocate-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** A temp copy of `fixtures/<scenario>`. */
export function copyOfFixture(scenario: string): string {
  const dir = mkdtempSync(join(tmpdir(), `allocate-${scenario.replaceAll('/', '-')}-`));
  cpSync(join(ROOT, 'fixtures', scenario), dir, { recursive: true });
  return dir;
}

export function read(dir: string, name: string): string {
  return readFileSync(join(dir, name), 'utf8');
}

/** What a folder holds after a run that committed: its inputs and outputs, nothing else. */
export const AFTER_A_RUN = [
  'allocations.csv',
  'availability.csv',
  'batches.csv',
  'orders.csv',
  'unallocated.csv',
];

/** The folder's entries, sorted: to see that no temp or lock file was left behind. */
export function entries(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** Builds a CSV file from rows, `\n` line ends. */
export const csvOf = (...rows: string[]) => `${rows.join('\n')}\n`;

/** The book's three batches: one of sku1 in the warehouse, two of sku2 on their way. */
export const BATCHES = csvOf(
  'ref,sku,qty,eta',
  'b1,sku1,100,',
  'b2,sku2,100,2011-01-01',
  'b3,sku2,100,2011-01-02',
);

/** A small folder of each input: two batches, two order lines, one earlier allocation. */
export const FILES = {
  'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,10,', 'b2,CLOCK,10,2027-01-01'),
  'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,3', 'o2,CLOCK,4'),
  'allocations.csv': csvOf('orderid,sku,qty,batchref', 'o0,CLOCK,5,b1'),
};

/** A valid folder with room to spare: two batches of 100, two order lines, one allocation. */
export const GOOD = {
  'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,100,', 'b2,CLOCK,100,2027-01-01'),
  'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,3', 'o2,CLOCK,4'),
  'allocations.csv': csvOf('orderid,sku,qty,batchref', 'o0,CLOCK,5,b1'),
};

/** The folder's files and their contents (the lock, a folder, is left out). */
export function snapshot(dir: string) {
  const files = entries(dir).filter((name) => !name.startsWith('.'));
  return files.map((name) => [name, readFileSync(join(dir, name), 'utf8')]);
}
