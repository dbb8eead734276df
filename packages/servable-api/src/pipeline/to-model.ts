import { simpleClassName, type TransformerServable } from '../transformer-servable.js';
import { PipelineError } from './pipeline-error.js';
import { ServableModel } from './servable-model.js';
import { isEstimator, isModel, type Model, type PipelineStage, type Transformer } from './stage.js';

/**
 * The {@link Model} a non-estimator pipeline stage stands for: a model as is; a servable wrapped
 * in a {@link ServableModel}.
 *
 * @throws PipelineError (code `INVALID_STAGE`) for an estimator or something that is no stage.
 */
export function toModel(stage: Exclude<PipelineStage, never>, index: number): Model {
  if (isModel(stage)) return stage;
  if (isEstimator(stage)) {
    throw new PipelineError(
      'INVALID_STAGE',
      `Stage ${index} (${simpleClassName(stage.className)}) is an estimator, not a model.`,
      index,
    );
  }
  const t = stage as Transformer | null;
  if (typeof t?.transform === 'function' && typeof t.save === 'function' && isServable(t)) {
    return new ServableModel(t as TransformerServable<unknown>);
  }
  throw new PipelineError(
    'INVALID_STAGE',
    `Stage ${index} is neither an estimator, a model nor a servable (it needs fit(), or ` +
      'transform() with supportServable()/toServable(), or a servable transform()).',
    index,
  );
}

function isServable(t: Transformer): boolean {
  return typeof t.className === 'string' && typeof t.getParams === 'function';
}
