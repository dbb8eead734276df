import {
  type Codec,
  type DataInputView,
  type DataOutputView,
  DoublePrimitiveArraySerializer,
} from '@servable/linalg';

/** KBinsDiscretizerModel's model data (Flink ML `KBinsDiscretizerModelData`). */
export interface KBinsDiscretizerModelData {
  /**
   * Per feature, the ascending bin edges (may include ±Infinity; a constant feature has
   * `[-Infinity, Infinity]`). Feature i has `binEdges[i].length - 1` bins.
   */
  readonly binEdges: readonly Float64Array[];
}

/**
 * The record codec: `numColumns:int`, then each feature's edges as a
 * `DoublePrimitiveArraySerializer` array (`length:int` + doubles).
 */
export const KBinsDiscretizerModelDataCodec: Codec<KBinsDiscretizerModelData> = Object.freeze({
  minEncodedBytes: 4,
  encode(value: KBinsDiscretizerModelData, out: DataOutputView): void {
    out.writeInt(value.binEdges.length);
    for (const edges of value.binEdges) DoublePrimitiveArraySerializer.encode(edges, out);
  },
  decode(input: DataInputView): KBinsDiscretizerModelData {
    const at = input.position;
    const numColumns = input.readInt();
    input.requireElements(numColumns, 4, 'bin edge arrays', at);
    const binEdges: Float64Array[] = new Array(numColumns);
    for (let i = 0; i < numColumns; i++) binEdges[i] = DoublePrimitiveArraySerializer.decode(input);
    return { binEdges };
  },
});
