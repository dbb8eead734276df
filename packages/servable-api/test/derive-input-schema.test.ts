import { type DataFrame, Schema } from '@servable/dataframe';
import {
  deriveInputSchema,
  HasFeaturesCol,
  HasInputCol,
  HasInputCols,
  HasOutputCol,
  HasOutputCols,
  HasPredictionCol,
  PipelineModelServable,
  TransformerServableBase,
} from '@servable/servable-api';
import { describe, expect, it } from 'vitest';

/** Stages that only declare params: deriving a schema never calls transform. */
class Scaler extends TransformerServableBase.withParams(HasInputCol, HasOutputCol) {
  readonly className = 'test.Scaler';
  transform(input: DataFrame): DataFrame {
    return input;
  }
}
class Classifier extends TransformerServableBase.withParams(HasFeaturesCol, HasPredictionCol) {
  readonly className = 'test.Classifier';
  transform(input: DataFrame): DataFrame {
    return input;
  }
}
class Assembler extends TransformerServableBase.withParams(HasInputCols, HasOutputCols) {
  readonly className = 'test.Assembler';
  transform(input: DataFrame): DataFrame {
    return input;
  }
}

describe('deriveInputSchema', () => {
  it('takes a stage’s input columns as VECTOR(DOUBLE) inputs', () => {
    expect(deriveInputSchema(new Classifier().setFeaturesCol('x')).toString()).toBe(
      'x VECTOR(DOUBLE)',
    );
  });

  it('skips columns an earlier stage produces, in nested pipelines too, without duplicates', () => {
    const pipeline = new PipelineModelServable([
      new Scaler().setInputCol('raw').setOutputCol('scaled'),
      new PipelineModelServable([
        new Assembler().setInputCols(['scaled', 'extra', 'raw']).setOutputCols(['assembled']),
      ]),
      new Classifier().setFeaturesCol('assembled').setPredictionCol('p'),
      new Classifier().setFeaturesCol('other'),
    ]);
    expect(deriveInputSchema(pipeline).getColumnNames()).toEqual(['raw', 'extra', 'other']);
  });

  it('gives an empty schema for stages without input params', () => {
    expect(deriveInputSchema(new PipelineModelServable([]))).toEqual(new Schema([]));
  });
});
