import {
  type Codec,
  type DataInputView,
  type DataOutputView,
  DoubleSerializer,
  MapSerializer,
  StringSerializer,
} from '@servable/linalg';

/** ImputerModel's model data (Flink ML `ImputerModelData`). */
export interface ImputerModelData {
  /** Input column name → the value that replaces its missing values. */
  readonly surrogates: ReadonlyMap<string, number>;
}

const mapCodec = new MapSerializer(StringSerializer, DoubleSerializer);

/**
 * The record codec: Flink's `MapSerializer<String, Double>` of the surrogates (`size:int`, then
 * per entry the key string, a null flag and the double).
 *
 * A null key or a null surrogate (which Flink ML's estimator never writes) is rejected with a
 * DecodeError: such a model cannot impute.
 */
export const ImputerModelDataCodec: Codec<ImputerModelData> = Object.freeze({
  minEncodedBytes: 4,
  encode(value: ImputerModelData, out: DataOutputView): void {
    mapCodec.encode(value.surrogates, out);
  },
  decode(input: DataInputView): ImputerModelData {
    const at = input.position;
    const raw = mapCodec.decode(input);
    const surrogates = new Map<string, number>();
    for (const [key, v] of raw) {
      if (key === null) throw input.error('a column name as map key', 'null', at);
      if (v === null) {
        throw input.error(`a surrogate value for column ${JSON.stringify(key)}`, 'null', at);
      }
      surrogates.set(key, v);
    }
    return { surrogates };
  },
});
