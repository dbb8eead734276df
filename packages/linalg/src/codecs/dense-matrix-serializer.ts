import type { DataInputView } from '../data-input-view.js';
import type { DataOutputView } from '../data-output-view.js';
import { DenseMatrix } from '../dense-matrix.js';
import type { Codec } from './codec.js';

/**
 * Flink ML's `DenseMatrixSerializer`: `numRows:int`, `numCols:int`, then `numRows * numCols`
 * doubles in column-major order.
 */
export const DenseMatrixSerializer: Codec<DenseMatrix> = Object.freeze({
  minEncodedBytes: 8,
  encode(value: DenseMatrix, out: DataOutputView): void {
    out.writeInt(value.numRows());
    out.writeInt(value.numCols());
    const values = value.values;
    for (let i = 0; i < values.length; i++) out.writeDouble(values[i]!);
  },
  decode(input: DataInputView): DenseMatrix {
    const at = input.position;
    const rows = input.readInt();
    const cols = input.readInt();
    if (rows < 0 || cols < 0) {
      throw input.error('non-negative matrix dimensions', `${rows}x${cols}`, at);
    }
    return new DenseMatrix(rows, cols, input.readDoubles(rows * cols, at));
  },
});
