// Moved to @servable/servable-api (next to singleRecordFormat / multiRecordFormat); re-exported
// for the servables that import it from here.
export { type LatestRecordFormatSpec, latestRecordFormat } from '@servable/servable-api';
