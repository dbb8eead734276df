import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import type { SparseVector } from '@servable/linalg';
import {
  BooleanParam,
  ColumnTypeMismatchError,
  DoubleParam,
  HasInputCol,
  HasOutputCol,
  InvalidInputValueError,
  loadStage,
  ModelServable,
  ParamValidators,
  paramMixin,
  requireColumn,
  singleRecordFormat,
} from '@servable/servable-api';
import { countVectorize } from './count-vectorize.js';
import {
  type CountVectorizerModelData,
  CountVectorizerModelDataCodec,
} from './count-vectorizer-model-data.js';

/** The Java class name of Flink ML's CountVectorizerModel. */
export const COUNT_VECTORIZER_MODEL_CLASS =
  'org.apache.flink.ml.feature.countvectorizer.CountVectorizerModel';

/** CountVectorizerModel's model data format: one {@link CountVectorizerModelData} record. */
export const COUNT_VECTORIZER_MODEL_DATA_FORMAT = singleRecordFormat<CountVectorizerModelData>({
  name: 'CountVectorizerModelData',
  codec: CountVectorizerModelDataCodec,
});

/** Param `minTF` (default 1.0, ≥ 0): minimum term count (≥ 1) or fraction of the document length (< 1). */
export const MIN_TF = new DoubleParam(
  'minTF',
  "Filter to ignore rare words in a document. For each document, terms with frequency/count less than the given threshold are ignored. If this is an integer >= 1, then this specifies a count (of times the term must appear in the document); if this is a double in [0,1), then this specifies a fraction (out of the document's token count).",
  1.0,
  ParamValidators.gtEq(0),
);
/** Param `binary` (default false): output 1.0 instead of counts. */
export const BINARY = new BooleanParam(
  'binary',
  'Binary toggle to control the output vector values. If True, all nonzero counts (after minTF filter applied) are set to 1.0.',
  false,
);

/** Accessors of {@link MIN_TF}. */
export interface HasMinTF {
  /** The minimum term frequency. */
  getMinTF(): number;
  /** Sets the minimum term frequency. */
  setMinTF(value: number): this;
}
/** Mixin of {@link MIN_TF}. */
export const HasMinTF = paramMixin<HasMinTF>(MIN_TF, 'MinTF');
/** Accessors of {@link BINARY}. */
export interface HasBinary {
  /** Whether counts are replaced by 1.0. */
  getBinary(): boolean;
  /** Sets whether counts are replaced by 1.0. */
  setBinary(value: boolean): this;
}
/** Mixin of {@link BINARY}. */
export const HasBinary = paramMixin<HasBinary>(BINARY, 'Binary');

/**
 * Servable of Flink ML's `CountVectorizerModel` (§5.9): turns each document of the `inputCol`
 * column (`ARRAY(STRING)`: a list of words) into a SparseVector of the vocabulary size holding
 * the count of each vocabulary word that reaches `minTF` (1.0 instead of the count when
 * `binary`), appended as `outputCol`.
 *
 * Params: `inputCol` (`"input"`), `outputCol` (`"output"`), `minTF` (1.0), `binary` (false).
 *
 * Errors: an input column that is not `ARRAY(STRING)` throws ColumnTypeMismatchError; a null
 * document throws ColumnTypeMismatchError naming the row (Java: NullPointerException). Null words
 * are looked up like any other (Java's HashMap does the same).
 */
export class CountVectorizerModelServable extends ModelServable.withParams(
  HasInputCol,
  HasOutputCol,
  HasMinTF,
  HasBinary,
)<CountVectorizerModelData> {
  /** See {@link COUNT_VECTORIZER_MODEL_CLASS}. */
  readonly className = COUNT_VECTORIZER_MODEL_CLASS;
  /** See {@link COUNT_VECTORIZER_MODEL_DATA_FORMAT}. */
  readonly modelDataFormat = COUNT_VECTORIZER_MODEL_DATA_FORMAT;

  /** Loads a saved CountVectorizerModel (metadata and `data/`). */
  static load(path: string): Promise<CountVectorizerModelServable> {
    return loadStage(path, () => new CountVectorizerModelServable());
  }

  /** Appends `outputCol`: the term count vector of each document. */
  transform(input: DataFrame): DataFrame {
    const model = this.requireModel();
    const minTF = this.getMinTF();
    const binary = this.getBinary();
    const inputCol = this.getInputCol();
    const index = requireColumn(input, inputCol, 'CountVectorizerModel');
    const type = input.getDataType(index);
    if (
      type.kind !== 'array' ||
      type.elementType.kind !== 'scalar' ||
      type.elementType.basicType !== 'STRING'
    ) {
      throw new ColumnTypeMismatchError(inputCol, 'ARRAY(STRING)', type.toString());
    }
    const docs = input.getValues(index) as readonly ((string | null)[] | null)[];
    const out: SparseVector[] = new Array(docs.length);
    for (let r = 0; r < docs.length; r++) {
      const doc = docs[r];
      if (doc == null) throw new ColumnTypeMismatchError(inputCol, 'a list of words', 'null', r);
      try {
        out[r] = countVectorize(model, doc, minTF, binary);
      } catch (error) {
        // A vocabulary listing a word twice (Java fails the same way, with an untyped exception).
        if (error instanceof RangeError)
          throw new InvalidInputValueError(error.message, inputCol, r);
        throw error;
      }
    }
    return input.addColumn(this.getOutputCol(), DataTypes.VECTOR(BasicType.DOUBLE), out);
  }
}
