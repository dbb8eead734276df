import type { DataFrame } from '@servable/dataframe';
import type { Vector } from '@servable/linalg';
import { ColumnTypeMismatchError, FeatureDimensionError } from './errors.js';
import { requireVectorColumn } from './input-columns.js';

/**
 * How a row's vector size must compare with {@link VectorColumnSpec.dimension}: `'exact'` —
 * equal; `'atLeast'` — at least that many features (the model reads the first ones);
 * `'atMost'` — no more than that; `'none'` — any size.
 */
export type DimensionRule = 'exact' | 'atLeast' | 'atMost' | 'none';

/** The vector input column a servable reads row by row, and what each row must satisfy. */
export interface VectorColumnSpec {
  /** The input column. */
  readonly column: string;
  /** The servable named when the column is missing (e.g. `IDFModel`). */
  readonly stage: string;
  /** The dimension the model expects; not checked when absent. */
  readonly dimension?: number | undefined;
  /** How the row's size compares with `dimension`; `'exact'` by default. */
  readonly dimensionRule?: DimensionRule | undefined;
  /**
   * The error for a row whose size breaks the rule, for stages that repeat Flink ML's own
   * message (see `JavaFeatureDimensionError`); a {@link FeatureDimensionError} by default.
   */
  readonly dimensionError?: ((row: number, found: number) => FeatureDimensionError) | undefined;
  /**
   * A null row: `'error'` (default) throws {@link ColumnTypeMismatchError}; `'keep'` (only for
   * {@link mapVectorColumn}) gives a null output for it without calling the function.
   */
  readonly nulls?: 'error' | 'keep' | undefined;
}

/**
 * Maps every row of a vector column: checks the column (present, of vector type), then for each
 * row rejects a null vector and one whose size breaks the dimension rule, and collects
 * `fn(vector, row)`. This is the transform loop of the vector→vector servables (scalers,
 * selectors, IDF, …), with their errors:
 *
 * @throws MissingColumnError / ColumnTypeMismatchError when the column is absent or not a vector
 *   column.
 * @throws ColumnTypeMismatchError `Column c, row r: expected VECTOR(DOUBLE), found null.` for a
 *   null row (unless `nulls: 'keep'`).
 * @throws FeatureDimensionError (or `spec.dimensionError`'s error) for a row of the wrong size.
 *
 * @example
 * ```ts
 * const out = mapVectorColumn(
 *   input,
 *   { column: 'input', stage: 'MaxAbsScalerModel', dimension: scale.length },
 *   (v) => scaledClone(scale, v),
 * );
 * return input.addColumn('output', DataTypes.VECTOR(BasicType.DOUBLE), out);
 * ```
 */
export function mapVectorColumn<T>(
  input: DataFrame,
  spec: VectorColumnSpec & { readonly nulls: 'keep' },
  fn: (vector: Vector, row: number) => T,
): (T | null)[];
export function mapVectorColumn<T>(
  input: DataFrame,
  spec: VectorColumnSpec & { readonly nulls?: 'error' | undefined },
  fn: (vector: Vector, row: number) => T,
): T[];
export function mapVectorColumn<T>(
  input: DataFrame,
  spec: VectorColumnSpec,
  fn: (vector: Vector, row: number) => T,
): (T | null)[] {
  const vectors = requireVectorColumn(input, spec.column, spec.stage);
  const n = vectors.length;
  const min = minSize(spec);
  const max = maxSize(spec);
  const keepNulls = spec.nulls === 'keep';
  const out = new Array<T | null>(n);
  for (let r = 0; r < n; r++) {
    const v = vectors[r];
    if (v === null || v === undefined) {
      if (!keepNulls) throw nullRow(spec, r);
      out[r] = null;
      continue;
    }
    const size = v.size();
    if (size < min || size > max) throw dimensionMismatch(spec, r, size);
    out[r] = fn(v, r);
  }
  return out;
}

/**
 * Like {@link mapVectorColumn}, for servables whose outputs are not one array of results (e.g.
 * a prediction written into a `Float64Array`): calls `fn(vector, row)` for every row after the
 * same checks, and returns the number of rows. Null rows are always an error here.
 *
 * @example
 * ```ts
 * const predictions = new Float64Array(input.numRows());
 * forEachVector(input, { column: 'features', stage: 'LinearRegressionModel', dimension }, (v, r) => {
 *   predictions[r] = FmaBLAS.dot(v.toDense(), coefficient);
 * });
 * ```
 */
export function forEachVector(
  input: DataFrame,
  spec: VectorColumnSpec & { readonly nulls?: 'error' | undefined },
  fn: (vector: Vector, row: number) => void,
): number {
  const vectors = requireVectorColumn(input, spec.column, spec.stage);
  const n = vectors.length;
  const min = minSize(spec);
  const max = maxSize(spec);
  for (let r = 0; r < n; r++) {
    const v = vectors[r];
    if (v === null || v === undefined) throw nullRow(spec, r);
    const size = v.size();
    if (size < min || size > max) throw dimensionMismatch(spec, r, size);
    fn(v, r);
  }
  return n;
}

function rule(spec: VectorColumnSpec): DimensionRule {
  return spec.dimension === undefined ? 'none' : (spec.dimensionRule ?? 'exact');
}

function minSize(spec: VectorColumnSpec): number {
  const r = rule(spec);
  return r === 'exact' || r === 'atLeast' ? (spec.dimension as number) : 0;
}

function maxSize(spec: VectorColumnSpec): number {
  const r = rule(spec);
  return r === 'exact' || r === 'atMost' ? (spec.dimension as number) : Number.POSITIVE_INFINITY;
}

function nullRow(spec: VectorColumnSpec, row: number): ColumnTypeMismatchError {
  return new ColumnTypeMismatchError(spec.column, 'VECTOR(DOUBLE)', 'null', row);
}

function dimensionMismatch(spec: VectorColumnSpec, row: number, found: number): Error {
  if (spec.dimensionError !== undefined) return spec.dimensionError(row, found);
  return new FeatureDimensionError(spec.column, row, spec.dimension as number, found);
}
