import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Options of {@link writeModelDataFileAtomically} and {@link publishModelDataDirectory}. */
export interface AtomicWriteOptions {
  /**
   * Flush the file (and the directory entry) to stable storage before and after the rename, so
   * that a crash never leaves a renamed but empty file. Default `true`; turn it off only for
   * tests and benchmarks on a tmpfs.
   */
  readonly fsync?: boolean;
}

/**
 * Publishes a model data file with the write-then-rename protocol: the bytes go to a hidden
 * temporary file in the same directory (`.<name>.inprogress.<uuid>`, which readers ignore as
 * Flink's file source does), are flushed, and the temporary file is renamed onto `path` in one
 * atomic step. A reader (such as {@link FileModelUpdater}) sees either the old complete file or
 * the new complete file, never a partial one.
 *
 * @returns the path written (`path`).
 *
 * @example
 * ```ts
 * await writeModelDataFileAtomically('/srv/models/lr/data/part-0', format.encode(model));
 * ```
 */
export async function writeModelDataFileAtomically(
  path: string,
  bytes: Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<string> {
  const fsync = options.fsync ?? true;
  const directory = dirname(path);
  await mkdir(directory, { recursive: true });
  const temporary = join(directory, `.${basename(path)}.inprogress.${randomUUID()}`);
  const handle = await open(temporary, 'wx');
  try {
    await handle.writeFile(bytes);
    if (fsync) await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  if (fsync) await syncDirectory(directory);
  return path;
}

/**
 * Publishes new model data into a saved stage's `data/` directory (or any model data directory)
 * so that a watching reader never sees a half-written or mixed state:
 *
 * - when the directory holds exactly one visible file (the usual case, `part-<uuid>-0`), the new
 *   bytes atomically replace that file (write-then-rename onto the same name);
 * - otherwise the bytes are renamed into place as `fileName` (default `part-0`) and every other
 *   visible file is then removed. Between those steps a reader sees several files, which does
 *   not decode as a single-record model; {@link FileModelUpdater} waits for the directory to
 *   settle instead of reporting an error.
 *
 * @param directory the model data directory (`<stage>/data`), created when missing.
 * @returns the path of the file that holds the new model data.
 */
export async function publishModelDataDirectory(
  directory: string,
  bytes: Uint8Array,
  options: AtomicWriteOptions & { readonly fileName?: string } = {},
): Promise<string> {
  await mkdir(directory, { recursive: true });
  const visible = (await readdir(directory)).filter(
    (n) => !n.startsWith('.') && !n.startsWith('_'),
  );
  const target = visible.length === 1 ? (visible[0] as string) : (options.fileName ?? 'part-0');
  const written = await writeModelDataFileAtomically(join(directory, target), bytes, options);
  for (const name of visible) {
    if (name !== target) await rm(join(directory, name), { force: true });
  }
  return written;
}

async function syncDirectory(directory: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is still atomic.
  } finally {
    await handle?.close();
  }
}
