import { ServableRegistry } from '@servable/servable-api';
import { servableLib } from '@servable/servable-lib';
import { tfBridgePlugin } from '@servable/tf-bridge';

/**
 * The registry every command loads models with: Flink ML's algorithms (`servableLib`) and
 * TensorFlow stages (`tfBridgePlugin`, TF.js models trained by `TFEstimator`).
 */
export function createRegistry(): ServableRegistry {
  return new ServableRegistry().register(servableLib).register(tfBridgePlugin);
}
