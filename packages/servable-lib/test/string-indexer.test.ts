import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, decodeFromBytes, encodeToBytes } from '@servable/linalg';
import {
  InvalidInputValueError,
  MissingColumnError,
  ModelDataError,
  ModelNotLoadedError,
  ParamError,
} from '@servable/servable-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { javaNumberToString } from '../src/java/string-value-of.js';
import {
  StringIndex,
  type StringIndexerModelData,
  StringIndexerModelDataCodec,
  StringIndexerModelServable,
} from '../src/string-indexer/index.js';
import { NumericKeyIndex } from '../src/string-indexer/numeric-key-index.js';
import { fuzzModelDataFrom } from './support/decoder-fuzz.js';
import { expectRecordRoundTrip, modelDataRecordBytes } from './support/encodings.js';
import {
  caseInput,
  caseModelData,
  caseParams,
  expectCaseOutput,
  type FixtureJson,
  itEachCase,
  loadVectorFile,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/round-trip.js';

const file = loadVectorFile('StringIndexer');

function modelOf(json: Record<string, FixtureJson>): StringIndexerModelData {
  return { stringArrays: json.stringArrays as string[][] };
}

function servableFor(params: Record<string, FixtureJson>, model?: StringIndexerModelData) {
  const s = new StringIndexerModelServable()
    .setInputCols(params.inputCols as string[])
    .setOutputCols(params.outputCols as string[])
    .setHandleInvalid(params.handleInvalid as 'error' | 'skip' | 'keep');
  return model ? s.setModel(model) : s;
}

describe('StringIndexerModelServable: Flink ML test vectors', () => {
  itEachCase(file, (c) => servableFor(caseParams(file, c), modelOf(caseModelData(file, c))));
});

describe('StringIndexerModelData codec', () => {
  it('reproduces the encodings.json record byte for byte', () => {
    const decoded = expectRecordRoundTrip(
      StringIndexerModelDataCodec,
      'StringIndexerModelData [["a","b"],["-1.0"]]',
    );
    expect(decoded.stringArrays).toEqual([['a', 'b'], ['-1.0']]);
  });

  it('round-trips nulls, empty arrays and non-BMP strings', () => {
    const model = { stringArrays: [[], [null, '', 'é€😀']] };
    const bytes = encodeToBytes(StringIndexerModelDataCodec, model);
    expect(decodeFromBytes(StringIndexerModelDataCodec, bytes)).toEqual(model);
  });

  it('rejects a negative column count naming the offset', () => {
    expect(() =>
      decodeFromBytes(StringIndexerModelDataCodec, Uint8Array.of(0xff, 0xff, 0xff, 0xff)),
    ).toThrow(/non-negative length of string arrays at offset 0/);
  });
});

describe('StringIndex', () => {
  it('maps duplicates to their last position and counts distinct strings', () => {
    const index = new StringIndex(['a', 'b', 'a', null]);
    expect(index.indexOf('a')).toBe(2);
    expect(index.indexOf('b')).toBe(1);
    expect(index.indexOf(null)).toBe(3);
    expect(index.indexOf('c')).toBe(-1);
    expect(index.size).toBe(3);
  });
});

describe('NumericKeyIndex', () => {
  const types = [BasicType.DOUBLE, BasicType.FLOAT, BasicType.INT, BasicType.LONG] as const;
  const number = fc.oneof(
    fc.constantFrom(0, -0, 1, -1, 2, 0.1, 1e7, 1e-3, 1e-4, Number.NaN, Infinity, -Infinity),
    fc.double(),
    fc.float().map((f) => Math.fround(f)),
    fc.integer(),
  );

  it('property: positionOf(v) is the position of Java String.valueOf(v), zeros and NaN included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.array(number, { maxLength: 12 }),
        fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('1', '-0', '0.0', 'NaN')), {
          maxLength: 4,
        }),
        fc.array(number, { maxLength: 12 }),
        (type, modelNumbers, junk, probes) => {
          // Model strings: Java spellings of numbers (as DOUBLE, FLOAT and integer columns would
          // print them, so some do not parse back in the probed type), plus arbitrary strings.
          const strings = [
            ...modelNumbers.map((x, i) => javaNumberToString(x, types[i % types.length]!)),
            ...junk,
          ];
          const index = new StringIndex(strings);
          const numeric = new NumericKeyIndex(strings, index, type);
          for (const v of [...probes, ...modelNumbers]) {
            const value = type === BasicType.FLOAT ? Math.fround(v) : v;
            expect(numeric.positionOf(value), `${type} ${value}`).toBe(
              index.indexOf(javaNumberToString(value, type)),
            );
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('javaNumberToString', () => {
  it('formats like Java String.valueOf per column type', () => {
    expect(javaNumberToString(2, BasicType.DOUBLE)).toBe('2.0');
    expect(javaNumberToString(2, BasicType.INT)).toBe('2');
    expect(javaNumberToString(-7, BasicType.LONG)).toBe('-7');
    expect(javaNumberToString(1e7, BasicType.DOUBLE)).toBe('1.0E7');
    expect(javaNumberToString(-0, BasicType.DOUBLE)).toBe('-0.0');
    expect(javaNumberToString(Number.NaN, BasicType.DOUBLE)).toBe('NaN');
    expect(javaNumberToString(0.1, BasicType.FLOAT)).toBe('0.1');
    expect(javaNumberToString(Math.fround(0.1), BasicType.DOUBLE)).toBe('0.10000000149011612');
  });
});

describe('StringIndexerModelServable behaviour', () => {
  const model = {
    stringArrays: [
      ['a', '1'],
      ['1', '2.0'],
    ],
  };
  const frame = (ints: (number | null)[], doubles: (number | null)[]) =>
    DataFrame.fromColumns(['i', 'd'], [DataTypes.INT, DataTypes.DOUBLE], [ints, doubles]);
  const base = () =>
    new StringIndexerModelServable().setInputCols(['i', 'd']).setOutputCols(['oi', 'od']);

  it('looks INT values up as "1" and DOUBLE values as "2.0"', () => {
    const s = base().setModel({
      stringArrays: [
        ['1', '2'],
        ['1', '2.0'],
      ],
    });
    const out = s.transform(frame([2, 1], [2, 2]));
    expect(Array.from(out.getDoubles('oi'))).toEqual([1, 0]);
    expect(Array.from(out.getDoubles('od'))).toEqual([1, 1]);
    expect(out.getColumnNames()).toEqual(['i', 'd', 'oi', 'od']);
  });

  it('reports the first unseen value in row order with Java message, column and row', () => {
    const s = base().setModel(model);
    const run = () => s.transform(frame([1, 7, 8], [2, 2, 3]));
    expect(run).toThrow(InvalidInputValueError);
    expect(run).toThrow(
      'The input contains unseen string: 7. See handleInvalid parameter for more options. (column i, row 1)',
    );
    expect(() => s.transform(frame([1, null], [2, 2]))).toThrow('unseen string: null.');
  });

  it('keep gives the number of distinct strings; skip drops whole rows', () => {
    const input = frame([1, 9, 1], [2, 2, 5]);
    const kept = base()
      .setHandleInvalid('keep')
      .setModel({ stringArrays: [['1', '1'], ['2.0']] });
    expect(Array.from(kept.transform(input).getDoubles('oi'))).toEqual([1, 1, 1]);
    expect(Array.from(kept.transform(input).getDoubles('od'))).toEqual([0, 0, 1]);
    const skipped = base().setHandleInvalid('skip').setModel(model).transform(input);
    expect(skipped.numRows()).toBe(1);
    expect(skipped.getValues('i')).toEqual([1]);
    expect(Array.from(skipped.getDoubles('od'))).toEqual([1]);
  });

  it('rejects unsupported column types with Java message, but not their nulls', () => {
    const df = DataFrame.fromColumns(
      ['v'],
      [DataTypes.VECTOR(BasicType.DOUBLE)],
      [[null, new DenseVector([1])]],
    );
    const s = new StringIndexerModelServable()
      .setInputCols(['v'])
      .setOutputCols(['o'])
      .setHandleInvalid('keep')
      .setModel({ stringArrays: [['x']] });
    expect(() => s.transform(df)).toThrow(
      'The input column only supports string and numeric type. (column v, row 1)',
    );
  });

  it('fails clearly on missing columns, missing model, and param/model mismatches', () => {
    expect(() => base().transform(frame([1], [2]))).toThrow(ModelNotLoadedError);
    const s = base().setModel(model);
    const df = DataFrame.fromColumns(['x'], [DataTypes.STRING], [['a']]);
    expect(() => s.transform(df)).toThrow(MissingColumnError);
    expect(() => s.transform(df)).toThrow('the DataFrame has columns [x]');
    expect(() =>
      base()
        .setOutputCols(['o'])
        .setModel(model)
        .transform(frame([1], [2])),
    ).toThrow('inputCols has 2 columns but outputCols has 1');
    const small = base().setModel({ stringArrays: [['a']] });
    expect(() => small.transform(frame([1], [2]))).toThrow(ParamError);
  });

  it('does not modify its input', () => {
    const input = frame([1], [2]);
    base().setModel(model).transform(input);
    expect(input.getColumnNames()).toEqual(['i', 'd']);
  });
});

describe('StringIndexerModelServable persistence and model data', () => {
  it('save → load keeps params and model data', async () => {
    const s = servableFor(file.params ?? {}, modelOf(file.modelData ?? {}));
    const loaded = await expectSaveLoadRoundTrip(s, (p) => StringIndexerModelServable.load(p));
    const c = file.cases[0]!;
    expectCaseOutput(loaded.transform(caseInput(c)), c);
  });

  it('setModelData with the bytes of a record; corrupt bytes keep the old model', async () => {
    const s = servableFor(file.params ?? {});
    const bytes = modelDataRecordBytes('StringIndexerModelData [["a","b"],["-1.0"]]');
    await s.setModelData(bytes);
    expect(s.getModel()?.stringArrays).toEqual([['a', 'b'], ['-1.0']]);
    await expect(s.setModelData(bytes.subarray(0, bytes.length - 2))).rejects.toThrow(
      ModelDataError,
    );
    expect(s.getModelData()).toEqual(bytes);
  });

  it('decoder fuzz: truncations, extensions and flips give ModelDataError or a valid model', async () => {
    const input = DataFrame.fromColumns(
      ['inputCol1', 'inputCol2'],
      [DataTypes.STRING, DataTypes.DOUBLE],
      [
        ['a', 'b', 'zz'],
        [-1, 0, 2],
      ],
    );
    await fuzzModelDataFrom(
      servableFor({ ...file.params, handleInvalid: 'keep' }),
      encodeToBytes(StringIndexerModelDataCodec, modelOf(file.modelData ?? {})),
      (s) => {
        const out = s.transform(input);
        return [Array.from(out.getDoubles('outputCol1')), Array.from(out.getDoubles('outputCol2'))];
      },
    );
  });
});
