import { DenseVector } from '@servable/linalg';
import { PipelineModelServable, ServableRegistry } from '@servable/servable-api';
import {
  LOGISTIC_REGRESSION_MODEL_DATA_FORMAT,
  LogisticRegressionModelServable,
  StandardScalerModelServable,
  servableLib,
} from '@servable/servable-lib';

/** The scaler's mean and std and the LR coefficients of the test pipeline (dimension 3). */
export const MEAN = [1, 2, 3];
export const STD = [2, 4, 0.5];
export const COEFFICIENT = [0.5, -1, 2];

/** A StandardScaler (features → scaled, withMean) + LogisticRegression (scaled → prediction). */
export function buildPipeline(lrVersion = 1n): PipelineModelServable {
  const scaler = new StandardScalerModelServable()
    .setInputCol('features')
    .setOutputCol('scaled')
    .setWithMean(true)
    .setModel({
      mean: new DenseVector(MEAN),
      std: new DenseVector(STD),
      version: 0n,
      timestamp: 0n,
    });
  const lr = new LogisticRegressionModelServable().setFeaturesCol('scaled').setModel({
    coefficient: new DenseVector(COEFFICIENT),
    modelVersion: lrVersion,
  });
  return new PipelineModelServable([scaler, lr]);
}

/** LR model data bytes (as a data file holds them). */
export function lrModelData(version: bigint, coefficient = COEFFICIENT): Uint8Array {
  return LOGISTIC_REGRESSION_MODEL_DATA_FORMAT.encode({
    coefficient: new DenseVector(coefficient),
    modelVersion: version,
  });
}

/** A registry with Servable's own servables. */
export function registry(): ServableRegistry {
  return new ServableRegistry().register(servableLib);
}

/** What the pipeline answers for one row, computed independently. */
export function expected(features: readonly number[], coefficient = COEFFICIENT) {
  let dot = 0;
  for (let i = 0; i < features.length; i++) {
    dot +=
      (((features[i] as number) - (MEAN[i] as number)) / (STD[i] as number)) *
      (coefficient[i] as number);
  }
  const prob = 1 - 1 / (1 + Math.exp(dot));
  return { prediction: dot >= 0 ? 1 : 0, rawPrediction: [1 - prob, prob] };
}
