import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';

/**
 * A TF.js IOHandler on the local file system (TF.js' own `file://` scheme needs tfjs-node):
 * `save` writes `dir/model.json` (with a weights manifest) and `dir/weights.bin`; `load` reads a
 * `model.json` in TF.js format, as written by `save`, `tensorflowjs_converter` or
 * `model.save('file://…')` under tfjs-node, concatenating every weights shard it lists.
 *
 * @param path a directory, or a path to a `model.json` file.
 * @example
 * ```ts
 * await model.save(fileSystemIO('/models/mlp'));
 * const again = await tf.loadLayersModel(fileSystemIO('/models/mlp/model.json'));
 * ```
 */
export function fileSystemIO(path: string): tf.io.IOHandler {
  const modelJsonPath = path.endsWith('.json') ? path : join(path, 'model.json');
  const dir = dirname(modelJsonPath);
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      await mkdir(dir, { recursive: true });
      const weights = artifacts.weightData;
      const parts = weights === undefined ? [] : Array.isArray(weights) ? weights : [weights];
      const bytes = Buffer.concat(parts.map((p) => new Uint8Array(p)));
      const { weightData: _w, weightSpecs, ...rest } = artifacts;
      const modelJson = {
        ...rest,
        weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs ?? [] }],
      };
      await writeFile(join(dir, 'weights.bin'), bytes);
      await writeFile(modelJsonPath, JSON.stringify(modelJson));
      return {
        modelArtifactsInfo: {
          dateSaved: new Date(),
          modelTopologyType: 'JSON',
          weightDataBytes: bytes.length,
        },
      };
    },
    async load(): Promise<tf.io.ModelArtifacts> {
      const json = JSON.parse(await readFile(modelJsonPath, 'utf8')) as tf.io.ModelJSON;
      const specs: tf.io.WeightsManifestEntry[] = [];
      const buffers: Buffer[] = [];
      for (const group of json.weightsManifest ?? []) {
        specs.push(...group.weights);
        for (const p of group.paths) buffers.push(await readFile(join(dir, p)));
      }
      const all = Buffer.concat(buffers);
      const { weightsManifest: _m, ...rest } = json;
      return {
        ...rest,
        weightSpecs: specs,
        weightData: all.buffer.slice(
          all.byteOffset,
          all.byteOffset + all.byteLength,
        ) as ArrayBuffer,
      } as tf.io.ModelArtifacts;
    },
  };
}
