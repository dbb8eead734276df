import {
  AmbiguousModelDataError,
  ModelDataError,
  type ModelDataFormat,
  toModelVersion,
} from '@servable/servable-api';
import { decodeTFModelBundle, encodeTFModelBundle } from './bundle-codec.js';
import type { TFModelBundle } from './tf-model-bundle.js';

/**
 * The model data format of a TF model stage: exactly one {@link TFModelBundle} over all inputs
 * (a data file, a Kafka record value and `setModelData` bytes are the same bytes). The bundle's
 * version is the model version, so updaters skip older snapshots.
 */
export const TF_MODEL_BUNDLE_FORMAT: ModelDataFormat<TFModelBundle> = {
  name: 'TFModelBundle',
  cardinality: 'single',
  decode(chunks) {
    const found: { source: string; bundle: TFModelBundle }[] = [];
    const counts: { source: string; records: number }[] = [];
    for (const chunk of chunks) {
      let at = 0;
      let n = 0;
      while (at < chunk.bytes.length) {
        const { bundle, end } = decodeTFModelBundle(chunk.bytes, chunk.source, at);
        found.push({ source: chunk.source, bundle });
        at = end;
        n++;
      }
      counts.push({ source: chunk.source, records: n });
    }
    if (found.length === 1) return (found[0] as { bundle: TFModelBundle }).bundle;
    if (found.length === 0) {
      throw new ModelDataError(
        `TFModelBundle expects exactly one bundle, found none in ${chunks.map((c) => c.source).join(', ') || 'no input'}.`,
        { expected: '1 bundle', found: '0 bytes' },
        'MODEL_DATA_EMPTY',
      );
    }
    throw new AmbiguousModelDataError('TFModelBundle', counts);
  },
  encode: encodeTFModelBundle,
  version: (bundle) => toModelVersion(bundle.version),
};
