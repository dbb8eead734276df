import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, formatJavaDouble, type Vector } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  FeatureDimensionError,
  HasHandleInvalid,
  HasInputCol,
  HasOutputCol,
  InvalidInputValueError,
  KEEP_INVALID,
  loadStage,
  ModelServable,
  mapVectorColumn,
  SKIP_INVALID,
} from '@servable/servable-api';
import { javaIntegerHashMapOrder } from '../java/integer-hash-map-order.js';
import type { CategoryMap } from './category-map.js';
import {
  VECTOR_INDEXER_MODEL_DATA_FORMAT,
  type VectorIndexerModelData,
} from './vector-indexer-model-data.js';

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

/** The categorical features of a model in Java's iteration order. */
interface IndexPlan {
  readonly model: VectorIndexerModelData;
  readonly columns: Int32Array;
  readonly maps: readonly CategoryMap[];
  /** The smallest vector size every categorical feature fits in. */
  readonly minSize: number;
}

/**
 * Serves Flink ML's `VectorIndexerModel`: replaces the values of categorical features by their
 * category indices; continuous features (not in the model) pass through unchanged.
 *
 * - Params: `inputCol` ("input"), `outputCol` ("output"), `handleInvalid` (`error` | `skip` |
 *   `keep`, default `error`).
 * - Values are matched bit-exactly, as Java's `Double` keys: `-0.0` and `0.0` are different
 *   values, all NaNs the same.
 * - An unseen value: `error` → {@link InvalidInputValueError} with Java's message `The input
 *   contains unseen double: <Double.toString(v)>. See handleInvalid parameter for more options.`;
 *   `skip` → the row is dropped; `keep` → the number of known values of that feature.
 * - The output keeps the input's kind: a dense vector stays dense; a sparse vector is updated with
 *   Java's `SparseVector.set` (a new entry only for a non-zero category, stored entries —
 *   explicit zeros included — overwritten).
 * - Features are visited in Java's `HashMap<Integer, …>` iteration order (emulated exactly by
 *   `javaIntegerHashMapOrder`; ascending for small indices), which decides which feature's error
 *   is reported when a row has several unseen values. (For the rare maps where Java builds tree
 *   bins — 8+ feature indices colliding modulo a 64+ slot table — the order within such a bin is
 *   approximated by insertion order.)
 * - A null vector → {@link ColumnTypeMismatchError}; a vector too short for a categorical feature
 *   → {@link FeatureDimensionError} (Java: an index-out-of-bounds exception).
 */
export class VectorIndexerModelServable extends ModelServable.withParams(
  HasInputCol,
  HasOutputCol,
  HasHandleInvalid,
)<VectorIndexerModelData> {
  /** The Java class name of the saved model. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.feature.vectorindexer.VectorIndexerModel';
  readonly className: string = VectorIndexerModelServable.CLASS_NAME;
  readonly modelDataFormat = VECTOR_INDEXER_MODEL_DATA_FORMAT;
  private plan: IndexPlan | undefined;

  /** Loads a VectorIndexerModel saved by Flink ML (or by `save`). */
  static load(path: string): Promise<VectorIndexerModelServable> {
    return loadStage(path, () => new VectorIndexerModelServable());
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const plan = this.planFor(this.requireModel());
    const column = this.getInputCol();
    const handleInvalid = this.getHandleInvalid();
    const keep = new Uint8Array(input.numRows()).fill(1);
    let dropped = false;
    const { columns, maps } = plan;
    const spec = {
      column,
      stage: 'VectorIndexerModelServable',
      dimension: plan.minSize,
      dimensionRule: 'atLeast' as const,
    };
    const out = mapVectorColumn(input, spec, (v, r): Vector | null => {
      const result = v instanceof DenseVector ? new DenseVector(v.values.slice()) : v.clone();
      for (let k = 0; k < columns.length; k++) {
        const feature = columns[k]!;
        const mapping = maps[k]!;
        const value = result.get(feature);
        let category = mapping.get(value);
        if (category < 0) {
          if (handleInvalid === SKIP_INVALID) {
            keep[r] = 0;
            dropped = true;
            return null;
          }
          if (handleInvalid !== KEEP_INVALID) {
            throw new InvalidInputValueError(
              `The input contains unseen double: ${formatJavaDouble(value)}. See handleInvalid parameter for more options.`,
              column,
              r,
            );
          }
          category = mapping.size;
        }
        result.set(feature, category);
      }
      return result;
    });
    const result = input.addColumn(this.getOutputCol(), VECTOR, out);
    return dropped ? result.filterRows(keep) : result;
  }

  private planFor(model: VectorIndexerModelData): IndexPlan {
    if (this.plan?.model === model) return this.plan;
    const order = javaIntegerHashMapOrder([...model.categoryMaps.keys()]).keys;
    const columns = Int32Array.from(order);
    const maps = order.map((c) => model.categoryMaps.get(c)!);
    let minSize = 0;
    for (const c of order) minSize = Math.max(minSize, c + 1);
    this.plan = { model, columns, maps, minSize };
    return this.plan;
  }
}
