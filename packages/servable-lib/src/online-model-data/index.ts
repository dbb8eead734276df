export { latestRecordFormat, type LatestRecordFormatSpec } from './latest-record-format.js';
export { ModelVersionRangeError, versionColumn } from './version-column.js';
