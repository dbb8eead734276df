import type { StagedServable, UpdatableServable } from '@servable/model-updaters';
import { type AnyServable, ModelServable, PipelineModelServable } from '@servable/servable-api';
import { CliError } from './errors.js';

/**
 * The servable as a model updaters' target: a model servable or a pipeline (whose stages the
 * records name).
 *
 * @throws CliError (code `NOT_UPDATABLE`) for a stage that takes no model data.
 */
export function asUpdatable(servable: AnyServable): UpdatableServable | StagedServable {
  if (servable instanceof ModelServable || servable instanceof PipelineModelServable) {
    return servable;
  }
  throw new CliError(
    'NOT_UPDATABLE',
    `${servable.className} takes no model data, so it cannot follow model updates.`,
  );
}
