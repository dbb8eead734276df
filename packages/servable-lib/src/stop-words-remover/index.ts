export {
  type JavaCaseRules,
  javaCaseRulesOf,
  javaToLowerCase,
} from '../java/locale-lower-case.js';
export { loadDefaultStopWords, UnknownStopWordLanguageError } from './default-stop-words.js';
export { STOP_WORD_LANGUAGES, type StopWordLanguage } from './stop-word-lists.js';
export {
  CASE_SENSITIVE,
  HasCaseSensitive,
  HasLocale,
  HasStopWords,
  LOCALE,
  STOP_WORDS,
  StopWordsRemoverServable,
  stopWordFilter,
} from './stop-words-remover-servable.js';
