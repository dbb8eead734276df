import { join } from 'node:path';
import type { ModelUpdater } from '@servable/inference-server';
import { publishModelDataDirectory } from '@servable/model-updaters';
import type { LogisticRegressionModelData } from '@servable/servable-lib';
import { encodeLogisticRegression, LOGISTIC_REGRESSION_STAGE } from './demo-pipeline.js';
import type { ModelChannel } from './model-channel.js';

/**
 * Publishes each model version by atomically replacing the LogisticRegression stage's data
 * file in the saved pipeline (`<dir>/stages/1/data`, write-then-rename), which the server
 * follows with its file watching (a `FileModelUpdater` per model stage).
 */
export class FileModelChannel implements ModelChannel {
  /** The data directory written to. */
  readonly dataDirectory: string;
  readonly watchFiles = true;
  readonly description: string;

  /** @param pipelineDirectory the saved PipelineModel directory the server loads. */
  constructor(pipelineDirectory: string) {
    this.dataDirectory = join(
      pipelineDirectory,
      'stages',
      String(LOGISTIC_REGRESSION_STAGE),
      'data',
    );
    this.description = `files: new model data is renamed into ${this.dataDirectory}`;
  }

  updatersFor(): readonly ModelUpdater[] {
    return [];
  }

  async publish(model: LogisticRegressionModelData): Promise<void> {
    await publishModelDataDirectory(this.dataDirectory, encodeLogisticRegression(model));
  }

  async close(): Promise<void> {}
}
