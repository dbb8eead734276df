/**
 * The logger an updater writes to: any object with pino's `(object, message)` methods, e.g. a
 * `pino()` instance or a child of your server's logger. Without one, updaters log nothing; they
 * always report what matters through their events.
 */
export interface UpdaterLogger {
  /** Fine-grained progress (every record seen, every file event). */
  debug(fields: Record<string, unknown>, message: string): void;
  /** Normal operation (started, model applied). */
  info(fields: Record<string, unknown>, message: string): void;
  /** Something went wrong but the updater carries on (rejected data, broker outage). */
  warn(fields: Record<string, unknown>, message: string): void;
  /** Something went wrong that needs attention. */
  error(fields: Record<string, unknown>, message: string): void;
}

const noop = (): void => {};

/** A logger that discards everything (the default). */
export const silentLogger: UpdaterLogger = { debug: noop, info: noop, warn: noop, error: noop };
