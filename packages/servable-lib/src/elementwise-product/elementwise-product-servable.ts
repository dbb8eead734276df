import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import { BLAS, type Vector } from '@servable/linalg';
import {
  HasInputCol,
  HasOutputCol,
  loadStage,
  paramMixin,
  requireVectorColumn,
  TransformerServableBase,
  VectorParam,
} from '@servable/servable-api';
import { JavaFeatureDimensionError } from '../errors/java-feature-dimension-error.js';

/** `scalingVec` (Vector, no default, not null): the vector to multiply each input by. */
export const SCALING_VEC = new VectorParam(
  'scalingVec',
  'The scaling vector to multiply with input vectors using hadamard product.',
  null,
);
/** Accessors of {@link SCALING_VEC}. */
export interface HasScalingVec {
  /** The scaling vector. */
  getScalingVec(): Vector;
  /** Sets the scaling vector. */
  setScalingVec(value: Vector): this;
}
/** Mixin of {@link SCALING_VEC}. */
export const HasScalingVec = paramMixin<HasScalingVec>(SCALING_VEC, 'ScalingVec');

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

/**
 * Serves Flink ML's `ElementwiseProduct` (a Transformer: params only): the Hadamard product of
 * each input vector with `scalingVec`, computed as Java's `BLAS.hDot(scalingVec, input.clone())`:
 *
 * - dense ∘ dense → dense; dense scaling ∘ sparse input → sparse with the input's pattern;
 *   sparse scaling ∘ dense input → dense, entries the scaling vector does not store become 0.0;
 *   sparse ∘ sparse → sparse keeping **all** the input's stored indices, those not stored in the
 *   scaling vector set to explicit 0.0.
 * - Params: `inputCol` ("input"), `outputCol` ("output"), `scalingVec` (required).
 * - A null input gives a null output. A size mismatch fails with
 *   {@link JavaFeatureDimensionError} carrying Java's message `The scaling vector size is <s>,
 *   which is not equal input vector size(<n>).`
 */
export class ElementwiseProductServable extends TransformerServableBase.withParams(
  HasInputCol,
  HasOutputCol,
  HasScalingVec,
) {
  /** The Java class name of the saved stage. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.feature.elementwiseproduct.ElementwiseProduct';
  readonly className: string = ElementwiseProductServable.CLASS_NAME;

  /** Loads an ElementwiseProduct saved by Flink ML (or by `save`). */
  static load(path: string): Promise<ElementwiseProductServable> {
    return loadStage(path, () => new ElementwiseProductServable());
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const column = this.getInputCol();
    const scaling = this.getScalingVec();
    const vectors = requireVectorColumn(input, column, 'ElementwiseProductServable');
    const out = new Array<Vector | null>(vectors.length);
    for (let r = 0; r < vectors.length; r++) {
      const v = vectors[r];
      if (v === null || v === undefined) {
        out[r] = null;
        continue;
      }
      if (v.size() !== scaling.size()) {
        throw new JavaFeatureDimensionError(
          `The scaling vector size is ${scaling.size()}, which is not equal input vector size(${v.size()}).`,
          column,
          r,
          scaling.size(),
          v.size(),
        );
      }
      const product = v.clone();
      BLAS.hDot(scaling, product);
      out[r] = product;
    }
    return input.addColumn(this.getOutputCol(), VECTOR, out);
  }
}
