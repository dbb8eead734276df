import {
  type ServableLoader,
  type ServablePlugin,
  type ServableRegistry,
  type StageMetadata,
  servableLoader,
} from '@servable/servable-api';
import { TFBridgeError } from './errors.js';
import { TF_MODEL_CLASS_NAME } from './tf-model-class-name.js';

let tfModelLoader: Promise<ServableLoader> | undefined;

/**
 * The standard loader of {@link TFModelServable}, built on first use: importing the servable
 * loads TF.js (`@tensorflow/tfjs`), which only a TF stage needs.
 */
function loadTFModelLoader(path: string): Promise<ServableLoader> {
  tfModelLoader ??= import('./tf-model-servable.js').then(
    ({ TFModelServable }) => servableLoader(() => new TFModelServable()),
    (error: unknown) => {
      tfModelLoader = undefined; // a later stage may try again
      throw new TFBridgeError(
        'TF_RUNTIME_UNAVAILABLE',
        `Cannot load TF.js (@tensorflow/tfjs) to serve the ${TF_MODEL_CLASS_NAME} stage at ${path}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    },
  );
  return tfModelLoader;
}

/** Loads and checks TF stages through the lazily imported {@link TFModelServable} loader. */
const lazyTFModelLoader: ServableLoader = {
  async load(path: string, metadata: StageMetadata, registry: ServableRegistry) {
    return (await loadTFModelLoader(path)).load(path, metadata, registry);
  },
  async check(path: string, metadata: StageMetadata, registry: ServableRegistry) {
    return (await (await loadTFModelLoader(path)).check?.(path, metadata, registry)) ?? [];
  },
};

/**
 * The servables of `@servable/tf-bridge`: {@link TFModelServable} under
 * `dev.servable.tfbridge.TFModel`.
 *
 * Registering it is cheap: TF.js is imported only when the registry loads or checks a TF stage
 * (the first one; later ones reuse it), so a program that registers the plugin and serves only
 * Flink ML stages never loads TF.js. Import it from `@servable/tf-bridge/plugin` to keep TF.js
 * out of start-up too (the main entry exports the same object, but importing the main entry
 * loads TF.js).
 *
 * @example
 * ```ts
 * import { tfBridgePlugin } from '@servable/tf-bridge/plugin';
 *
 * const registry = new ServableRegistry().register(servableLib).register(tfBridgePlugin);
 * const pipeline = await registry.load('/models/scaler-then-mlp'); // imports TF.js here
 * ```
 */
export const tfBridgePlugin: ServablePlugin = {
  name: '@servable/tf-bridge',
  servables: {
    [TF_MODEL_CLASS_NAME]: lazyTFModelLoader,
  },
};
