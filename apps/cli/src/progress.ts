import cliProgress from 'cli-progress';
import type { OutputStream } from './cli-io.js';

/** Progress of a batch job, drawn on a terminal (cli-progress) or not at all. */
export interface Progress {
  /** Reports rows done and, when the input size is known, bytes read. */
  update(rows: number, bytesRead: number): void;
  /** Draws the final state and releases the terminal line. */
  stop(): void;
}

const NONE: Progress = { update() {}, stop() {} };

/**
 * A progress bar on `stream` when it is a terminal (never when it is piped or redirected, so
 * logs and CI output stay clean). With `totalBytes` it shows a bar, percentage and ETA by bytes
 * read; without (stdin) a running row count.
 */
export function createProgress(
  stream: OutputStream,
  totalBytes: number | undefined,
  enabled: boolean = stream.isTTY === true,
): Progress {
  if (!enabled) return NONE;
  const known = totalBytes !== undefined && totalBytes > 0;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: known
        ? 'predict {bar} {percentage}% | {rows} rows | ETA {eta_formatted}'
        : 'predict {rows} rows | {duration_formatted}',
      hideCursor: true,
      clearOnComplete: false,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(known ? totalBytes : 1, 0, { rows: 0 });
  let bytes = 0;
  return {
    update(rows, bytesRead) {
      bytes = bytesRead;
      bar.update(known ? bytesRead : 0, { rows });
    },
    stop() {
      if (known) bar.update(Math.max(bytes, totalBytes), {});
      bar.stop();
    },
  };
}
