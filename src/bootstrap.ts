import { join } from 'node:path';
import { FILES } from './adapters/csv-folder.js';
import { CsvUnitOfWork } from './adapters/csv-unit-of-work.js';
import { EventLog } from './adapters/event-log.js';
import type { InFlight } from './adapters/in-flight.js';
import { checkIsFolder } from './adapters/input-handles.js';

export { inputBytes, type Lines } from './adapters/csv-folder.js';
export { InFlight } from './adapters/in-flight.js';
export type { UnallocatedLine } from './adapters/csv-unit-of-work.js';
export { InInputOrder } from './adapters/input-order.js';

import type { Event } from './domain/events.js';
import { COMMAND_HANDLERS, type EventHandlers, reallocate } from './service-layer/handlers.js';
import { type ErrorLogger, MessageBus } from './service-layer/message-bus.js';
import type { UnitOfWork } from './service-layer/unit-of-work.js';

export interface Dependencies {
  readonly uow: UnitOfWork;
  /** Told of every event after it is committed: the book's external message bus. */
  readonly publish?: (event: Event) => void;
  readonly logError?: ErrorLogger;
}

/** The one place that wires adapters into the bus (the book's bootstrap.py, minus reflection). */
export function bootstrap({ uow, publish, logError = () => {} }: Dependencies): MessageBus {
  const tell = publish ? [(event: Event) => publish(event)] : [];
  const eventHandlers: EventHandlers = {
    Allocated: [...tell],
    Deallocated: [...tell, reallocate],
    OutOfStock: [...tell],
  };
  return new MessageBus(uow, COMMAND_HANDLERS, eventHandlers, logError);
}

/**
 * Opens a folder of spreadsheets as a unit of work (locked and read) and wires a bus to it; with
 * `events`, every event is also kept for the JSON-lines log that the run appends after it commits
 * (a log it could not append to fails the run first).
 * Each event is told with the input position it came from (the unit of work's `position`).
 */
export async function bootstrapFolder(
  folder: string,
  options: {
    waitSeconds: number;
    events?: string | undefined;
    inFlight?: InFlight | undefined;
    publish?: (event: Event, position: number) => void;
    logError?: ErrorLogger;
  },
) {
  const eventLog = options.events === undefined ? undefined : new EventLog(options.events);
  // A folder that is not there is the first thing to tell, before a log that cannot be used.
  if (eventLog) checkIsFolder(folder);
  await eventLog?.check(Object.values(FILES).map((name) => join(folder, name)));
  const uow = await CsvUnitOfWork.open(folder, options);
  const publishers = [options.publish, eventLog?.publish].filter((p) => p !== undefined);
  const publish = (event: Event) => {
    for (const tell of publishers) tell(event, uow.position);
  };
  return { uow, eventLog, bus: bootstrap({ ...options, uow, publish }) };
}
