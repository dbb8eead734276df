/**
 * Kept for tests written against the old name (servable-lib-registry.test.ts); the helpers live
 * in `encodings.ts`. Import from there.
 */
export { bytesToHex, hexToBytes, modelDataRecordBytes } from './encodings.js';
