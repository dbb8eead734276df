import { BasicType, DataTypes } from '@servable/dataframe';
import { decodeInputs, encodeOutputs, ModelSignature } from '@servable/inference-server';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const vector = DataTypes.VECTOR(BasicType.DOUBLE);
const signature = new ModelSignature(
  [
    { name: 'v', type: vector, datatype: 'FP64', shape: [-1, -1], dim: undefined },
    { name: 's', type: DataTypes.DOUBLE, datatype: 'FP64', shape: [-1], dim: undefined },
    { name: 't', type: DataTypes.STRING, datatype: 'BYTES', shape: [-1], dim: undefined },
  ],
  [],
);
const jsonDouble = (x: number) => (Number.isFinite(x) ? (Object.is(x, -0) ? 0 : x) : String(x));

describe('tensor decoding and encoding', () => {
  it('round-trips FP64 [n, d], FP64 [n] and BYTES [n] tensors through a DataFrame', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 5 }),
        fc.array(fc.double(), { minLength: 36, maxLength: 36 }),
        fc.array(fc.string(), { minLength: 6, maxLength: 6 }),
        fc.boolean(),
        (n, d, pool, strings, nested) => {
          const flat = pool.slice(0, n * d).map(jsonDouble);
          const vData = nested
            ? Array.from({ length: n }, (_, r) => flat.slice(r * d, r * d + d))
            : flat;
          const sData = pool.slice(0, n).map(jsonDouble);
          const request = JSON.parse(
            JSON.stringify([
              { name: 't', shape: [n], datatype: 'BYTES', data: strings.slice(0, n) },
              { name: 'v', shape: [n, d], datatype: 'FP64', data: vData },
              { name: 's', shape: [n, 1], datatype: 'FP64', data: sData },
            ]),
          );
          const df = decodeInputs(signature, request, { maxBatchSize: 100 });
          expect(df.numRows()).toBe(n);
          const encoded = JSON.parse(encodeOutputs(df, signature.inputs));
          expect(encoded).toEqual([
            { name: 'v', datatype: 'FP64', shape: [n, n === 0 ? 0 : d], data: n === 0 ? [] : flat },
            { name: 's', datatype: 'FP64', shape: [n], data: sData },
            { name: 't', datatype: 'BYTES', shape: [n], data: strings.slice(0, n) },
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
