import {
  latestRecordFormat,
  loadStage,
  type ModelDataFormat,
  type SavedModelData,
} from '@servable/servable-api';
import {
  type KMeansModelData,
  KMeansModelDataCodec,
  validateKMeansModelData,
} from '../kmeans/kmeans-model-data.js';
import { KMeansModelServable } from '../kmeans/kmeans-model-servable.js';

/**
 * The model data format of {@link OnlineKMeansModelServable}: a stream of `KMeansModelData`
 * records, the latest of which serves.
 */
export const ONLINE_KMEANS_MODEL_DATA_FORMAT = latestRecordFormat<KMeansModelData>({
  name: 'KMeansModelData',
  codec: KMeansModelDataCodec,
  validate: validateKMeansModelData,
});

/**
 * Serves Flink ML's `org.apache.flink.ml.clustering.kmeans.OnlineKMeansModel`: KMeans
 * prediction (see {@link KMeansModelServable}) with centroids that arrive as a stream.
 *
 * Its saved stage holds metadata only; model data comes through `setModelData` (each record
 * replaces the centroids; with several records in one call the last wins). `transform` before
 * the first record throws `ModelNotLoadedError` (Java buffers such rows until a model arrives).
 * No version column is output, as in Java (which only counts received records in a metric).
 *
 * Params: as KMeansModel. Output: prediction (INT).
 *
 * @example
 * ```ts
 * const okm = await OnlineKMeansModelServable.load('/models/online-kmeans');
 * await okm.setModelData(recordBytes);
 * okm.transform(df);
 * ```
 */
export class OnlineKMeansModelServable extends KMeansModelServable {
  /** The Java class this servable serves. */
  static override readonly CLASS_NAME = 'org.apache.flink.ml.clustering.kmeans.OnlineKMeansModel';
  /** See {@link TransformerServable.className}. */
  override readonly className: string = OnlineKMeansModelServable.CLASS_NAME;
  /** See {@link ModelServable.modelDataFormat}. */
  override readonly modelDataFormat: ModelDataFormat<KMeansModelData> =
    ONLINE_KMEANS_MODEL_DATA_FORMAT;
  /** Online models save metadata only. */
  override readonly savedModelData: SavedModelData = 'optional';

  /** Loads an `OnlineKMeansModel` stage (metadata; model data if a `data/` directory exists). */
  static override load(path: string): Promise<OnlineKMeansModelServable> {
    return loadStage(path, () => new OnlineKMeansModelServable());
  }
}
