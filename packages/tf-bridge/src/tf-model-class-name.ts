/**
 * The class name a served TF.js model stage (a {@link TFModelServable}, a `TFModel` holding a
 * bundle) saves in its metadata: `dev.servable.tfbridge.TFModel`. It lives apart from the
 * servable so that the light `@servable/tf-bridge/plugin` entry can name the class without
 * loading TF.js.
 */
export const TF_MODEL_CLASS_NAME = 'dev.servable.tfbridge.TFModel';
