import type { Readable, Writable } from 'node:stream';

/** A writable stream that may be a terminal (`process.stderr` is one when not redirected). */
export type OutputStream = Writable & { readonly isTTY?: boolean; readonly columns?: number };

/**
 * The streams and environment a command runs with. The bin passes the process's own; tests
 * pass in-memory streams, so every command runs in-process.
 */
export interface CliIo {
  /** Where `-` inputs are read from. */
  readonly stdin: Readable;
  /** Results (prediction lines, `--json` reports, the server address). */
  readonly stdout: OutputStream;
  /** Progress, diagnostics and logs meant for people. */
  readonly stderr: OutputStream;
  /** The directory relative paths are resolved against. */
  readonly cwd: string;
  /**
   * Called by long-running commands (`serve`, `stream`); resolves when they should stop. The
   * bin's resolves on SIGTERM / SIGINT; tests resolve theirs themselves. Without it they run
   * until the process ends.
   */
  readonly waitForStop?: () => Promise<void>;
}

/** The process's own streams and working directory, and SIGTERM/SIGINT as the stop signal. */
export function processIo(cwd = process.cwd()): CliIo {
  let stop: Promise<void> | undefined;
  const waitForStop = (): Promise<void> => {
    // Registered only when a long-running command asks, so Ctrl+C still ends the others.
    stop ??= new Promise<void>((resolve) => {
      process.once('SIGTERM', () => resolve());
      process.once('SIGINT', () => resolve());
    });
    return stop;
  };
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd, waitForStop };
}

/** Writes `text`, waiting for `drain` when the stream's buffer is full (back-pressure). */
export async function writeText(stream: Writable, text: string): Promise<void> {
  if (stream.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const onDrain = (): void => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error): void => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}
