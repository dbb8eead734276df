import {
  BLAS,
  DataInputView,
  DenseVectorSerializer,
  FmaBLAS,
  type Vector,
  Vectors,
} from '@servable/linalg';
import { describe, expect, it } from 'vitest';
import { bitsOf, fixture } from './helpers.js';

// Golden files written by Flink ML's Java encoder and Java 17 (netlib Java11BLAS, fused ddot).
const FILE = 'lr-default/part-6995c777-9114-34fe-b00f-53863c8403ea-0';

interface JavaVector {
  type: 'dense' | 'sparse';
  n?: number;
  indices?: number[];
  values: number[];
}
interface Expected {
  inputs: JavaVector[];
  outputs: { rawPrediction: { values: number[]; bits: string[] } }[];
  diagnostics: { lr: { dotBits: string; plainLeftToRightSumDotBits: string } }[];
}

const expected = JSON.parse(fixture('lr-default/expected.json').toString('utf8')) as Expected;

function toVector(v: JavaVector): Vector {
  return v.type === 'dense'
    ? Vectors.dense(...v.values)
    : Vectors.sparse(v.n!, v.indices!, v.values);
}

function decodeModel() {
  const input = new DataInputView(fixture(FILE), { source: FILE });
  const coefficient = DenseVectorSerializer.decode(input);
  const modelVersion = input.readLong();
  return { coefficient, modelVersion, eof: input.eof() };
}

describe('lr-default golden model (written by Flink ML Java)', () => {
  it('decodes the model-data file: coefficient, then a long modelVersion', () => {
    const { coefficient, modelVersion, eof } = decodeModel();
    expect(Array.from(coefficient.values)).toEqual([0.5, -1.25, 2, 0, 3.5]);
    expect(modelVersion).toBe(7n);
    expect(eof).toBe(true);
  });

  it('reproduces the JVM dot products bit for bit with FmaBLAS', () => {
    const { coefficient } = decodeModel();
    expected.inputs.forEach((input, row) => {
      const dot = FmaBLAS.dot(toVector(input), coefficient);
      expect(bitsOf(dot), `row ${row}`).toBe(expected.diagnostics[row]!.lr.dotBits);
    });
  });

  it('differs from Java 11+ where the plain (Java 8) order rounds differently', () => {
    // Row 0 is dense: the fused and plain four-accumulator sums disagree in the last bit there.
    const { coefficient } = decodeModel();
    const x = toVector(expected.inputs[0]!);
    expect(bitsOf(FmaBLAS.dot(x, coefficient))).toBe('3ffe666666666667');
    expect(bitsOf(BLAS.dot(x, coefficient))).not.toBe('3ffe666666666667');
    expect(Math.abs(BLAS.dot(x, coefficient) - FmaBLAS.dot(x, coefficient))).toBeLessThan(1e-15);
  });

  it('reproduces the rawPrediction of every row (probabilities within 1e-15 relative)', () => {
    const { coefficient } = decodeModel();
    expected.inputs.forEach((input, row) => {
      const dot = FmaBLAS.dot(toVector(input), coefficient);
      const prob = 1 - 1 / (1 + Math.exp(dot));
      const raw = [1 - prob, prob];
      const want = expected.outputs[row]!.rawPrediction.values;
      raw.forEach((v, k) => {
        const w = want[k]!;
        expect(Math.abs(v - w) / Math.abs(w), `row ${row}, entry ${k}`).toBeLessThanOrEqual(1e-15);
      });
    });
  });
});
