import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ModelDataError, ModelDataMissingError } from './errors.js';
import type { ModelDataChunk } from './model-data-input.js';

/** The name of the model data directory inside a saved stage. */
export const MODEL_DATA_DIR = 'data';

/** What a stage's `data/` directory holds, without reading any file. */
export interface ModelDataListing {
  /** The `data/` directory looked at. */
  readonly directory: string;
  /** Whether the directory exists. */
  readonly exists: boolean;
  /** Visible files (not starting with `.` or `_`), sorted by name. */
  readonly files: readonly string[];
  /** Hidden files (`.part-….inprogress.…`, `_SUCCESS`, …), ignored as Flink's FileSource does. */
  readonly hidden: readonly string[];
}

/** True for names Flink's file source ignores: starting with `.` (in-progress) or `_`. */
export function isHiddenModelDataFile(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_');
}

/**
 * Lists the files of a model data directory (`<stage>/data`): visible files sorted by name, and
 * the hidden ones separately. A missing directory gives `exists: false` (no error).
 *
 * @throws ModelDataError when the path exists but cannot be listed (e.g. it is a file).
 */
export async function listModelDataFiles(directory: string): Promise<ModelDataListing> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return { directory, exists: false, files: [], hidden: [] };
    throw new ModelDataError(
      `Cannot list the model data directory ${directory}: ${(error as Error).message}`,
      { source: directory, cause: error },
      'MODEL_DATA_READ',
    );
  }
  const files: string[] = [];
  const hidden: string[] = [];
  for (const entry of entries) {
    if (isHiddenModelDataFile(entry.name)) hidden.push(entry.name);
    else if (entry.isFile() || entry.isSymbolicLink()) files.push(entry.name);
    else {
      throw new ModelDataError(
        `Model data directory ${directory} contains ${entry.name}, which is not a file; Flink ML ` +
          'writes model data files directly into data/ (no sub-directories).',
        { source: join(directory, entry.name) },
        'MODEL_DATA_READ',
      );
    }
  }
  files.sort(compareNames);
  hidden.sort(compareNames);
  return { directory, exists: true, files, hidden };
}

/**
 * Explains why a listing holds no model data, or returns `undefined` when it has files: no
 * directory, an empty one, or only hidden/in-progress files ("model data not committed yet":
 * the Flink job that saved the model has not finished).
 */
export function missingModelDataReason(listing: ModelDataListing): string | undefined {
  if (listing.files.length > 0) return undefined;
  if (!listing.exists) {
    return `the model data directory ${listing.directory} does not exist (the model was saved without model data, or the Flink job that saves it has not run)`;
  }
  if (listing.hidden.length > 0) {
    return (
      `model data not committed yet: ${listing.directory} holds only hidden or in-progress files ` +
      `(${listing.hidden.join(', ')}); the Flink job that saved the model has not finished`
    );
  }
  return `the model data directory ${listing.directory} is empty`;
}

/**
 * Reads every visible file of a model data directory, sorted by name, as chunks named by their
 * paths (for error messages).
 *
 * @throws ModelDataMissingError when the directory is missing, empty or holds only hidden files.
 * @throws ModelDataError when a file cannot be read.
 */
export async function readModelDataFiles(directory: string): Promise<ModelDataChunk[]> {
  const listing = await listModelDataFiles(directory);
  const reason = missingModelDataReason(listing);
  if (reason !== undefined) {
    throw new ModelDataMissingError(directory, `No model data: ${reason}.`);
  }
  return Promise.all(
    listing.files.map(async (name) => {
      const source = join(directory, name);
      try {
        const buffer = await readFile(source);
        return {
          source,
          bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
        };
      } catch (error) {
        throw new ModelDataError(
          `Cannot read model data file ${source}: ${(error as Error).message}`,
          { source, cause: error },
          'MODEL_DATA_READ',
        );
      }
    }),
  );
}

/**
 * The name Flink's `FileSink` gives a committed part file: `part-<uuid>-<counter>`.
 */
export function modelDataFileName(uuid: string = randomUUID(), counter = 0): string {
  return `part-${uuid}-${counter}`;
}

/**
 * Writes model data bytes as Flink ML does: a `data/` directory holding one file
 * `part-<uuid>-0`. An existing `data/` directory is replaced when `overwrite` is set, otherwise
 * writing into it fails (as Flink ML refuses to save over an existing stage).
 *
 * @returns the path of the file written.
 */
export async function writeModelDataFiles(
  directory: string,
  bytes: Uint8Array,
  options: { readonly overwrite?: boolean } = {},
): Promise<string> {
  if (options.overwrite) await rm(directory, { recursive: true, force: true });
  await mkdir(directory, { recursive: true });
  const listing = await listModelDataFiles(directory);
  if (listing.files.length > 0) {
    throw new ModelDataError(
      `Model data directory ${directory} already holds ${listing.files.join(', ')}; refusing to ` +
        'add another file (pass { overwrite: true } to replace the saved stage).',
      { source: directory },
      'MODEL_DATA_EXISTS',
    );
  }
  const file = join(directory, modelDataFileName());
  await writeFile(file, bytes, { flag: 'wx' });
  return file;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isErrno(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === code;
}
