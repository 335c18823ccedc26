import { join } from 'node:path';
import type { Event } from '../domain/events.js';
import type { UnitOfWork } from '../service-layer/unit-of-work.js';
import { checkReplaceable, commitFiles, discardFiles, stageFile } from './atomic-files.js';
import { allocationChunks } from './allocation-lines.js';
import { csvChunks, csvLine, csvLines } from './csv-writer.js';
import { FILES, type FolderInput, readFolder } from './csv-folder.js';
import { type FolderLock, lockFolder } from './folder-lock.js';
import { InFlight } from './in-flight.js';
import { InMemoryUnitOfWork } from './in-memory-unit-of-work.js';
import { asWriteFailure } from './os-errors.js';
import type { InInputOrder } from './input-order.js';
import { stillUnallocated, type UnallocatedLine } from './still-unallocated.js';
import { removeStaleTemps } from './temp-files.js';
import { checkIsFolder, checkUnchanged } from './input-handles.js';

export type { UnallocatedLine, UnallocatedReason } from './still-unallocated.js';

const OUTPUTS = [FILES.availability, FILES.unallocated, FILES.allocations] as const;
const ALLOCATIONS_HEADER = ['orderid', 'sku', 'qty', 'batchref'];
const UNALLOCATED_HEADER = ['orderid', 'sku', 'qty', 'reason'];
const AVAILABILITY_HEADER = ['ref', 'sku', 'eta', 'qty', 'allocated', 'available'];

/**
 * The book's CSV unit of work, made safe: the folder is locked and read once when opened;
 * commands commit and roll back in memory; `save()` writes every output once, atomically, with
 * allocations.csv renamed last as the commit point, and only if no input changed meanwhile.
 */
export class CsvUnitOfWork implements UnitOfWork {
  readonly #memory = new InMemoryUnitOfWork();
  /**
   * The input position the commands now running come from (see input-order.ts): allocations are
   * written in position order, whatever order they were made in.
   */
  position = 0;

  private constructor(
    readonly folder: string,
    readonly input: FolderInput,
    private readonly lock: FolderLock,
    private readonly inFlight: InFlight,
  ) {}

  /** `inFlight` lists the temp files `save()` makes, for a signal to stop it (in-flight.ts). */
  static async open(
    folder: string,
    {
      waitSeconds,
      inFlight = new InFlight(),
    }: { waitSeconds: number; inFlight?: InFlight | undefined },
  ): Promise<CsvUnitOfWork> {
    checkIsFolder(folder);
    const lock = await lockFolder(folder, waitSeconds);
    try {
      await removeStaleTemps(folder, OUTPUTS);
      return new CsvUnitOfWork(folder, await readFolder(folder), lock, inFlight);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  get products() {
    return this.#memory.products;
  }

  /** Each allocation committed is tagged with its position. */
  commit(): void {
    this.products.placed().tag = this.position;
    this.#memory.commit();
  }

  rollback(): void {
    this.#memory.rollback();
  }

  nextEvent(): Event | undefined {
    return this.#memory.nextEvent();
  }

  /** allocations.csv's lines for every allocation now held, by position: earlier runs' first. */
  allocationLines(): string[] {
    const chunks = Array.from(allocationChunks(this.products.placed()), (c) => Buffer.from(c));
    const text = Buffer.concat(chunks).toString('utf8');
    return text.split(/(?<=\n)/).filter((line) => line !== '');
  }

  /** Of the lines reported unallocated, those still unallocated now (see still-unallocated.ts). */
  stillUnallocated(reported: InInputOrder<UnallocatedLine>): UnallocatedLine[] {
    return stillUnallocated(this.products, reported);
  }

  /**
   * One row per batch, in batches.csv order: the read model an analyst opens first. Made as
   * written, not all at once: a hundred thousand rows held while three files are written would
   * outlive the young generation and stay as garbage until a full collection.
   */
  *availabilityRows(): Generator<string[]> {
    for (const { ref, sku } of this.input.batches) {
      const batch = this.products.peek(sku)?.batch(ref);
      const [qty, allocated] = [batch?.purchasedQuantity ?? 0, batch?.allocatedQuantity ?? 0];
      yield [ref, sku, batch?.eta ?? '', String(qty), String(allocated), String(qty - allocated)];
    }
  }

  /** Writes the outputs, all or nothing as far as allocations.csv is concerned. */
  async save(unallocated: readonly UnallocatedLine[]): Promise<void> {
    const contents = {
      [FILES.availability]: csvChunks(AVAILABILITY_HEADER, csvLines(this.availabilityRows())),
      [FILES.unallocated]: csvChunks(UNALLOCATED_HEADER, csvLines(unallocatedRows(unallocated))),
      [FILES.allocations]: allocationChunks(this.products.placed(), csvLine(ALLOCATIONS_HEADER)),
    };
    // Staged side by side: one file is made while another's chunks are written and flushed.
    const results = await Promise.allSettled(
      OUTPUTS.map((name) => stageFile(join(this.folder, name), contents[name], this.inFlight)),
    );
    const staged = results.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
    try {
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      this.lock.check();
      checkUnchanged(this.input.fingerprints);
      await commitFiles(staged, this.inFlight);
    } catch (error) {
      await discardFiles(staged, this.inFlight);
      throw asWriteFailure(error, this.folder);
    }
  }

  /**
   * Fails as `save()` would before writing anything, on a folder where an output goes: for a dry
   * run, which writes nothing but exits as its real run would.
   */
  checkSave(): void {
    const targets = OUTPUTS.map((name) => join(this.folder, name));
    try {
      checkReplaceable(targets);
    } catch (error) {
      throw asWriteFailure(error, this.folder);
    }
  }

  async close(): Promise<void> {
    this.input.stop();
    await this.lock.release();
  }
}

function* unallocatedRows(lines: readonly UnallocatedLine[]): Generator<string[]> {
  for (const { orderid, sku, qty, reason } of lines) yield [orderid, sku, String(qty), reason];
}
