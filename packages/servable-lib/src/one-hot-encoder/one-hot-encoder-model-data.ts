import type { Codec, DataInputView, DataOutputView } from '@servable/linalg';

/**
 * One OneHotEncoderModel model data record (Flink ML `Tuple2<Integer, Integer>`): the position
 * of an input column in `inputCols` and the largest category index seen for it in training.
 */
export interface OneHotEncoderRecord {
  /** Position of the column in `inputCols`. */
  readonly columnIndex: number;
  /** The largest category index seen in training. */
  readonly maxIndex: number;
}

/** OneHotEncoderModel's model data: the largest category index of each input column. */
export interface OneHotEncoderModelData {
  /** `maxIndices[c]` is the largest category index of input column c. */
  readonly maxIndices: Int32Array;
}

/**
 * The record codec: two Kryo 2.24 `Output.writeInt`s, i.e. two big-endian ints (`columnIndex`,
 * `maxIndex`), 8 bytes, nothing else. A data directory holds one record per input column, in
 * any order, possibly over several files.
 */
export const OneHotEncoderRecordCodec: Codec<OneHotEncoderRecord> = Object.freeze({
  minEncodedBytes: 8,
  encode(value: OneHotEncoderRecord, out: DataOutputView): void {
    out.writeInt(value.columnIndex);
    out.writeInt(value.maxIndex);
  },
  decode(input: DataInputView): OneHotEncoderRecord {
    const columnIndex = input.readInt();
    const maxIndex = input.readInt();
    return { columnIndex, maxIndex };
  },
});

/**
 * Combines the records (any order) into model data. The column indices must be exactly
 * `0 … n−1` once each, and every `maxIndex` within `0 … 2^31−2` (so that `maxIndex + 1` is an
 * int): Flink ML's estimator always writes such records, and Java fails or answers with broken
 * vector sizes otherwise.
 *
 * @returns the model data, or `{ problem }` describing what is wrong.
 */
export function oneHotEncoderModelDataFromRecords(
  records: readonly OneHotEncoderRecord[],
): OneHotEncoderModelData | { readonly problem: string } {
  const n = records.length;
  const maxIndices = new Int32Array(n);
  const seen = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const { columnIndex, maxIndex } = records[k] as OneHotEncoderRecord;
    if (columnIndex < 0 || columnIndex >= n) {
      return {
        problem: `record ${k} has column index ${columnIndex}, expected 0 … ${n - 1} (one record per input column, ${n} records).`,
      };
    }
    if (seen[columnIndex]) {
      return {
        problem: `column index ${columnIndex} appears in more than one record (record ${k}).`,
      };
    }
    if (maxIndex < 0 || maxIndex > 2147483646) {
      return {
        problem: `record ${k} (column ${columnIndex}) has maxIndex ${maxIndex}, expected 0 … 2147483646.`,
      };
    }
    seen[columnIndex] = 1;
    maxIndices[columnIndex] = maxIndex;
  }
  return { maxIndices };
}

/** The records of model data, in column order. */
export function oneHotEncoderRecords(model: OneHotEncoderModelData): OneHotEncoderRecord[] {
  return Array.from(model.maxIndices, (maxIndex, columnIndex) => ({ columnIndex, maxIndex }));
}
