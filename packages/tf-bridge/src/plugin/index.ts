/**
 * `@servable/tf-bridge/plugin`: the registry plugin alone, without TF.js. Importing it loads
 * `@servable/servable-api` and a few small modules; TF.js is imported when a registry first
 * loads or checks a `dev.servable.tfbridge.TFModel` stage. Everything else (training,
 * `TFModelServable`, `tf`) is in the main entry, `@servable/tf-bridge`.
 */
export { tfBridgePlugin } from '../tf-bridge-plugin.js';
export { TF_MODEL_CLASS_NAME } from '../tf-model-class-name.js';
