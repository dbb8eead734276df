import { DataFrame, DataTypes } from '@servable/dataframe';
import { applyParamMapJson, ColumnTypeMismatchError } from '@servable/servable-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { javaSplit } from '../src/java/string-split.js';
import { TokenizerServable, tokenize } from '../src/tokenizer/index.js';
import { splitJavaWhitespace } from '../src/tokenizer/java-whitespace-split.js';
import {
  caseInput,
  caseLabel,
  caseParams,
  expectCaseOutput,
  loadVectorFile,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/transformer-round-trip.js';

const file = loadVectorFile('Tokenizer');

function fromParams(c = file.cases[0]!) {
  const s = new TokenizerServable();
  applyParamMapJson(s, caseParams(file, c) as Parameters<typeof applyParamMapJson>[1]);
  return s;
}

describe('TokenizerServable: Flink ML test vectors', () => {
  file.cases.forEach((c, i) => {
    it(caseLabel(c, i), () => {
      const out = fromParams(c).transform(caseInput(c));
      expectCaseOutput(out, c);
      expect(out.getDataType('output').toString()).toBe('ARRAY(STRING)');
    });
  });
});

describe('TokenizerServable behaviour', () => {
  it('splits at single ASCII whitespace only (not NBSP), root-locale lower-casing', () => {
    expect(tokenize('A\u00a0B\tC')).toEqual(['a\u00a0b', 'c']);
    expect(tokenize('TITLE İ')).toEqual(['title', 'i̇']);
  });

  it('splitJavaWhitespace follows String.split("\\s") and split("\\s+") (verified on a JVM)', () => {
    expect(splitJavaWhitespace(' a  b ', false)).toEqual(['', 'a', '', 'b']);
    expect(splitJavaWhitespace(' a  b ', true)).toEqual(['', 'a', 'b']);
    expect(splitJavaWhitespace('', false)).toEqual(['']);
    expect(splitJavaWhitespace('', true)).toEqual(['']);
    expect(splitJavaWhitespace(' \t\n', false)).toEqual([]);
    expect(splitJavaWhitespace(' \t\n', true)).toEqual([]);
    expect(splitJavaWhitespace('abc', true)).toEqual(['abc']);
    expect(splitJavaWhitespace('a\u000bb\fc\rd\u00a0e\u2028f', false)).toEqual([
      'a',
      'b',
      'c',
      'd\u00a0e\u2028f',
    ]);
  });

  it('property: splitJavaWhitespace gives the pieces of the regex split (javaSplit with \\s, \\s+)', () => {
    const chars = fc.constantFrom('a', 'B', 'é', ' ', '\t', '\n', '\u000b', '\f', '\r', '\u00a0');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 24 }), (cs) => {
        const text = cs.join('');
        expect(splitJavaWhitespace(text, false)).toEqual(javaSplit(text, /[ \t\n\v\f\r]/));
        expect(splitJavaWhitespace(text, true)).toEqual(javaSplit(text, /[ \t\n\v\f\r]+/));
      }),
      { numRuns: 500 },
    );
  });

  it('null strings and non-string columns are typed errors', () => {
    const df = DataFrame.fromColumns(
      ['input', 'n'],
      [DataTypes.STRING, DataTypes.DOUBLE],
      [[null], [1]],
    );
    expect(() => new TokenizerServable().transform(df)).toThrow(ColumnTypeMismatchError);
    expect(() => new TokenizerServable().setInputCol('n').transform(df)).toThrow(
      'expected STRING, found DOUBLE',
    );
  });

  it('save → load round trip', async () => {
    const loaded = await expectSaveLoadRoundTrip(fromParams(), TokenizerServable.load);
    expectCaseOutput(loaded.transform(caseInput(file.cases[1]!)), file.cases[1]!);
  });
});
