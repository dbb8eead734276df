import { join } from 'node:path';
import { publishModelDataDirectory } from '@servable/model-updaters';
import { MODEL_DATA_DIR } from '@servable/servable-api';

/**
 * Where online training publishes model snapshots (each one complete bundle's bytes). A
 * `ModelDataPublisher` of `@servable/model-updaters` is one (Kafka); {@link directorySnapshotSink}
 * writes into a saved stage that a `FileModelUpdater` follows.
 */
export interface ModelSnapshotSink {
  /** Publishes one snapshot; training waits for it (backpressure). */
  publish(bytes: Uint8Array): Promise<unknown>;
}

/**
 * A sink that replaces the model data file of the saved TF model stage at `stageDir`
 * atomically (write-then-rename), so a `FileModelUpdater` on that stage hot-swaps each snapshot.
 */
export function directorySnapshotSink(stageDir: string): ModelSnapshotSink {
  return {
    publish: (bytes) =>
      publishModelDataDirectory(join(stageDir, MODEL_DATA_DIR), bytes, { fsync: false }),
  };
}
