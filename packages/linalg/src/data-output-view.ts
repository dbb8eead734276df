import { EncodeError } from './errors.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * A big-endian writer into a growing byte buffer, with the semantics of Java's
 * `DataOutputStream` (which Flink's `DataOutputViewStreamWrapper` is) plus Flink's
 * `StringValue` strings. {@link DataOutputView.toBytes} returns what was written.
 *
 * Values that do not fit the Java type (a non-integer or out-of-range `int`, ...) throw
 * {@link EncodeError} instead of being silently wrapped.
 *
 * @example
 * ```ts
 * const out = new DataOutputView();
 * out.writeInt(2);
 * out.writeDouble(Number.NaN); // canonical 7ff8000000000000
 * out.toBytes();               // 00000002 7ff8000000000000
 * ```
 */
export class DataOutputView {
  private buf: Uint8Array;
  private view: DataView;
  private pos = 0;

  /** @param initialCapacity bytes to reserve up front (the buffer doubles when full). */
  constructor(initialCapacity = 64) {
    this.buf = new Uint8Array(Math.max(8, initialCapacity));
    this.view = new DataView(this.buf.buffer);
  }

  /** Number of bytes written so far. */
  get position(): number {
    return this.pos;
  }

  /** A copy of the bytes written so far. */
  toBytes(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }

  /** Forgets everything written, keeping the allocated buffer. */
  reset(): void {
    this.pos = 0;
  }

  private ensure(n: number): void {
    const need = this.pos + n;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  /** One byte: the low 8 bits of an integer in [-128, 255]. */
  writeByte(v: number): void {
    if (!Number.isInteger(v) || v < -128 || v > 255) {
      throw new EncodeError(`writeByte needs an integer in [-128, 255], got ${v}.`);
    }
    this.ensure(1);
    this.buf[this.pos++] = v & 0xff;
  }

  /** `0x01` for true, `0x00` for false. */
  writeBoolean(v: boolean): void {
    this.ensure(1);
    this.buf[this.pos++] = v ? 1 : 0;
  }

  /** A 16-bit signed integer. */
  writeShort(v: number): void {
    if (!Number.isInteger(v) || v < -32768 || v > 32767) {
      throw new EncodeError(`writeShort needs a 16-bit signed integer, got ${v}.`);
    }
    this.ensure(2);
    this.view.setInt16(this.pos, v);
    this.pos += 2;
  }

  /** A 32-bit signed integer. */
  writeInt(v: number): void {
    if ((v | 0) !== v) {
      throw new EncodeError(`writeInt needs a 32-bit signed integer, got ${v}.`);
    }
    this.ensure(4);
    this.view.setInt32(this.pos, v);
    this.pos += 4;
  }

  /** A 64-bit signed integer, from a `bigint` or a safe-integer `number`. */
  writeLong(v: bigint | number): void {
    let b: bigint;
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) {
        throw new EncodeError(`writeLong needs a safe integer number or a bigint, got ${v}.`);
      }
      b = BigInt(v);
    } else {
      b = v;
    }
    if (b < INT64_MIN || b > INT64_MAX) {
      throw new EncodeError(`writeLong needs a 64-bit signed integer, got ${b}.`);
    }
    this.ensure(8);
    this.view.setBigInt64(this.pos, b);
    this.pos += 8;
  }

  /** A 32-bit float (`v` rounded to single precision; NaN canonical `0x7fc00000`). */
  writeFloat(v: number): void {
    this.ensure(4);
    if (Number.isNaN(v)) this.view.setUint32(this.pos, 0x7fc00000);
    else this.view.setFloat32(this.pos, v);
    this.pos += 4;
  }

  /** A 64-bit double; every NaN is written as Java's canonical `0x7ff8000000000000`. */
  writeDouble(v: number): void {
    this.ensure(8);
    if (Number.isNaN(v)) {
      this.view.setUint32(this.pos, 0x7ff80000);
      this.view.setUint32(this.pos + 4, 0);
    } else {
      this.view.setFloat64(this.pos, v);
    }
    this.pos += 8;
  }

  /** Raw bytes, as they are. */
  writeBytes(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /**
   * A Flink `StringValue` string: `0x00` for null, else a varint of `length + 1` and each
   * UTF-16 code unit as a varint.
   */
  writeString(s: string | null): void {
    if (s === null) {
      this.ensure(1);
      this.buf[this.pos++] = 0;
      return;
    }
    const len = s.length;
    this.ensure(5 + 3 * len);
    this.writeVarint(len + 1);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < len; i++) {
      let c = s.charCodeAt(i);
      while (c >= 0x80) {
        buf[pos++] = (c & 0x7f) | 0x80;
        c >>>= 7;
      }
      buf[pos++] = c;
    }
    this.pos = pos;
  }

  /**
   * A Java modified-UTF-8 string (`DataOutputStream.writeUTF`): unsigned 16-bit byte count,
   * then `U+0001..U+007F` as one byte, `U+0000` and `U+0080..U+07FF` as two, the rest (each
   * surrogate separately) as three.
   *
   * @throws {EncodeError} when the encoding exceeds 65535 bytes.
   */
  writeUTF(s: string): void {
    let utfLen = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      utfLen += c >= 0x0001 && c <= 0x007f ? 1 : c > 0x07ff ? 3 : 2;
    }
    if (utfLen > 65535) {
      throw new EncodeError(`writeUTF: encoded string too long: ${utfLen} bytes (max 65535).`);
    }
    this.ensure(2 + utfLen);
    this.view.setUint16(this.pos, utfLen);
    let pos = this.pos + 2;
    const buf = this.buf;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x0001 && c <= 0x007f) {
        buf[pos++] = c;
      } else if (c > 0x07ff) {
        buf[pos++] = 0xe0 | ((c >> 12) & 0x0f);
        buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
        buf[pos++] = 0x80 | (c & 0x3f);
      } else {
        buf[pos++] = 0xc0 | ((c >> 6) & 0x1f);
        buf[pos++] = 0x80 | (c & 0x3f);
      }
    }
    this.pos = pos;
  }

  private writeVarint(v: number): void {
    const buf = this.buf;
    let pos = this.pos;
    while (v >= 0x80) {
      buf[pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buf[pos++] = v;
    this.pos = pos;
  }
}
