import { Readable } from 'node:stream';
import { DataFrame, DataTypes } from '@servable/dataframe';
import {
  AmbiguousModelDataError,
  ModelDataError,
  ModelNotLoadedError,
} from '@servable/servable-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHIFT_FORMAT, ShiftModelServable, shiftBytes } from './support/shift-servable.js';

const df = () => DataFrame.fromColumns(['input'], [DataTypes.DOUBLE], [Float64Array.of(1, 2)]);

function outputOf(s: ShiftModelServable): number[] {
  return Array.from(s.transform(df()).getDoubles('output'));
}

describe('ModelServable', () => {
  it('throws ModelNotLoadedError naming the servable before any model data', () => {
    const s = new ShiftModelServable();
    expect(() => s.transform(df())).toThrow(ModelNotLoadedError);
    expect(() => s.transform(df())).toThrow('ShiftModel has no model data yet');
    expect(() => s.getModelData()).toThrow(ModelNotLoadedError);
    expect(s.getModelVersion()).toBeUndefined();
  });

  it('accepts Uint8Array, Node streams, async and sync iterables of chunks', async () => {
    const bytes = shiftBytes(10, 3n);
    const s = new ShiftModelServable();
    await s.setModelData(bytes);
    expect(outputOf(s)).toEqual([11, 12]);
    await s.setModelData(
      Readable.from([
        Buffer.from(shiftBytes(20).subarray(0, 5)),
        Buffer.from(shiftBytes(20).subarray(5)),
      ]),
    );
    expect(outputOf(s)).toEqual([21, 22]);
    async function* chunks() {
      yield shiftBytes(30).subarray(0, 9);
      yield shiftBytes(30).subarray(9);
    }
    await s.setModelData(chunks());
    expect(outputOf(s)).toEqual([31, 32]);
    await s.setModelData(
      [shiftBytes(40).subarray(0, 1), shiftBytes(40).subarray(1)][Symbol.iterator](),
    );
    expect(outputOf(s)).toEqual([41, 42]);
    // A record may also be split across several inputs of one call.
    const b = shiftBytes(50, 9n);
    await s.setModelData(b.subarray(0, 16), b.subarray(16));
    expect(outputOf(s)).toEqual([51, 52]);
    expect(s.getModelVersion()).toBe(9);
  });

  it('reports the version as a bigint only when it is not a safe integer', async () => {
    const s = await new ShiftModelServable().setModelData(shiftBytes(1, 2n ** 60n));
    expect(s.getModelVersion()).toBe(2n ** 60n);
  });

  it('keeps the previous model when new data is corrupt, and names input and offset', async () => {
    const s = await new ShiftModelServable().setModelData(shiftBytes(1));
    const error = await s.setModelData(shiftBytes(5).subarray(0, 12)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelDataError);
    expect((error as ModelDataError).message).toContain('setModelData input #0');
    expect((error as ModelDataError).offset).toBe(8);
    expect(outputOf(s)).toEqual([2, 3]);
  });

  it('names a { source, data } input by its source in decode errors, with the byte offset', async () => {
    const s = await new ShiftModelServable().setModelData({
      source: 'models/2@17',
      data: shiftBytes(1),
    });
    expect(outputOf(s)).toEqual([2, 3]);
    const error = await s
      .setModelData({ source: 'models/2@18', data: shiftBytes(5).subarray(0, 12) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelDataError);
    expect((error as ModelDataError).source).toBe('models/2@18');
    expect((error as ModelDataError).offset).toBe(8);
    expect((error as Error).message).toMatch(
      /^Cannot decode model data from models\/2@18: .* at byte offset 8,/,
    );
    expect((error as Error).message).not.toContain('setModelData input');
    // Named and unnamed inputs mix; streams can be named too.
    const ambiguous = await s
      .setModelData(shiftBytes(1), {
        source: '/srv/lr/data/part-1',
        data: Readable.from([Buffer.from(shiftBytes(2))]),
      })
      .catch((e: unknown) => e);
    expect((ambiguous as Error).message).toContain(
      'setModelData input #0 (1 record), /srv/lr/data/part-1 (1 record).',
    );
    const failing = await s
      .setModelData({ source: 'https://models/lr', data: Readable.from(['text']) })
      .catch((e: unknown) => e);
    expect((failing as ModelDataError).source).toBe('https://models/lr');
    expect((failing as Error).message).toMatch(
      /^https:\/\/models\/lr yielded a string at byte offset 0/,
    );
    expect(outputOf(s)).toEqual([2, 3]);
  });

  it('rejects invalid records before swapping', async () => {
    const s = await new ShiftModelServable().setModelData(shiftBytes(1));
    await expect(s.setModelData(shiftBytes(Number.POSITIVE_INFINITY))).rejects.toThrow(
      'Invalid ShiftModelData (from setModelData input #0): shift must be finite, got Infinity',
    );
    expect(outputOf(s)).toEqual([2, 3]);
  });

  it('rejects two records for a single-record model, naming each input', async () => {
    const s = new ShiftModelServable();
    const error = await s.setModelData(shiftBytes(1), shiftBytes(2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmbiguousModelDataError);
    expect((error as Error).message).toBe(
      'ShiftModelData expects exactly one model data record, found 2 in 2 sources: ' +
        'setModelData input #0 (1 record), setModelData input #1 (1 record).',
    );
  });

  it('rejects a stream that yields strings', async () => {
    const s = new ShiftModelServable();
    await expect(s.setModelData(Readable.from(['abc']))).rejects.toThrow(/yielded a string/);
  });

  it('applies concurrent calls in call order: an older call finishing later is discarded', async () => {
    const s = new ShiftModelServable();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    async function* slow() {
      await gate;
      yield shiftBytes(100);
    }
    const older = s.setModelData(slow());
    const newer = s.setModelData(shiftBytes(200));
    await newer;
    expect(outputOf(s)).toEqual([201, 202]);
    release();
    await older;
    expect(outputOf(s)).toEqual([201, 202]);
  });

  it('prepare/commit: nothing changes until commit; a stale prepared model is not committed', async () => {
    const s = await new ShiftModelServable().setModelData(shiftBytes(1));
    const a = await s.prepareModelData(shiftBytes(2));
    const b = await s.prepareModelData(shiftBytes(3));
    expect(outputOf(s)).toEqual([2, 3]);
    expect(s.commitModelData(b)).toBe(true);
    expect(s.commitModelData(a)).toBe(false);
    expect(outputOf(s)).toEqual([4, 5]);
    expect(() => new ShiftModelServable().commitModelData(b)).toThrow(/another servable/);
  });

  it('getModelData returns the bytes it was given (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
        async (shift, version) => {
          const bytes = shiftBytes(shift, version);
          const s = await new ShiftModelServable().setModelData(bytes);
          expect(s.getModelData()).toEqual(bytes);
          expect(SHIFT_FORMAT.decode([{ source: 'x', bytes: s.getModelData() }])).toEqual({
            shift,
            version,
          });
        },
      ),
    );
  });

  it('every truncation of a record is rejected with an offset inside the bytes (property)', async () => {
    const bytes = shiftBytes(1.5, 7n);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: bytes.length - 1 }), async (cut) => {
        const s = await new ShiftModelServable().setModelData(bytes);
        const error = await s.setModelData(bytes.subarray(0, cut)).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ModelDataError);
        expect((error as ModelDataError).offset).toBeLessThanOrEqual(cut);
        expect(outputOf(s)).toEqual([2.5, 3.5]);
      }),
    );
  });
});
