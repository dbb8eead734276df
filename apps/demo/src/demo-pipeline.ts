import { PipelineModelServable } from '@servable/servable-api';
import {
  LOGISTIC_REGRESSION_MODEL_DATA_FORMAT,
  type LogisticRegressionModelData,
  LogisticRegressionModelServable,
  type StandardScalerModelData,
  StandardScalerModelServable,
} from '@servable/servable-lib';

/** The column requests carry: the raw sensor readings. */
export const FEATURES_COL = 'features';
/** The column the StandardScaler stage writes and the LogisticRegression stage reads. */
export const SCALED_FEATURES_COL = 'scaledFeatures';
/** The index of the LogisticRegression stage in the pipeline: the stage that gets new versions. */
export const LOGISTIC_REGRESSION_STAGE = 1;

/**
 * Builds the demo's two-stage PipelineModel: StandardScaler (`features` → `scaledFeatures`,
 * with mean and std) then LogisticRegression (`scaledFeatures` → `prediction`,
 * `rawPrediction`).
 */
export function buildDemoPipeline(
  scaler: StandardScalerModelData,
  model: LogisticRegressionModelData,
): PipelineModelServable {
  const scalerStage = new StandardScalerModelServable()
    .setInputCol(FEATURES_COL)
    .setOutputCol(SCALED_FEATURES_COL)
    .setWithMean(true)
    .setWithStd(true)
    .setModel(scaler);
  const lrStage = new LogisticRegressionModelServable()
    .setFeaturesCol(SCALED_FEATURES_COL)
    .setModel(model);
  return new PipelineModelServable([scalerStage, lrStage]);
}

/**
 * Saves the demo pipeline in Flink ML's PipelineModel layout (`metadata`, `stages/0`,
 * `stages/1`, each with `metadata` and `data/part-<uuid>-0`) with the project's own writer,
 * replacing what `directory` held.
 */
export async function saveDemoPipeline(
  directory: string,
  scaler: StandardScalerModelData,
  model: LogisticRegressionModelData,
): Promise<void> {
  await buildDemoPipeline(scaler, model).save(directory, { overwrite: true });
}

/** Encodes a LogisticRegression model exactly as Flink ML writes its data file (and Kafka record). */
export function encodeLogisticRegression(model: LogisticRegressionModelData): Uint8Array {
  return LOGISTIC_REGRESSION_MODEL_DATA_FORMAT.encode(model);
}
