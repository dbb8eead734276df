import { type ServablePlugin, servableLoader } from '@servable/servable-api';
import { LogisticRegressionModelServable } from './logistic-regression/logistic-regression-model-servable.js';
import { StandardScalerModelServable } from './standard-scaler/standard-scaler-model-servable.js';

/**
 * The plugin serving Flink ML's algorithms, keyed by the Java class names found in saved
 * metadata. Register it: `new ServableRegistry().register(servableLib)`.
 *
 * To add an algorithm: create `src/<algorithm>/` with its model data codec and servable, then
 * add one line here.
 */
export const servableLib: ServablePlugin = {
  name: '@servable/servable-lib',
  servables: {
    [LogisticRegressionModelServable.CLASS_NAME]: servableLoader(
      () => new LogisticRegressionModelServable(),
    ),
    [StandardScalerModelServable.CLASS_NAME]: servableLoader(
      () => new StandardScalerModelServable(),
    ),
  },
};
