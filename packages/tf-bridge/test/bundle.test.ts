import { AmbiguousModelDataError, type ModelDataError } from '@servable/servable-api';
import {
  decodeTFModelBundle,
  encodeTFModelBundle,
  TF_MODEL_BUNDLE_FORMAT,
  type TFModelBundle,
} from '@servable/tf-bridge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

function bundle(weights: Float32Array, version = 7n): TFModelBundle {
  return {
    kind: 'layers',
    version,
    modelJson: {
      modelTopology: { class_name: 'Sequential' },
      weightSpecs: [{ name: 'w', shape: [weights.length], dtype: 'float32' }],
      format: 'layers-model',
    },
    weightData: new Uint8Array(weights.buffer),
  };
}

function decodeError(bytes: Uint8Array): ModelDataError {
  try {
    decodeTFModelBundle(bytes, 'data/part-0');
  } catch (error) {
    return error as ModelDataError;
  }
  throw new Error('decoded');
}

describe('TF model bundle', () => {
  it('round-trips any weights and version (self-delimiting)', () => {
    fc.assert(
      fc.property(
        fc.float32Array({ maxLength: 50, noNaN: true }),
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
        (w, v) => {
          const bytes = encodeTFModelBundle(bundle(w, v));
          const trailing = Uint8Array.of(...bytes, 1, 2, 3);
          const { bundle: back, end } = decodeTFModelBundle(trailing, 'x');
          expect(end).toBe(bytes.length);
          expect(back.version).toBe(v);
          expect(Array.from(new Float32Array(back.weightData.slice().buffer))).toEqual(
            Array.from(w),
          );
          expect(back.modelJson).toEqual(bundle(w).modelJson);
        },
      ),
    );
  });

  it('names the offset of bad magic, version, truncation, weight size and CRC', () => {
    const good = encodeTFModelBundle(bundle(Float32Array.of(1, 2)));
    const badMagic = good.slice();
    badMagic[0] = 0x50;
    expect(decodeError(badMagic)).toMatchObject({ offset: 0, source: 'data/part-0' });
    expect(decodeError(badMagic).message).toMatch(/magic "TFJB".*byte offset 0, found 50 46 4a 42/);
    const badVersion = good.slice();
    badVersion[5] = 9;
    expect(decodeError(badVersion)).toMatchObject({ offset: 4, found: '9' });
    expect(decodeError(good.subarray(0, good.length - 2)).message).toMatch(
      /truncated bundle: expected 4 bytes for the CRC-32/,
    );
    const corrupt = good.slice();
    corrupt[good.length - 6] = (corrupt[good.length - 6] as number) ^ 1; // a weight byte
    const crc = decodeError(corrupt);
    expect(crc.offset).toBe(good.length - 4);
    expect(crc.message).toMatch(/corrupt bundle/);
    const wrongSize = encodeTFModelBundle({
      ...bundle(Float32Array.of(1, 2)),
      weightData: new Uint8Array(4),
    });
    expect(decodeError(wrongSize).message).toMatch(
      /expected 8 weight bytes \(from the weight specs\).*found 4 bytes/,
    );
  });

  it('is the model data format: exactly one bundle over all inputs', () => {
    const one = encodeTFModelBundle(bundle(Float32Array.of(1)));
    expect(TF_MODEL_BUNDLE_FORMAT.decode([{ source: 'a', bytes: one }]).version).toBe(7n);
    expect(TF_MODEL_BUNDLE_FORMAT.version?.(bundle(Float32Array.of(1), 9n))).toBe(9);
    expect(() =>
      TF_MODEL_BUNDLE_FORMAT.decode([
        { source: 'a', bytes: one },
        { source: 'b', bytes: one },
      ]),
    ).toThrow(AmbiguousModelDataError);
    expect(() =>
      TF_MODEL_BUNDLE_FORMAT.decode([{ source: 'a', bytes: new Uint8Array(0) }]),
    ).toThrow(/found none in a/);
  });
});
