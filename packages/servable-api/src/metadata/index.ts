export type { MetadataErrorCode, MetadataErrorDetails } from './metadata-error.js';
export { MetadataError } from './metadata-error.js';
export { METADATA_FILE, readStageMetadata } from './read-stage-metadata.js';
export { resolveStageDir, STAGES_DIR, stageDirName } from './stage-dir.js';
export type { StageMetadata } from './stage-metadata.js';
export { formatStageMetadata, parseStageMetadata } from './stage-metadata.js';
export type { WriteStageMetadataOptions } from './write-stage-metadata.js';
export { writeStageMetadata } from './write-stage-metadata.js';
