import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  murmur3HashDouble,
  murmur3HashFloat,
  murmur3HashInt,
  murmur3HashLong,
  murmur3HashLongBits,
  murmur3HashUnencodedChars,
} from '../src/java/murmur3.js';
import { loadVectorFile } from './support/flink-vectors.js';

/** A straightforward byte-wise MurmurHash3_x86_32 (seed 0), as the reference. */
function murmurBytes(bytes: Uint8Array): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  let h = 0;
  const blocks = bytes.length >> 2;
  const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));
  for (let b = 0; b < blocks; b++) {
    let k =
      bytes[4 * b]! |
      (bytes[4 * b + 1]! << 8) |
      (bytes[4 * b + 2]! << 16) |
      (bytes[4 * b + 3]! << 24);
    k = Math.imul(rotl(Math.imul(k, c1), 15), c2);
    h = (Math.imul(rotl(h ^ k, 13), 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  const tail = blocks * 4;
  const rest = bytes.length & 3;
  if (rest >= 3) k ^= bytes[tail + 2]! << 16;
  if (rest >= 2) k ^= bytes[tail + 1]! << 8;
  if (rest >= 1) {
    k ^= bytes[tail]!;
    h ^= Math.imul(rotl(Math.imul(k, c1), 15), c2);
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(2 * s.length);
  for (let i = 0; i < s.length; i++) {
    out[2 * i] = s.charCodeAt(i) & 0xff;
    out[2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
}

describe('murmur3 (Guava murmur3_32(0))', () => {
  it('reproduces the raw hashes of FeatureHasher.json and HashingTF.json', () => {
    for (const name of ['FeatureHasher', 'HashingTF']) {
      const details = loadVectorFile(name).hashDetails as Record<string, number>;
      expect(Object.keys(details).length).toBeGreaterThan(0);
      for (const [key, hash] of Object.entries(details)) {
        expect(murmur3HashUnencodedChars(key), key).toBe(hash);
      }
    }
  });

  it('hashUnencodedChars = murmur3 of the UTF-16LE bytes (odd/even lengths, surrogates)', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 })
          .map((codes) => String.fromCharCode(...codes)),
        (s) => murmur3HashUnencodedChars(s) === murmurBytes(utf16le(s)),
      ),
      { numRuns: 1000 },
    );
    expect(murmur3HashUnencodedChars('')).toBe(0);
  });

  it('hashInt / hashLong / hashFloat / hashDouble hash the little-endian bytes', () => {
    const view = new DataView(new ArrayBuffer(8));
    const bytes = (n: number) => new Uint8Array(view.buffer.slice(0, n));
    fc.assert(
      fc.property(fc.integer({ min: -2147483648, max: 2147483647 }), (v) => {
        view.setInt32(0, v, true);
        expect(murmur3HashInt(v)).toBe(murmurBytes(bytes(4)));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (v) => {
        view.setBigInt64(0, v, true);
        expect(murmur3HashLong(v)).toBe(murmurBytes(bytes(8)));
        if (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(murmur3HashLong(Number(v))).toBe(murmurBytes(bytes(8)));
        }
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (v) => {
        view.setFloat64(0, v, true);
        expect(murmur3HashDouble(v)).toBe(murmurBytes(bytes(8)));
        view.setFloat32(0, v, true);
        expect(murmur3HashFloat(v)).toBe(murmurBytes(bytes(4)));
      }),
      { numRuns: 500 },
    );
  });

  it('canonicalises NaN like doubleToLongBits / floatToIntBits; -0.0 differs from 0.0', () => {
    expect(murmur3HashDouble(Number.NaN)).toBe(murmur3HashLongBits(0, 0x7ff80000));
    expect(murmur3HashFloat(Number.NaN)).toBe(murmur3HashInt(0x7fc00000));
    expect(murmur3HashDouble(-0)).not.toBe(murmur3HashDouble(0));
    expect(murmur3HashLong(-1)).toBe(murmur3HashLong(-1n));
    expect(() => murmur3HashLong(2 ** 60)).toThrow(RangeError);
  });
});
