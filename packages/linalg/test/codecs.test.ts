import {
  type Codec,
  DataInputView,
  DataOutputView,
  DecodeError,
  DenseMatrix,
  DenseMatrixSerializer,
  DenseVector,
  DenseVectorSerializer,
  DoublePrimitiveArraySerializer,
  DoubleSerializer,
  decodeAll,
  decodeFromBytes,
  encodeToBytes,
  IntPrimitiveArraySerializer,
  IntSerializer,
  LongPrimitiveArraySerializer,
  LongSerializer,
  MapSerializer,
  SparseVector,
  SparseVectorSerializer,
  StringArraySerializer,
  StringSerializer,
  type Vector,
  VectorSerializer,
  Vectors,
  VectorWithNorm,
  VectorWithNormSerializer,
} from '@servable/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture, fromHex, hex } from './helpers.js';

const encodings = JSON.parse(fixture('encodings.json').toString('utf8')) as {
  serializers: Record<string, string>;
};

/** Each serializer example: the codec, the value, and how to compare decoded values. */
// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous table of codecs and values
type Case = [codec: Codec<any>, value: unknown];
const pairCodec: Codec<[number, number]> = {
  encode: ([a, b], out) => {
    out.writeInt(a);
    out.writeInt(b);
  },
  decode: (input) => [input.readInt(), input.readInt()],
};
const cases: Record<string, Case> = {
  'DenseVectorSerializer [1.0, 2.0]': [DenseVectorSerializer, Vectors.dense(1, 2)],
  'DenseVectorSerializer []': [DenseVectorSerializer, Vectors.dense()],
  'SparseVectorSerializer n=5 indices=[1,3] values=[0.5,-2.0]': [
    SparseVectorSerializer,
    Vectors.sparse(5, [1, 3], [0.5, -2]),
  ],
  'VectorSerializer dense [1.0]': [VectorSerializer, Vectors.dense(1)],
  'VectorSerializer sparse n=3 [0]->[NaN]': [
    VectorSerializer,
    Vectors.sparse(3, [0], [Number.NaN]),
  ],
  'VectorWithNormSerializer dense [3.0,4.0] norm 5.0': [
    VectorWithNormSerializer,
    new VectorWithNorm(Vectors.dense(3, 4)),
  ],
  'DenseMatrixSerializer 2x3 column-major values [1,2,3,4,5,6]': [
    DenseMatrixSerializer,
    new DenseMatrix(2, 3, [1, 2, 3, 4, 5, 6]),
  ],
  'StringSerializer ""': [StringSerializer, ''],
  'StringSerializer null': [StringSerializer, null],
  'StringSerializer "ab"': [StringSerializer, 'ab'],
  'StringSerializer "é€😀" (UTF-16 units 00E9, 20AC, D83D, DE00)': [StringSerializer, 'é€😀'],
  "StringSerializer 200 x 'a' (length+1=201 needs 2-byte varint)": [
    StringSerializer,
    'a'.repeat(200),
  ],
  'StringArraySerializer ["a", null, ""]': [StringArraySerializer, ['a', null, '']],
  'IntPrimitiveArraySerializer [1,-1]': [IntPrimitiveArraySerializer, Int32Array.of(1, -1)],
  'LongPrimitiveArraySerializer [0,3]': [LongPrimitiveArraySerializer, BigInt64Array.of(0n, 3n)],
  'DoublePrimitiveArraySerializer [-Infinity, Infinity]': [
    DoublePrimitiveArraySerializer,
    Float64Array.of(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY),
  ],
  'MapSerializer<String,Double> {"f1": 2.0} (one entry)': [
    new MapSerializer(StringSerializer, DoubleSerializer),
    new Map([['f1', 2]]),
  ],
  'MapSerializer<Double,Double> {1.0: null}': [
    new MapSerializer(DoubleSerializer, DoubleSerializer),
    new Map([[1, null]]),
  ],
  'Kryo Output.writeInt pair (0, 2) [OneHotEncoder record]': [pairCodec, [0, 2]],
};

/** Expands the fixture's "...(200 x 61)" abbreviation. */
function expandHex(h: string): string {
  const m = /^([0-9a-f]*)\.\.\.\((\d+) x ([0-9a-f]{2})\)$/.exec(h);
  if (!m) return h;
  let prefix = m[1]!;
  while (prefix.endsWith(m[3]!)) prefix = prefix.slice(0, -2);
  return prefix + m[3]!.repeat(Number(m[2]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof DenseVector || a instanceof SparseVector || a instanceof DenseMatrix) {
    return a.equals(b);
  }
  if (a instanceof VectorWithNorm) return a.equals(b);
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    return (
      hex(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)) ===
      hex(new Uint8Array(b.buffer, b.byteOffset, b.byteLength))
    );
  }
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !sameValue(v, b.get(k))) return false;
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  return Object.is(a, b);
}

describe('serializer examples of encodings.json', () => {
  it('covers every serializer example of the fixture', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(encodings.serializers).sort());
  });

  for (const [name, [codec, value]] of Object.entries(cases)) {
    it(`encodes and decodes ${name}`, () => {
      const want = expandHex(encodings.serializers[name]!);
      expect(hex(encodeToBytes(codec, value))).toBe(want);
      const decoded = decodeFromBytes(codec, fromHex(want));
      expect(sameValue(decoded, value), `decoded ${String(decoded)}`).toBe(true);
    });
  }

  it('decodes any non-zero vector type byte as sparse (Java writes 1)', () => {
    const bytes = fromHex(
      `07${encodings.serializers['VectorSerializer sparse n=3 [0]->[NaN]']!.slice(2)}`,
    );
    const v = decodeFromBytes(VectorSerializer, bytes);
    expect(v.kind).toBe('sparse');
    expect(v.toString()).toBe('(3, [0], [NaN])');
  });

  it('sorts unsorted sparse indices with their values (like the Java constructor)', () => {
    const out = new DataOutputView();
    out.writeInt(5);
    out.writeInt(2);
    out.writeInt(3);
    out.writeDouble(-2);
    out.writeInt(1);
    out.writeDouble(0.5);
    const v = decodeFromBytes(SparseVectorSerializer, out.toBytes());
    expect(v.equals(Vectors.sparse(5, [1, 3], [0.5, -2]))).toBe(true);
  });

  it('decodes concatenated records until the end of a file', () => {
    const out = new DataOutputView();
    DenseVectorSerializer.encode(Vectors.dense(1), out);
    DenseVectorSerializer.encode(Vectors.dense(2, 3), out);
    const all = decodeAll(DenseVectorSerializer, out.toBytes());
    expect(all.map((v) => v.toString())).toEqual(['[1.0]', '[2.0, 3.0]']);
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests: round trips and truncation.

const double = fc.double();
const denseArb = fc.array(double, { maxLength: 20 }).map((a) => Vectors.dense(...a));
const sparseArb = fc
  .integer({ min: 0, max: 40 })
  .chain((n) =>
    fc
      .uniqueArray(fc.integer({ min: 0, max: Math.max(0, n - 1) }), { maxLength: n })
      .chain((idx) =>
        fc
          .array(double, { minLength: idx.length, maxLength: idx.length })
          .map((vals) => Vectors.sparse(n, n === 0 ? [] : idx, n === 0 ? [] : vals)),
      ),
  );
const vectorArb: fc.Arbitrary<Vector> = fc.oneof(denseArb, sparseArb);
const stringArb = fc.option(fc.string({ unit: 'binary', maxLength: 30 }), { nil: null });
const matrixArb = fc
  .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }))
  .chain(([r, c]) =>
    fc.array(double, { minLength: r * c, maxLength: r * c }).map((v) => new DenseMatrix(r, c, v)),
  );

// biome-ignore lint/suspicious/noExplicitAny: heterogeneous table
const roundTrips: [string, Codec<any>, fc.Arbitrary<unknown>][] = [
  ['DenseVectorSerializer', DenseVectorSerializer, denseArb],
  ['SparseVectorSerializer', SparseVectorSerializer, sparseArb],
  ['VectorSerializer', VectorSerializer, vectorArb],
  ['DenseMatrixSerializer', DenseMatrixSerializer, matrixArb],
  [
    'VectorWithNormSerializer',
    VectorWithNormSerializer,
    fc.tuple(vectorArb, double).map(([v, n]) => new VectorWithNorm(v, n)),
  ],
  ['StringSerializer', StringSerializer, stringArb],
  ['StringArraySerializer', StringArraySerializer, fc.array(stringArb, { maxLength: 8 })],
  [
    'IntPrimitiveArraySerializer',
    IntPrimitiveArraySerializer,
    fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })).map((a) => Int32Array.from(a)),
  ],
  [
    'LongPrimitiveArraySerializer',
    LongPrimitiveArraySerializer,
    fc
      .array(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }))
      .map((a) => BigInt64Array.from(a)),
  ],
  [
    'DoublePrimitiveArraySerializer',
    DoublePrimitiveArraySerializer,
    fc.array(double).map((a) => Float64Array.from(a)),
  ],
  ['IntSerializer', IntSerializer, fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })],
  ['LongSerializer', LongSerializer, fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })],
  ['DoubleSerializer', DoubleSerializer, double],
  [
    'MapSerializer<String, DoubleArray>',
    new MapSerializer(StringSerializer, DoublePrimitiveArraySerializer),
    fc
      .array(
        fc.tuple(
          fc.string(),
          fc.option(
            fc.array(double).map((a) => Float64Array.from(a)),
            { nil: null },
          ),
        ),
      )
      .map((entries) => new Map(entries)),
  ],
];

/** NaN payloads are canonicalised on write; compare through a second encoding. */
function reencodes<T>(codec: Codec<T>, value: T): void {
  const bytes = encodeToBytes(codec, value);
  const decoded = decodeFromBytes(codec, bytes);
  expect(hex(encodeToBytes(codec, decoded))).toBe(hex(bytes));
  if (!(typeof value === 'number' && Number.isNaN(value))) {
    expect(sameValue(decoded, value) || sameValue(value, decoded)).toBe(true);
  }
}

describe('codec properties', () => {
  for (const [name, codec, arb] of roundTrips) {
    it(`${name} round trips`, () => {
      fc.assert(fc.property(arb, (v) => reencodes(codec, v)));
    });

    it(`${name} throws DecodeError on every truncation (never returns)`, () => {
      fc.assert(
        fc.property(arb, fc.nat(), (v, cut) => {
          const bytes = encodeToBytes(codec, v);
          fc.pre(bytes.length > 0);
          const truncated = bytes.subarray(0, cut % bytes.length);
          let threw: unknown;
          try {
            codec.decode(new DataInputView(truncated, { source: 'cut.bin' }));
          } catch (e) {
            threw = e;
          }
          expect(threw).toBeInstanceOf(DecodeError);
          expect((threw as DecodeError).code).toBe('DECODE_ERROR');
          expect((threw as DecodeError).message).toMatch(
            /^cut\.bin: expected .* at offset \d+, found /,
          );
        }),
      );
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Malformed input.

function decodeError(codec: Codec<unknown>, h: string): DecodeError {
  try {
    codec.decode(new DataInputView(fromHex(h), { source: 'bad.bin' }));
  } catch (e) {
    if (e instanceof DecodeError) return e;
    throw e;
  }
  throw new Error('expected a DecodeError');
}

describe('malformed input', () => {
  it('names offset, expectation and finding for a truncated double', () => {
    const e = decodeError(
      DenseVectorSerializer,
      '00000002 3ff0000000000000 400000'.replaceAll(' ', ''),
    );
    expect(e.offset).toBe(0); // where the length that cannot be satisfied was read
    expect(e.message).toBe(
      'bad.bin: expected 2 doubles (at least 16 bytes) at offset 0, found only 11 bytes left',
    );
    const input = new DataInputView(fromHex('0102'));
    input.readByte();
    expect(() => input.readDouble()).toThrow(
      'expected 8 bytes for a double at offset 1, found only 1 bytes',
    );
  });

  it('rejects negative and oversized lengths before allocating', () => {
    expect(decodeError(DenseVectorSerializer, 'ffffffff').message).toContain(
      'expected a non-negative length of doubles at offset 0, found -1',
    );
    // 2^31 - 1 doubles would be 16 GiB: refused up front.
    expect(decodeError(DenseVectorSerializer, '7fffffff00').found).toBe('only 1 bytes left');
    expect(decodeError(IntPrimitiveArraySerializer, '7fffffff').expected).toContain(
      '2147483647 ints',
    );
    expect(decodeError(LongPrimitiveArraySerializer, '80000000').found).toBe('-2147483648');
    expect(decodeError(DoublePrimitiveArraySerializer, '00000001').found).toBe('end of input');
    expect(decodeError(StringArraySerializer, '0000000500').expected).toContain('5 strings');
    expect(decodeError(DenseMatrixSerializer, '7fffffff7fffffff').expected).toContain('doubles');
    expect(decodeError(DenseMatrixSerializer, 'ffffffff00000001').found).toBe('-1x1');
    expect(
      decodeError(new MapSerializer(StringSerializer, DoubleSerializer), '00100000').expected,
    ).toContain('map entries');
    expect(decodeError(StringSerializer, 'ffffffff07').expected).toContain('string of');
  });

  it('rejects invalid sparse vectors with the offset of the problem', () => {
    expect(decodeError(SparseVectorSerializer, 'ffffffff00000000').found).toBe('-1');
    const outOfRange = decodeError(
      SparseVectorSerializer,
      '0000000200000001000000053ff0000000000000',
    );
    expect(outOfRange.offset).toBe(8);
    expect(outOfRange.expected).toBe('a sparse vector index in [0, 2)');
    expect(outOfRange.found).toBe('5 (entry 0)');
    const dup = decodeError(
      SparseVectorSerializer,
      '00000003000000020000000100000000000000000000000100000000000000000'.slice(0, -1),
    );
    expect(dup.expected).toBe('distinct sparse vector indices');
    expect(dup.found).toMatch(/duplicated/);
    expect(decodeError(SparseVectorSerializer, '0000000300000005').expected).toContain(
      '5 sparse entries',
    );
  });

  it('rejects malformed strings', () => {
    expect(decodeError(StringSerializer, 'ffffffffff01').expected).toContain('at most 5 bytes');
    expect(decodeError(StringSerializer, '02ffff7f').expected).toBe(
      'a UTF-16 code unit (at most 0xFFFF)',
    );
    expect(decodeError(StringSerializer, '0280').expected).toContain(
      'a UTF-16 code unit (varint byte 2)',
    );
    expect(decodeError(StringSerializer, '').found).toBe('end of input');
    expect(decodeError(StringSerializer, '8080808008').expected).toContain('below 2^31');
  });

  it('reports trailing bytes after a single value', () => {
    expect(() => decodeFromBytes(IntSerializer, fromHex('0000000100'), { source: 'x' })).toThrow(
      'x: expected end of input after one value at offset 4, found 1 more bytes',
    );
  });

  it('lets callers attach the source file later', () => {
    const e = decodeError(IntSerializer, '00');
    e.source = 'data/part-0';
    expect(e.message).toBe(
      'data/part-0: expected 4 bytes for an int at offset 0, found only 1 bytes',
    );
    e.source = undefined;
    expect(e.message).toBe('expected 4 bytes for an int at offset 0, found only 1 bytes');
  });
});
