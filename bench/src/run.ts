/**
 * Entry point of `pnpm --filter @servable/bench run bench [name…]`: runs the named benchmarks
 * (all of them without a name) in turn. Names: dot, precision, lr, servables, http,
 * model-update-latency, model-swap-memory, tf-bridge.
 */
import { runDotBench } from './dot.bench.js';
import { runHttpBench } from './http.bench.js';
import { runLrBench } from './lr.bench.js';
import { runModelSwapMemoryBench } from './model-swap-memory.bench.js';
import { runModelUpdateLatencyBench } from './model-update-latency.bench.js';
import { runPrecisionReport } from './precision.js';
import { runServablesBench } from './servables.bench.js';
import { runTfBridgeBench } from './tf-bridge.bench.js';

const BENCHMARKS: Readonly<Record<string, () => void | Promise<void>>> = {
  dot: runDotBench,
  precision: runPrecisionReport,
  lr: () => runLrBench(),
  servables: () => runServablesBench(),
  http: () => runHttpBench(),
  'model-update-latency': runModelUpdateLatencyBench,
  'model-swap-memory': runModelSwapMemoryBench,
  'tf-bridge': runTfBridgeBench,
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
// Kafka clients and servers may leave handles open: end once every benchmark has reported.
process.exit(0);
