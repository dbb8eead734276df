import { join } from 'node:path';
import { writeStageMetadata } from './metadata/index.js';
import { MODEL_DATA_DIR, writeModelDataFiles } from './model-data-files.js';
import { paramMapToJson } from './params/index.js';
import type { AnyServable, SaveOptions } from './transformer-servable.js';

/**
 * Writes a stage in Flink ML's saved format: `path/metadata` with the servable's `className`,
 * the timestamp and every param (JSON-encoded as Flink ML does), and — when `modelData` is
 * given — `path/data/part-<uuid>-0` holding it.
 *
 * Used by the `save` methods of {@link ModelServable} and {@link TransformerServableBase}; call it
 * from a custom servable's `save`.
 */
export async function saveStage(
  path: string,
  servable: AnyServable,
  modelData: Uint8Array | undefined,
  options: SaveOptions = {},
): Promise<void> {
  await writeStageMetadata(
    path,
    {
      className: servable.className,
      timestamp: options.timestamp ?? Date.now(),
      paramMap: paramMapToJson(servable),
    },
    { overwrite: options.overwrite ?? false },
  );
  if (modelData !== undefined) {
    await writeModelDataFiles(join(path, MODEL_DATA_DIR), modelData, {
      overwrite: options.overwrite ?? false,
    });
  }
}
