import type { DataFrame } from '@servable/dataframe';
import { DenseVector, SparseVector } from '@servable/linalg';

/**
 * An expected output value: a number (doubles compared within the tolerance), a vector (dense
 * or sparse; compared element-wise within the tolerance, and by kind), `null`, or anything else
 * (compared with deep equality).
 */
export type ExpectedValue = unknown;

/** Expected output columns: column name → one value per row. */
export type ExpectedColumns = Readonly<Record<string, readonly ExpectedValue[]>>;

/**
 * Compares `out` with `expected` and returns the first difference found (column, row, index,
 * got, want), or `undefined` when every value matches. Numbers match when
 * `|got − want| ≤ tolerance · max(1, |want|)` (so `tolerance` is relative for large values and
 * absolute near zero); `tolerance = 0` means bit for bit (`Object.is`: -0 ≠ 0, NaN = NaN).
 */
export function findOutputDifference(
  out: DataFrame,
  expected: ExpectedColumns,
  tolerance: number,
): string | undefined {
  for (const [column, values] of Object.entries(expected)) {
    if (!out.hasColumn(column)) {
      return `output has no column ${column} (columns: [${out.getColumnNames().join(', ')}])`;
    }
    if (out.numRows() !== values.length) {
      return `output has ${out.numRows()} rows, expected ${values.length}`;
    }
    const got = out.getValues(column);
    for (let r = 0; r < values.length; r++) {
      const problem = compareValue(got[r], values[r], tolerance);
      if (problem !== undefined) return `column ${column}, row ${r}: ${problem}`;
    }
  }
  return undefined;
}

function compareValue(got: unknown, want: unknown, tolerance: number): string | undefined {
  if (want === null || want === undefined) {
    return got === null || got === undefined ? undefined : `got ${String(got)}, want null`;
  }
  if (typeof want === 'number') {
    if (typeof got !== 'number') return `got ${describe(got)}, want the number ${want}`;
    return numbersMatch(got, want, tolerance) ? undefined : `got ${got}, want ${want}`;
  }
  if (want instanceof DenseVector || want instanceof SparseVector) {
    if (!(got instanceof DenseVector || got instanceof SparseVector)) {
      return `got ${describe(got)}, want a ${want.kind} vector`;
    }
    if (got.kind !== want.kind) return `got a ${got.kind} vector, want a ${want.kind} vector`;
    if (got.size() !== want.size())
      return `got a vector of size ${got.size()}, want ${want.size()}`;
    const g = got.toArray();
    const w = want.toArray();
    for (let i = 0; i < w.length; i++) {
      if (!numbersMatch(g[i] as number, w[i] as number, tolerance)) {
        return `element ${i}: got ${g[i]}, want ${w[i]} (got ${got.toString()}, want ${want.toString()})`;
      }
    }
    return undefined;
  }
  return JSON.stringify(got, replacer) === JSON.stringify(want, replacer)
    ? undefined
    : `got ${JSON.stringify(got, replacer)}, want ${JSON.stringify(want, replacer)}`;
}

function numbersMatch(got: number, want: number, tolerance: number): boolean {
  if (tolerance === 0 || !Number.isFinite(want)) return Object.is(got, want);
  return Math.abs(got - want) <= tolerance * Math.max(1, Math.abs(want));
}

function replacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return `${typeof value} ${String(value)}`;
}
