import { type logCreator, logLevel } from 'kafkajs';
import type { UpdaterLogger } from './logger.js';

/**
 * Routes kafkajs' own log lines to an {@link UpdaterLogger} (kafkajs logs to the console by
 * default). kafkajs' `info` chatter goes to `debug`; its errors and warnings keep their level.
 */
export function kafkaLogCreator(logger: UpdaterLogger): logCreator {
  return () =>
    ({ level, log }) => {
      const { message, ...fields } = log;
      const text = `kafkajs: ${message}`;
      if (level === logLevel.ERROR) logger.error(fields, text);
      else if (level === logLevel.WARN) logger.warn(fields, text);
      else logger.debug(fields, text);
    };
}
