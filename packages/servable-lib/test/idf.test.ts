import { readFileSync } from 'node:fs';
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, decodeFromBytes, encodeToBytes, SparseVector } from '@servable/linalg';
import {
  applyParamMapJson,
  ColumnTypeMismatchError,
  FeatureDimensionError,
  type JsonValue,
  MissingColumnError,
} from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import { type IDFModelData, IDFModelDataCodec, IDFModelServable } from '../src/idf/index.js';
import { fuzzModelData } from './support/decoder-fuzz.js';
import { bytesToHex, hexToBytes } from './support/encodings.js';
import {
  caseInput,
  caseLabel,
  caseModelData,
  caseParams,
  expectCaseOutput,
  type FixtureJson,
  loadVectorFile,
  toVector,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/round-trip.js';

const file = loadVectorFile('IDF');
const encodings = JSON.parse(
  readFileSync(new URL('./fixtures/flink-ml-vectors/encodings.json', import.meta.url), 'utf8'),
) as { modelDataRecords: Record<string, string> };

function modelFromFixture(data: Record<string, FixtureJson>): IDFModelData {
  return {
    idf: toVector(data.idf as FixtureJson).toDense(),
    docFreq: BigInt64Array.from((data.docFreq as number[]).map((d) => BigInt(d))),
    numDocs: BigInt(data.numDocs as number),
  };
}

function servableFor(c: (typeof file.cases)[number]): IDFModelServable {
  const s = new IDFModelServable();
  applyParamMapJson(s, caseParams(file, c) as Record<string, JsonValue>);
  return s.setModel(modelFromFixture(caseModelData(file, c)));
}

describe('IDFModelServable: Flink ML test vectors', () => {
  file.cases.forEach((c, i) => {
    it(caseLabel(c, i), () => {
      expectCaseOutput(servableFor(c).transform(caseInput(c)), c);
    });
  });
});

describe('IDFModelData codec', () => {
  it('reproduces the encodings.json record byte for byte', () => {
    const hex = encodings.modelDataRecords[
      'IDFModelData idf=[0.0] docFreq=[3] numDocs=3'
    ] as string;
    const model = decodeFromBytes(IDFModelDataCodec, hexToBytes(hex));
    expect(Array.from(model.idf.values)).toEqual([0]);
    expect(Array.from(model.docFreq)).toEqual([3n]);
    expect(model.numDocs).toBe(3n);
    expect(bytesToHex(encodeToBytes(IDFModelDataCodec, model))).toBe(hex);
  });
});

describe('IDFModelServable', () => {
  const c = file.cases[0] as (typeof file.cases)[number];
  const features = DataTypes.VECTOR(BasicType.DOUBLE);

  it('keeps a sparse input sparse (explicit zeros kept)', () => {
    const df = DataFrame.fromColumns(
      ['input'],
      [features],
      [[new SparseVector(4, [0, 2, 3], [5, 0, 2])]],
    );
    const out = servableFor(c).transform(df).getVectors('output')[0] as SparseVector;
    expect(out).toBeInstanceOf(SparseVector);
    expect(Array.from(out.indices)).toEqual([0, 2, 3]);
    expect(Array.from(out.values)).toEqual([5 * 1.3862943611198906, 0, 2 * 0.28768207245178085]);
  });

  it('reports missing columns, null vectors and dimension mismatches', () => {
    const s = servableFor(c);
    expect(() =>
      s.transform(DataFrame.fromColumns(['x'], [features], [[new DenseVector([1])]])),
    ).toThrow(MissingColumnError);
    expect(() => s.transform(DataFrame.fromColumns(['input'], [features], [[null]]))).toThrow(
      ColumnTypeMismatchError,
    );
    expect(() =>
      s.transform(DataFrame.fromColumns(['input'], [features], [[new DenseVector([1, 2])]])),
    ).toThrow(FeatureDimensionError);
  });

  it('rejects model data whose docFreq length differs from the idf dimension', async () => {
    const s = servableFor(c);
    const bad = encodeToBytes(IDFModelDataCodec, {
      idf: new DenseVector([1, 2]),
      docFreq: BigInt64Array.of(1n),
      numDocs: 2n,
    });
    await expect(s.setModelData(bad)).rejects.toThrow(/docFreq/);
  });

  it('survives a save/load round trip', async () => {
    const s = servableFor(c);
    const loaded = await expectSaveLoadRoundTrip(s, (p) => IDFModelServable.load(p));
    expectCaseOutput(loaded.transform(caseInput(c)), c);
  });

  it('rejects corrupt model data with a ModelDataError and keeps serving (fuzz)', async () => {
    const s = servableFor(c);
    expectCaseOutput(s.transform(caseInput(c)), c);
    const columns = Object.keys(c.expected ?? {});
    await fuzzModelData(s, (x) => {
      const out = x.transform(caseInput(c));
      return columns.map((column) => out.getValues(column));
    });
  });
});
