import { DataFrame, DataTypes } from '@servable/dataframe';
import { ColumnTypeMismatchError, ParamError } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import {
  javaCaseRulesOf,
  javaToLowerCase,
  loadDefaultStopWords,
  STOP_WORD_LANGUAGES,
  StopWordsRemoverServable,
  UnknownStopWordLanguageError,
} from '../src/stop-words-remover/index.js';
import {
  caseInput,
  expectCaseOutput,
  itEachCase,
  loadVectorFile,
  paramsServable,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/transformer-round-trip.js';

const file = loadVectorFile('StopWordsRemover');

const fromParams = paramsServable(file, () => new StopWordsRemoverServable());

describe('StopWordsRemoverServable: Flink ML test vectors', () => {
  // The file lists 8 Java test methods; testTransform and testSaveLoad share one case, so 7 cases.
  it('has all 7 cases', () => expect(file.cases.length).toBe(7));
  itEachCase(file, fromParams);
});

describe('default stop words', () => {
  it('english is the stopWords default and equals the Flink ML list', () => {
    expect(loadDefaultStopWords('english')).toEqual(file.defaultEnglishStopWords);
    expect(new StopWordsRemoverServable().getStopWords()).toEqual(file.defaultEnglishStopWords);
  });

  it('turkish equals the list the Flink ML test loads', () => {
    expect(loadDefaultStopWords('turkish')).toEqual(file.cases[5]!.params!.stopWords);
  });

  it('bundles all 14 languages, each non-empty without blanks', () => {
    expect(STOP_WORD_LANGUAGES.length).toBe(14);
    for (const language of STOP_WORD_LANGUAGES) {
      const words = loadDefaultStopWords(language);
      expect(words.length, language).toBeGreaterThan(50);
      expect(
        words.every((w) => w.length > 0 && w.trim() === w),
        language,
      ).toBe(true);
    }
    expect(loadDefaultStopWords('german')).toContain('daß');
    expect(loadDefaultStopWords('russian')[0]).toBe('и');
  });

  it('an unknown language is a typed error listing the supported ones', () => {
    expect(() => loadDefaultStopWords('klingon')).toThrow(UnknownStopWordLanguageError);
    expect(() => loadDefaultStopWords('English')).toThrow(
      'English is not in the supported language list: [danish, dutch, english',
    );
  });
});

describe('Java locale lower-casing', () => {
  it('new Locale(s): only exactly tr/az are Turkic (tr_TR is not), lt is Lithuanian', () => {
    expect(javaCaseRulesOf('tr')).toBe('turkic');
    expect(javaCaseRulesOf('AZ')).toBe('turkic');
    expect(javaCaseRulesOf('tr_TR')).toBe('root');
    expect(javaCaseRulesOf('lt')).toBe('lithuanian');
    expect(javaCaseRulesOf('en_US')).toBe('root');
  });

  it('Turkic: I → ı, İ → i, I + dot above → i; root: İ → i̇', () => {
    expect(javaToLowerCase('Iİ', 'turkic')).toBe('ıi');
    expect(javaToLowerCase('I\u0307', 'turkic')).toBe('i');
    expect(javaToLowerCase('Iİ', 'root')).toBe('ii\u0307');
    expect(javaToLowerCase('ΟΔΟΣ', 'root')).toBe('οδος');
  });

  it('Lithuanian keeps the dot of i before accents', () => {
    expect(javaToLowerCase('Ì', 'lithuanian')).toBe('i\u0307\u0300');
    expect(javaToLowerCase('I\u0301', 'lithuanian')).toBe('i\u0307\u0301');
    expect(javaToLowerCase('IS', 'lithuanian')).toBe('is');
  });

  it('a tr_TR locale uses the root rules: cookIe matches cookie', () => {
    const s = new StopWordsRemoverServable()
      .setInputCols(['raw'])
      .setOutputCols(['out'])
      .setStopWords(['cookie'])
      .setLocale('tr_TR');
    const df = DataFrame.fromColumns(['raw'], [DataTypes.ARRAY(DataTypes.STRING)], [[['cookIe']]]);
    expect(s.transform(df).getValues('out')).toEqual([[]]);
    expect(s.setLocale('tr').transform(df).getValues('out')).toEqual([['cookIe']]);
  });
});

describe('StopWordsRemoverServable behaviour', () => {
  it('column count mismatch, wrong column type and null lists are typed errors', () => {
    const df = DataFrame.fromColumns(
      ['raw', 's'],
      [DataTypes.ARRAY(DataTypes.STRING), DataTypes.STRING],
      [[null], ['x']],
    );
    const s = new StopWordsRemoverServable().setInputCols(['raw']).setOutputCols(['a', 'b']);
    expect(() => s.transform(df)).toThrow(ParamError);
    expect(() => s.setOutputCols(['a']).transform(df)).toThrow(ColumnTypeMismatchError);
    expect(() => s.setInputCols(['s']).transform(df)).toThrow(
      'expected ARRAY(STRING), found STRING',
    );
  });

  it('save → load round trip keeps null stop words', async () => {
    const loaded = await expectSaveLoadRoundTrip(
      fromParams(file.cases[1]!),
      StopWordsRemoverServable.load,
    );
    expect(loaded.getStopWords()).toEqual(['test', 'a', 'an', 'the', null]);
    expectCaseOutput(loaded.transform(caseInput(file.cases[1]!)), file.cases[1]!);
  });
});
