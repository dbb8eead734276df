/**
 * Latency of live model updates with `@servable/model-updaters`, on loopback:
 *
 * - Kafka: `ModelDataPublisher.publish` called → `KafkaModelUpdater` has swapped the model in
 *   (decode + validate + commit included), against librdkafka's mock cluster;
 * - files: a write completed (rename done, or the in-place `writeFile` returned) →
 *   `FileModelUpdater` has swapped the model in.
 *
 * One update at a time (the next is published after the previous was applied, plus a pause),
 * LogisticRegression model data of d = 1000 (8 KB). Targets: Kafka p99 ≤ 50 ms, files p99 ≤ 100 ms.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FileModelUpdater,
  KafkaModelUpdater,
  ModelDataPublisher,
  writeModelDataFileAtomically,
} from '@servable/model-updaters';
import { LogisticRegressionModelServable } from '@servable/servable-lib';
import { formatTable } from './harness.js';
import { lrModelData, percentile, startBenchKafka } from './model-update-support.js';

const DIM = 1000;

function row(name: string, ms: readonly number[]): string[] {
  return [
    name,
    String(ms.length),
    percentile(ms, 0.5).toFixed(2),
    percentile(ms, 0.99).toFixed(2),
    Math.max(...ms).toFixed(2),
  ];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Measures produce → applied over Kafka; returns the latencies in ms. */
export async function measureKafkaLatency(updates = 300): Promise<number[]> {
  const kafka = await startBenchKafka();
  const topic = `bench-models-${Date.now()}`;
  const servable = new LogisticRegressionModelServable();
  const publisher = new ModelDataPublisher({ brokers: kafka.brokers, topic });
  const updater = new KafkaModelUpdater(servable, { brokers: kafka.brokers, topic });
  try {
    await publisher.connect();
    await publisher.publish(lrModelData(DIM, 0));
    await updater.start();
    const latencies: number[] = [];
    for (let v = 1; v <= updates; v++) {
      const bytes = lrModelData(DIM, v);
      const applied = new Promise<number>((resolve) => {
        const on = (e: { version: unknown }) => {
          if (e.version === v) {
            updater.off('updated', on);
            resolve(performance.now());
          }
        };
        updater.on('updated', on);
      });
      const t0 = performance.now();
      await publisher.publish(bytes);
      latencies.push((await applied) - t0);
      await sleep(2);
    }
    return latencies;
  } finally {
    await updater.stop();
    await publisher.disconnect();
    kafka.stop();
  }
}

/** Measures write completed → applied for files; `mode` picks the writer. */
export async function measureFileLatency(
  mode: 'rename' | 'in-place',
  updates = 300,
): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-file-updater-'));
  const file = join(dir, 'part-0');
  await writeModelDataFileAtomically(file, lrModelData(DIM, 0), { fsync: false });
  const servable = new LogisticRegressionModelServable();
  const updater = new FileModelUpdater(servable, { path: dir });
  try {
    await updater.start();
    const latencies: number[] = [];
    for (let v = 1; v <= updates; v++) {
      const bytes = lrModelData(DIM, v);
      const applied = new Promise<number>((resolve) => {
        const on = (e: { version: unknown }) => {
          if (e.version === v) {
            updater.off('updated', on);
            resolve(performance.now());
          }
        };
        updater.on('updated', on);
      });
      if (mode === 'rename') await writeModelDataFileAtomically(file, bytes, { fsync: false });
      else await writeFile(file, bytes);
      const t0 = performance.now();
      latencies.push((await applied) - t0);
      await sleep(5);
    }
    return latencies;
  } finally {
    await updater.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs the latency benchmarks and prints their table. */
export async function runModelUpdateLatencyBench(): Promise<void> {
  const kafka = await measureKafkaLatency();
  const rename = await measureFileLatency('rename');
  const inPlace = await measureFileLatency('in-place');
  console.log(`Model update latency, LogisticRegression d=${DIM} (ms)`);
  console.log(
    formatTable([
      ['path', 'n', 'p50', 'p99', 'max'],
      row('kafka produce -> applied', kafka),
      row('file rename -> applied', rename),
      row('file in-place write -> applied', inPlace),
    ]),
  );
}
