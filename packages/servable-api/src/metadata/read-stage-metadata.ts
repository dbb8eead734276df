import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MetadataError } from './metadata-error.js';
import { parseStageMetadata, type StageMetadata } from './stage-metadata.js';

/** The name of the metadata file inside a saved stage directory. */
export const METADATA_FILE = 'metadata';

/**
 * Reads and parses `dir/metadata` with Flink ML's rules (see {@link parseStageMetadata}). The
 * file is decoded as UTF-8 (malformed bytes become U+FFFD, as Java's decoder does).
 *
 * @param expectedClassName when given, a different `className` is an error.
 * @throws {MetadataError} `METADATA_NOT_FOUND` when the file does not exist, `METADATA_IO` when
 *   it cannot be read, and the parse errors of {@link parseStageMetadata}.
 */
export async function readStageMetadata(
  dir: string,
  expectedClassName?: string,
): Promise<StageMetadata> {
  const path = join(dir, METADATA_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new MetadataError(
        'METADATA_NOT_FOUND',
        path,
        `Metadata file ${path} does not exist: ${dir} is not a saved Flink ML stage.`,
        { cause: error },
      );
    }
    throw new MetadataError(
      'METADATA_IO',
      path,
      `Cannot read metadata file ${path}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return parseStageMetadata(new TextDecoder('utf-8').decode(bytes), path, expectedClassName);
}
