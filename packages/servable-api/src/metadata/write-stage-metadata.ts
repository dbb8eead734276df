import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MetadataError } from './metadata-error.js';
import { METADATA_FILE } from './read-stage-metadata.js';
import { formatStageMetadata, type StageMetadata } from './stage-metadata.js';

/** Options of {@link writeStageMetadata}. */
export interface WriteStageMetadataOptions {
  /** Replace an existing metadata file. Default `false` (Flink ML's `NO_OVERWRITE`). */
  readonly overwrite?: boolean;
}

/**
 * Writes `dir/metadata` byte-for-byte as Flink ML does (UTF-8, compact JSON, no trailing
 * newline; see {@link formatStageMetadata}), creating `dir` and its parents. Returns the file
 * path.
 *
 * @throws {MetadataError} `METADATA_EXISTS` when the file exists and `overwrite` is not set
 *   (Java: `File <path> already exists.`), `METADATA_IO` for other file-system failures.
 */
export async function writeStageMetadata(
  dir: string,
  metadata: StageMetadata,
  options: WriteStageMetadataOptions = {},
): Promise<string> {
  const path = join(dir, METADATA_FILE);
  const text = formatStageMetadata(metadata);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(path, text, {
      encoding: 'utf8',
      flag: options.overwrite === true ? 'w' : 'wx',
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && options.overwrite !== true) {
      throw new MetadataError(
        'METADATA_EXISTS',
        path,
        `File ${path} already exists. Pass { overwrite: true } to replace it.`,
        { cause: error },
      );
    }
    throw new MetadataError(
      'METADATA_IO',
      path,
      `Cannot write metadata file ${path}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return path;
}
