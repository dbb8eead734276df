/**
 * Test support: `test/fixtures/lr-default`, a LogisticRegressionModel saved by Flink ML (Java),
 * and its `expected.json`: input vectors and Flink ML's answers on a Java 11+ JVM, every double
 * given by its IEEE-754 bits (hex).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, SparseVector, type Vector } from '@servable/linalg';

/** The directory of the saved stage. */
export const LR_DIR = fileURLToPath(new URL('../fixtures/lr-default', import.meta.url));

/** A vector of expected.json; `bits` are the hex IEEE-754 bits of its (stored) values. */
export interface ExpectedVector {
  type: 'dense' | 'sparse';
  n?: number;
  indices?: number[];
  values?: number[];
  bits: string[];
}

/** expected.json: the input rows and Flink ML's output per row. */
export interface Expected {
  inputs: ExpectedVector[];
  outputs: { prediction: { value?: number; bits: string }; rawPrediction: ExpectedVector }[];
}

/** Reads `expected.json`. */
export async function readExpected(): Promise<Expected> {
  return JSON.parse(await readFile(join(LR_DIR, 'expected.json'), 'utf8')) as Expected;
}

/** The double of 16 hex digits of IEEE-754 bits. */
export function bitsToDouble(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

/** The vector of an expected.json vector, from its bits. */
export function toVector(v: ExpectedVector): Vector {
  const values = v.bits.map(bitsToDouble);
  return v.type === 'dense'
    ? new DenseVector(values)
    : new SparseVector(v.n as number, v.indices as number[], values);
}

/** The input rows of expected.json as a one-column VECTOR DataFrame (column `features`). */
export function inputFrame(expected: Expected, column = 'features'): DataFrame {
  return DataFrame.fromColumns(
    [column],
    [DataTypes.VECTOR(BasicType.DOUBLE)],
    [expected.inputs.map(toVector)],
  );
}
