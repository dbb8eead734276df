import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reads a fixture copied into test/fixtures. */
export function fixture(path: string): Buffer {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url)));
}

/** Bytes → lowercase hex. */
export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** Hex → bytes. */
export function fromHex(h: string): Uint8Array {
  return new Uint8Array(Buffer.from(h, 'hex'));
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** The IEEE-754 bits of a double as 16 hex digits. */
export function bitsOf(x: number): string {
  f64[0] = x;
  return u64[0]!.toString(16).padStart(16, '0');
}

/** The double with the given raw bits. */
export function fromBits(bits: bigint): number {
  u64[0] = bits;
  return f64[0]!;
}

/** The raw bits of a double. */
export function rawBits(x: number): bigint {
  f64[0] = x;
  return u64[0]!;
}
