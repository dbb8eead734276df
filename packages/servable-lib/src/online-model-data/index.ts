export { type LatestRecordFormatSpec, latestRecordFormat } from './latest-record-format.js';
export { ModelVersionRangeError, versionColumn } from './version-column.js';
