/**
 * Test support: the hex examples of `test/fixtures/flink-ml-vectors/encodings.json` (binary
 * layouts of Flink ML's serializers and model-data records), and hex ⇄ bytes.
 */
import { readFileSync } from 'node:fs';
import { type Codec, decodeFromBytes, encodeToBytes } from '@servable/linalg';
import { expect } from 'vitest';

interface EncodingsFile {
  serializers: Record<string, string>;
  modelDataRecords: Record<string, string>;
}

const encodings = JSON.parse(
  readFileSync(new URL('../fixtures/flink-ml-vectors/encodings.json', import.meta.url), 'utf8'),
) as EncodingsFile;

/** The hex of the model data record example named `name` in encodings.json. */
export function modelDataRecordHex(name: string): string {
  const hex = encodings.modelDataRecords[name];
  if (hex === undefined) throw new Error(`encodings.json has no model data record "${name}"`);
  return hex;
}

/** The bytes of the model data record example named `name` in encodings.json. */
export function modelDataRecordBytes(name: string): Uint8Array {
  return hexToBytes(modelDataRecordHex(name));
}

/** Parses a hex string (whitespace ignored). */
export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Lower-case hex of bytes. */
export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Asserts that `codec` encodes `model` to the bytes of the encodings.json record `name` (compared
 * as hex); returns those bytes.
 */
export function expectEncodesRecord<T>(codec: Codec<T>, model: T, name: string): Uint8Array {
  const bytes = modelDataRecordBytes(name);
  expect(bytesToHex(encodeToBytes(codec, model))).toBe(bytesToHex(bytes));
  return bytes;
}

/**
 * Decodes the encodings.json record `name` with `codec` and asserts that the result encodes back
 * to the same bytes (compared as hex); returns the decoded value.
 */
export function expectRecordRoundTrip<T>(codec: Codec<T>, name: string): T {
  const bytes = modelDataRecordBytes(name);
  const decoded = decodeFromBytes(codec, bytes);
  expect(bytesToHex(encodeToBytes(codec, decoded))).toBe(bytesToHex(bytes));
  return decoded;
}
