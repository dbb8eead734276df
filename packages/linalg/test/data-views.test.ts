import { DataInputView, DataOutputView, DecodeError, EncodeError } from '@servable/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, hex } from './helpers.js';

describe('DataOutputView / DataInputView', () => {
  it('writes Java DataOutputStream primitives big-endian', () => {
    const out = new DataOutputView(1); // forces growth
    out.writeInt(-2);
    out.writeLong(7n);
    out.writeLong(-1);
    out.writeDouble(-0);
    out.writeDouble(Number.NaN);
    out.writeBoolean(true);
    out.writeBoolean(false);
    out.writeByte(-1);
    out.writeShort(-2);
    out.writeFloat(1.5);
    out.writeFloat(Number.NaN);
    out.writeBytes(Uint8Array.of(0xab));
    expect(out.position).toBe(4 + 8 + 8 + 8 + 8 + 1 + 1 + 1 + 2 + 4 + 4 + 1);
    expect(hex(out.toBytes())).toBe(
      'fffffffe' +
        '0000000000000007' +
        'ffffffffffffffff' +
        '8000000000000000' +
        '7ff8000000000000' +
        '0100ff' +
        'fffe' +
        '3fc00000' +
        '7fc00000' +
        'ab',
    );
    const input = new DataInputView(out.toBytes());
    expect(input.readInt()).toBe(-2);
    expect(input.readLong()).toBe(7n);
    expect(input.readLongAsNumber()).toBe(-1);
    expect(Object.is(input.readDouble(), -0)).toBe(true);
    expect(input.readDouble()).toBeNaN();
    expect(input.readBoolean()).toBe(true);
    expect(input.readBoolean()).toBe(false);
    expect(input.readByte()).toBe(-1);
    expect(input.readShort()).toBe(-2);
    expect(input.readFloat()).toBe(1.5);
    expect(input.readFloat()).toBeNaN();
    expect(input.remaining).toBe(1);
    expect(input.readUnsignedByte()).toBe(0xab);
    expect(input.eof()).toBe(true);
    out.reset();
    expect(out.toBytes().length).toBe(0);
  });

  it('canonicalises NaN payloads when writing doubles', () => {
    const weird = new Float64Array(new BigUint64Array([0x7ff0000000000001n]).buffer)[0]!;
    const out = new DataOutputView();
    out.writeDouble(weird);
    expect(hex(out.toBytes())).toBe('7ff8000000000000');
  });

  it('reads any non-zero byte as true', () => {
    expect(new DataInputView(fromHex('02')).readBoolean()).toBe(true);
  });

  it('readLongAsNumber refuses values a number cannot hold exactly', () => {
    const input = new DataInputView(fromHex('7fffffffffffffff0020000000000000'), { source: 'm' });
    expect(() => input.readLongAsNumber()).toThrow(
      'm: expected a long within ±(2^53 - 1) (exact as a number) at offset 0, found 9223372036854775807',
    );
    expect(() => input.readLongAsNumber()).toThrow(DecodeError); // 2^53
    expect(new DataInputView(fromHex('001fffffffffffff')).readLongAsNumber()).toBe(2 ** 53 - 1);
  });

  it('reads raw bytes without copying and checks counts', () => {
    const bytes = fromHex('010203');
    const input = new DataInputView(bytes);
    const got = input.readBytes(2);
    expect(Array.from(got)).toEqual([1, 2]);
    expect(got.buffer).toBe(bytes.buffer);
    expect(() => input.readBytes(-1)).toThrow(
      'expected a non-negative byte count at offset 2, found -1',
    );
    expect(() => input.readBytes(2)).toThrow('found only 1 bytes');
  });

  it('works on a Buffer slice with a non-zero byte offset', () => {
    const pool = Buffer.from('ff00000005ff', 'hex');
    expect(new DataInputView(pool.subarray(1, 5)).readInt()).toBe(5);
  });

  it('throws EncodeError for values outside the Java type', () => {
    const out = new DataOutputView();
    expect(() => out.writeInt(2 ** 31)).toThrow(EncodeError);
    expect(() => out.writeInt(1.5)).toThrow('writeInt needs a 32-bit signed integer, got 1.5.');
    expect(() => out.writeLong(2 ** 60)).toThrow('safe integer');
    expect(() => out.writeLong(2n ** 63n)).toThrow('64-bit signed integer');
    expect(() => out.writeByte(256)).toThrow('[-128, 255]');
    expect(() => out.writeShort(40000)).toThrow('16-bit');
    expect(() => out.writeUTF('€'.repeat(21846))).toThrow('65538 bytes (max 65535)');
    expect(out.position).toBe(0);
  });

  it('Flink StringValue: varint length + UTF-16 units; round trips any string', () => {
    const out = new DataOutputView();
    out.writeString('é€😀');
    expect(hex(out.toBytes())).toBe('05e901ac41bdb00380bc03');
    fc.assert(
      fc.property(fc.option(fc.string({ unit: 'binary', maxLength: 200 }), { nil: null }), (s) => {
        const o = new DataOutputView();
        o.writeString(s);
        const input = new DataInputView(o.toBytes());
        expect(input.readString()).toBe(s);
        expect(input.eof()).toBe(true);
      }),
    );
    const lone = '\ud800x\udfff';
    const o = new DataOutputView();
    o.writeString(lone);
    expect(new DataInputView(o.toBytes()).readString()).toBe(lone);
    const big = 'ab'.repeat(10_000);
    const o2 = new DataOutputView();
    o2.writeString(big);
    expect(new DataInputView(o2.toBytes()).readString()).toBe(big);
  });

  it('Java modified UTF-8: NUL as two bytes, surrogates as three each', () => {
    const out = new DataOutputView();
    out.writeUTF('a\u0000é€😀');
    expect(hex(out.toBytes())).toBe(
      '000e' + '61' + 'c080' + 'c3a9' + 'e282ac' + 'eda0bd' + 'edb880',
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => {
        const o = new DataOutputView();
        o.writeUTF(s);
        expect(new DataInputView(o.toBytes()).readUTF()).toBe(s);
      }),
    );
  });

  it('readUTF rejects malformed and truncated input', () => {
    expect(() => new DataInputView(fromHex('0002c041')).readUTF()).toThrow(
      'expected a modified-UTF-8 sequence (string starting at offset 0) at offset 2, found bytes c0 41',
    );
    expect(() => new DataInputView(fromHex('0001ff')).readUTF()).toThrow('found bytes ff');
    expect(() => new DataInputView(fromHex('0003e282')).readUTF()).toThrow(
      'expected 3 bytes for a modified-UTF-8 string of 3 bytes at offset 2, found only 2 bytes',
    );
    expect(() => new DataInputView(fromHex('0002e282')).readUTF()).toThrow('found bytes e2 82');
    expect(() => new DataInputView(fromHex('00')).readUTF()).toThrow('a modified-UTF-8 length');
  });

  it('every read reports end of input with its offset', () => {
    const empty = new DataInputView(new Uint8Array(0));
    for (const read of [
      () => empty.readByte(),
      () => empty.readUnsignedByte(),
      () => empty.readBoolean(),
      () => empty.readShort(),
      () => empty.readInt(),
      () => empty.readLong(),
      () => empty.readFloat(),
      () => empty.readDouble(),
      () => empty.readString(),
    ]) {
      expect(read).toThrow(/at offset 0, found end of input$/);
    }
    expect(() => empty.readDoubles(-3)).toThrow('non-negative length of doubles');
    expect(() => empty.readInts(1)).toThrow('expected 1 ints (at least 4 bytes)');
    expect(() => empty.readLongs(1)).toThrow('expected 1 longs (at least 8 bytes)');
  });
});
