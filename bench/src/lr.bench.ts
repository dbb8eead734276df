/**
 * Issue 3's LogisticRegression benchmark: `LogisticRegressionModelServable.transform`, ns per row,
 * dense d = 10, 100, 1000 and sparse (d = 1000, 10 non-zeros), 1, 64 and 4096 rows per
 * DataFrame, beside a plain packed-`Float64Array` loop measured in the same run.
 *
 * The baseline computes what the servable computes — `dot = coefficient · features`,
 * `prob = 1 − 1/(1 + exp(dot))`, `prediction`, `rawPrediction = [1 − prob, prob]` — over a
 * packed rows×d `Float64Array` (sparse: packed `Int32Array` indices and `Float64Array` values,
 * 10 per row) into `Float64Array`s, with the plain `a * b + s` arithmetic.
 *
 * Cases: the servable with its default `'fast'` numerics (plain BLAS order, bit-exact with
 * Java 8), the servable with `'java11'` numerics (exact fma, bit-exact with Java 11+), the old
 * exact loop (`FmaBLAS.dot` per row and a `DenseVector` with its own array per row, local copy in
 * `lr-variants.ts`). At 1 row, also the call including
 * building its one-row DataFrame (target < 1 µs). Target: at d = 100 and 4096 rows, the
 * servable's ns/row ≤ baseline / 0.75.
 */
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, FmaBLAS, SparseVector, type Vector } from '@servable/linalg';
import { LogisticRegressionModelServable } from '@servable/servable-lib';
import { type BenchCase, formatNs, formatTable, runInterleaved, seededRandom } from './harness.js';
import { lrTransformWith } from './lr-variants.js';

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

// Case names (results are looked up by name).
const BASELINE = 'baseline packed Float64Array loop';
const FAST = "servable, 'fast' (default)";
const JAVA11 = "servable, 'java11' (exact fma)";
const OLD_EXACT = 'old exact loop (FmaBLAS.dot per row)';
const ONE_ROW = 'servable incl. building 1-row DataFrame';

/** Input of one configuration: the DataFrame and the same data packed. */
interface LrInput {
  readonly rows: number;
  readonly d: number;
  readonly vectors: Vector[];
  readonly df: DataFrame;
  /** Dense: rows×d values. Sparse: rows×nnz values. */
  readonly packed: Float64Array;
  /** Sparse only: rows×nnz indices. */
  readonly indices?: Int32Array;
  readonly nnz: number;
}

function makeInput(rows: number, d: number, nnz: number | undefined, rnd: () => number): LrInput {
  const vectors: Vector[] = [];
  if (nnz === undefined) {
    const packed = new Float64Array(rows * d);
    for (let i = 0; i < packed.length; i++) packed[i] = rnd() * 2 - 1;
    for (let r = 0; r < rows; r++) {
      vectors.push(new DenseVector(packed.slice(r * d, (r + 1) * d)));
    }
    const df = DataFrame.fromColumns(['features'], [VECTOR], [vectors]);
    return { rows, d, vectors, df, packed, nnz: d };
  }
  const packed = new Float64Array(rows * nnz);
  const indices = new Int32Array(rows * nnz);
  for (let r = 0; r < rows; r++) {
    const picked = new Set<number>();
    while (picked.size < nnz) picked.add(Math.floor(rnd() * d));
    const idx = [...picked].sort((a, b) => a - b);
    const vals = idx.map(() => rnd() * 2 - 1);
    indices.set(idx, r * nnz);
    packed.set(vals, r * nnz);
    vectors.push(new SparseVector(d, idx, vals));
  }
  const df = DataFrame.fromColumns(['features'], [VECTOR], [vectors]);
  return { rows, d, vectors, df, packed, indices, nnz };
}

/** Output buffers of the baseline, reused across calls (as a tight C-like loop would). */
interface BaselineOut {
  readonly prediction: Float64Array;
  readonly raw: Float64Array;
}

/** The plain loop: dense rows×d · coef, sigmoid, into Float64Arrays. */
function baselineDense(
  coef: Float64Array,
  x: Float64Array,
  rows: number,
  out: BaselineOut,
): number {
  const d = coef.length;
  const pred = out.prediction;
  const raw = out.raw;
  for (let r = 0, o = 0; r < rows; r++, o += d) {
    let dot = 0;
    for (let i = 0; i < d; i++) dot += coef[i]! * x[o + i]!;
    const prob = 1 - 1 / (1 + Math.exp(dot));
    pred[r] = dot >= 0 ? 1 : 0;
    raw[2 * r] = 1 - prob;
    raw[2 * r + 1] = prob;
  }
  return raw[1]!;
}

/** The plain loop, sparse: rows×nnz (index, value) pairs. */
function baselineSparse(
  coef: Float64Array,
  idx: Int32Array,
  val: Float64Array,
  rows: number,
  nnz: number,
  out: BaselineOut,
): number {
  const pred = out.prediction;
  const raw = out.raw;
  for (let r = 0, o = 0; r < rows; r++, o += nnz) {
    let dot = 0;
    for (let k = 0; k < nnz; k++) dot += val[o + k]! * coef[idx[o + k]!]!;
    const prob = 1 - 1 / (1 + Math.exp(dot));
    pred[r] = dot >= 0 ? 1 : 0;
    raw[2 * r] = 1 - prob;
    raw[2 * r + 1] = prob;
  }
  return raw[1]!;
}

/** The servable in 'java11' mode (a named function so the case label says what runs). */
function lrTransformJava11(lr: LogisticRegressionModelServable, df: DataFrame): DataFrame {
  return lr.transform(df);
}

/** Options of {@link runLrBench}. */
export interface LrBenchOptions {
  /** Samples per case (default 15). */
  readonly samples?: number;
}

/** Runs the benchmark and prints its table and the targets met or missed. */
export function runLrBench(options: LrBenchOptions = {}): void {
  const rnd = seededRandom(7);
  const header = ['input', 'rows', 'case', 'ns/row', 'baseline/case', 'spread (ns/row)'];
  const table: string[][] = [header];
  const configs: { label: string; d: number; nnz?: number }[] = [
    { label: 'dense d=10', d: 10 },
    { label: 'dense d=100', d: 100 },
    { label: 'dense d=1000', d: 1000 },
    { label: 'sparse d=1000 nnz=10', d: 1000, nnz: 10 },
  ];
  const summary: string[] = [];
  for (const cfg of configs) {
    const coefficient = new DenseVector(Float64Array.from({ length: cfg.d }, () => rnd() - 0.5));
    const lr = new LogisticRegressionModelServable().setModel({ coefficient, modelVersion: 0n });
    const lrJava11 = new LogisticRegressionModelServable()
      .setNumerics('java11')
      .setModel({ coefficient, modelVersion: 0n });
    for (const rows of [1, 64, 4096]) {
      const input = makeInput(rows, cfg.d, cfg.nnz, rnd);
      const out: BaselineOut = {
        prediction: new Float64Array(rows),
        raw: new Float64Array(2 * rows),
      };
      const coef = coefficient.values;
      const baseline =
        input.indices === undefined
          ? () => baselineDense(coef, input.packed, rows, out)
          : () =>
              baselineSparse(coef, input.indices as Int32Array, input.packed, rows, input.nnz, out);
      const cases: BenchCase[] = [
        { name: BASELINE, fn: baseline },
        { name: FAST, fn: () => lr.transform(input.df) },
        { name: JAVA11, fn: () => lrTransformJava11(lrJava11, input.df) },
        {
          name: OLD_EXACT,
          fn: () => lrTransformWith(FmaBLAS, coefficient, input.df),
        },
      ];
      if (rows === 1) {
        const v = input.vectors;
        cases.push({
          name: ONE_ROW,
          fn: () => lr.transform(DataFrame.fromColumns(['features'], [VECTOR], [v])),
        });
      }
      const results = runInterleaved(cases, { samples: options.samples ?? 15 });
      const nsOf = (name: string): number => results.find((r) => r.name === name)!.nsPerOp;
      const base = nsOf(BASELINE) / rows;
      for (const r of results) {
        const perRow = r.nsPerOp / rows;
        table.push([
          cfg.label,
          String(rows),
          r.name,
          formatNs(perRow),
          `${(base / perRow).toFixed(2)}x`,
          `${formatNs(r.minNs / rows)}–${formatNs(r.maxNs / rows)}`,
        ]);
      }
      if (cfg.d === 100 && cfg.nnz === undefined && rows === 4096) {
        const servable = nsOf(FAST) / rows;
        const java11 = nsOf(JAVA11) / rows;
        const oldExact = nsOf(OLD_EXACT) / rows;
        summary.push(
          `Target (d=100, 4096 rows: servable ≥ 0.75x the baseline's speed): 'fast' ${(base / servable).toFixed(2)}x → ${base / servable >= 0.75 ? 'MET' : 'MISSED'}` +
            `; 'java11' ${(base / java11).toFixed(2)}x (old exact loop ${(base / oldExact).toFixed(2)}x).`,
        );
      }
      if (rows === 1 && cfg.d === 100 && cfg.nnz === undefined) {
        const oneRow = nsOf(ONE_ROW);
        summary.push(
          `Target (1-row call at d=100 incl. building its DataFrame < 1 µs): ${formatNs(oneRow)} ns → ${oneRow < 1000 ? 'MET' : 'MISSED'}.`,
        );
      }
    }
  }
  console.log(
    'LogisticRegression transform, ns/row (median of interleaved samples); "baseline/case" > 1 = faster than the plain loop\n',
  );
  console.log(formatTable(table));
  console.log('');
  for (const s of summary) console.log(s);
}
