/** Entry point of `pnpm --filter @servable/bench run bench`: runs every benchmark in turn. */
import { runDotBench } from './dot.bench.js';
import { runPrecisionReport } from './precision.js';

runDotBench();
console.log('');
runPrecisionReport();
