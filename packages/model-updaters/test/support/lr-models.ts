import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector } from '@servable/linalg';
import {
  LOGISTIC_REGRESSION_MODEL_DATA_FORMAT,
  LogisticRegressionModelServable,
} from '@servable/servable-lib';

/**
 * LogisticRegression models whose version can be read back from any prediction: version `v`
 * has coefficient `[1v, 2v, ..., dv] / 1000`, so for all-ones features `dot * 1000 = v * S`
 * with `S = d(d+1)/2`. A torn model (some coefficients from `v`, some from another version)
 * gives a `dot * 1000` that is not a multiple of `S`.
 */
export const DIM = 4;
const S = (DIM * (DIM + 1)) / 2;

/** The model data bytes (Flink ML's encoding) of version `v`. */
export function lrModelData(version: number, dim = DIM): Uint8Array {
  const coefficient = new DenseVector(dim);
  for (let i = 0; i < dim; i++) coefficient.values[i] = ((i + 1) * version) / 1000;
  return LOGISTIC_REGRESSION_MODEL_DATA_FORMAT.encode({
    coefficient,
    modelVersion: BigInt(version),
  });
}

/** A servable serving version `v` (or nothing when `v` is undefined). */
export async function lrServable(version?: number): Promise<LogisticRegressionModelServable> {
  const servable = new LogisticRegressionModelServable();
  if (version !== undefined) await servable.setModelData(lrModelData(version));
  return servable;
}

/** `rows` rows of all-ones features. */
export function onesFrame(rows: number, dim = DIM): DataFrame {
  const vectors = Array.from(
    { length: rows },
    () => new DenseVector(new Float64Array(dim).fill(1)),
  );
  return DataFrame.fromColumns(['features'], [DataTypes.VECTOR(BasicType.DOUBLE)], [vectors]);
}

/**
 * The model version each output row was predicted with, or `NaN` for a row no single version
 * explains (a torn model).
 */
export function versionsOf(output: DataFrame): number[] {
  return output.getVectors('rawPrediction').map((raw) => {
    const p = (raw as DenseVector).values[1] as number;
    const scaled = Math.log(p / (1 - p)) * 1000;
    const version = Math.round(scaled / S);
    return Math.abs(scaled - version * S) < 1e-6 ? version : Number.NaN;
  });
}

/**
 * The version the servable predicts with now (via a real transform), or `undefined` while it has
 * no model yet (so a `waitFor(() => servedVersion(s) === v)` does not throw before the first
 * model arrives).
 */
export function servedVersion(servable: LogisticRegressionModelServable): number | undefined {
  if (!servable.hasModelData()) return undefined;
  return versionsOf(servable.transform(onesFrame(1)))[0] as number;
}
