import { type ServablePlugin, servableLoader } from '@servable/servable-api';
import { ThresholdModelServable } from './threshold-model-servable.js';

/**
 * The plugin this package ships. Users register it next to `servableLib`:
 * `new ServableRegistry().register(servableLib).register(examplePlugin)`.
 */
export const examplePlugin: ServablePlugin = {
  name: '@servable/example-custom-servable-plugin',
  servables: {
    [ThresholdModelServable.CLASS_NAME]: servableLoader(() => new ThresholdModelServable()),
  },
};
