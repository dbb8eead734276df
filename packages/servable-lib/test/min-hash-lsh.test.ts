import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, SparseVector } from '@servable/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { javaLongAffineRemainder } from '../src/java/long-affine-remainder.js';
import {
  EmptyHashInputError,
  type MinHashLSHModelData,
  MinHashLSHModelDataCodec,
  MinHashLSHModelServable,
  minHashKeyDistance,
} from '../src/min-hash-lsh/index.js';
import { expectRecordRoundTrip } from './support/encodings.js';
import { type FixtureJson, loadVectorFile, toVector } from './support/flink-vectors.js';
import { modelServableSuite } from './support/model-servable-checks.js';

const file = loadVectorFile('MinHashLSH');
const model = (d: Record<string, FixtureJson>): MinHashLSHModelData => ({
  numHashTables: d.numHashTables as number,
  numHashFunctionsPerTable: d.numHashFunctionsPerTable as number,
  randCoefficientA: Int32Array.from(d.randCoefficientA as number[]),
  randCoefficientB: Int32Array.from(d.randCoefficientB as number[]),
});

modelServableSuite('MinHashLSHModelServable', {
  file,
  create: () => new MinHashLSHModelServable(),
  load: (p) => MinHashLSHModelServable.load(p),
  model,
});

describe('javaLongAffineRemainder', () => {
  const P = 2038074743;
  const int = fc.integer({ min: -2147483648, max: 2147483647 });
  it('equals Java long arithmetic ((long) x * a + b) % p (BigInt reference)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2147483648 }), int, int, (x, a, b) => {
        const want = Number((BigInt(x) * BigInt(a) + BigInt(b)) % BigInt(P));
        const got = javaLongAffineRemainder(x, a, b, P);
        expect(
          got === want && !Object.is(got, -0),
          `${x}·${a}+${b}: got ${got}, want ${want}`,
        ).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
  it('handles the extremes exactly', () => {
    for (const [x, a, b] of [
      [2147483648, 2147483647, 2147483647],
      [2147483648, -2147483648, -2147483648],
      [1, 0, 0],
      [2147483648, P - 1, P - 2],
    ] as const) {
      expect(javaLongAffineRemainder(x, a, b, P)).toBe(
        Number((BigInt(x) * BigInt(a) + BigInt(b)) % BigInt(P)),
      );
    }
  });
});

describe('MinHashLSH', () => {
  const features = DataTypes.VECTOR(BasicType.DOUBLE);
  const s = new MinHashLSHModelServable()
    .setInputCol('vec')
    .setModel(model(file.modelData as Record<string, FixtureJson>));

  it("rejects a vector without elements with Java's message, naming the row", () => {
    const df = DataFrame.fromColumns(
      ['vec'],
      [features],
      [[new DenseVector([1]), new SparseVector(3, [], [])]],
    );
    expect(() => s.transform(df)).toThrow(EmptyHashInputError);
    expect(() => s.transform(df)).toThrow(
      'Column vec, row 1: Must have at least 1 non zero entry.',
    );
  });

  it('hashes a dense vector like its sparse form; explicit sparse zeros count as members', () => {
    const df = DataFrame.fromColumns(
      ['vec'],
      [features],
      [
        [
          new DenseVector([1, 0, 2]),
          new SparseVector(3, [0, 2], [1, 2]),
          new SparseVector(3, [0, 1, 2], [1, 0, 2]),
        ],
      ],
    );
    const out = s.transform(df).getValues('output') as DenseVector[][];
    expect(out[0]?.map((v) => Array.from(v.values))).toEqual(
      out[1]?.map((v) => Array.from(v.values)),
    );
    expect(out[2]?.map((v) => Array.from(v.values))).not.toEqual(
      out[1]?.map((v) => Array.from(v.values)),
    );
  });

  it('computes keyDistance (Jaccard distance of the index sets)', () => {
    for (const ex of file.keyDistanceExamples as {
      x: FixtureJson;
      y: FixtureJson;
      distance: number;
    }[]) {
      expect(minHashKeyDistance(toVector(ex.x), toVector(ex.y))).toBe(ex.distance);
    }
    expect(() => minHashKeyDistance(new SparseVector(2, [], []), new DenseVector([0, 0]))).toThrow(
      'The union of two input sets must have at least 1 elements',
    );
  });

  it('rejects model data with too few coefficients', () => {
    const bad = {
      numHashTables: 2,
      numHashFunctionsPerTable: 2,
      randCoefficientA: Int32Array.of(1, 2, 3),
      randCoefficientB: Int32Array.of(1, 2, 3, 4),
    };
    expect(() => new MinHashLSHModelServable().setModel(bad)).toThrow(/need 4 coefficients/);
  });

  it('reproduces the encodings.json record byte for byte', () => {
    const m = expectRecordRoundTrip(
      MinHashLSHModelDataCodec,
      'MinHashLSHModelData tables=3 fnPerTable=1 A=[0,1,3] B=[1,2,0]',
    );
    expect(Array.from(m.randCoefficientA)).toEqual([0, 1, 3]);
  });
});
