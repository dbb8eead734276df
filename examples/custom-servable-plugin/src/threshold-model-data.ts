import {
  type Codec,
  type DataInputView,
  type DataOutputView,
  DoubleSerializer,
} from '@servable/linalg';
import { type ModelDataFormat, singleRecordFormat } from '@servable/servable-api';

/** The model data of {@link ThresholdModelServable}: one threshold. */
export interface ThresholdModelData {
  /** Scores at or above it are labelled 1, below it 0. */
  readonly threshold: number;
}

/** Record layout: the threshold as one big-endian double (Flink's `DoubleSerializer`). */
export const ThresholdModelDataCodec: Codec<ThresholdModelData> = Object.freeze({
  minEncodedBytes: 8,
  encode(value: ThresholdModelData, out: DataOutputView): void {
    DoubleSerializer.encode(value.threshold, out);
  },
  decode(input: DataInputView): ThresholdModelData {
    return { threshold: DoubleSerializer.decode(input) };
  },
});

/** Exactly one record; the threshold must not be NaN. */
export const THRESHOLD_MODEL_DATA_FORMAT: ModelDataFormat<ThresholdModelData> = singleRecordFormat({
  name: 'ThresholdModelData',
  codec: ThresholdModelDataCodec,
  validate: (m) => (Number.isNaN(m.threshold) ? 'the threshold is NaN' : undefined),
});
