import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import { SparseVector } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  HasInputCol,
  HasNumFeatures,
  HasOutputCol,
  loadStage,
  requireColumn,
  TransformerServableBase,
} from '@servable/servable-api';
import { HasBinary } from '../count-vectorizer/count-vectorizer-model-servable.js';
import {
  murmur3HashDouble,
  murmur3HashFloat,
  murmur3HashInt,
  murmur3HashLong,
  murmur3HashUnencodedChars,
} from '../java/murmur3.js';

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

/** Hashes one non-null list element of a known Java type. */
export type HashingTFElementHasher = (value: unknown) => number;

/**
 * The hash HashingTF applies to the elements of an `ARRAY(elementType)` column, chosen by the
 * element type (the Java class of the elements Flink hands to HashingTF):
 *
 * | element type | Java class | hash |
 * |---|---|---|
 * | STRING | String | `hashUnencodedChars(s)` |
 * | BOOLEAN | Boolean | `hashInt(b ? 1 : 0)` |
 * | BYTE, SHORT, INT | Byte/Short/Integer | `hashInt(v)` |
 * | LONG | Long | `hashLong(v)` |
 * | FLOAT | Float | `hashInt(floatToIntBits(v))` |
 * | DOUBLE | Double | `hashLong(doubleToLongBits(v))` |
 *
 * A null element hashes to 0. Other element types (bytes, vectors, nested lists) are not
 * supported by Flink ML (UnsupportedOperationException): `undefined` is returned.
 */
export function hashingTFElementHasher(elementType: BasicType): HashingTFElementHasher | undefined {
  switch (elementType) {
    case 'STRING':
      return (v) => murmur3HashUnencodedChars(v as string);
    case 'BOOLEAN':
      return (v) => murmur3HashInt(v === true ? 1 : 0);
    case 'BYTE':
    case 'SHORT':
    case 'INT':
      return (v) => murmur3HashInt(v as number);
    case 'LONG':
      return (v) => murmur3HashLong(v as number);
    case 'FLOAT':
      return (v) => murmur3HashFloat(v as number);
    case 'DOUBLE':
      return (v) => murmur3HashDouble(v as number);
    default:
      return undefined;
  }
}

/**
 * HashingTF's index of a hash: Java `hash % numFeatures`, plus `numFeatures` when negative
 * (unlike FeatureHasher, no `Math.abs` first).
 */
export function hashingTFIndex(hash: number, numFeatures: number): number {
  const m = hash % numFeatures;
  return m < 0 ? m + numFeatures : m;
}

/**
 * Serves Flink ML's `HashingTF` (a Transformer: params only): maps a list of terms to a term
 * frequency vector of dimension `numFeatures` by hashing each term.
 *
 * - Params: `inputCol` ("input"), `outputCol` ("output"), `binary` (false: counts; true: 1.0
 *   per present index), `numFeatures` (262144, > 0).
 * - Input: an `ARRAY(t)` column; the element type `t` decides the Java hash (see
 *   {@link hashingTFElementHasher}); a null element hashes to 0 (index 0).
 * - Output: VECTOR, a SparseVector with ascending indices and the counts as doubles.
 * - A column that is not an array of STRING/BOOLEAN/numbers fails with
 *   {@link ColumnTypeMismatchError} (Java: IllegalArgumentException or
 *   UnsupportedOperationException); so does a null list (Java: NullPointerException).
 */
export class HashingTFServable extends TransformerServableBase.withParams(
  HasInputCol,
  HasOutputCol,
  HasBinary,
  HasNumFeatures,
) {
  /** The Java class name of the saved stage. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.feature.hashingtf.HashingTF';
  readonly className: string = HashingTFServable.CLASS_NAME;

  /** Loads a HashingTF saved by Flink ML (or by `save`). */
  static load(path: string): Promise<HashingTFServable> {
    return loadStage(path, () => new HashingTFServable());
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const column = this.getInputCol();
    const numFeatures = this.getNumFeatures();
    const binary = this.getBinary();
    const at = requireColumn(input, column, 'HashingTFServable');
    const type = input.getDataType(at);
    const hasher =
      type.kind === 'array' && type.elementType.kind === 'scalar'
        ? hashingTFElementHasher(type.elementType.basicType)
        : undefined;
    if (hasher === undefined) {
      throw new ColumnTypeMismatchError(
        column,
        'ARRAY of STRING, BOOLEAN or numbers',
        type.toString(),
      );
    }
    const lists = input.column(at) as readonly (readonly unknown[] | null)[];
    const out = new Array<SparseVector>(lists.length);
    const counts = new Map<number, number>();
    for (let r = 0; r < lists.length; r++) {
      const list = lists[r];
      if (list === null || list === undefined) {
        throw new ColumnTypeMismatchError(column, type.toString(), 'null', r);
      }
      counts.clear();
      for (const element of list) {
        const hash = element === null || element === undefined ? 0 : hasher(element);
        const index = hashingTFIndex(hash, numFeatures);
        counts.set(index, binary ? 1 : (counts.get(index) ?? 0) + 1);
      }
      const indices = Int32Array.from(counts.keys()).sort();
      const values = new Float64Array(indices.length);
      for (let k = 0; k < indices.length; k++) values[k] = counts.get(indices[k]!)!;
      out[r] = new SparseVector(numFeatures, indices, values);
    }
    return input.addColumn(this.getOutputCol(), VECTOR, out);
  }
}
