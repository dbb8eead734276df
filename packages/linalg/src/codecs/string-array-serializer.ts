import type { DataInputView } from '../data-input-view.js';
import type { DataOutputView } from '../data-output-view.js';
import type { Codec } from './codec.js';

/**
 * Flink's `StringArraySerializer`: `length:int`, then each element as a `StringValue` string
 * (null elements allowed).
 */
export const StringArraySerializer: Codec<(string | null)[]> = Object.freeze({
  minEncodedBytes: 4,
  encode(value: readonly (string | null)[], out: DataOutputView): void {
    out.writeInt(value.length);
    for (const s of value) out.writeString(s);
  },
  decode(input: DataInputView): (string | null)[] {
    const at = input.position;
    const len = input.readInt();
    input.requireElements(len, 1, 'strings', at);
    const out: (string | null)[] = new Array(len);
    for (let i = 0; i < len; i++) out[i] = input.readString();
    return out;
  },
});
