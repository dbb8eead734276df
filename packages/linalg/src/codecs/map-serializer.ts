import type { DataInputView } from '../data-input-view.js';
import type { DataOutputView } from '../data-output-view.js';
import type { Codec } from './codec.js';

/**
 * Flink's `MapSerializer<K, V>`: `size:int`, then per entry the key (key codec), an
 * `isNull:boolean` (`0x01` when the value is null) and the value (value codec) only when not
 * null. Decodes into a `Map` in stream order; a repeated key keeps its last value, as Java's
 * `HashMap.put` does.
 *
 * Caveat: a JS `Map` treats `-0` and `0` as the same key (Java's `Double` keys do not), and
 * NaN keys compare equal (as in Java).
 *
 * @example
 * ```ts
 * const codec = new MapSerializer(StringSerializer, DoubleSerializer);
 * encodeToBytes(codec, new Map([['f1', 2]])); // 00000001 036631 00 4000000000000000
 * ```
 */
export class MapSerializer<K, V> implements Codec<Map<K, V | null>> {
  /** Every map takes at least its 4-byte size. */
  readonly minEncodedBytes = 4;
  private readonly keyCodec: Codec<K>;
  private readonly valueCodec: Codec<V>;

  constructor(keyCodec: Codec<K>, valueCodec: Codec<V>) {
    this.keyCodec = keyCodec;
    this.valueCodec = valueCodec;
  }

  encode(value: ReadonlyMap<K, V | null>, out: DataOutputView): void {
    out.writeInt(value.size);
    for (const [k, v] of value) {
      this.keyCodec.encode(k, out);
      if (v === null) {
        out.writeBoolean(true);
      } else {
        out.writeBoolean(false);
        this.valueCodec.encode(v, out);
      }
    }
  }

  decode(input: DataInputView): Map<K, V | null> {
    const at = input.position;
    const size = input.readInt();
    input.requireElements(size, (this.keyCodec.minEncodedBytes ?? 1) + 1, 'map entries', at);
    const map = new Map<K, V | null>();
    for (let i = 0; i < size; i++) {
      const key = this.keyCodec.decode(input);
      map.set(key, input.readBoolean() ? null : this.valueCodec.decode(input));
    }
    return map;
  }
}
