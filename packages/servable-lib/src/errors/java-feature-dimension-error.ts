// Moved to @servable/servable-api (next to FeatureDimensionError); re-exported for the servables
// that import it from here.
export { JavaFeatureDimensionError } from '@servable/servable-api';
