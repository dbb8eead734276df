// The loader hooks of record-modules.mjs (they run on Node's loader thread).
import { appendFileSync } from 'node:fs';

let logFile = '';

/** Receives the log file path from record-modules.mjs. */
export function initialize(data) {
  logFile = data.logFile;
}

/** Resolves as the other hooks do, and appends the resolved URL to the log. */
export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  appendFileSync(logFile, `${result.url}\n`);
  return result;
}
