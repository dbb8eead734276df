import { ServableRegistry } from '@servable/servable-api';
import { servableLib } from '@servable/servable-lib';
import { tfBridgePlugin } from '@servable/tf-bridge/plugin';

/**
 * The registry every command loads models with: Flink ML's algorithms (`servableLib`) and
 * TensorFlow stages (`tfBridgePlugin`, TF.js models trained by `TFEstimator`). The plugin comes
 * from `@servable/tf-bridge/plugin`, which does not load TF.js: TF.js is imported when the
 * registry first loads or checks a TF stage, so commands on Flink ML models never pay for it.
 */
export function createRegistry(): ServableRegistry {
  return new ServableRegistry().register(servableLib).register(tfBridgePlugin);
}
