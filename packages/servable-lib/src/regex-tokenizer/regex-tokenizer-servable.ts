import { type DataFrame, DataTypes } from '@servable/dataframe';
import {
  BooleanParam,
  ColumnTypeMismatchError,
  HasInputCol,
  HasOutputCol,
  IntParam,
  loadStage,
  type Param,
  ParamValidators,
  paramMixin,
  StringParam,
  TransformerServableBase,
} from '@servable/servable-api';
import { compileJavaRegex } from '../java/java-regex.js';
import { requireStringColumn } from '../java/string-column.js';
import { javaFindAll, javaSplit } from '../java/string-split.js';
import { splitJavaWhitespace } from '../tokenizer/java-whitespace-split.js';

/** `minTokenLength` (int, default 1, >= 0): shorter tokens are dropped. */
export const MIN_TOKEN_LENGTH = new IntParam(
  'minTokenLength',
  'Minimum token length',
  1,
  ParamValidators.gtEq(0),
);
/** `gaps` (boolean, default true): the pattern matches separators (true) or tokens (false). */
export const GAPS = new BooleanParam('gaps', 'Set regex to match gaps or tokens', true);
/** `pattern` (string, default `\s+`): a `java.util.regex` pattern. */
export const PATTERN = new StringParam('pattern', 'Regex pattern used for tokenizing', '\\s+');
/** `toLowercase` (boolean, default true): lower-case the text before tokenizing. */
export const TO_LOWERCASE = new BooleanParam(
  'toLowercase',
  'Whether to convert all characters to lowercase before tokenizing',
  true,
);

/** Accessors of {@link MIN_TOKEN_LENGTH}. */
export interface HasMinTokenLength {
  /** The minimum token length. */
  getMinTokenLength(): number;
  /** Sets the minimum token length. */
  setMinTokenLength(value: number): this;
}
/** Mixin of {@link MIN_TOKEN_LENGTH}. */
export const HasMinTokenLength = paramMixin<HasMinTokenLength>(MIN_TOKEN_LENGTH, 'MinTokenLength');
/** Accessors of {@link GAPS}. */
export interface HasGaps {
  /** Whether the pattern matches separators. */
  getGaps(): boolean;
  /** Sets whether the pattern matches separators. */
  setGaps(value: boolean): this;
}
/** Mixin of {@link GAPS}. */
export const HasGaps = paramMixin<HasGaps>(GAPS, 'Gaps');
/** Accessors of {@link PATTERN}. */
export interface HasPattern {
  /** The Java regex pattern. */
  getPattern(): string;
  /**
   * Sets the Java regex pattern.
   * @throws UnsupportedJavaRegexError when it cannot be translated.
   */
  setPattern(value: string): this;
}
/** Mixin of {@link PATTERN}. */
export const HasPattern = paramMixin<HasPattern>(PATTERN, 'Pattern');
/** Accessors of {@link TO_LOWERCASE}. */
export interface HasToLowercase {
  /** Whether text is lower-cased first. */
  getToLowercase(): boolean;
  /** Sets whether text is lower-cased first. */
  setToLowercase(value: boolean): this;
}
/** Mixin of {@link TO_LOWERCASE}. */
export const HasToLowercase = paramMixin<HasToLowercase>(TO_LOWERCASE, 'ToLowercase');

const STRING_ARRAY = DataTypes.ARRAY(DataTypes.STRING);

/**
 * Serves Flink ML's `RegexTokenizer` (a Transformer: params only): splits strings with a Java
 * regex.
 *
 * - Params: `inputCol` ("input"), `outputCol` ("output"), `minTokenLength` (1, >= 0), `gaps`
 *   (true), `pattern` (`\s+`), `toLowercase` (true).
 * - Per string: lower-case (if `toLowercase`; JavaScript's root-locale `toLowerCase()` — Java
 *   uses the JVM default locale, which differs only under a Turkish, Azeri or Lithuanian
 *   default); then `gaps` → Java's `Pattern.split` (see `javaSplit`), otherwise every match of
 *   the pattern; tokens shorter than `minTokenLength` (in UTF-16 units, as Java's `length()`)
 *   are dropped. Output ARRAY(STRING).
 * - The Java pattern is translated to a JavaScript RegExp when set (so loading a stage with an
 *   untranslatable pattern fails, and `registry.check` reports it): see `translateJavaRegex`
 *   for the supported constructs; others raise {@link UnsupportedJavaRegexError}.
 * - A null string fails with {@link ColumnTypeMismatchError} (Java: NullPointerException).
 */
export class RegexTokenizerServable extends TransformerServableBase.withParams(
  HasInputCol,
  HasOutputCol,
  HasMinTokenLength,
  HasGaps,
  HasPattern,
  HasToLowercase,
) {
  /** The Java class name of the saved stage. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.feature.regextokenizer.RegexTokenizer';
  readonly className: string = RegexTokenizerServable.CLASS_NAME;

  #compiled: CompiledPattern | undefined;

  /** Loads a RegexTokenizer saved by Flink ML (or by `save`). */
  static load(path: string): Promise<RegexTokenizerServable> {
    return loadStage(path, () => new RegexTokenizerServable());
  }

  /**
   * See `ParamsHolder.set`; a `pattern` is translated first.
   * @throws UnsupportedJavaRegexError for an untranslatable pattern (the param keeps its value).
   */
  override set<V>(param: Param<V>, value: V): this {
    if (param.name === PATTERN.name && typeof value === 'string') this.#compile(value);
    return super.set(param, value);
  }

  /** See `ParamsHolder.setByName`; a `pattern` is translated first. */
  override setByName(name: string, value: unknown): this {
    if (name === PATTERN.name && typeof value === 'string') this.#compile(value);
    return super.setByName(name, value);
  }

  #compile(pattern: string): CompiledPattern {
    if (this.#compiled?.pattern !== pattern) {
      const regex = compileJavaRegex(pattern);
      this.#compiled = {
        pattern,
        regex: new RegExp(regex.source, `${regex.flags}g`),
        whitespace: pattern === '\\s+' ? 'runs' : pattern === '\\s' ? 'single' : null,
      };
    }
    return this.#compiled;
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const column = this.getInputCol();
    const { regex, whitespace } = this.#compile(this.getPattern());
    const gaps = this.getGaps();
    const lower = this.getToLowercase();
    const minLength = this.getMinTokenLength();
    const texts = requireStringColumn(input, column, 'RegexTokenizerServable');
    const out = new Array<string[]>(texts.length);
    for (let r = 0; r < texts.length; r++) {
      let text = texts[r];
      if (text === null || text === undefined) {
        throw new ColumnTypeMismatchError(column, 'STRING', 'null', r);
      }
      if (lower) text = text.toLowerCase();
      const tokens = gaps
        ? whitespace !== null
          ? splitJavaWhitespace(text, whitespace === 'runs')
          : javaSplit(text, regex)
        : findAll(text, regex);
      if (minLength > 0) dropShort(tokens, minLength);
      out[r] = tokens;
    }
    return input.addColumn(this.getOutputCol(), STRING_ARRAY, out);
  }
}

/** A `pattern` ready to use: its global RegExp, and whether it is Java's `\s+` or `\s`. */
interface CompiledPattern {
  readonly pattern: string;
  /** The translated pattern with the `g` flag (so the split and find loops reuse it). */
  readonly regex: RegExp;
  /** `runs` for `\s+`, `single` for `\s` (split by a scan, no regex); otherwise null. */
  readonly whitespace: 'runs' | 'single' | null;
}

/**
 * Every match, as Java's `while (matcher.find()) tokens.add(matcher.group())`. Without the `u`
 * flag, `String.prototype.match` with the global regex gives exactly those matches (it searches
 * from the end of each match, or one UTF-16 unit further after an empty match, as `Matcher.find`
 * does) without a match object per token. With the `u` flag, an empty match right before a
 * surrogate pair would make `match` step over the whole pair, where Java also tries the position
 * between its halves: `javaFindAll` follows Java there.
 */
function findAll(text: string, regex: RegExp): string[] {
  return regex.unicode ? javaFindAll(text, regex) : (text.match(regex) ?? []);
}

/** Removes, in place and in order, the tokens shorter than `minLength` UTF-16 units. */
function dropShort(tokens: string[], minLength: number): void {
  let kept = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.length >= minLength) tokens[kept++] = t;
  }
  tokens.length = kept;
}
