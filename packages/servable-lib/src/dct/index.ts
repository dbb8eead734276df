export { DCT_DIRECT_MAX_LENGTH, DctPlan } from './dct-plan.js';
export { DCTServable, HasInverse, INVERSE } from './dct-servable.js';
