// npm run bench: runs the real CLI on generated folders of 10k, 100k and 1M order lines, fresh
// and re-run (an allocations.csv of half the size already there), beside the I/O floor measured
// in the same run (tests/bench/floor.mjs), and checks the CLI's outputs. It prints figures; it
// asserts nothing about time. Sizes can be chosen: node tests/bench/bench.mjs 10000 100000
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { generateFolder } from './generate.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/allocate-from-csv.js');
const FLOOR = join(ROOT, 'tests/bench/floor.mjs');
const SIZES = process.argv.slice(2).map(Number);
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs `node args`, returning wall seconds and peak RSS in MB (GNU time, or /proc polling). */
function measure(args, env = {}) {
  return new Promise((done) => {
    const started = performance.now();
    const command = GNU_TIME
      ? [GNU_TIME, '-f', 'maxrss=%M', process.execPath, ...args]
      : [process.execPath, ...args];
    const child = spawn(command[0], command.slice(1), {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    let polled = 0;
    const poll = GNU_TIME
      ? undefined
      : setInterval(() => (polled = Math.max(polled, hwm(child.pid))), 20);
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      clearInterval(poll);
      const seconds = (performance.now() - started) / 1000;
      const kb = Number(/maxrss=(\d+)/.exec(stderr)?.[1] ?? polled);
      done({ code, seconds, rssMb: kb / 1024, stdout, stderr });
    });
  });
}

function hwm(pid) {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** No batch over-allocated; every order line allocated once or reported unallocated. */
function check(dir) {
  const rows = (name) => parse(readFileSync(join(dir, name))).slice(1);
  const capacity = new Map(rows('batches.csv').map(([ref, , qty]) => [ref, Number(qty)]));
  const used = new Map();
  const allocated = new Set();
  for (const [orderid, sku, qty, ref] of rows('allocations.csv')) {
    used.set(ref, (used.get(ref) ?? 0) + Number(qty));
    const key = `${orderid}\u0000${sku}`;
    if (allocated.has(key)) return `line ${key} allocated twice`;
    allocated.add(key);
  }
  for (const [ref, total] of used)
    if (!(total <= capacity.get(ref))) return `batch ${ref} over-allocated`;
  const unallocated = new Set(rows('unallocated.csv').map(([o, s]) => `${o}\u0000${s}`));
  for (const [o, s] of rows('orders.csv')) {
    const key = `${o}\u0000${s}`;
    if (allocated.has(key) === unallocated.has(key)) return `line ${key} lost or reported twice`;
  }
  return 'ok';
}

function outputRows(dir) {
  const count = (name) => readFileSync(join(dir, name), 'latin1').split('\n').length - 2;
  return count('allocations.csv') + count('unallocated.csv') + count('availability.csv');
}

async function scenario(lines) {
  const work = mkdtempSync(join(tmpdir(), `bench-${lines}-`));
  const fresh = join(work, 'fresh');
  const { orders, firstHalf } = generateFolder(fresh, lines, 42);
  const rerun = join(work, 'rerun');
  cpSync(fresh, rerun, { recursive: true });
  writeFileSync(join(rerun, 'orders.csv'), firstHalf);
  spawnSync(process.execPath, [BIN, '--quiet', rerun]);
  writeFileSync(join(rerun, 'orders.csv'), orders);
  const results = [];
  for (const [name, source] of [
    ['fresh', fresh],
    ['re-run', rerun],
  ]) {
    const dir = join(work, `${name}-run`);
    cpSync(source, dir, { recursive: true });
    const cli = await measure([BIN, '--quiet', '--json', dir]);
    const floor = await measure([FLOOR, source, String(outputRows(dir)), work]);
    results.push({ lines, name, cli, floor, check: cli.code > 1 ? cli.stderr.trim() : check(dir) });
  }
  rmSync(work, { recursive: true, force: true });
  return results;
}

const sizes = SIZES.length > 0 ? SIZES : [10_000, 100_000, 1_000_000];
const rows = [];
for (const lines of sizes) rows.push(...(await scenario(lines)));
const pad = (value, width) => String(value).padStart(width);
console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
console.log('lines      case     CLI s   CLI MB   lines/s   floor s  floor MB  CLI/floor  check');
for (const r of rows) {
  console.log(
    [
      pad(r.lines.toLocaleString('en'), 9),
      r.name.padEnd(7),
      pad(r.cli.seconds.toFixed(2), 7),
      pad(r.cli.rssMb.toFixed(0), 7),
      pad(Math.round(r.lines / r.cli.seconds).toLocaleString('en'), 9),
      pad(r.floor.seconds.toFixed(2), 8),
      pad(r.floor.rssMb.toFixed(0), 8),
      pad((r.cli.seconds / r.floor.seconds).toFixed(2), 9),
      ` ${r.check}`,
    ].join('  '),
  );
}
const time = (lines, name) => rows.find((r) => r.lines === lines && r.name === name)?.cli.seconds;
for (const name of ['fresh', 're-run']) {
  const [small, large] = [time(100_000, name), time(1_000_000, name)];
  if (small && large) console.log(`growth 100k -> 1M (${name}): ${(large / small).toFixed(1)}x`);
}
