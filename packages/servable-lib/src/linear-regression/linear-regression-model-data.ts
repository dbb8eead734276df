import type { Codec } from '@servable/linalg';
import { type CoefficientModelData, CoefficientModelDataCodec } from './coefficient-model-data.js';

/**
 * Model data of Flink ML's `LinearRegressionModel` (`LinearRegressionModelData`): the coefficient
 * vector (the prediction has no intercept term).
 */
export type LinearRegressionModelData = CoefficientModelData;

/**
 * The binary layout of {@link LinearRegressionModelData}, byte-exact with Flink ML's
 * `LinearRegressionModelData.ModelDataEncoder`/`ModelDataDecoder`: one `DenseVectorSerializer`
 * record.
 *
 * @example
 * ```ts
 * encodeToBytes(LinearRegressionModelDataCodec, { coefficient: Vectors.dense(1.141) });
 * // 00000001 3ff24189374bc6a8
 * ```
 */
export const LinearRegressionModelDataCodec: Codec<LinearRegressionModelData> =
  CoefficientModelDataCodec;
