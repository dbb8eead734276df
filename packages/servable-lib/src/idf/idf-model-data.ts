import {
  type Codec,
  type DataInputView,
  type DataOutputView,
  type DenseVector,
  DenseVectorSerializer,
  LongPrimitiveArraySerializer,
  LongSerializer,
} from '@servable/linalg';

/** IDFModel's model data (Flink ML `IDFModelData`). */
export interface IDFModelData {
  /** The inverse document frequency of each feature: `ln((numDocs + 1) / (docFreq + 1))`, or 0. */
  readonly idf: DenseVector;
  /** How many training documents had each feature (0 where it was below `minDocFreq`). */
  readonly docFreq: BigInt64Array;
  /** The number of training documents. */
  readonly numDocs: bigint;
}

/**
 * The record codec: DenseVector `idf`, `LongPrimitiveArraySerializer` `docFreq`, `long numDocs`.
 */
export const IDFModelDataCodec: Codec<IDFModelData> = Object.freeze({
  minEncodedBytes: 16,
  encode(value: IDFModelData, out: DataOutputView): void {
    DenseVectorSerializer.encode(value.idf, out);
    LongPrimitiveArraySerializer.encode(value.docFreq, out);
    LongSerializer.encode(value.numDocs, out);
  },
  decode(input: DataInputView): IDFModelData {
    const idf = DenseVectorSerializer.decode(input);
    const docFreq = LongPrimitiveArraySerializer.decode(input);
    const numDocs = LongSerializer.decode(input);
    return { idf, docFreq, numDocs };
  },
});
