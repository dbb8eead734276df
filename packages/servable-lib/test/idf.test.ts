import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, encodeToBytes, SparseVector } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  FeatureDimensionError,
  MissingColumnError,
} from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import { type IDFModelData, IDFModelDataCodec, IDFModelServable } from '../src/idf/index.js';
import { expectRecordRoundTrip } from './support/encodings.js';
import {
  type FixtureJson,
  loadVectorFile,
  toVector,
  type VectorCase,
} from './support/flink-vectors.js';
import { caseServable, modelServableSuite } from './support/model-servable-checks.js';

const file = loadVectorFile('IDF');
const suite = {
  file,
  create: () => new IDFModelServable(),
  load: (p: string) => IDFModelServable.load(p),
  model: (data: Record<string, FixtureJson>): IDFModelData => ({
    idf: toVector(data.idf as FixtureJson).toDense(),
    docFreq: BigInt64Array.from((data.docFreq as number[]).map((d) => BigInt(d))),
    numDocs: BigInt(data.numDocs as number),
  }),
};
const servableFor = (c: VectorCase): IDFModelServable => caseServable(suite, c);

modelServableSuite('IDFModelServable', suite);

describe('IDFModelData codec', () => {
  it('reproduces the encodings.json record byte for byte', () => {
    const model = expectRecordRoundTrip(
      IDFModelDataCodec,
      'IDFModelData idf=[0.0] docFreq=[3] numDocs=3',
    );
    expect(Array.from(model.idf.values)).toEqual([0]);
    expect(Array.from(model.docFreq)).toEqual([3n]);
    expect(model.numDocs).toBe(3n);
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
});
