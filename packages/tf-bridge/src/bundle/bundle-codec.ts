import { ModelDataError } from '@servable/servable-api';
import { crc32 } from './crc32.js';
import type { TFModelBundle, TFModelJson, TFModelKind } from './tf-model-bundle.js';

/** The 4 magic bytes that open every bundle: ASCII `TFJB`. */
export const BUNDLE_MAGIC = Uint8Array.of(0x54, 0x46, 0x4a, 0x42);
/** The bundle layout version this package writes (and the newest it reads). */
export const BUNDLE_FORMAT_VERSION = 1;
/** Bytes of the fixed header (magic, format version, kind, flags, model version, JSON length). */
export const BUNDLE_HEADER_BYTES = 20;

const KIND_CODES: Readonly<Record<TFModelKind, number>> = { layers: 1, graph: 2 };
const BYTES_PER_DTYPE: Readonly<Record<string, number>> = {
  float32: 4,
  int32: 4,
  bool: 1,
  uint8: 1,
  float16: 2,
  uint16: 2,
  int8: 1,
  int16: 2,
  complex64: 8,
};

/**
 * Encodes a bundle, big-endian (as Flink's `DataOutputView`):
 *
 * ```
 * 0      4   magic "TFJB"
 * 4      2   bundle format version (1)
 * 6      1   kind: 1 = layers model, 2 = graph model
 * 7      1   flags (0)
 * 8      8   model version (int64)
 * 16     4   J = byte length of the JSON
 * 20     J   UTF-8 JSON of {@link TFModelJson}
 * 20+J   4   W = byte length of the weights
 * 24+J   W   weight bytes
 * 24+J+W 4   CRC-32 of bytes [0, 24+J+W)
 * ```
 *
 * The layout is self-delimiting: a reader knows where a bundle ends without outside framing.
 */
export function encodeTFModelBundle(bundle: TFModelBundle): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(bundle.modelJson));
  const w = bundle.weightData.length;
  const out = new Uint8Array(BUNDLE_HEADER_BYTES + json.length + 4 + w + 4);
  const view = new DataView(out.buffer);
  out.set(BUNDLE_MAGIC, 0);
  view.setUint16(4, BUNDLE_FORMAT_VERSION);
  view.setUint8(6, KIND_CODES[bundle.kind]);
  view.setUint8(7, 0);
  view.setBigInt64(8, bundle.version);
  view.setUint32(16, json.length);
  out.set(json, BUNDLE_HEADER_BYTES);
  let at = BUNDLE_HEADER_BYTES + json.length;
  view.setUint32(at, w);
  out.set(bundle.weightData, at + 4);
  at += 4 + w;
  view.setUint32(at, crc32(out, 0, at));
  return out;
}

/** A bundle decoded from the bytes at `offset`, and where the next byte after it is. */
export interface DecodedBundle {
  /** The bundle. */
  readonly bundle: TFModelBundle;
  /** The offset just past the bundle. */
  readonly end: number;
}

/**
 * Decodes the bundle starting at `offset` of `bytes` and checks it: magic, format version,
 * kind, lengths, JSON shape, that the weight bytes match the weight specs, and the CRC.
 *
 * @param source names the bytes in errors (a file path, `setModelData input #0`).
 * @throws ModelDataError naming `source`, the byte offset, and what was expected versus found.
 */
export function decodeTFModelBundle(bytes: Uint8Array, source: string, offset = 0): DecodedBundle {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (at: number, n: number, what: string): void => {
    if (at + n > bytes.length) {
      throw fail(
        source,
        at,
        `${n} bytes for ${what}`,
        `only ${Math.max(0, bytes.length - at)} bytes`,
        'truncated bundle',
      );
    }
  };
  need(offset, BUNDLE_HEADER_BYTES, 'the bundle header');
  for (let i = 0; i < 4; i++) {
    if (bytes[offset + i] !== BUNDLE_MAGIC[i]) {
      const found = Array.from(bytes.subarray(offset, offset + 4), (b) =>
        b.toString(16).padStart(2, '0'),
      ).join(' ');
      throw fail(source, offset, 'magic "TFJB" (54 46 4a 42)', found, 'not a TF model bundle');
    }
  }
  const formatVersion = view.getUint16(offset + 4);
  if (formatVersion < 1 || formatVersion > BUNDLE_FORMAT_VERSION) {
    throw fail(
      source,
      offset + 4,
      `bundle format version 1..${BUNDLE_FORMAT_VERSION}`,
      String(formatVersion),
      'unsupported bundle version',
    );
  }
  const kindCode = view.getUint8(offset + 6);
  const kind: TFModelKind | undefined =
    kindCode === 1 ? 'layers' : kindCode === 2 ? 'graph' : undefined;
  if (kind === undefined) {
    throw fail(
      source,
      offset + 6,
      'model kind 1 (layers) or 2 (graph)',
      String(kindCode),
      'unknown model kind',
    );
  }
  const version = view.getBigInt64(offset + 8);
  const jsonLength = view.getUint32(offset + 16);
  const jsonAt = offset + BUNDLE_HEADER_BYTES;
  need(jsonAt, jsonLength, 'the model JSON');
  let parsed: unknown;
  try {
    parsed = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(jsonAt, jsonAt + jsonLength)),
    );
  } catch (error) {
    throw fail(
      source,
      jsonAt,
      'UTF-8 JSON model artifacts',
      (error as Error).message,
      'bad model JSON',
    );
  }
  const modelJson = checkModelJson(parsed, source, jsonAt);
  const weightsLengthAt = jsonAt + jsonLength;
  need(weightsLengthAt, 4, 'the weights length');
  const weightsLength = view.getUint32(weightsLengthAt);
  const weightsAt = weightsLengthAt + 4;
  need(weightsAt, weightsLength, 'the weights');
  const expected = weightBytes(modelJson);
  if (expected !== undefined && expected !== weightsLength) {
    throw fail(
      source,
      weightsLengthAt,
      `${expected} weight bytes (from the weight specs)`,
      `${weightsLength} bytes`,
      'weights do not match their specs',
    );
  }
  const crcAt = weightsAt + weightsLength;
  need(crcAt, 4, 'the CRC-32');
  const stored = view.getUint32(crcAt);
  const actual = crc32(bytes, offset, crcAt);
  if (stored !== actual) {
    throw fail(source, crcAt, `CRC-32 ${hex(actual)}`, hex(stored), 'corrupt bundle');
  }
  return {
    bundle: { kind, version, modelJson, weightData: bytes.slice(weightsAt, crcAt) },
    end: crcAt + 4,
  };
}

function checkModelJson(value: unknown, source: string, at: number): TFModelJson {
  const problem = (found: string) =>
    fail(
      source,
      at,
      'an object with modelTopology (object) and weightSpecs (array of {name, shape, dtype})',
      found,
      'bad model JSON',
    );
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw problem(typeof value);
  const json = value as { modelTopology?: unknown; weightSpecs?: unknown };
  if (typeof json.modelTopology !== 'object' || json.modelTopology === null)
    throw problem('no modelTopology');
  if (!Array.isArray(json.weightSpecs)) throw problem('no weightSpecs array');
  json.weightSpecs.forEach((spec: unknown, i) => {
    const s = spec as { name?: unknown; shape?: unknown; dtype?: unknown } | null;
    if (typeof s?.name !== 'string' || !Array.isArray(s.shape) || typeof s.dtype !== 'string') {
      throw problem(`weightSpecs[${i}] = ${JSON.stringify(spec)}`);
    }
  });
  return value as TFModelJson;
}

/** Total bytes the weight specs describe, or undefined when a string weight makes it variable. */
function weightBytes(json: TFModelJson): number | undefined {
  let total = 0;
  for (const spec of json.weightSpecs) {
    const elements = spec.shape.reduce((a, b) => a * b, 1);
    const dtype = spec.quantization?.dtype ?? spec.dtype;
    const size = BYTES_PER_DTYPE[dtype];
    if (size === undefined) return undefined;
    total += elements * size;
  }
  return total;
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}

function fail(
  source: string,
  offset: number,
  expected: string,
  found: string,
  what: string,
): ModelDataError {
  return new ModelDataError(
    `Cannot decode TF model bundle from ${source}: ${what}: expected ${expected} at byte offset ${offset}, found ${found}.`,
    { source, offset, expected, found },
    'MODEL_DATA_DECODE',
  );
}
