import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DenseVector } from '@servable/linalg';
import { PipelineModelServable } from '@servable/servable-api';
import {
  LOGISTIC_REGRESSION_MODEL_DATA_FORMAT,
  LogisticRegressionModelServable,
  StandardScalerModelServable,
} from '@servable/servable-lib';

/** The scaler's mean and std and the LR coefficients of the test models (dimension 3). */
export const MEAN = [1, 2, 3];
export const STD = [2, 4, 0.5];
export const COEFFICIENT = [0.5, -1, 2];

/** A StandardScaler (features → scaled, withMean) + LogisticRegression (scaled → prediction). */
export function buildPipeline(lrVersion = 1n, coefficient = COEFFICIENT): PipelineModelServable {
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
    coefficient: new DenseVector(coefficient),
    modelVersion: lrVersion,
  });
  return new PipelineModelServable([scaler, lr]);
}

/** A LogisticRegression model on `features`. */
export function buildLr(version = 1n, coefficient = COEFFICIENT): LogisticRegressionModelServable {
  return new LogisticRegressionModelServable().setModel({
    coefficient: new DenseVector(coefficient),
    modelVersion: version,
  });
}

/** LR model data bytes (as a data file holds them). */
export function lrModelData(version: bigint, coefficient = COEFFICIENT): Uint8Array {
  return LOGISTIC_REGRESSION_MODEL_DATA_FORMAT.encode({
    coefficient: new DenseVector(coefficient),
    modelVersion: version,
  });
}

/** What the pipeline answers for one row, computed independently of the servables. */
export function expectedPipeline(features: readonly number[], coefficient = COEFFICIENT) {
  const scaled = features.map((f, i) => (f - (MEAN[i] as number)) / (STD[i] as number));
  return expectedLr(scaled, coefficient);
}

/** What a LogisticRegression model answers for one row. */
export function expectedLr(features: readonly number[], coefficient = COEFFICIENT) {
  let dot = 0;
  for (let i = 0; i < features.length; i++) {
    dot += (features[i] as number) * (coefficient[i] as number);
  }
  const prob = 1 - 1 / (1 + Math.exp(dot));
  return { prediction: dot >= 0 ? 1 : 0, rawPrediction: [1 - prob, prob] };
}

/** A temporary directory, removed by the returned cleanup. */
export async function tempDir(prefix = 'servable-cli-'): Promise<{
  dir: string;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
