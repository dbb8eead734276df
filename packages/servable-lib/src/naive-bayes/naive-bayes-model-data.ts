import {
  type Codec,
  type DataInputView,
  type DataOutputView,
  type DenseVector,
  DenseVectorSerializer,
} from '@servable/linalg';
import { JavaDoubleHashMap } from '../java/double-hash-map.js';

/**
 * Model data of Flink ML's `NaiveBayesModel` (`NaiveBayesModelData`).
 *
 * `theta[label][feature]` maps a feature value to its log conditional probability. The maps
 * are {@link JavaDoubleHashMap}s: keys compare by bits as Java `Double` keys do (`0.0` and
 * `-0.0` are different values, NaN is one value), and re-encoding writes the entries in the
 * order Java's `HashMap` would.
 */
export interface NaiveBayesModelData {
  /** `theta[i][j]`: value of feature j → log P(value | label i); `numLabels × numFeatures`. */
  readonly theta: readonly (readonly JavaDoubleHashMap[])[];
  /** Log prior of every label. */
  readonly piArray: DenseVector;
  /** The label values, in the order of `theta` and `piArray`. */
  readonly labels: DenseVector;
}

/** Bytes of the smallest map: its 4-byte size. */
const MIN_MAP_BYTES = 4;

/**
 * The binary layout of {@link NaiveBayesModelData} as Flink ML's
 * `NaiveBayesModelData.ModelDataEncoder` writes it: `labels` and `piArray`
 * (`DenseVectorSerializer`), `A:int` = number of labels, `B:int` = number of features, then
 * the `A·B` maps label-major (`theta[0][0], theta[0][1], …`), each a
 * `MapSerializer<Double, Double>` (`size:int`, then per entry `key:double`, `isNull:boolean`,
 * `value:double`).
 *
 * Fidelity decision: Java's *decoder* names the two ints the other way round and allocates
 * `theta[B][A]`, which only works when labels and features are equally many (otherwise it
 * throws `ArrayIndexOutOfBoundsException`). This codec reads `theta[label][feature]`, i.e. what
 * the encoder wrote. When the counts are equal both readings fill the same cells, so every model
 * Java could load and serve gives identical answers; models Java cannot load are served as Java
 * serves them in the job that trained them.
 *
 * A null value (`isNull` set) is rejected: Java's trainer never writes one, and Java would fail
 * with a `NullPointerException` on the first row that looks it up.
 *
 * @example
 * ```ts
 * const theta = new JavaDoubleHashMap();
 * theta.put(1.0, -0.5);
 * encodeToBytes(NaiveBayesModelDataCodec, {
 *   labels: Vectors.dense(11), piArray: Vectors.dense(0), theta: [[theta]],
 * });
 * // 00000001 4026000000000000 00000001 0000000000000000 00000001 00000001
 * // 00000001 3ff0000000000000 00 bfe0000000000000
 * ```
 */
export const NaiveBayesModelDataCodec: Codec<NaiveBayesModelData> = Object.freeze({
  minEncodedBytes: 16,
  encode(value: NaiveBayesModelData, out: DataOutputView): void {
    DenseVectorSerializer.encode(value.labels, out);
    DenseVectorSerializer.encode(value.piArray, out);
    const numLabels = value.theta.length;
    const numFeatures = value.theta[0]?.length ?? 0;
    out.writeInt(numLabels);
    out.writeInt(numFeatures);
    for (const row of value.theta) {
      for (let j = 0; j < numFeatures; j++) {
        const map = row[j] ?? new JavaDoubleHashMap(0);
        out.writeInt(map.size());
        for (const [k, v] of map.entries()) {
          out.writeDouble(k);
          out.writeBoolean(false);
          out.writeDouble(v);
        }
      }
    }
  },
  decode(input: DataInputView): NaiveBayesModelData {
    const labels = DenseVectorSerializer.decode(input);
    const piArray = DenseVectorSerializer.decode(input);
    const dimsAt = input.position;
    const numLabels = input.readInt();
    const numFeatures = input.readInt();
    if (numLabels < 0 || numFeatures < 0) {
      throw input.error(
        'non-negative theta dimensions (numLabels, numFeatures)',
        `${numLabels}, ${numFeatures}`,
        dimsAt,
      );
    }
    input.requireElements(numLabels * numFeatures, MIN_MAP_BYTES, 'theta maps', dimsAt);
    const theta: JavaDoubleHashMap[][] = new Array(numLabels);
    for (let i = 0; i < numLabels; i++) {
      const row: JavaDoubleHashMap[] = new Array(numFeatures);
      for (let j = 0; j < numFeatures; j++) row[j] = decodeMap(input, i, j);
      theta[i] = row;
    }
    return { theta, piArray, labels };
  },
});

function decodeMap(input: DataInputView, label: number, feature: number): JavaDoubleHashMap {
  const at = input.position;
  const size = input.readInt();
  // key (8) + null flag (1) at least per entry.
  input.requireElements(size, 9, `entries of theta[${label}][${feature}]`, at);
  // Flink's MapSerializer builds `new HashMap<>(size)` and puts the entries in stream order.
  const map = new JavaDoubleHashMap(size);
  for (let e = 0; e < size; e++) {
    const key = input.readDouble();
    const flagAt = input.position;
    if (input.readBoolean()) {
      throw input.error(
        `a non-null log probability in theta[${label}][${feature}]`,
        'null',
        flagAt,
      );
    }
    map.put(key, input.readDouble());
  }
  return map;
}

/**
 * Checks that the parts of a {@link NaiveBayesModelData} agree: as many labels, priors and
 * theta rows, and every theta row equally long. Returns the problem, or `undefined`.
 */
export function validateNaiveBayesModelData(model: NaiveBayesModelData): string | undefined {
  const numLabels = model.labels.size();
  if (model.piArray.size() !== numLabels) {
    return `piArray has ${model.piArray.size()} entries but there are ${numLabels} labels.`;
  }
  if (model.theta.length !== numLabels) {
    return `theta has ${model.theta.length} rows but there are ${numLabels} labels.`;
  }
  const numFeatures = model.theta[0]?.length ?? 0;
  for (let i = 1; i < model.theta.length; i++) {
    const n = (model.theta[i] as readonly JavaDoubleHashMap[]).length;
    if (n !== numFeatures) return `theta row ${i} has ${n} features but row 0 has ${numFeatures}.`;
  }
  return undefined;
}
