import { DecodeError } from './errors.js';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const STRING_CHUNK = 8192;

/** Options of a {@link DataInputView}. */
export interface DataInputViewOptions {
  /** File or stream name the bytes came from; every {@link DecodeError} thrown names it. */
  readonly source?: string;
}

/**
 * A big-endian reader over bytes, with the semantics of Java's `DataInputStream` (which
 * Flink's `DataInputViewStreamWrapper` is) plus Flink's `StringValue` strings.
 *
 * Every read checks the remaining bytes first and throws {@link DecodeError} (offset, what was
 * expected, what was found) instead of reading past the end; lengths are checked against the
 * remaining bytes before anything is allocated.
 *
 * @example
 * ```ts
 * const input = new DataInputView(Uint8Array.of(0, 0, 0, 2, 1), { source: 'part-0' });
 * input.readInt();     // 2
 * input.readBoolean(); // true
 * input.eof();         // true
 * ```
 */
export class DataInputView {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private pos = 0;
  /** The source named in errors (see {@link DataInputViewOptions.source}). */
  readonly source: string | undefined;

  constructor(bytes: Uint8Array, options: DataInputViewOptions = {}) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.source = options.source;
  }

  /** Offset of the next byte to read. */
  get position(): number {
    return this.pos;
  }

  /** Number of bytes left. */
  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  /** Whether every byte has been read. */
  eof(): boolean {
    return this.pos >= this.bytes.length;
  }

  /**
   * A {@link DecodeError} at `offset` (default: the current position) naming this view's
   * source. Decoders built on this view use it for semantic errors (bad lengths, indices).
   */
  error(expected: string, found: string, offset: number = this.pos): DecodeError {
    return new DecodeError({ offset, expected, found, source: this.source });
  }

  /** Throws unless `n` more bytes are available for `what`. */
  require(n: number, what: string): void {
    const left = this.bytes.length - this.pos;
    if (n > left) {
      throw this.error(
        `${n} bytes for ${what}`,
        left === 0 ? 'end of input' : `only ${left} bytes`,
      );
    }
  }

  /**
   * Checks that `count` elements of at least `bytesPerElement` bytes each can still follow,
   * before a decoder allocates room for them. `offset` is where the length was read.
   */
  requireElements(count: number, bytesPerElement: number, what: string, offset: number): void {
    if (count < 0) throw this.error(`a non-negative length of ${what}`, `${count}`, offset);
    const left = this.bytes.length - this.pos;
    if (count * bytesPerElement > left) {
      throw this.error(
        `${count} ${what} (at least ${count * bytesPerElement} bytes)`,
        left === 0 ? 'end of input' : `only ${left} bytes left`,
        offset,
      );
    }
  }

  /** A signed byte (Java `readByte`). */
  readByte(): number {
    this.require(1, 'a byte');
    return this.view.getInt8(this.pos++);
  }

  /** An unsigned byte (Java `readUnsignedByte`). */
  readUnsignedByte(): number {
    this.require(1, 'a byte');
    return this.bytes[this.pos++]!;
  }

  /** A boolean: any non-zero byte is `true` (Java `readBoolean`). */
  readBoolean(): boolean {
    this.require(1, 'a boolean');
    return this.bytes[this.pos++] !== 0;
  }

  /** A 16-bit signed integer. */
  readShort(): number {
    this.require(2, 'a short');
    const v = this.view.getInt16(this.pos);
    this.pos += 2;
    return v;
  }

  /** A 32-bit signed integer. */
  readInt(): number {
    this.require(4, 'an int');
    const v = this.view.getInt32(this.pos);
    this.pos += 4;
    return v;
  }

  /** A 64-bit signed integer as a `bigint`. */
  readLong(): bigint {
    this.require(8, 'a long');
    const v = this.view.getBigInt64(this.pos);
    this.pos += 8;
    return v;
  }

  /**
   * A 64-bit signed integer as a `number`.
   *
   * @throws {DecodeError} when the value is outside ±(2^53 − 1), where a `number` would not be
   *   exact (use {@link DataInputView.readLong}).
   */
  readLongAsNumber(): number {
    const at = this.pos;
    const v = this.readLong();
    if (v > MAX_SAFE || v < -MAX_SAFE) {
      throw this.error('a long within ±(2^53 - 1) (exact as a number)', `${v}`, at);
    }
    return Number(v);
  }

  /** A 32-bit float. */
  readFloat(): number {
    this.require(4, 'a float');
    const v = this.view.getFloat32(this.pos);
    this.pos += 4;
    return v;
  }

  /** A 64-bit IEEE-754 double. */
  readDouble(): number {
    this.require(8, 'a double');
    const v = this.view.getFloat64(this.pos);
    this.pos += 8;
    return v;
  }

  /**
   * `count` doubles into a new `Float64Array`, after checking that `8 * count` bytes remain.
   * `lengthOffset` is where the count was read (named in the error).
   */
  readDoubles(count: number, lengthOffset: number = this.pos): Float64Array {
    this.requireElements(count, 8, 'doubles', lengthOffset);
    const out = new Float64Array(count);
    const view = this.view;
    let p = this.pos;
    for (let i = 0; i < count; i++, p += 8) out[i] = view.getFloat64(p);
    this.pos = p;
    return out;
  }

  /** `count` ints into a new `Int32Array` (checked like {@link DataInputView.readDoubles}). */
  readInts(count: number, lengthOffset: number = this.pos): Int32Array {
    this.requireElements(count, 4, 'ints', lengthOffset);
    const out = new Int32Array(count);
    const view = this.view;
    let p = this.pos;
    for (let i = 0; i < count; i++, p += 4) out[i] = view.getInt32(p);
    this.pos = p;
    return out;
  }

  /** `count` longs into a new `BigInt64Array` (checked like {@link DataInputView.readDoubles}). */
  readLongs(count: number, lengthOffset: number = this.pos): BigInt64Array {
    this.requireElements(count, 8, 'longs', lengthOffset);
    const out = new BigInt64Array(count);
    const view = this.view;
    let p = this.pos;
    for (let i = 0; i < count; i++, p += 8) out[i] = view.getBigInt64(p);
    this.pos = p;
    return out;
  }

  /** The next `n` bytes, as a view into the underlying bytes (no copy). */
  readBytes(n: number): Uint8Array {
    if (!Number.isInteger(n) || n < 0) throw this.error('a non-negative byte count', `${n}`);
    this.require(n, `${n} raw bytes`);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /**
   * A Flink `StringValue` string (Flink's `StringSerializer`): a varint of `length + 1` (0 means
   * null), then each UTF-16 code unit as a varint. Unpaired surrogates round-trip.
   *
   * @throws {DecodeError} on truncation, a length beyond the remaining bytes, a varint longer
   *   than 5 bytes or a code unit above 0xFFFF.
   */
  readString(): string | null {
    const at = this.pos;
    const lenPlusOne = this.readVarint('a string length');
    if (lenPlusOne === 0) return null;
    const len = lenPlusOne - 1;
    if (len > this.remaining) {
      throw this.error(
        `a string of ${len} UTF-16 code units (at least ${len} bytes)`,
        `only ${this.remaining} bytes left`,
        at,
      );
    }
    const bytes = this.bytes;
    let pos = this.pos;
    let ascii = true;
    for (let i = 0; i < len; i++) {
      if (bytes[pos + i]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      this.pos = pos + len;
      return decodeUnits(bytes.subarray(pos, pos + len));
    }
    const units = new Uint16Array(len);
    for (let i = 0; i < len; i++) {
      const b = pos < bytes.length ? bytes[pos]! : -1;
      if (b >= 0 && b < 0x80) {
        units[i] = b;
        pos++;
      } else {
        this.pos = pos;
        const unitAt = pos;
        const c = this.readVarint('a UTF-16 code unit');
        if (c > 0xffff) throw this.error('a UTF-16 code unit (at most 0xFFFF)', `${c}`, unitAt);
        units[i] = c;
        pos = this.pos;
      }
    }
    this.pos = pos;
    return decodeUnits(units);
  }

  /**
   * A Java modified-UTF-8 string (`DataInputStream.readUTF`): an unsigned 16-bit byte count,
   * then 1–3 byte sequences per UTF-16 code unit.
   *
   * @throws {DecodeError} on truncation or a malformed byte sequence.
   */
  readUTF(): string {
    const at = this.pos;
    this.require(2, 'a modified-UTF-8 length');
    const utfLen = this.view.getUint16(this.pos);
    this.pos += 2;
    this.require(utfLen, `a modified-UTF-8 string of ${utfLen} bytes`);
    const bytes = this.bytes;
    const end = this.pos + utfLen;
    const units = new Uint16Array(utfLen);
    let n = 0;
    let p = this.pos;
    while (p < end) {
      const b = bytes[p]!;
      if (b < 0x80) {
        units[n++] = b;
        p += 1;
      } else if ((b & 0xe0) === 0xc0) {
        const b2 = p + 1 < end ? bytes[p + 1]! : -1;
        if ((b2 & 0xc0) !== 0x80) throw this.malformedUtf(p, at);
        units[n++] = ((b & 0x1f) << 6) | (b2 & 0x3f);
        p += 2;
      } else if ((b & 0xf0) === 0xe0) {
        const b2 = p + 1 < end ? bytes[p + 1]! : -1;
        const b3 = p + 2 < end ? bytes[p + 2]! : -1;
        if ((b2 & 0xc0) !== 0x80 || (b3 & 0xc0) !== 0x80) throw this.malformedUtf(p, at);
        units[n++] = ((b & 0x0f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
        p += 3;
      } else {
        throw this.malformedUtf(p, at);
      }
    }
    this.pos = end;
    return decodeUnits(units.subarray(0, n));
  }

  private malformedUtf(p: number, start: number): DecodeError {
    const shown = Array.from(this.bytes.subarray(p, Math.min(p + 3, this.bytes.length)), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join(' ');
    return this.error(
      `a modified-UTF-8 sequence (string starting at offset ${start})`,
      `bytes ${shown}`,
      p,
    );
  }

  /** Flink's little-endian base-128 varint of a non-negative 32-bit value (1–5 bytes). */
  private readVarint(what: string): number {
    const at = this.pos;
    const bytes = this.bytes;
    let result = 0;
    let shift = 0;
    for (let i = 0; i < 5; i++) {
      if (this.pos >= bytes.length) {
        throw this.error(`${what} (varint byte ${i + 1})`, 'end of input', at);
      }
      const b = bytes[this.pos++]!;
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) {
        if (result > 0x7fffffff) throw this.error(`${what} below 2^31`, `${result}`, at);
        return result;
      }
      shift += 7;
    }
    throw this.error(`${what} as a varint of at most 5 bytes`, 'a longer varint', at);
  }
}

function decodeUnits(units: Uint8Array | Uint16Array): string {
  if (units.length <= STRING_CHUNK) return String.fromCharCode(...units);
  let s = '';
  for (let i = 0; i < units.length; i += STRING_CHUNK) {
    s += String.fromCharCode(...units.subarray(i, i + STRING_CHUNK));
  }
  return s;
}
