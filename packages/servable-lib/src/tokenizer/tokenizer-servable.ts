import { type DataFrame, DataTypes } from '@servable/dataframe';
import {
  ColumnTypeMismatchError,
  HasInputCol,
  HasOutputCol,
  loadStage,
  TransformerServableBase,
} from '@servable/servable-api';
import { requireStringColumn } from '../java/string-column.js';
import { splitJavaWhitespace } from './java-whitespace-split.js';

const STRING_ARRAY = DataTypes.ARRAY(DataTypes.STRING);

/**
 * Flink ML's Tokenizer on one string: `text.toLowerCase().split("\\s")` with Java's split rules
 * (a leading empty token when the text starts with whitespace, empty tokens between consecutive
 * whitespace, trailing empty tokens dropped; `""` → `[""]`, `" "` → `[]`).
 *
 * Lower-casing uses JavaScript's `toLowerCase()`, i.e. Unicode's locale-independent (root
 * locale) mapping; Java's `toLowerCase()` uses the JVM default locale, which differs only under
 * a Turkish, Azeri or Lithuanian default locale.
 */
export function tokenize(text: string): string[] {
  return splitJavaWhitespace(text.toLowerCase(), false);
}

/**
 * Serves Flink ML's `Tokenizer` (a Transformer: params only): lower-cases each string and splits
 * it at every single whitespace character (see {@link tokenize}).
 *
 * - Params: `inputCol` ("input"), `outputCol` ("output").
 * - Input: STRING; output: ARRAY(STRING).
 * - A null string fails with {@link ColumnTypeMismatchError} (Java: NullPointerException).
 */
export class TokenizerServable extends TransformerServableBase.withParams(
  HasInputCol,
  HasOutputCol,
) {
  /** The Java class name of the saved stage. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.feature.tokenizer.Tokenizer';
  readonly className: string = TokenizerServable.CLASS_NAME;

  /** Loads a Tokenizer saved by Flink ML (or by `save`). */
  static load(path: string): Promise<TokenizerServable> {
    return loadStage(path, () => new TokenizerServable());
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const column = this.getInputCol();
    const texts = requireStringColumn(input, column, 'TokenizerServable');
    const out = new Array<string[]>(texts.length);
    for (let r = 0; r < texts.length; r++) {
      const text = texts[r];
      if (text === null || text === undefined) {
        throw new ColumnTypeMismatchError(column, 'STRING', 'null', r);
      }
      out[r] = tokenize(text);
    }
    return input.addColumn(this.getOutputCol(), STRING_ARRAY, out);
  }
}
