import { BasicType, DataTypes, Schema } from '@servable/dataframe';
import { PipelineModelServable } from './pipeline-model-servable.js';
import type { AnyServable } from './transformer-servable.js';

/** Params that name a single input column. */
const INPUT_PARAMS = ['featuresCol', 'inputCol'] as const;
/** Params that name several input columns. */
const INPUT_LIST_PARAMS = ['inputCols'] as const;
/** Params that name columns a stage adds (so later stages do not take them as model inputs). */
const OUTPUT_PARAMS = [
  'predictionCol',
  'rawPredictionCol',
  'outputCol',
  'modelVersionCol',
] as const;
const OUTPUT_LIST_PARAMS = ['outputCols'] as const;

/**
 * Derives a model's input columns from its servables' params: walking the stages in order
 * (nested pipelines included), every column named by `featuresCol`, `inputCol` or `inputCols`
 * that no earlier stage produces (`predictionCol`, `rawPredictionCol`, `outputCol`,
 * `outputCols`, `modelVersionCol`) is a model input, typed `VECTOR(DOUBLE)` (a caller that knows better, such as an
 * inference server's configured signature, overrides the types).
 *
 * @example
 * ```ts
 * deriveInputSchema(new PipelineModelServable([scaler, lr])).toString(); // 'features VECTOR(DOUBLE)'
 * ```
 */
export function deriveInputSchema(servable: AnyServable): Schema {
  const produced = new Set<string>();
  const inputs: string[] = [];
  const visit = (stage: AnyServable): void => {
    if (stage instanceof PipelineModelServable) {
      for (const s of stage.getStages()) visit(s);
      return;
    }
    const names: string[] = [];
    for (const p of INPUT_PARAMS) {
      const v = paramValue(stage, p);
      if (typeof v === 'string') names.push(v);
    }
    for (const p of INPUT_LIST_PARAMS) {
      const v = paramValue(stage, p);
      if (Array.isArray(v)) for (const s of v) if (typeof s === 'string') names.push(s);
    }
    for (const name of names) {
      if (!produced.has(name) && !inputs.includes(name)) inputs.push(name);
    }
    for (const p of OUTPUT_PARAMS) {
      const v = paramValue(stage, p);
      if (typeof v === 'string') produced.add(v);
    }
    for (const p of OUTPUT_LIST_PARAMS) {
      const v = paramValue(stage, p);
      if (Array.isArray(v)) for (const s of v) if (typeof s === 'string') produced.add(s);
    }
  };
  visit(servable);
  const vector = DataTypes.VECTOR(BasicType.DOUBLE);
  return new Schema(inputs.map((name) => ({ name, type: vector })));
}

function paramValue(stage: AnyServable, name: string): unknown {
  const param = stage.getParams().find((p) => p.name === name);
  return param === undefined ? undefined : stage.get(param);
}
