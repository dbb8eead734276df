import type { TFProgress } from '@servable/tf-bridge';
import cliProgress from 'cli-progress';
import type { OutputStream } from './cli-io.js';

/** How training progress is shown: a live bar (terminal), one line per epoch, or nothing. */
export type TrainProgressMode = 'bar' | 'lines' | 'none';

/** Shows the progress of a `servable train` run, epoch by epoch. */
export interface TrainProgress {
  /** Reports a finished epoch (what `TFEstimator.onProgress` hands over). */
  epoch(progress: TFProgress): void;
  /** Draws the final state and releases the terminal line. */
  stop(): void;
}

const NONE: TrainProgress = { epoch() {}, stop() {} };

/** The loss as shown: 6 significant digits, `n/a` when the script trained itself (NaN). */
export function formatLoss(loss: number): string {
  return Number.isFinite(loss) ? Number(loss.toPrecision(6)).toString() : 'n/a';
}

/** Rows per second as shown: whole numbers. */
function formatSpeed(rowsPerSecond: number): string {
  return Number.isFinite(rowsPerSecond) ? Math.round(rowsPerSecond).toString() : 'n/a';
}

/**
 * The line printed for an epoch when stderr is not a terminal, e.g.
 * `epoch 2/5: loss 0.0412, 51234 rows/s, 640 rows`.
 */
export function formatEpochLine(progress: TFProgress): string {
  const total = Number.isFinite(progress.epochs) ? `/${progress.epochs}` : '';
  return `epoch ${progress.epoch}${total}: loss ${formatLoss(progress.loss)}, ${formatSpeed(progress.rowsPerSecond)} rows/s, ${progress.rows} rows`;
}

/**
 * Training progress on `stream`: `bar` draws a cli-progress bar over the `epochs` of the run
 * (epoch i/N, the last epoch's loss and rows/s), redrawn after every epoch; `lines` writes one
 * {@link formatEpochLine} per epoch (for logs and pipes); `none` shows nothing.
 */
export function createTrainProgress(
  stream: OutputStream,
  epochs: number,
  mode: TrainProgressMode,
): TrainProgress {
  if (mode === 'none') return NONE;
  if (mode === 'lines') {
    return {
      epoch(progress) {
        stream.write(`${formatEpochLine(progress)}\n`);
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format:
        'train {bar} epoch {value}/{total} | loss {loss} | {speed} rows/s | {duration_formatted}',
      hideCursor: true,
      clearOnComplete: false,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(epochs, 0, { loss: 'n/a', speed: 'n/a' });
  return {
    epoch(progress) {
      bar.update(progress.epoch, {
        loss: formatLoss(progress.loss),
        speed: formatSpeed(progress.rowsPerSecond),
      });
      // Epochs are coarse: draw each one now rather than on the next timer tick.
      bar.render();
    },
    stop() {
      bar.stop();
    },
  };
}
