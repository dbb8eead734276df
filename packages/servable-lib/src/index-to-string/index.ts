export { IndexToStringModelServable } from './index-to-string-model-servable.js';
