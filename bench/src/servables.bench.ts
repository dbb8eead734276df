/**
 * Issue 4's benchmark: every servable of `servableLib`, ns per row over 4096-row inputs shaped
 * like the Flink ML test vectors (`servable-cases.ts`), beside a same-run baseline, plus a check
 * that no servable boxes the values of a numeric column.
 *
 * Baseline ("touch"): a plain loop over the same input DataFrame's columns that reads every value
 * once — numbers from the columns' `Float64Array`s, every stored value of every vector, the
 * length of every string / array — and writes one double per row into a `Float64Array`. It is
 * the cost floor of visiting the input; "× touch" says how many times that a servable costs.
 *
 * Boxing check, per servable: (1) whether `transform` asked the input for boxed numbers
 * (`DataFrame.getValues` on a numeric column caches a boxed copy — we look for that cache);
 * (2) whether every numeric scalar output column is stored as a `Float64Array`; (3) bytes
 * allocated per input row by one 4096-row transform (heap growth with GC forced before, divided
 * by the input's row count, also when the output has fewer rows, as after a WHERE; outputs
 * included: a `DenseVector` with its own 2-value `Float64Array` is ~200 B, a boxed double in an
 * array 16–24 B).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DataFrame } from '@servable/dataframe';
import { DenseVector, SparseVector } from '@servable/linalg';
import type { AnyServable } from '@servable/servable-api';
import { servableLib } from '@servable/servable-lib';
import { type BenchCase, formatNs, formatTable, runInterleaved, seededRandom } from './harness.js';
import { SERVABLE_CASES } from './servable-cases.js';

const ROWS = 4096;

/** The baseline: reads every input value once, writes one double per row. */
export function touch(df: DataFrame, out: Float64Array): number {
  const rows = df.numRows();
  out.fill(0);
  for (const name of df.getColumnNames()) {
    const col = df.column(name);
    if (col instanceof Float64Array) {
      for (let r = 0; r < rows; r++) out[r] = out[r]! + col[r]!;
      continue;
    }
    for (let r = 0; r < rows; r++) {
      const v = col[r];
      let s = 0;
      if (v instanceof DenseVector || v instanceof SparseVector) {
        const values = v.values;
        for (let i = 0; i < values.length; i++) s += values[i]!;
      } else if (typeof v === 'string') {
        s = v.length;
      } else if (Array.isArray(v)) {
        for (const e of v) s += typeof e === 'string' ? e.length : 1;
      } else if (typeof v === 'number') {
        s = v;
      }
      out[r] = out[r]! + s;
    }
  }
  return out[rows - 1]!;
}

let gcFn: (() => void) | undefined;
function forceGc(): void {
  if (gcFn === undefined) {
    setFlagsFromString('--expose-gc');
    gcFn = runInNewContext('gc') as () => void;
  }
  gcFn();
}

/**
 * Bytes allocated (still reachable or not yet collected) by one transform, per input row (so a
 * transform dropping rows is still comparable with the others). Smallest of three tries; NaN
 * when the heap shrank every time (a GC ran during the transform).
 */
function bytesPerInputRow(servable: AnyServable, input: DataFrame): number {
  servable.transform(input); // warm
  let best = Number.NaN;
  for (let k = 0; k < 3; k++) {
    forceGc();
    const before = process.memoryUsage().heapUsed;
    servable.transform(input);
    const after = process.memoryUsage().heapUsed;
    const perRow = (after - before) / input.numRows();
    if (after >= before) best = Number.isNaN(best) ? perRow : Math.min(best, perRow);
  }
  return best;
}

/** Input numeric columns the transform boxed (via `getValues`), by name. */
function boxedInputColumns(input: DataFrame): string[] {
  const cache = (input as unknown as { boxedCache?: (readonly unknown[] | undefined)[] })
    .boxedCache;
  if (!cache) return [];
  return input.getColumnNames().filter((_, i) => cache[i] !== undefined);
}

/** Numeric scalar output columns not stored as a Float64Array (nulls aside). */
function boxedOutputColumns(input: DataFrame, out: DataFrame): string[] {
  const added = out.getColumnNames().filter((n) => !input.hasColumn(n));
  return added.filter((n) => {
    const t = out.getDataType(n);
    if (t.kind !== 'scalar' || !t.isNumeric()) return false;
    const col = out.column(n);
    return !(col instanceof Float64Array) && !col.some((v) => v === null);
  });
}

/** Whether {@link boxedInputColumns} can see boxing in this DataFrame implementation. */
function boxingDetectable(): boolean {
  const probe = SERVABLE_CASES.find((c) => c.name === 'ImputerModel')!.input(4, seededRandom(1));
  probe.getValues(0);
  return boxedInputColumns(probe).length === 1;
}

/** Options of {@link runServablesBench}. */
export interface ServablesBenchOptions {
  /** Samples per case (default 9). */
  readonly samples?: number;
}

/** Runs the benchmark and prints its tables. */
export async function runServablesBench(options: ServablesBenchOptions = {}): Promise<void> {
  const rnd = seededRandom(11);
  const table: string[][] = [
    ['servable', 'input row', 'ns/row', 'touch ns/row', '× touch', 'B/input row', 'boxes numbers?'],
  ];
  const boxing: string[] = [];
  const detectable = boxingDetectable();
  for (const c of SERVABLE_CASES) {
    const servable = await c.create();
    const input = c.input(ROWS, rnd);
    const out = new Float64Array(ROWS);
    const cases: BenchCase[] = [
      { name: 'touch', fn: () => touch(input, out) },
      { name: c.name, fn: () => servable.transform(input) },
    ];
    const [base, result] = runInterleaved(cases, {
      samples: options.samples ?? 9,
      sampleMs: 10,
      warmupMs: 60,
    });
    const fresh = c.input(ROWS, rnd);
    const transformed = servable.transform(fresh);
    const boxedIn = detectable ? boxedInputColumns(fresh) : [];
    const boxedOut = boxedOutputColumns(fresh, transformed);
    const bytes = bytesPerInputRow(servable, c.input(ROWS, rnd));
    const perRow = result!.nsPerOp / ROWS;
    const basePerRow = base!.nsPerOp / ROWS;
    const boxes =
      boxedIn.length + boxedOut.length === 0
        ? 'no'
        : `YES (${[...boxedIn.map((n) => `in ${n}`), ...boxedOut.map((n) => `out ${n}`)].join(', ')})`;
    if (boxes !== 'no') boxing.push(`${c.name}: ${boxes}`);
    table.push([
      c.name,
      c.shape,
      formatNs(perRow),
      formatNs(basePerRow),
      `${(perRow / basePerRow).toFixed(1)}x`,
      Number.isFinite(bytes) ? bytes.toFixed(0) : '?',
      boxes,
    ]);
  }
  console.log(
    `Every servable, ${ROWS} rows per DataFrame, ns/row (median of interleaved samples) vs the "touch" baseline (read every input value once)\n`,
  );
  console.log(formatTable(table));
  console.log(
    '(ns/row, touch ns/row and B/input row are per input row: a WHERE that drops rows is still counted on the input rows; B/input row = heap growth of one transform, outputs included, "?" when a GC ran during it every time.)',
  );
  const missing = Object.keys(servableLib.servables).filter(
    (cls) => !SERVABLE_CASES.some((c) => c.className === cls),
  );
  console.log('');
  console.log(
    boxing.length === 0
      ? 'No servable boxes the values of a numeric column (input read without getValues; numeric outputs are Float64Arrays).'
      : `Servables boxing numeric values:\n  ${boxing.join('\n  ')}`,
  );
  if (!detectable) {
    console.log('(Input boxing could not be observed: DataFrame no longer caches boxed columns.)');
  }
  if (missing.length > 0) {
    console.log(`Registered but without a benchmark case: ${missing.join(', ')}`);
  }
}
