import { type DataFrame, DataTypes } from '@servable/dataframe';
import {
  ColumnTypeMismatchError,
  HasInputCol,
  HasOutputCol,
  IntParam,
  loadStage,
  ParamValidators,
  paramMixin,
  requireColumn,
  TransformerServableBase,
} from '@servable/servable-api';

/** `n` (int, default 2, >= 1): the number of tokens per n-gram. */
export const N = new IntParam(
  'n',
  'Number of elements per n-gram (>=1).',
  2,
  ParamValidators.gtEq(1),
);
/** Accessors of {@link N}. */
export interface HasN {
  /** The n-gram length. */
  getN(): number;
  /** Sets the n-gram length. */
  setN(value: number): this;
}
/** Mixin of {@link N}. */
export const HasN = paramMixin<HasN>(N, 'N');

const STRING_ARRAY = DataTypes.ARRAY(DataTypes.STRING);

/**
 * The n-grams of `tokens` as Flink ML's NGram builds them: every window of `n` consecutive
 * tokens joined with one space (a null token is written `null`, as Java's `String.join` does);
 * empty when `n` exceeds the token count.
 */
export function ngrams(tokens: readonly (string | null)[], n: number): string[] {
  const count = tokens.length - n + 1;
  if (count <= 0) return [];
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    let gram = String(tokens[i] ?? 'null');
    for (let j = 1; j < n; j++) gram += ` ${tokens[i + j] ?? 'null'}`;
    out[i] = gram;
  }
  return out;
}

/**
 * Serves Flink ML's `NGram` (a Transformer: params only): turns a list of strings into its
 * n-grams (see {@link ngrams}).
 *
 * - Params: `inputCol` ("input"), `outputCol` ("output"), `n` (2, >= 1).
 * - Input: ARRAY(STRING); output: ARRAY(STRING).
 * - A null list fails with {@link ColumnTypeMismatchError} (Java: NullPointerException).
 */
export class NGramServable extends TransformerServableBase.withParams(
  HasInputCol,
  HasOutputCol,
  HasN,
) {
  /** The Java class name of the saved stage. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.feature.ngram.NGram';
  readonly className: string = NGramServable.CLASS_NAME;

  /** Loads an NGram saved by Flink ML (or by `save`). */
  static load(path: string): Promise<NGramServable> {
    return loadStage(path, () => new NGramServable());
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const column = this.getInputCol();
    const n = this.getN();
    const at = requireColumn(input, column, 'NGramServable');
    const type = input.getDataType(at);
    if (!type.equals(STRING_ARRAY)) {
      throw new ColumnTypeMismatchError(column, STRING_ARRAY.toString(), type.toString());
    }
    const lists = input.column(at) as readonly (readonly (string | null)[] | null)[];
    const out = new Array<string[]>(lists.length);
    for (let r = 0; r < lists.length; r++) {
      const tokens = lists[r];
      if (tokens === null || tokens === undefined) {
        throw new ColumnTypeMismatchError(column, STRING_ARRAY.toString(), 'null', r);
      }
      out[r] = ngrams(tokens, n);
    }
    return input.addColumn(this.getOutputCol(), STRING_ARRAY, out);
  }
}
