export { HasP, NormalizerServable, normalizeVector, P } from './normalizer-servable.js';
