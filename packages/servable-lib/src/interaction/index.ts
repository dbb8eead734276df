export { type InteractionFactor, InteractionServable, interact } from './interaction-servable.js';
