import type { DataInputView } from '../data-input-view.js';
import type { DataOutputView } from '../data-output-view.js';
import { VectorWithNorm } from '../vector-with-norm.js';
import type { Codec } from './codec.js';
import { VectorSerializer } from './vector-serializer.js';

/** Flink ML's `VectorWithNormSerializer`: the {@link VectorSerializer} layout, then `l2Norm:double`. */
export const VectorWithNormSerializer: Codec<VectorWithNorm> = Object.freeze({
  minEncodedBytes: 13,
  encode(value: VectorWithNorm, out: DataOutputView): void {
    VectorSerializer.encode(value.vector, out);
    out.writeDouble(value.l2Norm);
  },
  decode(input: DataInputView): VectorWithNorm {
    const vector = VectorSerializer.decode(input);
    return new VectorWithNorm(vector, input.readDouble());
  },
});
