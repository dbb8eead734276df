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
import { TypedArraySlab } from '../java/typed-array-slab.js';

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

/** Where a transform's output vectors get their arrays. */
interface OutputSlabs {
  readonly indices: TypedArraySlab<Int32Array>;
  readonly values: TypedArraySlab<Float64Array>;
}

/** Up to this many terms a row is sorted by insertion; beyond, by `TypedArray.sort`. */
const INSERTION_SORT_MAX = 32;

/**
 * The term-frequency vector of the first `len` indices of `scratch` (reordered in place):
 * ascending distinct indices, each with its count (or 1.0 when `binary`). Counts are small
 * integers, so the order of summation does not matter.
 */
function countIndices(
  scratch: Int32Array,
  len: number,
  numFeatures: number,
  binary: boolean,
  slabs: OutputSlabs,
): SparseVector {
  if (len <= INSERTION_SORT_MAX) {
    for (let i = 1; i < len; i++) {
      const key = scratch[i]!;
      let j = i - 1;
      while (j >= 0 && scratch[j]! > key) {
        scratch[j + 1] = scratch[j]!;
        j--;
      }
      scratch[j + 1] = key;
    }
  } else {
    scratch.subarray(0, len).sort();
  }
  let distinct = 0;
  for (let i = 0; i < len; i++) if (i === 0 || scratch[i] !== scratch[i - 1]) distinct++;
  const indices = slabs.indices.take(distinct);
  const values = slabs.values.take(distinct);
  let last = -1;
  for (let i = 0; i < len; i++) {
    const index = scratch[i]!;
    if (last >= 0 && indices[last] === index) {
      if (!binary) values[last] = values[last]! + 1;
    } else {
      last++;
      indices[last] = index;
      values[last] = 1;
    }
  }
  return new SparseVector(numFeatures, indices, values);
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
    const isString =
      type.kind === 'array' &&
      type.elementType.kind === 'scalar' &&
      type.elementType.basicType === 'STRING';
    let scratch = new Int32Array(16);
    const expected = lists.length * (lists[0]?.length ?? 0);
    const slabs: OutputSlabs = {
      indices: TypedArraySlab.int32(expected),
      values: TypedArraySlab.float64(expected),
    };
    for (let r = 0; r < lists.length; r++) {
      const list = lists[r];
      if (list === null || list === undefined) {
        throw new ColumnTypeMismatchError(column, type.toString(), 'null', r);
      }
      const len = list.length;
      if (len > scratch.length) scratch = new Int32Array(Math.max(len, scratch.length * 2));
      for (let i = 0; i < len; i++) {
        const element = list[i];
        const hash =
          element === null || element === undefined
            ? 0
            : isString
              ? murmur3HashUnencodedChars(element as string)
              : hasher(element);
        scratch[i] = hashingTFIndex(hash, numFeatures);
      }
      out[r] = countIndices(scratch, len, numFeatures, binary, slabs);
    }
    return input.addColumn(this.getOutputCol(), VECTOR, out);
  }
}
