import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector } from '@servable/linalg';
import { LogisticRegressionModelServable } from '@servable/servable-lib';
const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);
const mode = process.argv[2] ?? 'many';
const d = Number(process.argv[3] ?? 10);
const rows = mode === 'one' ? 1 : 4096;
const coef = new DenseVector(Float64Array.from({ length: d }, (_, i) => (i % 7) / 7 - 0.4));
const lr = new LogisticRegressionModelServable().setModel({ coefficient: coef, modelVersion: 0n });
const vs = Array.from({ length: rows }, (_, r) => new DenseVector(Float64Array.from({ length: d }, (_, i) => Math.sin(r + i))));
const df = DataFrame.fromColumns(['features'], [VECTOR], [vs]);
let s = 0;
const t0 = performance.now();
const iters = mode === 'one' ? 3_000_000 : 3000;
for (let k = 0; k < iters; k++) {
  const out = mode === 'one' ? lr.transform(DataFrame.fromColumns(['features'], [VECTOR], [vs])) : lr.transform(df);
  s += out.numRows();
}
console.log(mode, d, ((performance.now() - t0) * 1e6) / iters / rows, 'ns/row', s);
