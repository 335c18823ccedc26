import type { Command } from '../domain/commands.js';
import type { Event } from '../domain/events.js';
import type { CommandHandlers, EventHandlers } from './handlers.js';
import type { UnitOfWork } from './unit-of-work.js';

export type Message = Command | Event;

/** Where a failing event handler is reported; it does not stop the others. */
export type ErrorLogger = (message: string, error: unknown) => void;

type AnyCommandHandler = (command: Command, uow: UnitOfWork) => unknown;
type AnyEventHandler = (event: Event, uow: UnitOfWork) => void;

/**
 * The book's messagebus.py: runs a command, then every event its unit of work collected, and
 * the events those produced, until the queue is empty. A failing command raises to the caller.
 */
export class MessageBus {
  constructor(
    readonly uow: UnitOfWork,
    private readonly commandHandlers: CommandHandlers,
    private readonly eventHandlers: EventHandlers,
    private readonly logError: ErrorLogger,
  ) {}

  /**
   * Handles a message and what follows from it; returns what a command's handler returned. The
   * unit of work hands out events in the order they were committed, so those an event's handlers
   * raise come after the ones already waiting: the book's queue.
   */
  handle(message: Message): unknown {
    let result: unknown;
    if (message.type in this.commandHandlers) result = this.#handleCommand(message as Command);
    else this.#handleEvent(message as Event);
    for (let event = this.uow.nextEvent(); event !== undefined; event = this.uow.nextEvent()) {
      this.#handleEvent(event);
    }
    return result;
  }

  #handleCommand(command: Command): unknown {
    const handler = this.commandHandlers[command.type] as AnyCommandHandler;
    return handler(command, this.uow);
  }

  #handleEvent(event: Event): void {
    for (const handler of this.eventHandlers[event.type] as AnyEventHandler[]) {
      try {
        handler(event, this.uow);
      } catch (error) {
        this.logError(`handling ${event.type} for ${event.orderid}/${event.sku} failed`, error);
      }
    }
  }
}
