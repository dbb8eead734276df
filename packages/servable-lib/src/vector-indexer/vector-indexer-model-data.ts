import type { Codec, DataInputView, DataOutputView } from '@servable/linalg';
import { type ModelDataFormat, singleRecordFormat } from '@servable/servable-api';
import { CategoryMap } from './category-map.js';

/**
 * Model data of Flink ML's `VectorIndexerModel` (`VectorIndexerModelData.categoryMaps`, a
 * `Map<Integer, Map<Double, Integer>>`): for each categorical feature (by column index), the
 * category of every value seen during training. Features without an entry are continuous and
 * pass through unchanged.
 *
 * Iteration order of the map is the stream order of the record (Java's writer order).
 */
export interface VectorIndexerModelData {
  /** Feature index → value → category. */
  readonly categoryMaps: ReadonlyMap<number, CategoryMap>;
}

/**
 * The binary layout of {@link VectorIndexerModelData}, byte-exact with Flink ML's encoder:
 * `MapSerializer<Integer, MapSerializer<Double, Integer>>`, i.e. `size:int`, then per feature
 * `column:int`, `isNull:boolean`, and the inner map (`size:int`, then per value `value:double`,
 * `isNull:boolean`, `category:int`).
 *
 * Unlike a generic map decoder, `-0.0` and `0.0` stay distinct keys (see {@link CategoryMap}).
 * A null map or a null category is rejected with a `DecodeError`: Flink ML would load it and
 * then fail (null map) or silently drop every row hitting it (null category) while transforming.
 */
export const VectorIndexerModelDataCodec: Codec<VectorIndexerModelData> = Object.freeze({
  minEncodedBytes: 4,
  encode(value: VectorIndexerModelData, out: DataOutputView): void {
    out.writeInt(value.categoryMaps.size);
    for (const [column, mapping] of value.categoryMaps) {
      out.writeInt(column);
      out.writeBoolean(false);
      out.writeInt(mapping.size);
      for (const [v, category] of mapping.entries()) {
        out.writeDouble(v);
        out.writeBoolean(false);
        out.writeInt(category);
      }
    }
  },
  decode(input: DataInputView): VectorIndexerModelData {
    const at = input.position;
    const size = input.readInt();
    input.requireElements(size, 4 + 1, 'category maps', at);
    const categoryMaps = new Map<number, CategoryMap>();
    for (let i = 0; i < size; i++) {
      const column = input.readInt();
      const nullAt = input.position;
      if (input.readBoolean()) {
        throw input.error(`a category map for feature ${column}`, 'null', nullAt);
      }
      categoryMaps.set(column, decodeCategoryMap(input, column));
    }
    return { categoryMaps };
  },
});

function decodeCategoryMap(input: DataInputView, column: number): CategoryMap {
  const at = input.position;
  const size = input.readInt();
  input.requireElements(size, 8 + 1, `values of feature ${column}`, at);
  const mapping = new CategoryMap();
  for (let i = 0; i < size; i++) {
    const value = input.readDouble();
    const nullAt = input.position;
    if (input.readBoolean()) {
      throw input.error(`a category index for value ${value} of feature ${column}`, 'null', nullAt);
    }
    mapping.set(value, input.readInt());
  }
  return mapping;
}

/** Problems of a record Flink ML would only hit while transforming (a negative feature index). */
export function validateVectorIndexerModelData(data: VectorIndexerModelData): string | undefined {
  for (const column of data.categoryMaps.keys()) {
    if ((column | 0) !== column || column < 0) {
      return `feature index ${column} is not a non-negative Java int.`;
    }
  }
  return undefined;
}

/** The model data format of VectorIndexerModel: exactly one record. */
export const VECTOR_INDEXER_MODEL_DATA_FORMAT: ModelDataFormat<VectorIndexerModelData> =
  singleRecordFormat({
    name: 'VectorIndexerModelData',
    codec: VectorIndexerModelDataCodec,
    validate: validateVectorIndexerModelData,
  });
