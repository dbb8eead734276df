import { DataFrame, DataTypes } from '@servable/dataframe';
import { encodeToBytes } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  InvalidInputValueError,
  ModelDataError,
} from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import { IndexToStringModelServable } from '../src/index-to-string/index.js';
import {
  type StringIndexerModelData,
  StringIndexerModelDataCodec,
} from '../src/string-indexer/index.js';
import { fuzzModelDataFrom } from './support/decoder-fuzz.js';
import {
  caseModelData,
  caseParams,
  expectCaseError,
  itEachCase,
  loadVectorFile,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/round-trip.js';

const file = loadVectorFile('IndexToString');
const model = caseModelData(file, file.cases[0]!) as unknown as StringIndexerModelData;

function servable(params = caseParams(file, file.cases[0]!)) {
  return new IndexToStringModelServable()
    .setInputCols(params.inputCols as string[])
    .setOutputCols(params.outputCols as string[]);
}

describe('IndexToStringModelServable: Flink ML test vectors', () => {
  // The Java tests feed Integer columns; the second case's JSON omits `inputTypes`, which would
  // make the runner infer DOUBLE (a ClassCastException in Java). Declare INT as in the test.
  const typed = {
    ...file,
    cases: file.cases.map((c) => ({
      ...c,
      inputTypes: c.inputTypes ?? { inputCol1: 'INT', inputCol2: 'INT' },
    })),
  };
  itEachCase(typed, (c) => servable(caseParams(file, c)).setModel(model), {
    error: (transform, c) => {
      expectCaseError(transform, c);
      expect(transform).toThrow(InvalidInputValueError);
    },
  });
});

describe('IndexToStringModelServable behaviour', () => {
  it('requires INT input: DOUBLE columns and null values fail with a typed error', () => {
    const s = servable().setModel(model);
    const doubles = DataFrame.fromColumns(
      ['inputCol1', 'inputCol2'],
      [DataTypes.DOUBLE, DataTypes.INT],
      [[0], [1]],
    );
    expect(() => s.transform(doubles)).toThrow(ColumnTypeMismatchError);
    expect(() => s.transform(doubles)).toThrow('Column inputCol1: expected INT, found DOUBLE.');
    const nulls = DataFrame.fromColumns(
      ['inputCol1', 'inputCol2'],
      [DataTypes.INT, DataTypes.INT],
      [
        [0, null],
        [1, 1],
      ],
    );
    expect(() => s.transform(nulls)).toThrow('Column inputCol1, row 1: expected INT, found null.');
  });

  it('rejects negative indices and maps null model strings to null', () => {
    const s = new IndexToStringModelServable()
      .setInputCols(['i'])
      .setOutputCols(['o'])
      .setModel({ stringArrays: [['a', null]] });
    const out = s.transform(DataFrame.fromColumns(['i'], [DataTypes.INT], [[1, 0]]));
    expect(out.getValues('o')).toEqual([null, 'a']);
    expect(() => s.transform(DataFrame.fromColumns(['i'], [DataTypes.INT], [[-1]]))).toThrow(
      'The input contains unseen index: -1. (column i, row 0)',
    );
  });
});

describe('IndexToStringModelServable persistence and model data', () => {
  it('save → load keeps params and model data', async () => {
    const loaded = await expectSaveLoadRoundTrip(servable().setModel(model), (p) =>
      IndexToStringModelServable.load(p),
    );
    expect(loaded.className).toBe('org.apache.flink.ml.feature.stringindexer.IndexToStringModel');
  });

  it('corrupt model data keeps the old model; decoder fuzz', async () => {
    const valid = encodeToBytes(StringIndexerModelDataCodec, model);
    const s = servable();
    await s.setModelData(valid);
    await expect(s.setModelData(valid.subarray(0, 5))).rejects.toThrow(ModelDataError);
    expect(s.getModelData()).toEqual(valid);
    const input = DataFrame.fromColumns(
      ['inputCol1', 'inputCol2'],
      [DataTypes.INT, DataTypes.INT],
      [
        [0, 1],
        [1, 0],
      ],
    );
    await fuzzModelDataFrom(servable(), valid, (t) => {
      const out = t.transform(input);
      return [out.getValues('outputCol1'), out.getValues('outputCol2')];
    });
  });
});
