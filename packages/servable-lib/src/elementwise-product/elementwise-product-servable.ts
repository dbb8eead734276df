import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import { BLAS, type Vector } from '@servable/linalg';
import {
  HasInputCol,
  HasOutputCol,
  JavaFeatureDimensionError,
  loadStage,
  mapVectorColumn,
  paramMixin,
  TransformerServableBase,
  VectorParam,
} from '@servable/servable-api';

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
    const dimension = scaling.size();
    const spec = {
      column,
      stage: 'ElementwiseProductServable',
      dimension,
      nulls: 'keep' as const,
      dimensionError: (r: number, found: number) =>
        new JavaFeatureDimensionError(
          `The scaling vector size is ${dimension}, which is not equal input vector size(${found}).`,
          column,
          r,
          dimension,
          found,
        ),
    };
    const out = mapVectorColumn(input, spec, (v) => {
      const product = v.clone();
      BLAS.hDot(scaling, product);
      return product;
    });
    return input.addColumn(this.getOutputCol(), VECTOR, out);
  }
}
