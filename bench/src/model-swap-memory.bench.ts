/**
 * Heap growth over 10,000 live model swaps of a d = 1000 LogisticRegression model through the
 * updaters' swap path (`ModelSwapper.apply`: decode, validate, commit), with a forced GC before
 * and after. Target: growth < 5 MB (a leak of one model per swap would be ~80 MB).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ModelSwapper } from '@servable/model-updaters';
import { LogisticRegressionModelServable } from '@servable/servable-lib';
import { lrModelData } from './model-update-support.js';

function forceGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Swaps `swaps` models in and returns the heap growth in bytes. */
export async function measureSwapHeapGrowth(swaps = 10_000, dim = 1000): Promise<number> {
  const gc = forceGc();
  const servable = new LogisticRegressionModelServable();
  const swapper = ModelSwapper.for(servable);
  const payloads = [lrModelData(dim, 0), lrModelData(dim, 1)];
  // Warm up (JIT, first allocations) before the baseline.
  for (let v = 0; v < 200; v++) {
    await swapper.apply({ inputs: [lrModelData(dim, v)], source: 'bench' });
  }
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < swaps; i++) {
    // Fresh bytes every time, as from Kafka or a file; versions keep increasing.
    const bytes = Uint8Array.from(payloads[i % 2] as Uint8Array);
    new DataView(bytes.buffer).setBigInt64(bytes.length - 8, BigInt(1000 + i));
    const outcome = await swapper.apply({ inputs: [bytes], source: `bench #${i}` });
    if (outcome.status !== 'applied') throw new Error(`swap ${i} was ${outcome.status}`);
  }
  gc();
  gc();
  return process.memoryUsage().heapUsed - before;
}

/** Runs the memory benchmark and prints the result. */
export async function runModelSwapMemoryBench(): Promise<void> {
  const growth = await measureSwapHeapGrowth();
  console.log(
    `Heap growth after 10,000 swaps of a d=1000 LogisticRegression model: ${(growth / 1024 / 1024).toFixed(2)} MB (target < 5 MB)`,
  );
}
