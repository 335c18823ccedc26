// npm run bench: runs the real CLI on generated folders of 10k, 100k and 1M order lines, fresh
// and re-run (an allocations.csv of half the size already there), beside the I/O floor measured
// in the same run (tests/bench/floor.mjs), and checks the CLI's outputs. It prints figures; it
// asserts nothing about time. Each case runs the CLI and the floor in turn, REPEAT times (3 by
// default; five times as many at 10,000 lines or fewer, whose runs are short and vary most), and
// prints the median of each: a shared machine's speed drifts from one minute to the next. Sizes
// can be chosen: REPEAT=1 node tests/bench/bench.mjs 10000 100000
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
const REPEAT = Math.max(1, Number(process.env.REPEAT ?? 3));
/** Runs of each case: REPEAT, and five times as many for the smallest folders. */
const roundsFor = (lines) => (lines <= 10_000 ? 5 * REPEAT : REPEAT);
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

/** The run with the median time, and the median peak RSS of all of them. */
function median(runs) {
  const middle = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const seconds = middle(runs.map((r) => r.seconds));
  const run = runs.find((r) => r.seconds === seconds);
  return { ...run, rssMb: middle(runs.map((r) => r.rssMb)) };
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
    const [clis, floors] = [[], []];
    let dir = '';
    for (let round = 0; round < roundsFor(lines); round++) {
      dir = join(work, `${name}-run-${round}`);
      rmSync(dir, { recursive: true, force: true });
      cpSync(source, dir, { recursive: true });
      clis.push(await measure([BIN, '--quiet', '--json', dir]));
      floors.push(await measure([FLOOR, source, String(outputRows(dir)), work]));
      if (round > 0)
        rmSync(join(work, `${name}-run-${round - 1}`), { recursive: true, force: true });
    }
    const [cli, floor] = [median(clis), median(floors)];
    results.push({ lines, name, cli, floor, check: cli.code > 1 ? cli.stderr.trim() : check(dir) });
  }
  rmSync(work, { recursive: true, force: true });
  return results;
}

const sizes = SIZES.length > 0 ? SIZES : [10_000, 100_000, 1_000_000];
const rows = [];
for (const lines of sizes) rows.push(...(await scenario(lines)));
const pad = (value, width) => String(value).padStart(width);
const cores = (await import('node:os')).cpus().length;
console.log(`node ${process.version}, ${cores} cores, the median of each case's runs`);
console.log(
  'lines      case    runs   CLI s   CLI MB   lines/s   floor s  floor MB  CLI/floor  check',
);
for (const r of rows) {
  console.log(
    [
      pad(r.lines.toLocaleString('en'), 9),
      r.name.padEnd(7),
      pad(roundsFor(r.lines), 4),
      pad(r.cli.seconds.toFixed(2), 5),
      pad(r.cli.rssMb.toFixed(0), 7),
      pad(Math.round(r.lines / r.cli.seconds).toLocaleString('en'), 9),
      pad(r.floor.seconds.toFixed(2), 8),
      pad(r.floor.rssMb.toFixed(0), 8),
      pad((r.cli.seconds / r.floor.seconds).toFixed(2), 9),
      ` ${r.check}`,
    ].join('  '),
  );
}
// Where the time went, by the CLI's own clock (`--json`'s phases, named and ordered by the CLI):
// from the folder's opening, so Node's start and the loading of the CLI are not in it.
const phasesOf = (r) => (r.cli.code > 1 ? {} : (JSON.parse(r.cli.stdout).phases ?? {}));
const names = Object.keys(rows.map(phasesOf).find((p) => Object.keys(p).length > 0) ?? {});
console.log('the median run by phase, s:');
console.log(`lines      case     ${names.map((p) => p.padStart(10)).join(' ')}`);
for (const r of rows) {
  const phases = phasesOf(r);
  const cells = names.map((p) => pad(phases[p]?.toFixed(2) ?? '-', 10));
  console.log([pad(r.lines.toLocaleString('en'), 9), r.name.padEnd(7), cells.join(' ')].join('  '));
}
const time = (lines, name) => rows.find((r) => r.lines === lines && r.name === name)?.cli.seconds;
for (const name of ['fresh', 're-run']) {
  const [small, large] = [time(100_000, name), time(1_000_000, name)];
  if (small && large) console.log(`growth 100k -> 1M (${name}): ${(large / small).toFixed(1)}x`);
}
