import { ModelDataError } from '@servable/servable-api';
import * as tf from '@tensorflow/tfjs';
import type { TFModelBundle, TFModelJson, TFModelKind } from '../bundle/tf-model-bundle.js';

// TF.js prints a "use tfjs-node" banner on first use in Node.js unless PROD is set.
tf.env().set('PROD', true);

/** A TF.js model the bridge can run: a layers model or a graph model. */
export type TFJSModel = tf.LayersModel | tf.GraphModel;

/**
 * Builds the TF.js model a bundle describes (`tf.loadLayersModel` / `tf.loadGraphModel` over the
 * bundle's bytes in memory).
 *
 * @throws ModelDataError naming `source` when TF.js rejects the topology or the weights.
 */
export async function loadBundleModel(
  bundle: TFModelBundle,
  source = 'bundle',
): Promise<TFJSModel> {
  const json = bundle.modelJson;
  const artifacts: tf.io.ModelArtifacts = {
    ...(json as Omit<TFModelJson, 'weightSpecs'>),
    weightSpecs: [...json.weightSpecs],
    weightData: toArrayBuffer(bundle.weightData),
  } as tf.io.ModelArtifacts;
  try {
    const handler = tf.io.fromMemory(artifacts);
    return bundle.kind === 'layers'
      ? await tf.loadLayersModel(handler)
      : await tf.loadGraphModel(handler);
  } catch (error) {
    throw new ModelDataError(
      `TF.js cannot build the ${bundle.kind} model from ${source}: ${(error as Error).message}`,
      {
        source,
        expected: `a valid TF.js ${bundle.kind} model`,
        found: (error as Error).message,
        cause: error,
      },
      'MODEL_DATA_INVALID',
    );
  }
}

/**
 * Captures a TF.js model (its topology, training config and weights) as a bundle.
 * @param version the bundle's model version (default 0).
 */
export async function bundleFromModel(
  model: TFJSModel,
  version: bigint | number = 0n,
): Promise<TFModelBundle> {
  let captured: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (captured === undefined) throw new Error('TF.js did not hand over the model artifacts.');
  return bundleFromArtifacts(
    captured,
    model instanceof tf.LayersModel ? 'layers' : 'graph',
    version,
  );
}

/** Builds a bundle from TF.js model artifacts (as an IOHandler's `save` receives them). */
export function bundleFromArtifacts(
  artifacts: tf.io.ModelArtifacts,
  kind: TFModelKind,
  version: bigint | number = 0n,
): TFModelBundle {
  const { weightData, weightSpecs, modelTopology, ...rest } = artifacts;
  if (modelTopology === undefined || modelTopology instanceof ArrayBuffer) {
    throw new ModelDataError(
      'TF model artifacts need a JSON modelTopology (binary GraphDefs are not supported).',
    );
  }
  const modelJson = JSON.parse(
    JSON.stringify({ ...rest, modelTopology, weightSpecs: weightSpecs ?? [] }),
  ) as TFModelJson;
  return { kind, version: BigInt(version), modelJson, weightData: joinWeights(weightData) };
}

function joinWeights(data: tf.io.WeightData | undefined): Uint8Array {
  if (data === undefined) return new Uint8Array(0);
  const parts = Array.isArray(data) ? data : [data];
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p), at);
    at += p.byteLength;
  }
  return out;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
