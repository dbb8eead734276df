import { DataFrame, DataTypes } from '@servable/dataframe';
import type { SparseVector } from '@servable/linalg';
import { ColumnTypeMismatchError } from '@servable/servable-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HashingTFServable,
  hashingTFElementHasher,
  hashingTFIndex,
} from '../src/hashing-tf/index.js';
import {
  murmur3HashDouble,
  murmur3HashInt,
  murmur3HashLong,
  murmur3HashUnencodedChars,
} from '../src/java/murmur3.js';
import {
  caseInput,
  expectCaseOutput,
  itEachCase,
  loadVectorFile,
  paramsServable,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/transformer-round-trip.js';

const file = loadVectorFile('HashingTF');

const fromParams = paramsServable(file, () => new HashingTFServable());

describe('HashingTFServable: Flink ML test vectors', () => {
  itEachCase(file, fromParams);
});

describe('HashingTFServable behaviour', () => {
  it('index = ((h % n) + n) % n, not abs + floorMod (differs from FeatureHasher)', () => {
    const h = (file.hashDetails as Record<string, number>).HashingTFTest!;
    expect(h).toBeLessThan(0);
    expect(hashingTFIndex(h, 262144)).toBe((h % 262144) + 262144);
    expect(hashingTFIndex(h, 262144)).toBe(67564);
    expect(hashingTFIndex(h, 262144)).not.toBe(Math.abs(h) % 262144);
  });

  it('element types pick the Java hash: Integer, Long, Double, Boolean, String; null → 0', () => {
    expect(hashingTFElementHasher('INT')!(5)).toBe(murmur3HashInt(5));
    expect(hashingTFElementHasher('LONG')!(5)).toBe(murmur3HashLong(5));
    expect(hashingTFElementHasher('DOUBLE')!(5)).toBe(murmur3HashDouble(5));
    expect(hashingTFElementHasher('BOOLEAN')!(true)).toBe(murmur3HashInt(1));
    expect(hashingTFElementHasher('BOOLEAN')!(false)).toBe(murmur3HashInt(0));
    expect(hashingTFElementHasher('STRING')!('a')).toBe(murmur3HashUnencodedChars('a'));
    expect(hashingTFElementHasher('BYTE_STRING')).toBeUndefined();

    const n = 1 << 18;
    const df = DataFrame.fromColumns(
      ['i', 'd'],
      [DataTypes.ARRAY(DataTypes.INT), DataTypes.ARRAY(DataTypes.DOUBLE)],
      [[[5, 5, null]], [[5]]],
    );
    const ints = new HashingTFServable().setInputCol('i').transform(df).getVectors('output')[0]!;
    expect(ints.get(hashingTFIndex(murmur3HashInt(5), n))).toBe(2);
    expect(ints.get(0)).toBe(1);
    const doubles = new HashingTFServable().setInputCol('d').transform(df).getVectors('output')[0]!;
    expect(doubles.get(hashingTFIndex(murmur3HashDouble(5), n))).toBe(1);
    expect(doubles.get(hashingTFIndex(murmur3HashInt(5), n))).toBe(0);
  });

  it('binary=true stores 1.0 per index; an empty list gives an empty vector', () => {
    const df = DataFrame.fromColumns(
      ['t'],
      [DataTypes.ARRAY(DataTypes.STRING)],
      [[['a', 'a'], []]],
    );
    const s = new HashingTFServable().setInputCol('t').setNumFeatures(10);
    expect(
      s
        .transform(df)
        .getVectors('output')[0]!
        .toArray()
        .reduce((a, b) => a + b),
    ).toBe(2);
    const [bin, empty] = s.setBinary(true).transform(df).getVectors('output');
    expect(bin!.toArray().reduce((a, b) => a + b)).toBe(1);
    expect(empty!.toString()).toBe('(10, [], [])');
  });

  it('property: many rows, long lists and collisions give the counts of a plain Map, per row', () => {
    // The reference is Java's algorithm literally: a map index → count, then sorted indices.
    const reference = (list: readonly (string | null)[], n: number, binary: boolean) => {
      const counts = new Map<number, number>();
      for (const t of list) {
        const index = hashingTFIndex(t === null ? 0 : murmur3HashUnencodedChars(t), n);
        counts.set(index, binary ? 1 : (counts.get(index) ?? 0) + 1);
      }
      const indices = [...counts.keys()].sort((a, b) => a - b);
      return { indices, values: indices.map((i) => counts.get(i)!) };
    };
    const term = fc.oneof(fc.string({ maxLength: 4 }), fc.constant(null));
    fc.assert(
      fc.property(
        fc.array(fc.array(term, { maxLength: 80 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        (lists, numFeatures, binary) => {
          const df = DataFrame.fromColumns(['input'], [DataTypes.ARRAY(DataTypes.STRING)], [lists]);
          const out = new HashingTFServable()
            .setNumFeatures(numFeatures)
            .setBinary(binary)
            .transform(df)
            .getValues('output') as SparseVector[];
          lists.forEach((list, r) => {
            const want = reference(list, numFeatures, binary);
            expect(Array.from(out[r]!.indices)).toEqual(want.indices);
            expect(Array.from(out[r]!.values)).toEqual(want.values);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects non-array columns and null lists with typed errors', () => {
    const df = DataFrame.fromColumns(
      ['s', 'l'],
      [DataTypes.STRING, DataTypes.ARRAY(DataTypes.STRING)],
      [['a b'], [null]],
    );
    expect(() => new HashingTFServable().setInputCol('s').transform(df)).toThrow(
      ColumnTypeMismatchError,
    );
    expect(() => new HashingTFServable().setInputCol('l').transform(df)).toThrow(
      'Column l, row 0: expected ARRAY(STRING), found null.',
    );
  });

  it('save → load round trip', async () => {
    const loaded = await expectSaveLoadRoundTrip(
      fromParams(file.cases[1]!),
      HashingTFServable.load,
    );
    expect(loaded.getBinary()).toBe(true);
    expectCaseOutput(loaded.transform(caseInput(file.cases[1]!)), file.cases[1]!);
  });
});
