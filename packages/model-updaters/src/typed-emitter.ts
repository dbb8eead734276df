import { EventEmitter } from 'node:events';

/**
 * A `node:events` EventEmitter whose event names and listener arguments are checked by the
 * compiler: `Events` maps each event name to its listener's argument tuple.
 *
 * @example
 * ```ts
 * class Updater extends TypedEmitter<{ updated: [ModelUpdatedEvent] }> {}
 * new Updater().on('updated', (e) => e.version);
 * ```
 */
export class TypedEmitter<Events extends Record<keyof Events, unknown[]>> extends EventEmitter<
  // biome-ignore lint/suspicious/noExplicitAny: node's EventMap constraint is written with any[]
  Events & Record<never, any[]>
> {}
