import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import {
  HasInputCol,
  HasOutputCol,
  loadStage,
  ModelServable,
  mapVectorColumn,
  ServableError,
  singleRecordFormat,
} from '@servable/servable-api';
import { EmptyMinHashInputError, minHash } from './min-hash.js';
import {
  type MinHashLSHModelData,
  MinHashLSHModelDataCodec,
  validateMinHashLSHModelData,
} from './min-hash-lsh-model-data.js';

/** The Java class name of Flink ML's MinHashLSHModel. */
export const MIN_HASH_LSH_MODEL_CLASS = 'org.apache.flink.ml.feature.lsh.MinHashLSHModel';

/** MinHashLSHModel's model data format: one {@link MinHashLSHModelData} record. */
export const MIN_HASH_LSH_MODEL_DATA_FORMAT = singleRecordFormat<MinHashLSHModelData>({
  name: 'MinHashLSHModelData',
  codec: MinHashLSHModelDataCodec,
  validate: validateMinHashLSHModelData,
});

/** The output column type of MinHashLSHModel: an array of (dense) vectors. */
export const MIN_HASH_OUTPUT_TYPE = DataTypes.ARRAY(DataTypes.VECTOR(BasicType.DOUBLE));

/** A row's vector has no element to hash (Java: `Must have at least 1 non zero entry.`). */
export class EmptyHashInputError extends ServableError {
  constructor(
    /** The input column. */
    readonly column: string,
    /** The row. */
    readonly row: number,
  ) {
    super('EMPTY_HASH_INPUT', `Column ${column}, row ${row}: Must have at least 1 non zero entry.`);
  }
}

/**
 * Servable of Flink ML's `MinHashLSHModel` (§5.13): hashes the set of non-zero positions of each
 * `inputCol` vector (a sparse vector's stored indices, explicit zeros included) with
 * `numHashTables × numHashFunctionsPerTable` MinHash functions, computed exactly in 64-bit
 * arithmetic, and appends `outputCol` of type `ARRAY(VECTOR(DOUBLE))`: one DenseVector of
 * `numHashFunctionsPerTable` hash values per table.
 *
 * Params: `inputCol` (`"input"`), `outputCol` (`"output"`). The Jaccard distance of two
 * vectors (`keyDistance`) is {@link minHashKeyDistance}.
 *
 * Errors: a vector without any element throws {@link EmptyHashInputError} (Java's message); a
 * null vector throws ColumnTypeMismatchError. Model data with fewer coefficients than
 * `numHashTables × numHashFunctionsPerTable`, or fewer than one table or function, is rejected
 * (Java would fail at transform time).
 */
export class MinHashLSHModelServable extends ModelServable.withParams(
  HasInputCol,
  HasOutputCol,
)<MinHashLSHModelData> {
  /** See {@link MIN_HASH_LSH_MODEL_CLASS}. */
  readonly className = MIN_HASH_LSH_MODEL_CLASS;
  /** See {@link MIN_HASH_LSH_MODEL_DATA_FORMAT}. */
  readonly modelDataFormat = MIN_HASH_LSH_MODEL_DATA_FORMAT;

  /** Loads a saved MinHashLSHModel (metadata and `data/`). */
  static load(path: string): Promise<MinHashLSHModelServable> {
    return loadStage(path, () => new MinHashLSHModelServable());
  }

  /** Appends `outputCol`: the hash values of each vector, one DenseVector per table. */
  transform(input: DataFrame): DataFrame {
    const model = this.requireModel();
    const inputCol = this.getInputCol();
    const out = mapVectorColumn(input, { column: inputCol, stage: 'MinHashLSHModel' }, (v, r) => {
      try {
        return minHash(model, v);
      } catch (error) {
        if (error instanceof EmptyMinHashInputError) throw new EmptyHashInputError(inputCol, r);
        throw error;
      }
    });
    return input.addColumn(this.getOutputCol(), MIN_HASH_OUTPUT_TYPE, out);
  }
}
