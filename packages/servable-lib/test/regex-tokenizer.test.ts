import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFrame, DataTypes } from '@servable/dataframe';
import {
  applyParamMapJson,
  InvalidParamError,
  ServableLoadError,
  ServableRegistry,
  servableLoader,
} from '@servable/servable-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  javaFindAll,
  javaSplit,
  RegexTokenizerServable,
  translateJavaRegex,
  UnsupportedJavaRegexError,
} from '../src/regex-tokenizer/index.js';
import {
  caseInput,
  caseLabel,
  caseParams,
  expectCaseOutput,
  loadVectorFile,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/transformer-round-trip.js';

const file = loadVectorFile('RegexTokenizer');

function fromParams(c = file.cases[0]!) {
  const s = new RegexTokenizerServable();
  applyParamMapJson(s, caseParams(file, c) as Parameters<typeof applyParamMapJson>[1]);
  return s;
}

const run = (s: RegexTokenizerServable, texts: string[]) =>
  s.transform(DataFrame.fromColumns(['input'], [DataTypes.STRING], [texts])).getValues('output');

describe('RegexTokenizerServable: Flink ML test vectors', () => {
  file.cases.forEach((c, i) => {
    it(caseLabel(c, i), () => {
      expectCaseOutput(fromParams(c).transform(caseInput(c)), c);
    });
  });
});

describe('RegexTokenizerServable behaviour', () => {
  it('minTokenLength drops short tokens (UTF-16 length); 0 keeps empty ones', () => {
    const s = new RegexTokenizerServable().setPattern(',').setMinTokenLength(2);
    expect(run(s, ['a,bb,,ccc'])).toEqual([['bb', 'ccc']]);
    expect(run(s.setMinTokenLength(0), ['a,bb,,ccc'])).toEqual([['a', 'bb', '', 'ccc']]);
    expect(run(s.setMinTokenLength(1), [''])).toEqual([[]]);
  });

  it('gaps=false collects matches; toLowercase=false keeps case; (?i) works', () => {
    const s = new RegexTokenizerServable()
      .setGaps(false)
      .setPattern('(?i)[a-c]+')
      .setToLowercase(false);
    expect(run(s, ['ABxcaB'])).toEqual([['AB', 'caB']]);
  });

  it('property: every pattern path gives the tokens of the Java split / find loop', () => {
    // `\s+` and `\s` are split by a scan, gaps=false without the u flag by String.match, the rest
    // by the javaSplit / javaFindAll loops: all must agree with those loops on the raw regex.
    const patterns = ['\\s+', '\\s', ',', '\\w+|\\p{Punct}', 'x*', '(?=X)', '\\p{L}+', ''];
    const chars = fc.constantFrom('a', 'X', ',', '.', ' ', '\t', '  ', 'é', '\u{1f600}', '\u00a0');
    const texts = fc.array(
      fc.array(chars, { maxLength: 16 }).map((cs) => cs.join('')),
      {
        minLength: 1,
        maxLength: 4,
      },
    );
    for (const pattern of patterns) {
      const { source, flags } = translateJavaRegex(pattern);
      const regex = new RegExp(source, flags);
      for (const gaps of [true, false]) {
        const s = new RegexTokenizerServable()
          .setPattern(pattern)
          .setGaps(gaps)
          .setToLowercase(false)
          .setMinTokenLength(0);
        fc.assert(
          fc.property(texts, (ts) => {
            const expected = ts.map((t) => (gaps ? javaSplit(t, regex) : javaFindAll(t, regex)));
            expect(run(s, ts)).toEqual(expected);
            expect(run(s.setMinTokenLength(2), ts)).toEqual(
              expected.map((tokens) => tokens.filter((t) => t.length >= 2)),
            );
            s.setMinTokenLength(0);
          }),
          { numRuns: 60 },
        );
      }
    }
  });

  it('gaps=false with a u-flag pattern matching empty finds what Java finds at surrogate pairs', () => {
    // Java 17: "a\uD83D\uDE00b" with \p{L}* finds ["a", "", "", "b", ""]: after the empty match
    // before the pair it also tries the position between the pair's halves.
    const s = new RegexTokenizerServable()
      .setGaps(false)
      .setPattern('\\p{L}*')
      .setMinTokenLength(0);
    expect(run(s, ['a\u{1f600}b'])).toEqual([['a', '', '', 'b', '']]);
  });

  it('an untranslatable pattern is refused when set, when loaded, and by registry.check', async () => {
    const s = new RegexTokenizerServable();
    expect(() => s.setPattern('a*+')).toThrow(UnsupportedJavaRegexError);
    expect(s.getPattern()).toBe('\\s+');
    expect(() => new RegexTokenizerServable().setMinTokenLength(-1)).toThrow(InvalidParamError);

    const dir = await mkdtemp(join(tmpdir(), 'regex-tokenizer-'));
    try {
      await new RegexTokenizerServable().save(join(dir, 'stage'));
      const metadata = join(dir, 'stage', 'metadata');
      const { readFile } = await import('node:fs/promises');
      const text = (await readFile(metadata, 'utf8')).replace('"\\\\s+"', '"(?>a)"');
      await writeFile(metadata, text);
      await expect(RegexTokenizerServable.load(join(dir, 'stage'))).rejects.toThrow(
        ServableLoadError,
      );
      const registry = new ServableRegistry().register({
        name: 'test',
        servables: {
          [RegexTokenizerServable.CLASS_NAME]: servableLoader(() => new RegexTokenizerServable()),
        },
      });
      const check = await registry.check(join(dir, 'stage'));
      expect(JSON.stringify(check)).toContain('atomic group');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('save → load round trip', async () => {
    const loaded = await expectSaveLoadRoundTrip(
      fromParams(file.cases[2]!),
      RegexTokenizerServable.load,
    );
    expect(loaded.getPattern()).toBe('\\w+|\\p{Punct}');
    expectCaseOutput(loaded.transform(caseInput(file.cases[2]!)), file.cases[2]!);
  });
});
