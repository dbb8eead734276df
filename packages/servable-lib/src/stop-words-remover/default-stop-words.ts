import { ServableError } from '@servable/servable-api';
import { STOP_WORD_LANGUAGES, STOP_WORD_TEXT, type StopWordLanguage } from './stop-word-lists.js';

/** `loadDefaultStopWords` was asked for a language Flink ML does not bundle. */
export class UnknownStopWordLanguageError extends ServableError {
  constructor(
    /** The language asked for. */
    readonly language: string,
  ) {
    super(
      'UNKNOWN_STOP_WORD_LANGUAGE',
      `${language} is not in the supported language list: [${STOP_WORD_LANGUAGES.join(', ')}].`,
    );
  }
}

/**
 * Flink ML's `StopWordsRemover.loadDefaultStopWords(language)`: the bundled stop words of one of
 * {@link STOP_WORD_LANGUAGES} (`english` is the `stopWords` default), in file order (a fresh
 * array each call).
 *
 * @throws UnknownStopWordLanguageError for any other language (names are lower-case, as in Java).
 */
export function loadDefaultStopWords(language: string): string[] {
  if (!(STOP_WORD_LANGUAGES as readonly string[]).includes(language)) {
    throw new UnknownStopWordLanguageError(language);
  }
  return STOP_WORD_TEXT[language as StopWordLanguage].split(' ');
}
