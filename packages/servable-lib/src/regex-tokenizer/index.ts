export {
  compileJavaRegex,
  type TranslatedRegex,
  translateJavaRegex,
  UnsupportedJavaRegexError,
} from '../java/java-regex.js';
export { javaFindAll, javaSplit } from '../java/string-split.js';
export {
  GAPS,
  HasGaps,
  HasMinTokenLength,
  HasPattern,
  HasToLowercase,
  MIN_TOKEN_LENGTH,
  PATTERN,
  RegexTokenizerServable,
  TO_LOWERCASE,
} from './regex-tokenizer-servable.js';
