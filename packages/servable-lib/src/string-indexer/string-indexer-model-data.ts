import {
  type Codec,
  type DataInputView,
  type DataOutputView,
  StringArraySerializer,
} from '@servable/linalg';
import { type ModelDataFormat, singleRecordFormat } from '@servable/servable-api';

/**
 * Model data of Flink ML's `StringIndexerModel` and `IndexToStringModel`
 * (`StringIndexerModelData`): for each input column, the strings in index order (the string at
 * position `i` gets index `i`). Elements may be null (the binary format allows it).
 */
export interface StringIndexerModelData {
  /** Per input column, the indexed strings. */
  readonly stringArrays: readonly (readonly (string | null)[])[];
}

/**
 * The binary layout of {@link StringIndexerModelData}, byte-exact with Flink ML's
 * `StringIndexerModelData.ModelDataEncoder`/`ModelDataDecoder`: `numCols:int`, then `numCols`
 * string arrays (`StringArraySerializer`: `length:int`, then each element as a `StringValue`).
 *
 * @example
 * ```ts
 * encodeToBytes(StringIndexerModelDataCodec, { stringArrays: [['a', 'b'], ['-1.0']] });
 * // 00000002 00000002 0261 0262 00000001 052d312e30
 * ```
 */
export const StringIndexerModelDataCodec: Codec<StringIndexerModelData> = Object.freeze({
  minEncodedBytes: 4,
  encode(value: StringIndexerModelData, out: DataOutputView): void {
    out.writeInt(value.stringArrays.length);
    for (const strings of value.stringArrays) StringArraySerializer.encode([...strings], out);
  },
  decode(input: DataInputView): StringIndexerModelData {
    const at = input.position;
    const numCols = input.readInt();
    input.requireElements(numCols, 4, 'string arrays', at);
    const stringArrays: (string | null)[][] = new Array(numCols);
    for (let i = 0; i < numCols; i++) stringArrays[i] = StringArraySerializer.decode(input);
    return { stringArrays };
  },
});

/** The model data format of StringIndexerModel and IndexToStringModel: exactly one record. */
export const STRING_INDEXER_MODEL_DATA_FORMAT: ModelDataFormat<StringIndexerModelData> =
  singleRecordFormat({ name: 'StringIndexerModelData', codec: StringIndexerModelDataCodec });
