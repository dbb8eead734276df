/** Test support: fast-check arbitraries shared by the property tests. */
import { DenseVector, type Vector } from '@servable/linalg';
import fc from 'fast-check';

/** A double in [-1000, 1000], not NaN: the values of {@link denseOrSparseRows}. */
export const moderateDouble = fc.double({ min: -1e3, max: 1e3, noNaN: true });

/**
 * 1 to 8 vectors of `minLength` to `maxLength` entries of {@link moderateDouble}, each one dense
 * or, by a coin toss, the sparse form of the same values.
 */
export function denseOrSparseRows(
  minLength: number,
  maxLength = minLength,
): fc.Arbitrary<Vector[]> {
  const row = fc.tuple(fc.array(moderateDouble, { minLength, maxLength }), fc.boolean());
  return fc
    .array(row, { minLength: 1, maxLength: 8 })
    .map((rows) =>
      rows.map(([values, sparse]) =>
        sparse ? new DenseVector(values).toSparse() : new DenseVector(values),
      ),
    );
}
