import { PassThrough, Readable, Writable } from 'node:stream';
import type { CliIo } from '@servable/cli';

/** A writable that keeps what was written. */
export class Capture extends Writable {
  private readonly chunks: string[] = [];
  readonly isTTY: boolean;
  readonly columns = 100;

  constructor(tty = false) {
    super();
    this.isTTY = tty;
  }

  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    done();
  }

  /** Everything written so far. */
  text(): string {
    return this.chunks.join('');
  }

  /** Non-empty lines written so far. */
  lines(): string[] {
    return this.text()
      .split('\n')
      .filter((l) => l !== '');
  }
}

/** In-memory streams for running commands in-process. */
export interface MemoryIo {
  readonly io: CliIo;
  readonly stdout: Capture;
  readonly stderr: Capture;
  /** Resolves the io's stop signal (for `serve` / `stream`). */
  stop(): void;
}

/** Builds an io with `stdin` text, captured stdout/stderr and a stop signal the test controls. */
export function memoryIo(
  options: { stdin?: string | Readable; cwd?: string; ttyStderr?: boolean } = {},
): MemoryIo {
  const stdout = new Capture();
  const stderr = new Capture(options.ttyStderr ?? false);
  let stop: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const stdin =
    typeof options.stdin === 'string'
      ? Readable.from([Buffer.from(options.stdin)])
      : (options.stdin ?? new PassThrough());
  return {
    io: { stdin, stdout, stderr, cwd: options.cwd ?? process.cwd(), waitForStop: () => stopped },
    stdout,
    stderr,
    stop: () => stop(),
  };
}

/** Polls `capture` until one of its lines (parsed as JSON when possible) matches; returns it. */
export async function waitForLog(
  capture: Capture,
  msg: string,
  timeoutMs = 15_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const line of capture.lines()) {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        if (entry.msg === msg) return entry;
      } catch {
        // not a log line
      }
    }
    if (Date.now() > deadline) {
      throw new Error(`no log line "${msg}" within ${timeoutMs} ms; got:\n${capture.text()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
