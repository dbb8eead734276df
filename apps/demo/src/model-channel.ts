import type { ModelUpdater } from '@servable/inference-server';
import type { PipelineModelServable } from '@servable/servable-api';
import type { LogisticRegressionModelData } from '@servable/servable-lib';

/**
 * How new model versions travel from the trainer to the server: written into the saved
 * pipeline's files ({@link FileModelChannel}) or published to Kafka ({@link KafkaModelChannel}).
 */
export interface ModelChannel {
  /** A one-line description for the console, e.g. `file: /tmp/x/stages/1/data`. */
  readonly description: string;
  /**
   * The updaters the server must own to follow this channel (none when the server follows the
   * saved files itself with `watch`).
   */
  updatersFor(servable: PipelineModelServable): readonly ModelUpdater[];
  /** Whether the server should watch the saved pipeline's files. */
  readonly watchFiles: boolean;
  /** Publishes one LogisticRegression model version. */
  publish(model: LogisticRegressionModelData): Promise<void>;
  /** Releases connections and processes. Idempotent. */
  close(): Promise<void>;
}
