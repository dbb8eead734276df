import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector } from '@servable/linalg';
import {
  BooleanParam,
  ColumnTypeMismatchError,
  HasInputCol,
  HasOutputCol,
  InvalidInputValueError,
  loadStage,
  mapVectorColumn,
  paramMixin,
  TransformerServableBase,
} from '@servable/servable-api';
import { DctPlan } from './dct-plan.js';

/** `inverse` = false: whether to compute the inverse DCT (DCT-III) instead of the DCT-II. */
export const INVERSE = new BooleanParam(
  'inverse',
  'Whether to perform the inverse DCT (true) or forward DCT (false).',
  false,
);
/** Accessors of {@link INVERSE}. */
export interface HasInverse {
  /** Whether the inverse DCT is computed. */
  getInverse(): boolean;
  /** Sets whether the inverse DCT is computed. */
  setInverse(value: boolean): this;
}
/** Mixin of {@link INVERSE}. */
export const HasInverse = paramMixin<HasInverse>(INVERSE, 'Inverse');

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);
/** How many plans (one per vector length) a servable keeps. */
const MAX_PLANS = 16;

/**
 * Serves Flink ML's `DCT` (a Transformer: params only): the orthonormal DCT-II of each vector
 * (DCT-III with `inverse = true`), as JTransforms' `DoubleDCT_1D.forward/inverse(a, true)`.
 *
 * - Params: `inputCol` ("input"), `outputCol` ("output"), `inverse` (false).
 * - Output: always a dense vector of the same length.
 * - Numerics: {@link DctPlan} (direct formula for short vectors, O(n log n) FFT for long ones);
 *   results agree with Java to ~1e-15 relative but are not bit-identical (JTransforms uses a
 *   different FFT factorisation).
 * - A null vector → {@link ColumnTypeMismatchError}; an empty vector →
 *   {@link InvalidInputValueError} (JTransforms rejects length 0: "n must be greater than 0").
 */
export class DCTServable extends TransformerServableBase.withParams(
  HasInputCol,
  HasOutputCol,
  HasInverse,
) {
  /** The Java class name of the saved stage. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.feature.dct.DCT';
  readonly className: string = DCTServable.CLASS_NAME;
  private readonly plans = new Map<number, DctPlan>();

  /** Loads a DCT saved by Flink ML (or by `save`). */
  static load(path: string): Promise<DCTServable> {
    return loadStage(path, () => new DCTServable());
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const column = this.getInputCol();
    const inverse = this.getInverse();
    const out = mapVectorColumn(input, { column, stage: 'DCTServable' }, (v, r) => {
      const n = v.size();
      if (n === 0) throw new InvalidInputValueError('n must be greater than 0', column, r);
      const plan = this.planFor(n);
      // The plans never write into their argument, so a dense vector's array is read in place.
      const values = v.toArray();
      return new DenseVector(inverse ? plan.inverse(values) : plan.forward(values));
    });
    return input.addColumn(this.getOutputCol(), VECTOR, out);
  }

  private planFor(n: number): DctPlan {
    let plan = this.plans.get(n);
    if (plan === undefined) {
      if (this.plans.size >= MAX_PLANS) this.plans.clear();
      plan = new DctPlan(n);
      this.plans.set(n, plan);
    }
    return plan;
  }
}
