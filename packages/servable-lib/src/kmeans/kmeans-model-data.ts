import {
  type Codec,
  type DataInputView,
  type DataOutputView,
  type DenseVector,
  DenseVectorSerializer,
} from '@servable/linalg';

/**
 * Model data of Flink ML's `KMeansModel` and `OnlineKMeansModel` (`KMeansModelData`): the
 * cluster centres and, per centre, the (possibly decayed) number of points assigned to it.
 */
export interface KMeansModelData {
  /** The cluster centres; the predicted cluster id is an index into this array. */
  readonly centroids: readonly DenseVector[];
  /** Points per cluster (used by online training only, never by transform). */
  readonly weights: DenseVector;
}

/**
 * The binary layout of {@link KMeansModelData}, byte-exact with Flink ML's
 * `KMeansModelData.ModelDataEncoder`/`ModelDataDecoder`: `m:int`, `m` centroids
 * (`DenseVectorSerializer` each), then the weights (`DenseVectorSerializer`).
 *
 * @example
 * ```ts
 * encodeToBytes(KMeansModelDataCodec, {
 *   centroids: [Vectors.dense(0.1, 0.1), Vectors.dense(9.2, 0.2)],
 *   weights: Vectors.dense(3, 3),
 * });
 * // 00000002 00000002 3fb9…9a 3fb9…9a 00000002 4022…66 3fc9…9a 00000002 4008…00 4008…00
 * ```
 */
export const KMeansModelDataCodec: Codec<KMeansModelData> = Object.freeze({
  minEncodedBytes: 8,
  encode(value: KMeansModelData, out: DataOutputView): void {
    out.writeInt(value.centroids.length);
    for (const c of value.centroids) DenseVectorSerializer.encode(c, out);
    DenseVectorSerializer.encode(value.weights, out);
  },
  decode(input: DataInputView): KMeansModelData {
    const at = input.position;
    const m = input.readInt();
    // Every centroid takes at least its 4-byte length, and the weights follow.
    input.requireElements(m, 4, 'centroids', at);
    const centroids: DenseVector[] = new Array(m);
    for (let i = 0; i < m; i++) centroids[i] = DenseVectorSerializer.decode(input);
    const weights = DenseVectorSerializer.decode(input);
    return { centroids, weights };
  },
});

/**
 * Checks a {@link KMeansModelData}: every centroid has the same dimension (Java would fail on
 * every input row otherwise). Returns the problem, or `undefined` when consistent.
 */
export function validateKMeansModelData(model: KMeansModelData): string | undefined {
  const first = model.centroids[0];
  if (first === undefined) return undefined;
  for (let i = 1; i < model.centroids.length; i++) {
    const c = model.centroids[i] as DenseVector;
    if (c.size() !== first.size()) {
      return `centroid ${i} has dimension ${c.size()} but centroid 0 has dimension ${first.size()}.`;
    }
  }
  return undefined;
}
