import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeModelDataFileAtomically } from '@servable/model-updaters';
import { listModelDataFiles, MODEL_DATA_DIR, ModelDataError } from '@servable/servable-api';
import type * as tf from '@tensorflow/tfjs';
import { decodeTFModelBundle, encodeTFModelBundle } from '../bundle/bundle-codec.js';
import type { TFModelBundle } from '../bundle/tf-model-bundle.js';
import { TFConfigError } from '../errors.js';
import { fileSystemIO } from '../tfjs/file-system-io.js';
import { bundleFromArtifacts, bundleFromModel } from '../tfjs/load-model.js';

const CHECKPOINT = /^epoch-(\d+)\.tfjb$/;

/** The file name of the checkpoint after `epoch`: `epoch-000012.tfjb`. */
export function checkpointName(epoch: number): string {
  return `epoch-${String(epoch).padStart(6, '0')}.tfjb`;
}

/**
 * Writes a checkpoint of `model` after `epoch` into `dir` (write-then-rename, so a crash never
 * leaves a partial checkpoint). The bundle's version is the epoch.
 */
export async function writeCheckpoint(
  dir: string,
  epoch: number,
  model: tf.LayersModel,
): Promise<string> {
  const bytes = encodeTFModelBundle(await bundleFromModel(model, epoch));
  return writeModelDataFileAtomically(join(dir, checkpointName(epoch)), bytes, { fsync: false });
}

/** The latest checkpoint in `dir`, or undefined when there is none. */
export async function latestCheckpoint(
  dir: string,
): Promise<{ epoch: number; path: string } | undefined> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return undefined;
  }
  let best: { epoch: number; path: string } | undefined;
  for (const name of names) {
    const m = CHECKPOINT.exec(name);
    if (m === null) continue;
    const epoch = Number(m[1]);
    if (best === undefined || epoch > best.epoch) best = { epoch, path: join(dir, name) };
  }
  return best;
}

/**
 * Reads a saved model for a warm start: a TF model stage directory (its `data/` file), a bundle
 * file (a checkpoint or a data file), or a TF.js `model.json` (or a directory holding one).
 *
 * @throws TFConfigError when nothing usable is at `path`; ModelDataError for a corrupt bundle.
 */
export async function readModelBundle(
  path: string,
  param = 'initialModelPath',
): Promise<TFModelBundle> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new TFConfigError(param, `no model at ${path}.`);
  }
  if (info.isFile() && !path.endsWith('.json')) {
    return decodeSingle(await readFile(path), path);
  }
  if (info.isDirectory()) {
    const names = await readdir(path);
    if (names.includes('metadata') && names.includes(MODEL_DATA_DIR)) {
      const listing = await listModelDataFiles(join(path, MODEL_DATA_DIR));
      const [file] = listing.files;
      if (file === undefined)
        throw new TFConfigError(param, `the stage ${path} has no model data file.`);
      const full = join(listing.directory, file);
      return decodeSingle(await readFile(full), full);
    }
    if (!names.includes('model.json')) {
      throw new TFConfigError(
        param,
        `${path} is neither a TF model stage (metadata + data/) nor a TF.js model directory (model.json).`,
      );
    }
  }
  const artifacts = await fileSystemIO(path).load?.();
  if (artifacts === undefined) throw new TFConfigError(param, `cannot read ${path}.`);
  const kind = artifacts.format === 'graph-model' ? 'graph' : 'layers';
  return bundleFromArtifacts(artifacts, kind);
}

function decodeSingle(bytes: Uint8Array, source: string): TFModelBundle {
  const { bundle, end } = decodeTFModelBundle(bytes, source);
  if (end !== bytes.length) {
    throw new ModelDataError(
      `${source}: ${bytes.length - end} bytes follow the bundle at byte offset ${end}.`,
      {
        source,
        offset: end,
        expected: 'end of file',
        found: `${bytes.length - end} more bytes`,
      },
    );
  }
  return bundle;
}
