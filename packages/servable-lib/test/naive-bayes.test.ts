import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import {
  DataInputView,
  DataOutputView,
  DenseVector,
  DenseVectorSerializer,
  encodeToBytes,
  Vectors,
} from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  FeatureDimensionError,
  ModelDataError,
  ModelNotLoadedError,
} from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import { JavaDoubleHashMap } from '../src/java/double-hash-map.js';
import {
  type NaiveBayesModelData,
  NaiveBayesModelDataCodec,
  NaiveBayesModelServable,
  NaiveBayesPredictionError,
} from '../src/naive-bayes/index.js';
import { fuzzModelDataFrom } from './support/decoder-fuzz.js';
import { expectEncodesRecord } from './support/encodings.js';
import {
  type FixtureJson,
  itEachCase,
  loadVectorFile,
  toDouble,
  toVector,
} from './support/flink-vectors.js';
import { caseServable } from './support/model-servable-checks.js';
import { expectSaveLoadRoundTrip } from './support/round-trip.js';

const file = loadVectorFile('NaiveBayes');

function map(entries: [number, number][]): JavaDoubleHashMap {
  const m = new JavaDoubleHashMap();
  for (const [k, v] of entries) m.put(k, v);
  return m;
}

function fixtureModel(data: Record<string, FixtureJson>): NaiveBayesModelData {
  const theta = (data.theta as { keys: FixtureJson[]; values: FixtureJson[] }[][]).map((row) =>
    row.map((m) => map(m.keys.map((k, i) => [toDouble(k), toDouble(m.values[i] ?? null)]))),
  );
  return {
    theta,
    piArray: toVector(data.piArray ?? null) as DenseVector,
    labels: toVector(data.labels ?? null) as DenseVector,
  };
}

const mainModel = fixtureModel(file.modelData as Record<string, FixtureJson>);
const vectors = (rows: (number[] | null)[]): DataFrame =>
  DataFrame.fromColumns(
    ['features'],
    [DataTypes.VECTOR(BasicType.DOUBLE)],
    [rows.map((r) => (r === null ? null : new DenseVector(r)))],
  );

describe('NaiveBayesModelDataCodec', () => {
  it('reproduces the example record of encodings.json', async () => {
    const model = {
      labels: Vectors.dense(11),
      piArray: Vectors.dense(0),
      theta: [[map([[1, -0.5]])]],
    };
    const example = expectEncodesRecord(
      NaiveBayesModelDataCodec,
      model,
      'NaiveBayesModelData labels=[11] pi=[0] theta=[[{1.0:-0.5}]] (numLabels=1,numFeatures=1)',
    );
    const s = await new NaiveBayesModelServable().setModelData(example);
    expect(s.getModel()?.theta[0]?.[0]?.get(1)).toBe(-0.5);
  });

  it('reads theta[label][feature] as the encoder wrote it (3 labels × 2 features)', () => {
    const model: NaiveBayesModelData = {
      labels: Vectors.dense(1, 2, 3),
      piArray: Vectors.dense(-1, -1, -1),
      theta: [0, 1, 2].map((label) => [0, 1].map((feature) => map([[0, -(label * 10 + feature)]]))),
    };
    const bytes = encodeToBytes(NaiveBayesModelDataCodec, model);
    const decoded = NaiveBayesModelDataCodec.decode(new DataInputView(bytes));
    expect(decoded.theta.length).toBe(3);
    expect(decoded.theta.map((row) => row.map((m) => m.get(0)))).toEqual([
      [-0, -1],
      [-10, -11],
      [-20, -21],
    ]);
  });

  it('fills the same cells as Java’s transposed decoder when labels and features are equally many', () => {
    // Java's ModelDataDecoder: featureSize = A, numLabels = B, theta = new HashMap[B][A], and
    // theta[i][j] = next map for i < A, j < B. For A == B that is theta[label][feature] again.
    const bytes = encodeToBytes(NaiveBayesModelDataCodec, mainModel);
    const input = new DataInputView(bytes);
    DenseVectorSerializer.decode(input);
    DenseVectorSerializer.decode(input);
    const a = input.readInt();
    const b = input.readInt();
    expect(a).toBe(b);
    const javaTheta: number[][][] = Array.from({ length: b }, () => new Array(a));
    for (let i = 0; i < a; i++) {
      for (let j = 0; j < b; j++) {
        const size = input.readInt();
        const keys: number[] = [];
        for (let e = 0; e < size; e++) {
          keys.push(input.readDouble());
          input.readBoolean();
          keys.push(input.readDouble());
        }
        (javaTheta[i] as number[][])[j] = keys;
      }
    }
    const ours = NaiveBayesModelDataCodec.decode(new DataInputView(bytes));
    ours.theta.forEach((row, i) => {
      row.forEach((m, j) => {
        expect([...m.entries()].flat()).toEqual(javaTheta[i]?.[j]);
      });
    });
  });

  it('rejects null probabilities, negative dimensions and inconsistent parts', async () => {
    const out = new DataOutputView();
    DenseVectorSerializer.encode(Vectors.dense(1), out);
    DenseVectorSerializer.encode(Vectors.dense(0), out);
    out.writeInt(1);
    out.writeInt(1);
    out.writeInt(1);
    out.writeDouble(1);
    out.writeBoolean(true);
    await expect(new NaiveBayesModelServable().setModelData(out.toBytes())).rejects.toThrow(
      'a non-null log probability in theta[0][0]',
    );
    const bad = { ...mainModel, piArray: Vectors.dense(0) };
    expect(() => new NaiveBayesModelServable().setModel(bad)).toThrow(ModelDataError);
    expect(() => new NaiveBayesModelServable().setModel(bad)).toThrow(
      'piArray has 1 entries but there are 2 labels',
    );
  });
});

describe('NaiveBayesModelServable on Flink ML vectors', () => {
  const cases = { file, create: () => new NaiveBayesModelServable(), model: fixtureModel };
  itEachCase(file, (c) => caseServable(cases, c), {
    // Deliberate deviation: Java throws a message-less NullPointerException; we throw a typed
    // error naming the column, row, feature and value. The fixture's text describes Java's
    // failure, so the check is on our message's facts instead.
    error: (transform, c) => {
      expect(transform).toThrow(NaiveBayesPredictionError);
      expect(transform).toThrow(
        'Column features, row 0: feature 0 has value 2.0, which the NaiveBayes model has no probability for',
      );
      expect(c.expectedError).toContain(
        'NullPointerException in calculateProb (feature value 2.0 unseen for feature 0)',
      );
    },
  });
});

describe('NaiveBayesModelServable', () => {
  it('keeps the first label on a tie and fails when no label scores above -Infinity', () => {
    const tie: NaiveBayesModelData = {
      labels: Vectors.dense(7, 8),
      piArray: Vectors.dense(-1, -1),
      theta: [[map([[0, -1]])], [map([[0, -1]])]],
    };
    const s = new NaiveBayesModelServable().setModel(tie);
    expect(Array.from(s.transform(vectors([[0]])).getDoubles('prediction'))).toEqual([7]);
    s.setModel({ ...tie, piArray: Vectors.dense(Number.NEGATIVE_INFINITY, Number.NaN) });
    expect(() => s.transform(vectors([[0]]))).toThrow(
      'no label has a log probability above -Infinity',
    );
  });

  it('distinguishes -0.0 from 0.0 like Java Double keys', () => {
    const s = new NaiveBayesModelServable().setModel({
      labels: Vectors.dense(1),
      piArray: Vectors.dense(0),
      theta: [[map([[0, -1]])]],
    });
    expect(Array.from(s.transform(vectors([[0]])).getDoubles('prediction'))).toEqual([1]);
    expect(() => s.transform(vectors([[-0]]))).toThrow('feature 0 has value -0.0');
  });

  it('rejects bad input with typed errors', () => {
    const s = new NaiveBayesModelServable();
    expect(() => s.transform(vectors([[0, 1]]))).toThrow(ModelNotLoadedError);
    s.setModel(mainModel);
    expect(() => s.transform(vectors([[0, 1, 1]]))).toThrow(FeatureDimensionError);
    expect(() => s.transform(vectors([null]))).toThrow(ColumnTypeMismatchError);
    // A shorter vector is scored on its entries only, as in Java.
    expect(s.transform(vectors([[1]])).getDoubles('prediction')[0]).toBe(10);
    expect(() => s.setModelType('bernoulli' as never)).toThrow(
      'Parameter modelType is given an invalid value',
    );
  });

  it('round-trips save → load', async () => {
    await expectSaveLoadRoundTrip(new NaiveBayesModelServable().setModel(mainModel), (p) =>
      NaiveBayesModelServable.load(p),
    );
  });

  it('survives corrupted model data (fuzz)', async () => {
    const probe = vectors([
      [0, 1],
      [1, 0],
    ]);
    await fuzzModelDataFrom(
      new NaiveBayesModelServable(),
      encodeToBytes(NaiveBayesModelDataCodec, mainModel),
      (x) => Array.from(x.transform(probe).getDoubles('prediction')),
      { expected: [11, 10] },
    );
  });
});
