/**
 * Entry point of `pnpm --filter @servable/bench run bench [name…]`: runs the named benchmarks
 * (all of them without a name) in turn. Names: dot, precision, lr, servables.
 */
import { runDotBench } from './dot.bench.js';
import { runLrBench } from './lr.bench.js';
import { runPrecisionReport } from './precision.js';
import { runServablesBench } from './servables.bench.js';

const BENCHMARKS: Readonly<Record<string, () => void | Promise<void>>> = {
  dot: runDotBench,
  precision: runPrecisionReport,
  lr: () => runLrBench(),
  servables: () => runServablesBench(),
};

const requested = process.argv.slice(2).filter((a) => a !== '--');
const unknown = requested.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark ${unknown.join(', ')}; choose from: ${Object.keys(BENCHMARKS).join(', ')}.`,
  );
  process.exit(2);
}
const names = requested.length > 0 ? requested : Object.keys(BENCHMARKS);
for (const [i, name] of names.entries()) {
  if (i > 0) console.log('');
  await BENCHMARKS[name]!();
}
