import { DenseVector } from '@servable/linalg';
import { encodeRow, TFDataError } from '@servable/tf-bridge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('encodeRow, json coding', () => {
  it('writes what JSON.stringify writes for ordinary values', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.integer()),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string(), { maxLength: 5 }),
        fc.array(value, { maxLength: 5 }),
        (names, vs) => {
          const values = names.map((_, i) => vs[i] ?? null);
          const record = Object.fromEntries(names.map((n, i) => [n, values[i]]));
          expect(JSON.parse(text(encodeRow('json', names, values)))).toEqual(record);
        },
      ),
    );
  });

  it('writes LONG (bigint) values as their exact digits, vectors as arrays, leaves out undefined', () => {
    const json = text(
      encodeRow(
        'json',
        ['id', 'ids', 'v', 'missing'],
        [2n ** 62n + 1n, [1n, -3n], new DenseVector([0.5, 2]), undefined],
      ),
    );
    expect(json).toBe('{"id":4611686018427387905,"ids":[1,-3],"v":[0.5,2]}');
  });

  it('names the column of a value JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => encodeRow('json', ['a', 'b'], [1, cyclic])).toThrow(TFDataError);
    expect(() => encodeRow('json', ['a', 'b'], [1, cyclic])).toThrow(/Column b/);
  });
});
