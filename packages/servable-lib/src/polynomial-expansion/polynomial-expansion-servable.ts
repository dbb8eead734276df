import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import { InvalidVectorError, type Vector } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  HasInputCol,
  HasOutputCol,
  IntParam,
  loadStage,
  ParamValidators,
  paramMixin,
  requireVectorColumn,
  TransformerServableBase,
} from '@servable/servable-api';
import { InvalidInputValueError } from '../errors/invalid-input-value-error.js';
import { PolynomialExpander, PolynomialSizeError } from './polynomial-expand.js';

/** `degree` (int, default 2, >= 1): the polynomial degree. */
export const DEGREE = new IntParam(
  'degree',
  'Degree of the polynomial expansion.',
  2,
  ParamValidators.gtEq(1),
);
/** Accessors of {@link DEGREE}. */
export interface HasDegree {
  /** The polynomial degree. */
  getDegree(): number;
  /** Sets the polynomial degree. */
  setDegree(value: number): this;
}
/** Mixin of {@link DEGREE}. */
export const HasDegree = paramMixin<HasDegree>(DEGREE, 'Degree');

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

/**
 * Serves Flink ML's `PolynomialExpansion` (a Transformer: params only): expands each vector
 * into its monomials up to `degree` (see {@link polynomialExpand}).
 *
 * - Params: `inputCol` ("input"), `outputCol` ("output"), `degree` (2, >= 1).
 * - Output: VECTOR of size `C(n + degree, degree) − 1`, of the input's kind.
 * - Errors (as {@link InvalidInputValueError} with Java's message, column and row): an output
 *   larger than `Integer.MAX_VALUE` (`The expended polynomial size is too large.`), a sparse
 *   input whose explicit zeros make Java's SparseVector reject the result (`Indices duplicated.`).
 *   A null vector fails with {@link ColumnTypeMismatchError} (Java: NullPointerException).
 */
export class PolynomialExpansionServable extends TransformerServableBase.withParams(
  HasInputCol,
  HasOutputCol,
  HasDegree,
) {
  /** The Java class name of the saved stage. */
  static readonly CLASS_NAME =
    'org.apache.flink.ml.feature.polynomialexpansion.PolynomialExpansion';
  readonly className: string = PolynomialExpansionServable.CLASS_NAME;

  /** Loads a PolynomialExpansion saved by Flink ML (or by `save`). */
  static load(path: string): Promise<PolynomialExpansionServable> {
    return loadStage(path, () => new PolynomialExpansionServable());
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const column = this.getInputCol();
    const degree = this.getDegree();
    const vectors = requireVectorColumn(input, column, 'PolynomialExpansionServable');
    const out = new Array<Vector>(vectors.length);
    let expander: PolynomialExpander | undefined;
    for (let r = 0; r < vectors.length; r++) {
      const v = vectors[r];
      if (v === null || v === undefined) {
        throw new ColumnTypeMismatchError(column, 'VECTOR(DOUBLE)', 'null', r);
      }
      expander ??= new PolynomialExpander(degree, v.size(), vectors.length - r);
      try {
        out[r] = expander.expand(v);
      } catch (e) {
        if (e instanceof PolynomialSizeError) {
          throw new InvalidInputValueError('The expended polynomial size is too large.', column, r);
        }
        if (e instanceof InvalidVectorError) {
          throw new InvalidInputValueError(
            `Indices duplicated. (the sparse input has explicit zeros: ${e.message})`,
            column,
            r,
          );
        }
        throw e;
      }
    }
    return input.addColumn(this.getOutputCol(), VECTOR, out);
  }
}
