import { type ServablePlugin, servableLoader } from '@servable/servable-api';
import { TFModelServable } from './tf-model-servable.js';

/**
 * The servables of `@servable/tf-bridge`: {@link TFModelServable} under
 * `dev.servable.tfbridge.TFModel`.
 *
 * @example
 * ```ts
 * const registry = new ServableRegistry().register(servableLib).register(tfBridgePlugin);
 * const pipeline = await registry.load('/models/scaler-then-mlp');
 * ```
 */
export const tfBridgePlugin: ServablePlugin = {
  name: '@servable/tf-bridge',
  servables: {
    [TFModelServable.CLASS_NAME]: servableLoader(() => new TFModelServable()),
  },
};
