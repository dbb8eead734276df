import {
  type Codec,
  type DataInputView,
  type DataOutputView,
  IntPrimitiveArraySerializer,
} from '@servable/linalg';

/** The prime of MinHashLSH's hash functions (Flink ML `HASH_PRIME`). */
export const MIN_HASH_PRIME = 2038074743;

/** MinHashLSHModel's model data (Flink ML `MinHashLSHModelData`). */
export interface MinHashLSHModelData {
  /** Number of hash tables (the length of each output array). */
  readonly numHashTables: number;
  /** Number of hash functions per table (the size of each output vector). */
  readonly numHashFunctionsPerTable: number;
  /** Coefficient `a` of each hash function, table-major (`t * numHashFunctionsPerTable + f`). */
  readonly randCoefficientA: Int32Array;
  /** Coefficient `b` of each hash function, in the same order. */
  readonly randCoefficientB: Int32Array;
}

/**
 * The record codec: `numHashTables:int`, `numHashFunctionsPerTable:int`, then
 * `randCoefficientA` and `randCoefficientB` as `IntPrimitiveArraySerializer` arrays.
 */
export const MinHashLSHModelDataCodec: Codec<MinHashLSHModelData> = Object.freeze({
  minEncodedBytes: 16,
  encode(value: MinHashLSHModelData, out: DataOutputView): void {
    out.writeInt(value.numHashTables);
    out.writeInt(value.numHashFunctionsPerTable);
    IntPrimitiveArraySerializer.encode(value.randCoefficientA, out);
    IntPrimitiveArraySerializer.encode(value.randCoefficientB, out);
  },
  decode(input: DataInputView): MinHashLSHModelData {
    const numHashTables = input.readInt();
    const numHashFunctionsPerTable = input.readInt();
    const randCoefficientA = IntPrimitiveArraySerializer.decode(input);
    const randCoefficientB = IntPrimitiveArraySerializer.decode(input);
    return { numHashTables, numHashFunctionsPerTable, randCoefficientA, randCoefficientB };
  },
});

/**
 * Checks that a model can hash: at least one table and one function per table, and a coefficient
 * pair for each of the `numHashTables × numHashFunctionsPerTable` functions. Returns the problem,
 * or undefined. (Flink ML's estimator always writes such models; Java would fail at transform
 * time with an ArrayIndexOutOfBoundsException otherwise.)
 */
export function validateMinHashLSHModelData(model: MinHashLSHModelData): string | undefined {
  const { numHashTables: t, numHashFunctionsPerTable: f } = model;
  if (t < 1) return `numHashTables must be at least 1, found ${t}.`;
  if (f < 1) return `numHashFunctionsPerTable must be at least 1, found ${f}.`;
  const needed = t * f;
  const a = model.randCoefficientA.length;
  const b = model.randCoefficientB.length;
  if (a < needed || b < needed) {
    return (
      `${t} hash tables × ${f} functions need ${needed} coefficients, found ` +
      `${a} in randCoefficientA and ${b} in randCoefficientB.`
    );
  }
  return undefined;
}
