import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import { BLAS, type Blas, type Vector } from '@servable/linalg';
import {
  blasOf,
  ColumnTypeMismatchError,
  DoubleParam,
  HasInputCol,
  HasOutputCol,
  loadStage,
  ParamValidators,
  paramMixin,
  requireVectorColumn,
  TransformerServableBase,
  withNumerics,
} from '@servable/servable-api';

/** `p` (double, default 2.0, >= 1): the order of the norm. */
export const P = new DoubleParam('p', 'The p norm value.', 2.0, ParamValidators.gtEq(1));
/** Accessors of {@link P}. */
export interface HasP {
  /** The order of the norm. */
  getP(): number;
  /** Sets the order of the norm. */
  setP(value: number): this;
}
/** Mixin of {@link P}. */
export const HasP = paramMixin<HasP>(P, 'P');

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

/**
 * `v` scaled to unit p-norm as Flink ML computes it: `out = v.clone(); BLAS.scal(1 / BLAS.norm(v,
 * p), out)` — the norm over the stored values (`p = 2` with the Java 11+ FMA `dnrm2`), then one
 * multiplication by the reciprocal (not a division per entry). A zero vector gives
 * `1/0 = Infinity` and NaN entries, as in Java.
 */
export function normalizeVector(v: Vector, p: number, blas: Blas = BLAS): Vector {
  const out = v.clone();
  blas.scal(1 / blas.norm(v, p), out);
  return out;
}

/**
 * Serves Flink ML's `Normalizer` (a Transformer: params only): scales each vector to unit
 * p-norm (see {@link normalizeVector}); bit for bit as Flink ML on Java 8 (`'fast'`, default)
 * or Java 11+ (`setNumerics('java11')`).
 *
 * - Params: `inputCol` ("input"), `outputCol` ("output"), `p` (2.0, >= 1).
 * - Output: VECTOR of the input's kind (sparse keeps its pattern).
 * - A null vector fails with {@link ColumnTypeMismatchError} (Java: NullPointerException).
 */
export class NormalizerServable extends withNumerics(
  TransformerServableBase.withParams(HasInputCol, HasOutputCol, HasP),
) {
  /** The Java class name of the saved stage. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.feature.normalizer.Normalizer';
  readonly className: string = NormalizerServable.CLASS_NAME;

  /** Loads a Normalizer saved by Flink ML (or by `save`). */
  static load(path: string): Promise<NormalizerServable> {
    return loadStage(path, () => new NormalizerServable());
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const column = this.getInputCol();
    const p = this.getP();
    const blas = blasOf(this.getNumerics());
    const vectors = requireVectorColumn(input, column, 'NormalizerServable');
    const out = new Array<Vector>(vectors.length);
    for (let r = 0; r < vectors.length; r++) {
      const v = vectors[r];
      if (v === null || v === undefined) {
        throw new ColumnTypeMismatchError(column, 'VECTOR(DOUBLE)', 'null', r);
      }
      out[r] = normalizeVector(v, p, blas);
    }
    return input.addColumn(this.getOutputCol(), VECTOR, out);
  }
}
