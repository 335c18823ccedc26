import { constants, type Stats, statSync } from 'node:fs';
import { access, open, realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Event } from '../domain/events.js';
import { InputError, IoFailure } from '../errors.js';
import { InInputOrder } from './input-order.js';
import { explain, folderInTheWay } from './os-errors.js';

/** Bumped when a field changes meaning or goes away; new fields do not bump it. */
export const EVENT_SCHEMA = 1;

/** The run header, the first line a run appends. */
export interface RunHeader {
  readonly time: string;
  readonly folder: string;
  readonly counts: Record<string, unknown>;
}

/**
 * The book's external message bus, as a JSON-lines file: a run's events are kept while it works
 * and appended only once it has committed, after a header line. Every line is one JSON object
 * with `type` and `schema`.
 */
export class EventLog {
  readonly #events = new InInputOrder<Event>();

  constructor(readonly path: string) {}

  /** Keeps an event, to be written in the order of the input positions they came from. */
  readonly publish = (event: Event, position = 0): void => {
    this.#events.push(event, position);
  };

  /**
   * Fails, before the run writes anything, if the log cannot be appended to: its folder does not
   * exist, a folder stands in its place, or the user may not write it; or if it is one of
   * `folderFiles`, by any path or link (the events would go into allocations.csv). The append
   * can still fail once the run has committed (a full disk): then the error says so.
   */
  async check(folderFiles: readonly string[]): Promise<void> {
    let info: Stats | undefined;
    try {
      info = statIfAny(this.path);
      if (info?.isDirectory()) throw folderInTheWay(this.path);
      await access(info ? this.path : dirname(this.path), constants.W_OK);
    } catch (error) {
      throw this.#cannotAppend(error, true);
    }
    const taken = await sameFile(this.path, info, folderFiles);
    if (taken !== undefined) {
      const message = `is the folder's ${basename(taken)}, not a file of its own`;
      throw new InputError([{ file: this.path, line: 0, message }]);
    }
  }

  /** Appends the header and the events, flushed to disk. */
  async append(header: RunHeader): Promise<void> {
    const lines = [JSON.stringify({ type: 'Run', schema: EVENT_SCHEMA, ...header })];
    for (const event of this.#events.items())
      lines.push(JSON.stringify({ ...event, schema: EVENT_SCHEMA }));
    let handle: Awaited<ReturnType<typeof open>> | undefined;
    try {
      handle = await open(this.path, 'a+');
      const { size } = await handle.stat();
      const last = Buffer.alloc(1);
      if (size > 0) await handle.read(last, 0, 1, size - 1);
      const separator = size > 0 && last[0] !== 0x0a ? '\n' : '';
      await handle.writeFile(`${separator}${lines.join('\n')}\n`);
      await handle.sync();
    } catch (error) {
      throw this.#cannotAppend(error, false);
    } finally {
      await handle?.close();
    }
  }

  #cannotAppend(error: unknown, nothingWritten: boolean): IoFailure {
    const message = `${this.path}: cannot append the events: ${explain(error)}`;
    return new IoFailure(message, { file: this.path }, { cause: error, nothingWritten });
  }
}

/** The file's details, or undefined if there is no such file (yet); any other failure throws. */
function statIfAny(path: string): Stats | undefined {
  return statSync(path, { throwIfNoEntry: false });
}

/**
 * The one of `files` that `path` is, followed through links, whether or not it exists yet
 * (`info`, its details, if it does).
 */
async function sameFile(
  path: string,
  info: Stats | undefined,
  files: readonly string[],
): Promise<string | undefined> {
  const where = await realPlace(path);
  for (const file of files) {
    if ((await realPlace(file)) === where) return file;
    const other = info && statIfAny(file);
    if (other && other.dev === info.dev && other.ino === info.ino) return file;
  }
  return undefined;
}

/** Where `path` is, its folder's links followed: its folder's real path and its own name. */
async function realPlace(path: string): Promise<string> {
  const folder = await realpath(dirname(path)).catch(() => resolve(dirname(path)));
  return join(folder, basename(path));
}
