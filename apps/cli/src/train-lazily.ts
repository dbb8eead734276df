import type { CliIo } from './cli-io.js';
import type { TrainOptions } from './commands/train.js';

/**
 * `servable train` as a function: trains a TFEstimator on JSON-lines rows and saves the model
 * (see the command's `--help`). The training module, and with it TF.js, is imported when this
 * is first called, so importing `@servable/cli` as a library stays light.
 *
 * @returns the exit code (`0` success).
 */
export async function train(options: TrainOptions, io: CliIo): Promise<number> {
  const { train: run } = await import('./commands/train.js');
  return run(options, io);
}
