import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** One line of a JSON-lines input. */
export interface InputLine {
  /** The 1-based line number. */
  readonly line: number;
  /** The text, without its line break (`\n` or `\r\n`). */
  readonly text: string;
  /** Bytes of the input consumed so far (through this line's chunk), for progress. */
  readonly bytesRead: number;
}

/**
 * Splits a byte stream into lines without holding more than one chunk (plus an unfinished
 * line) in memory. Blank lines are yielded too (callers skip them, keeping line numbers right).
 * UTF-8 characters split across chunks are decoded correctly.
 */
export async function* readLines(input: Readable): AsyncGenerator<InputLine> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let line = 0;
  let bytesRead = 0;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytesRead += buffer.length;
    const text = pending + decoder.write(buffer);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield { line: ++line, text: text.slice(start, end), bytesRead };
      start = nl + 1;
    }
    pending = text.slice(start);
  }
  pending += decoder.end();
  if (pending.length > 0) {
    const text = pending.endsWith('\r') ? pending.slice(0, -1) : pending;
    yield { line: ++line, text, bytesRead };
  }
}

/** Parses one line as a JSON object; returns the problem as text when it is not one. */
export function parseRecordLine(text: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const found = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    return `expected a JSON object (one row, keyed by column name), found ${found}`;
  }
  return value as Record<string, unknown>;
}
