import { type DataFrame, DataTypes } from '@servable/dataframe';
import {
  BooleanParam,
  ColumnTypeMismatchError,
  HasInputCols,
  HasOutputCols,
  loadStage,
  ParamError,
  ParamValidators,
  paramMixin,
  requireColumn,
  StringArrayParam,
  StringParam,
  TransformerServableBase,
} from '@servable/servable-api';
import { javaCaseRulesOf, javaToLowerCase } from '../java/locale-lower-case.js';
import { loadDefaultStopWords } from './default-stop-words.js';

/** `stopWords` (String[], default: the English list; null elements allowed). */
export const STOP_WORDS = new StringArrayParam<string | null>(
  'stopWords',
  'The words to be filtered out.',
  loadDefaultStopWords('english'),
  ParamValidators.notNull(),
  { nullElements: true },
);
/** `caseSensitive` (boolean, default false): compare stop words case-sensitively. */
export const CASE_SENSITIVE = new BooleanParam(
  'caseSensitive',
  'Whether to do a case-sensitive comparison over the stop words.',
  false,
);
/**
 * `locale` (string, default `en_US`): the locale of case-insensitive comparisons, as a Java
 * `Locale.toString()`. Java validates it against the JVM's available locales; here any string is
 * accepted (only `tr`, `az` and `lt` change the result).
 */
export const LOCALE = new StringParam(
  'locale',
  'Locale of the input for case insensitive matching. Ignored when caseSensitive is true.',
  'en_US',
  ParamValidators.notNull(),
);

/** Accessors of {@link STOP_WORDS}. */
export interface HasStopWords {
  /** The stop words. */
  getStopWords(): (string | null)[];
  /** Sets the stop words. */
  setStopWords(value: (string | null)[]): this;
}
/** Mixin of {@link STOP_WORDS}. */
export const HasStopWords = paramMixin<HasStopWords>(STOP_WORDS, 'StopWords');
/** Accessors of {@link CASE_SENSITIVE}. */
export interface HasCaseSensitive {
  /** Whether comparisons are case-sensitive. */
  getCaseSensitive(): boolean;
  /** Sets whether comparisons are case-sensitive. */
  setCaseSensitive(value: boolean): this;
}
/** Mixin of {@link CASE_SENSITIVE}. */
export const HasCaseSensitive = paramMixin<HasCaseSensitive>(CASE_SENSITIVE, 'CaseSensitive');
/** Accessors of {@link LOCALE}. */
export interface HasLocale {
  /** The locale string. */
  getLocale(): string;
  /** Sets the locale string. */
  setLocale(value: string): this;
}
/** Mixin of {@link LOCALE}. */
export const HasLocale = paramMixin<HasLocale>(LOCALE, 'Locale');

const STRING_ARRAY = DataTypes.ARRAY(DataTypes.STRING);

/**
 * A stop-word filter as Flink ML builds it: case-sensitive → membership in `stopWords`;
 * otherwise both the stop words and the tokens are lower-cased with `new Locale(locale)`'s rules
 * (see `javaCaseRulesOf`: only exactly `tr`/`az` are Turkish, `lt` Lithuanian). A null stop word
 * removes null tokens. Returns the kept tokens, in order.
 */
export function stopWordFilter(
  stopWords: readonly (string | null)[],
  caseSensitive: boolean,
  locale: string,
): (tokens: readonly (string | null)[]) => (string | null)[] {
  if (caseSensitive) {
    const set = new Set(stopWords);
    return (tokens) => tokens.filter((t) => !set.has(t));
  }
  const rules = javaCaseRulesOf(locale);
  const lower = (s: string | null) => (s === null ? null : javaToLowerCase(s, rules));
  const set = new Set(stopWords.map(lower));
  return (tokens) => tokens.filter((t) => !set.has(lower(t)));
}

/**
 * Serves Flink ML's `StopWordsRemover` (a Transformer: params only): removes stop words from
 * lists of strings (see {@link stopWordFilter}).
 *
 * - Params: `inputCols`, `outputCols` (same length), `stopWords` (default: the English list of
 *   `loadDefaultStopWords('english')`), `caseSensitive` (false), `locale` (`en_US`).
 * - Input: ARRAY(STRING) columns; output: ARRAY(STRING) per column.
 * - Fidelity: lower-casing follows Java's `toLowerCase(new Locale(locale))`: Turkish/Azeri dotted
 *   and dotless i only for exactly `tr`/`az` (not `tr_TR`), Lithuanian dot retention for `lt`,
 *   Unicode default rules otherwise. Java validates `locale` against the JVM's locales; any
 *   string is accepted here.
 * - A null list fails with {@link ColumnTypeMismatchError} (Java: NullPointerException).
 */
export class StopWordsRemoverServable extends TransformerServableBase.withParams(
  HasInputCols,
  HasOutputCols,
  HasStopWords,
  HasCaseSensitive,
  HasLocale,
) {
  /** The Java class name of the saved stage. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.feature.stopwordsremover.StopWordsRemover';
  readonly className: string = StopWordsRemoverServable.CLASS_NAME;

  /** Loads a StopWordsRemover saved by Flink ML (or by `save`). */
  static load(path: string): Promise<StopWordsRemoverServable> {
    return loadStage(path, () => new StopWordsRemoverServable());
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const inputCols = this.getInputCols();
    const outputCols = this.getOutputCols();
    if (inputCols.length !== outputCols.length) {
      throw new ParamError(
        'PARAM_LENGTH_MISMATCH',
        `StopWordsRemover needs as many outputCols as inputCols: inputCols has ${inputCols.length}, outputCols ${outputCols.length}.`,
      );
    }
    const filter = stopWordFilter(this.getStopWords(), this.getCaseSensitive(), this.getLocale());
    let out = input;
    for (let c = 0; c < inputCols.length; c++) {
      const column = inputCols[c]!;
      const at = requireColumn(input, column, 'StopWordsRemoverServable');
      const type = input.getDataType(at);
      if (!type.equals(STRING_ARRAY)) {
        throw new ColumnTypeMismatchError(column, STRING_ARRAY.toString(), type.toString());
      }
      const lists = input.column(at) as readonly (readonly (string | null)[] | null)[];
      const filtered = new Array<(string | null)[]>(lists.length);
      for (let r = 0; r < lists.length; r++) {
        const tokens = lists[r];
        if (tokens === null || tokens === undefined) {
          throw new ColumnTypeMismatchError(column, STRING_ARRAY.toString(), 'null', r);
        }
        filtered[r] = filter(tokens);
      }
      out = out.addColumn(outputCols[c]!, STRING_ARRAY, filtered);
    }
    return out;
  }
}
