import type { Codec } from '@servable/linalg';
import {
  type CoefficientModelData,
  CoefficientModelDataCodec,
} from '../linear-regression/coefficient-model-data.js';

/**
 * Model data of Flink ML's `LinearSVCModel` (`LinearSVCModelData`): the coefficient vector (no
 * intercept term: training appends none).
 */
export type LinearSVCModelData = CoefficientModelData;

/**
 * The binary layout of {@link LinearSVCModelData}, byte-exact with Flink ML's
 * `LinearSVCModelData.ModelDataEncoder`/`ModelDataDecoder`: one `DenseVectorSerializer` record.
 *
 * @example
 * ```ts
 * encodeToBytes(LinearSVCModelDataCodec, { coefficient: Vectors.dense(0.47, -0.273) });
 * // 00000002 3fde147ae147ae14 bfd178d4fdf3b646
 * ```
 */
export const LinearSVCModelDataCodec: Codec<LinearSVCModelData> = CoefficientModelDataCodec;
