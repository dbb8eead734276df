/**
 * Runs only the model-updater benchmarks:
 * `cd bench && tsx --conditions=@servable/source src/model-updaters.run.ts`.
 */

import { runModelSwapMemoryBench } from './model-swap-memory.bench.js';
import { runModelUpdateLatencyBench } from './model-update-latency.bench.js';

await runModelSwapMemoryBench();
console.log('');
await runModelUpdateLatencyBench();
process.exit(0);
