import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, SparseVector } from '@servable/linalg';
import { ServableRegistry } from '@servable/servable-api';
import { describeServableConformance } from '@servable/servable-api/testing';
import { servableLib } from '@servable/servable-lib';

const LR_DIR = fileURLToPath(new URL('./fixtures/lr-default', import.meta.url));

interface ExpectedVector {
  type: 'dense' | 'sparse';
  n?: number;
  indices?: number[];
  bits: string[];
}
const expected = JSON.parse(await readFile(join(LR_DIR, 'expected.json'), 'utf8')) as {
  inputs: ExpectedVector[];
  outputs: { prediction: { bits: string }; rawPrediction: ExpectedVector }[];
};

function bits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

function vector(v: ExpectedVector): DenseVector | SparseVector {
  const values = v.bits.map(bits);
  return v.type === 'dense'
    ? new DenseVector(values)
    : new SparseVector(v.n as number, v.indices as number[], values);
}

// Flink ML Java's answers for the lr-default directory, compared bit for bit (tolerance 0).
// They come from a Java 11+ JVM (fused multiply-adds in ddot), so the servable runs with the
// 'java11' numerics; the default 'fast' numerics is checked in
// logistic-regression-numerics.test.ts.
describeServableConformance({
  name: 'LogisticRegressionModelServable',
  registry: new ServableRegistry({ numerics: 'java11' }).register(servableLib),
  dir: LR_DIR,
  input: () =>
    DataFrame.fromColumns(
      ['features'],
      [DataTypes.VECTOR(BasicType.DOUBLE)],
      [expected.inputs.map(vector)],
    ),
  expected: {
    prediction: expected.outputs.map((o) => bits(o.prediction.bits)),
    rawPrediction: expected.outputs.map((o) => vector(o.rawPrediction)),
  },
  tolerance: 0,
});
