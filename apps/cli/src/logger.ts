import pino, { type Logger } from 'pino';
import type { OutputStream } from './cli-io.js';

/**
 * The JSON logger (pino) of the long-running commands, writing one line per event to `stream`.
 * pino is fast, its lines are what log shippers expect, and fastify and the model updaters log
 * through the same instance.
 */
export function createLogger(stream: OutputStream, level = 'info'): Logger {
  return pino({ level, base: { pid: process.pid } }, stream);
}
