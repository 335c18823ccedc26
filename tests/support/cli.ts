import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/allocate-from-csv.js');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built binary as a user would, with no terminal. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
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

/** The folder's entries, sorted: to see that no temp or lock file was left behind. */
export function entries(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** Builds a CSV file from rows, `\n` line ends. */
export const csvOf = (...rows: string[]) => `${rows.join('\n')}\n`;
