import {
  type AnyServable,
  ModelServable,
  PipelineModelServable,
  resolveStageDir,
  type ServableRegistry,
} from '@servable/servable-api';
import { CliUsageError } from './errors.js';

/** A model stage of a loaded model, and the directory it was saved in. */
export interface ModelStage {
  /** The stage's servable. */
  readonly servable: ModelServable<unknown>;
  /** Its saved stage directory (model data lives in `<dir>/data`). */
  readonly dir: string;
  /** Its path of indices (`'1'`, `'2/0'`), `''` for a model that is not a pipeline. */
  readonly indexPath: string;
}

/**
 * Loads the model at `dir` and finds the model stage that `stage` names: for a pipeline an
 * index, a stage name or a `/` path (required); for a single model, nothing.
 *
 * @throws CliUsageError when a pipeline gets no `stage`, a single model gets one, or the stage
 *   takes no model data; the registry's and pipeline's errors for a model or stage not found.
 */
export async function loadModelStage(
  registry: ServableRegistry,
  dir: string,
  stage: string | undefined,
): Promise<ModelStage> {
  const root = await registry.load(dir);
  if (!(root instanceof PipelineModelServable)) {
    if (stage !== undefined) {
      throw new CliUsageError(
        '--stage',
        `${dir} is a ${root.className}, not a PipelineModel; leave --stage out.`,
      );
    }
    return { servable: requireModelServable(root, dir), dir, indexPath: '' };
  }
  if (stage === undefined) {
    throw new CliUsageError(
      '--stage',
      `${dir} is a PipelineModel; name the stage the data is for (an index, a class name such as ${describeStages(root)}, or a path like 1/0).`,
    );
  }
  let current: AnyServable = root;
  let currentDir = dir;
  const indices: number[] = [];
  for (const segment of stage.split('/')) {
    if (!(current instanceof PipelineModelServable)) {
      throw new CliUsageError('--stage', `${stage}: ${indices.join('/')} is not a PipelineModel.`);
    }
    const pipeline: PipelineModelServable = current;
    const stages = pipeline.getStages();
    const index = stages.findIndex((_, i) => pipeline.getStageNames(i).includes(segment));
    if (index < 0) {
      throw new CliUsageError(
        '--stage',
        `no stage ${JSON.stringify(segment)} in ${currentDir}; its stages are ${describeStages(pipeline)}.`,
      );
    }
    indices.push(index);
    current = stages[index] as AnyServable;
    currentDir = await resolveStageDir(currentDir, index, stages.length);
  }
  return {
    servable: requireModelServable(current, currentDir),
    dir: currentDir,
    indexPath: indices.join('/'),
  };
}

function requireModelServable(servable: AnyServable, dir: string): ModelServable<unknown> {
  if (servable instanceof ModelServable) return servable;
  throw new CliUsageError(
    '--stage',
    `${dir} is a ${servable.className}, which takes no model data.`,
  );
}

function describeStages(pipeline: PipelineModelServable): string {
  return pipeline
    .getStages()
    .map((_, i) => pipeline.getStageNames(i).join('|'))
    .join(', ');
}
