import { BasicType, type DataFrame, type DataType, DataTypes } from '@servable/dataframe';
import { DenseVector, SparseVector } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  HasCategoricalCols,
  HasInputCols,
  HasNumFeatures,
  HasOutputCol,
  loadStage,
  ParamError,
  requireColumn,
  TransformerServableBase,
} from '@servable/servable-api';
import { HashedTermCounts } from '../java/hashed-term-counts.js';
import { murmur3HashUnencodedChars } from '../java/murmur3.js';
import { javaNumberToString } from '../java/string-value-of.js';

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);
const INT_MIN = -2147483648;

/**
 * FeatureHasher's index of a feature key: `Math.floorMod(Math.abs(murmur3(key)), numFeatures)`
 * with Java's `int` semantics (`Math.abs(Integer.MIN_VALUE)` stays negative, and floorMod then
 * makes it non-negative).
 */
export function featureHasherIndex(key: string, numFeatures: number): number {
  return featureHasherIndexOfHash(murmur3HashUnencodedChars(key), numFeatures);
}

/** The index part of {@link featureHasherIndex}: `floorMod(Math.abs(hash), numFeatures)` on Java ints. */
export function featureHasherIndexOfHash(hash: number, numFeatures: number): number {
  const abs = hash === INT_MIN ? hash : Math.abs(hash);
  return ((abs % numFeatures) + numFeatures) % numFeatures;
}

/** Whether FeatureHasher treats a column of this type as categorical by itself. */
function isCategoricalType(type: DataType): boolean {
  return type.kind === 'scalar' && (type.basicType === 'STRING' || type.basicType === 'BOOLEAN');
}

/** Java's `String.valueOf(value)` of a categorical value, or undefined if it has no stable form. */
function categoricalString(value: unknown, type: DataType): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && type.kind === 'scalar') {
    return javaNumberToString(value, type.basicType);
  }
  if (value instanceof DenseVector || value instanceof SparseVector) return value.toString();
  return undefined;
}

/** At most this many distinct values per categorical column have their index cached. */
const MAX_CACHED_VALUES = 65536;

/** A categorical input column with its per-transform cache of value → index. */
interface CategoricalColumn {
  readonly name: string;
  readonly data: ArrayLike<unknown>;
  readonly type: DataType;
  /** Index of the key `name=String.valueOf(value)` by value (strings, booleans, numbers but -0). */
  readonly indexOfValue: Map<unknown, number>;
}

/**
 * The index of the key `col=String.valueOf(value)`, from the column's cache when the value was
 * seen before (vectors and -0 are not cached: a Map would not tell -0 from 0).
 */
function categoricalIndex(
  col: CategoricalColumn,
  value: unknown,
  row: number,
  numFeatures: number,
): number {
  const cacheable =
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && !Object.is(value, -0));
  if (cacheable) {
    const index = col.indexOfValue.get(value);
    if (index !== undefined) return index;
  }
  const text = categoricalString(value, col.type);
  if (text === undefined) {
    throw new ColumnTypeMismatchError(col.name, col.type.toString(), typeof value, row);
  }
  const index = featureHasherIndex(`${col.name}=${text}`, numFeatures);
  if (cacheable && col.indexOfValue.size < MAX_CACHED_VALUES) col.indexOfValue.set(value, index);
  return index;
}

/**
 * Serves Flink ML's `FeatureHasher` (a Transformer: params only): hashes a set of columns into
 * one sparse feature vector of dimension `numFeatures`.
 *
 * - Params: `inputCols`, `outputCol` ("output"), `categoricalCols` ([], must be a subset of
 *   `inputCols`), `numFeatures` (262144, > 0).
 * - Categorical columns = `categoricalCols` ∪ every input column of type STRING or BOOLEAN.
 *   A categorical value `v` of column `c` adds 1.0 at the index of the key `c=v`, with `v`
 *   written as Java's `String.valueOf` (`true`, `1.0` for DOUBLE, `1` for INT, a vector's
 *   `toString`). Every other column is numeric: its value is added at the index of the key `c`.
 *   Null values are skipped. Index = {@link featureHasherIndex}; colliding keys are summed
 *   (numeric columns first, in `inputCols` order, then categorical ones).
 * - Output: VECTOR, always a SparseVector with ascending indices.
 * - A numeric column that is not numeric (a vector, a list, bytes) fails with
 *   {@link ColumnTypeMismatchError} (Java: ClassCastException).
 */
export class FeatureHasherServable extends TransformerServableBase.withParams(
  HasInputCols,
  HasOutputCol,
  HasCategoricalCols,
  HasNumFeatures,
) {
  /** The Java class name of the saved stage. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.feature.featurehasher.FeatureHasher';
  readonly className: string = FeatureHasherServable.CLASS_NAME;

  /** Loads a FeatureHasher saved by Flink ML (or by `save`). */
  static load(path: string): Promise<FeatureHasherServable> {
    return loadStage(path, () => new FeatureHasherServable());
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const inputCols = this.getInputCols();
    const listed = this.getCategoricalCols();
    const numFeatures = this.getNumFeatures();
    const missing = listed.filter((c) => !inputCols.includes(c));
    if (missing.length > 0) {
      throw new ParamError(
        'PARAM_INCONSISTENT',
        `CategoricalCols must be included in inputCols! Not in inputCols: [${missing.join(', ')}].`,
      );
    }
    const numeric: { name: string; data: ArrayLike<unknown>; index: number }[] = [];
    const categorical: CategoricalColumn[] = [];
    for (const name of inputCols) {
      const at = requireColumn(input, name, 'FeatureHasherServable');
      const type = input.getDataType(at);
      if (listed.includes(name) || isCategoricalType(type)) {
        if (type.kind === 'array' || (type.kind === 'scalar' && type.basicType === 'BYTE_STRING')) {
          throw new ColumnTypeMismatchError(name, 'a scalar or vector column', type.toString());
        }
        categorical.push({ name, data: input.column(at), type, indexOfValue: new Map() });
      } else {
        if (type.kind !== 'scalar' || !type.isNumeric()) {
          throw new ColumnTypeMismatchError(name, 'a numeric column', type.toString());
        }
        numeric.push({
          name,
          data: input.column(at),
          index: featureHasherIndex(name, numFeatures),
        });
      }
    }

    const n = input.numRows();
    const out = new Array<SparseVector>(n);
    const counts = new HashedTermCounts(n * (numeric.length + categorical.length));
    for (let r = 0; r < n; r++) {
      counts.reset();
      for (const col of numeric) {
        const v = col.data[r];
        if (typeof v === 'number') counts.add(col.index, v);
      }
      for (const col of categorical) {
        const v = col.data[r];
        if (v === null || v === undefined) continue;
        counts.add(categoricalIndex(col, v, r, numFeatures), 1);
      }
      out[r] = counts.toSparseVector(numFeatures);
    }
    return input.addColumn(this.getOutputCol(), VECTOR, out);
  }
}
