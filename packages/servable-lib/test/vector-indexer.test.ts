import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, decodeFromBytes, encodeToBytes, SparseVector } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  FeatureDimensionError,
  InvalidInputValueError,
  ModelDataError,
} from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import {
  CategoryMap,
  type VectorIndexerModelData,
  VectorIndexerModelDataCodec,
  VectorIndexerModelServable,
} from '../src/vector-indexer/index.js';
import { fuzzModelDataFrom } from './support/decoder-fuzz.js';
import { expectRecordRoundTrip, hexToBytes } from './support/encodings.js';
import {
  caseModelData,
  caseParams,
  type FixtureJson,
  itEachCase,
  loadVectorFile,
  toDouble,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/round-trip.js';

const file = loadVectorFile('VectorIndexer');
const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

function modelOf(json: Record<string, FixtureJson>): VectorIndexerModelData {
  const maps = json.categoryMaps as Record<string, { keys: FixtureJson[]; values: number[] }>;
  return {
    categoryMaps: new Map(
      Object.entries(maps).map(([column, m]) => [
        Number(column),
        new CategoryMap(m.keys.map((k, i) => [toDouble(k), m.values[i]!] as const)),
      ]),
    ),
  };
}

function servable(handleInvalid: 'error' | 'skip' | 'keep' = 'error') {
  return new VectorIndexerModelServable().setHandleInvalid(handleInvalid);
}

const model = (entries: [number, [number, number][]][]) => ({
  categoryMaps: new Map(entries.map(([c, m]) => [c, new CategoryMap(m)])),
});

describe('VectorIndexerModelServable: Flink ML test vectors', () => {
  itEachCase(file, (c) =>
    servable(caseParams(file, c).handleInvalid as 'error' | 'skip' | 'keep').setModel(
      modelOf(caseModelData(file, c)),
    ),
  );
});

describe('CategoryMap', () => {
  it('matches keys bit-exactly: -0.0 and 0.0 differ, NaNs are one key', () => {
    const m = new CategoryMap([
      [0, 0],
      [-0, 5],
      [Number.NaN, 7],
      [1, 1],
      [1, 2],
    ]);
    expect(m.get(0)).toBe(0);
    expect(m.get(-0)).toBe(5);
    expect(m.get(Number.NaN)).toBe(7);
    expect(m.get(1)).toBe(2);
    expect(m.get(3)).toBe(-1);
    expect(m.size).toBe(4);
    expect([...m.entries()]).toEqual([
      [0, 0],
      [-0, 5],
      [Number.NaN, 7],
      [1, 2],
    ]);
  });
});

describe('VectorIndexerModelServable behaviour', () => {
  it('treats -0.0 as unseen when only 0.0 was seen', () => {
    const s = servable('keep').setModel(
      model([
        [
          0,
          [
            [0, 0],
            [1, 1],
          ],
        ],
      ]),
    );
    const df = DataFrame.fromColumns(
      ['input'],
      [VECTOR],
      [[new DenseVector([-0]), new DenseVector([0])]],
    );
    expect(
      s
        .transform(df)
        .getVectors('output')
        .map((v) => v?.toString()),
    ).toEqual(['[2.0]', '[0.0]']);
    expect(() =>
      servable()
        .setModel(model([[0, [[0, 0]]]]))
        .transform(df),
    ).toThrow(
      'The input contains unseen double: -0.0. See handleInvalid parameter for more options. (column input, row 0)',
    );
  });

  it('reports the unseen value of the first feature in Java HashMap order', () => {
    // Inserted as 18, 1 → Java iterates 1 (bucket 1) before 18 (bucket 2) of a 16-slot table.
    const s = servable().setModel(
      model([
        [18, [[5, 0]]],
        [1, [[5, 0]]],
      ]),
    );
    const v = new DenseVector(19).toArray();
    v[1] = 9;
    v[18] = 8;
    const df = DataFrame.fromColumns(['input'], [VECTOR], [[new DenseVector(v)]]);
    expect(() => s.transform(df)).toThrow(InvalidInputValueError);
    expect(() => s.transform(df)).toThrow('unseen double: 9.0.');
  });

  it('updates sparse vectors with Java set semantics and keeps them sparse', () => {
    const s = servable('keep').setModel(
      model([
        [
          0,
          [
            [0, 0],
            [3, 1],
          ],
        ],
        [
          2,
          [
            [0, 0],
            [7, 4],
          ],
        ],
        [4, [[0, 1]]],
      ]),
    );
    // index 0: stored 3 → 1; index 2: stored explicit 0.0 → 0 (kept stored); index 4: absent 0 → 1 (inserted)
    const df = DataFrame.fromColumns(['input'], [VECTOR], [[new SparseVector(5, [0, 2], [3, 0])]]);
    const out = s.transform(df).getVectors('output')[0] as SparseVector;
    expect(out.kind).toBe('sparse');
    expect(out.toString()).toBe('(5, [0, 2, 4], [1.0, 0.0, 1.0])');
  });

  it('skip drops rows; the input is not modified', () => {
    const s = servable('skip').setModel(model([[0, [[1, 0]]]]));
    const a = new DenseVector([1, 9]);
    const df = DataFrame.fromColumns(
      ['input', 'id'],
      [VECTOR, DataTypes.INT],
      [
        [a, new DenseVector([2, 0])],
        [1, 2],
      ],
    );
    const out = s.transform(df);
    expect(out.getValues('id')).toEqual([1]);
    expect(out.getVectors('output')[0]?.toString()).toBe('[0.0, 9.0]');
    expect(a.toString()).toBe('[1.0, 9.0]');
  });

  it('typed errors for null and too-short vectors', () => {
    const s = servable().setModel(model([[3, [[0, 0]]]]));
    const nulls = DataFrame.fromColumns(['input'], [VECTOR], [[null]]);
    expect(() => s.transform(nulls)).toThrow(ColumnTypeMismatchError);
    const short = DataFrame.fromColumns(['input'], [VECTOR], [[new DenseVector([0, 0])]]);
    expect(() => s.transform(short)).toThrow(FeatureDimensionError);
  });
});

describe('VectorIndexerModel persistence and model data', () => {
  it('reproduces the encodings.json record byte for byte', () => {
    const decoded = expectRecordRoundTrip(
      VectorIndexerModelDataCodec,
      'VectorIndexerModelData {1: {0.0: 0}}',
    );
    expect([...decoded.categoryMaps.keys()]).toEqual([1]);
    expect([...decoded.categoryMaps.get(1)!.entries()]).toEqual([[0, 0]]);
  });

  it('keeps a -0.0 key through decode and encode', () => {
    const data = model([
      [
        0,
        [
          [-0, 3],
          [0, 0],
        ],
      ],
    ]);
    const bytes = encodeToBytes(VectorIndexerModelDataCodec, data);
    const back = decodeFromBytes(VectorIndexerModelDataCodec, bytes);
    expect(back.categoryMaps.get(0)!.get(-0)).toBe(3);
    expect(back.categoryMaps.get(0)!.get(0)).toBe(0);
  });

  it('rejects null maps, null categories and negative feature indices', () => {
    // {1: null}
    expect(() =>
      decodeFromBytes(VectorIndexerModelDataCodec, hexToBytes('00000001 00000001 01')),
    ).toThrow('a category map for feature 1 at offset 8, found null');
    // {1: {0.0: null}}
    expect(() =>
      decodeFromBytes(
        VectorIndexerModelDataCodec,
        hexToBytes('00000001 00000001 00 00000001 0000000000000000 01'),
      ),
    ).toThrow('found null');
    expect(() => servable().setModel(model([[-1, [[0, 0]]]]))).toThrow(ModelDataError);
  });

  it('save → load keeps params and model data', async () => {
    await expectSaveLoadRoundTrip(
      servable('keep').setModel(modelOf(file.modelData as Record<string, FixtureJson>)),
      (p) => VectorIndexerModelServable.load(p),
    );
  });

  it('decoder fuzz; corrupt data keeps the old model', async () => {
    const input = DataFrame.fromColumns(
      ['input'],
      [VECTOR],
      [[new DenseVector([0, 2, 1, 0]), new SparseVector(4, [1], [-1])]],
    );
    await fuzzModelDataFrom(
      servable('keep'),
      encodeToBytes(
        VectorIndexerModelDataCodec,
        model([
          [
            1,
            [
              [-1, 1],
              [0, 0],
              [1, 2],
            ],
          ],
          [0, [[0, 0]]],
        ]),
      ),
      (s) =>
        s
          .transform(input)
          .getVectors('output')
          .map((v) => v?.toString()),
    );
  });
});
