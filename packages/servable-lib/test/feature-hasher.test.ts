import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { formatJavaDouble as javaDouble, type SparseVector } from '@servable/linalg';
import { ColumnTypeMismatchError, InvalidParamError, ParamError } from '@servable/servable-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FeatureHasherServable,
  featureHasherIndex,
  featureHasherIndexOfHash,
} from '../src/feature-hasher/index.js';
import { murmur3HashUnencodedChars } from '../src/java/murmur3.js';
import {
  caseInput,
  expectCaseOutput,
  itEachCase,
  loadVectorFile,
  paramsServable,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/transformer-round-trip.js';

const file = loadVectorFile('FeatureHasher');

const fromParams = paramsServable(file, () => new FeatureHasherServable());

describe('FeatureHasherServable: Flink ML test vectors', () => {
  itEachCase(file, fromParams, {
    check: (out) => expect(out.getDataType('vec').kind).toBe('vector'),
  });
});

describe('FeatureHasherServable behaviour', () => {
  it('index = floorMod(abs(h), n): the raw hashes of the vector file give its indices', () => {
    const details = file.hashDetails as Record<string, number>;
    expect(featureHasherIndex('f0=c', 1000)).toBe(Math.abs(details['f0=c']!) % 1000);
    expect(featureHasherIndex('f0=c', 1000)).toBe(869);
    expect(featureHasherIndex('f1', 1000)).toBe(913);
  });

  it('Math.abs(Integer.MIN_VALUE) stays negative and floorMod makes it non-negative', () => {
    // Java: Math.floorMod(Math.abs(-2147483648), 1000) = floorMod(-2147483648, 1000) = 352,
    // whereas the mathematical |h| % 1000 would be 648.
    expect(featureHasherIndexOfHash(-2147483648, 1000)).toBe(352);
    expect(featureHasherIndexOfHash(-2147483647, 1000)).toBe(647);
    const h = murmur3HashUnencodedChars('f0=c');
    expect(featureHasherIndex('f0=c', 7)).toBe(featureHasherIndexOfHash(h, 7));
  });

  it('numeric values: summed on collision, nulls skipped, INT categorical uses Integer.toString', () => {
    const df = DataFrame.fromColumns(
      ['a', 'b', 'k'],
      [DataTypes.DOUBLE, DataTypes.INT, DataTypes.INT],
      [
        [2.5, null],
        [3, 4],
        [7, null],
      ],
    );
    const s = new FeatureHasherServable()
      .setInputCols(['a', 'b', 'k'])
      .setCategoricalCols(['k'])
      .setOutputCol('v')
      .setNumFeatures(1);
    const [v0, v1] = s.transform(df).getVectors('v');
    // numFeatures 1: every key collides at index 0 → 2.5 + 3 + 1.0.
    expect(v0!.toString()).toBe('(1, [0], [6.5])');
    expect(v1!.toString()).toBe('(1, [0], [4.0])');
    const wide = s
      .setNumFeatures(1 << 20)
      .transform(df)
      .getVectors('v')[0]!;
    expect(wide.get(featureHasherIndex('k=7', 1 << 20))).toBe(1);
    expect(wide.get(featureHasherIndex('k=7.0', 1 << 20))).toBe(0);
  });

  it('DOUBLE categorical values use Double.toString (1.0, 1.0E7)', () => {
    const df = DataFrame.fromColumns(['d'], [DataTypes.DOUBLE], [[1, 1e7]]);
    const s = new FeatureHasherServable().setInputCols(['d']).setCategoricalCols(['d']);
    const [v0, v1] = s.transform(df).getVectors('output');
    expect(v0!.get(featureHasherIndex('d=1.0', 262144))).toBe(1);
    expect(v1!.get(featureHasherIndex('d=1.0E7', 262144))).toBe(1);
  });

  it('property: cached categorical indices and the row accumulator match a per-row reference', () => {
    // The reference is Java's algorithm literally: numeric keys then categorical keys, merged
    // into a map in that order (sums in insertion order), then sorted indices.
    const reference = (d: number, s: string | null, b: boolean, n: number) => {
      const entries: [number, number][] = [[featureHasherIndex('d', n), d]];
      if (s !== null) entries.push([featureHasherIndex(`s=${s}`, n), 1]);
      entries.push([featureHasherIndex(`b=${b}`, n), 1]);
      entries.push([featureHasherIndex(`c=${javaDouble(d)}`, n), 1]);
      const sums = new Map<number, number>();
      for (const [i, v] of entries) sums.set(i, sums.has(i) ? sums.get(i)! + v : v);
      const indices = [...sums.keys()].sort((x, y) => x - y);
      return { indices, values: indices.map((i) => sums.get(i)!) };
    };
    const double = fc.oneof(
      fc.constantFrom(0, -0, 1, 2.5, -1e7, Number.NaN),
      fc.double({ noNaN: true }),
    );
    const row = fc.tuple(
      double,
      fc.oneof(fc.constantFrom('a', 'b', ''), fc.constant(null)),
      fc.boolean(),
    );
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 8 }),
        (rows, n) => {
          const df = DataFrame.fromColumns(
            ['d', 's', 'b', 'c'],
            [DataTypes.DOUBLE, DataTypes.STRING, DataTypes.BOOLEAN, DataTypes.DOUBLE],
            [
              Float64Array.from(rows, (x) => x[0]),
              rows.map((x) => x[1]),
              rows.map((x) => x[2]),
              Float64Array.from(rows, (x) => x[0]),
            ],
          );
          const out = new FeatureHasherServable()
            .setInputCols(['d', 's', 'b', 'c'])
            .setCategoricalCols(['c'])
            .setNumFeatures(n)
            .transform(df)
            .getValues('output') as SparseVector[];
          rows.forEach(([d, str, b], r) => {
            const want = reference(d, str, b, n);
            expect(Array.from(out[r]!.indices)).toEqual(want.indices);
            const got = Array.from(out[r]!.values);
            got.forEach((v, i) => {
              expect(Object.is(v, want.values[i]), `row ${r} [${i}]`).toBe(true);
            });
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects categoricalCols outside inputCols, non-numeric numeric cols, bad numFeatures', () => {
    const df = DataFrame.fromColumns(
      ['a', 'v'],
      [DataTypes.DOUBLE, DataTypes.ARRAY(DataTypes.STRING)],
      [[1], [['x']]],
    );
    expect(() =>
      new FeatureHasherServable().setInputCols(['a']).setCategoricalCols(['z']).transform(df),
    ).toThrow(ParamError);
    expect(() =>
      new FeatureHasherServable().setInputCols(['a']).setCategoricalCols(['z']).transform(df),
    ).toThrow('CategoricalCols must be included in inputCols!');
    expect(() => new FeatureHasherServable().setInputCols(['v']).transform(df)).toThrow(
      ColumnTypeMismatchError,
    );
    expect(() => new FeatureHasherServable().setNumFeatures(0)).toThrow(InvalidParamError);
    const vec = DataFrame.fromColumns(['x'], [DataTypes.VECTOR(BasicType.DOUBLE)], [[null]]);
    expect(() => new FeatureHasherServable().setInputCols(['x']).transform(vec)).toThrow(
      'expected a numeric column, found VECTOR(DOUBLE)',
    );
  });

  it('save → load round trip', async () => {
    const loaded = await expectSaveLoadRoundTrip(fromParams(), FeatureHasherServable.load);
    expectCaseOutput(loaded.transform(caseInput(file.cases[0]!)), file.cases[0]!);
  });
});
