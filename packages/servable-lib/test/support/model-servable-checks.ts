/**
 * Test support for model servables: decoder fuzzing (truncations, extensions and byte flips of
 * valid model data must give a ModelDataError or a valid model, and a failed update must leave
 * the previous model serving) and the save → load round trip.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applyParamMapJson,
  type JsonValue,
  ModelDataError,
  type ModelServable,
  paramMapToJson,
} from '@servable/servable-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseInput,
  caseLabel,
  caseModelData,
  caseParams,
  expectCaseError,
  expectCaseOutput,
  type FixtureJson,
  type VectorCase,
  type VectorFile,
} from './flink-vectors.js';

/** A mutation of model data bytes. */
export type ByteMutation =
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'extend'; readonly extra: Uint8Array }
  | { readonly kind: 'flip'; readonly at: number; readonly xor: number };

/** Arbitrary mutations of a byte string of length `length`. */
export function byteMutation(length: number): fc.Arbitrary<ByteMutation> {
  return fc.oneof(
    fc.record({
      kind: fc.constant('truncate' as const),
      at: fc.integer({ min: 0, max: Math.max(0, length - 1) }),
    }),
    fc.record({
      kind: fc.constant('extend' as const),
      extra: fc.uint8Array({ minLength: 1, maxLength: 24 }),
    }),
    fc.record({
      kind: fc.constant('flip' as const),
      at: fc.integer({ min: 0, max: Math.max(0, length - 1) }),
      xor: fc.integer({ min: 1, max: 255 }),
    }),
  );
}

/** Applies a mutation, returning new bytes. */
export function mutate(bytes: Uint8Array, m: ByteMutation): Uint8Array {
  switch (m.kind) {
    case 'truncate':
      return bytes.slice(0, m.at);
    case 'extend': {
      const out = new Uint8Array(bytes.length + m.extra.length);
      out.set(bytes);
      out.set(m.extra, bytes.length);
      return out;
    }
    case 'flip': {
      const out = bytes.slice();
      out[m.at] = (out[m.at] as number) ^ m.xor;
      return out;
    }
  }
}

/**
 * Fuzzes `setModelData` of `servable` (which must already serve a model): every mutated input
 * either is accepted as a model that re-encodes and passes `probe`, or is rejected with a
 * ModelDataError while the previous model keeps serving (same bytes, `probe` still passes).
 */
export async function fuzzModelData<M>(
  servable: ModelServable<M>,
  probe: (servable: ModelServable<M>) => void,
  numRuns = 1000,
): Promise<void> {
  const original = servable.getModelData().slice();
  await fc.assert(
    fc.asyncProperty(byteMutation(original.length), async (m) => {
      const bytes = mutate(original, m);
      try {
        await servable.setModelData(bytes);
      } catch (error) {
        expect(error, String(error)).toBeInstanceOf(ModelDataError);
        expect(Array.from(servable.getModelData())).toEqual(Array.from(original));
        probe(servable);
        return;
      }
      // Accepted: a complete, valid model.
      const model = servable.getModel() as M;
      expect(() => servable.modelDataFormat.encode(model)).not.toThrow();
      await servable.setModelData(original);
    }),
    { numRuns },
  );
}

/**
 * Saves `servable`, loads it back with `load` and checks that params and model data bytes are
 * unchanged. Returns the loaded servable.
 */
export async function saveLoadRoundTrip<M, S extends ModelServable<M>>(
  servable: S,
  load: (path: string) => Promise<S>,
): Promise<S> {
  const dir = await mkdtemp(join(tmpdir(), 'servable-lib-'));
  try {
    const path = join(dir, 'stage');
    await servable.save(path);
    const loaded = await load(path);
    expect(paramMapToJson(loaded)).toEqual(paramMapToJson(servable));
    expect(Array.from(loaded.getModelData())).toEqual(Array.from(servable.getModelData()));
    return loaded;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Hex string → bytes. */
export function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Bytes → hex string. */
export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What {@link modelServableSuite} needs. */
export interface ModelServableSuite<M, S extends ModelServable<M>> {
  /** The vector file. */
  readonly file: VectorFile;
  /** A new servable. */
  readonly create: () => S;
  /** The servable's static `load`. */
  readonly load: (path: string) => Promise<S>;
  /** The model of a fixture's `modelData`. */
  readonly model: (data: Record<string, FixtureJson>) => M;
}

/** A servable for a case: params applied (Flink ML JSON), model set from the fixture. */
export function caseServable<M, S extends ModelServable<M>>(
  suite: ModelServableSuite<M, S>,
  c: VectorCase,
): S {
  const s = suite.create();
  applyParamMapJson(s, caseParams(suite.file, c) as Record<string, JsonValue>);
  s.setModel(suite.model(caseModelData(suite.file, c)));
  return s;
}

/**
 * Registers the standard tests of a model servable: every case of its vector file, the save →
 * load round trip and the decoder fuzz (1,000 runs), both on the first case.
 */
export function modelServableSuite<M, S extends ModelServable<M>>(
  name: string,
  suite: ModelServableSuite<M, S>,
): void {
  describe(`${name}: Flink ML test vectors`, () => {
    suite.file.cases.forEach((c, i) => {
      it(caseLabel(c, i), () => {
        if (c.expectedError !== undefined) {
          expectCaseError(() => caseServable(suite, c).transform(caseInput(c)), c);
        } else {
          expectCaseOutput(caseServable(suite, c).transform(caseInput(c)), c);
        }
      });
    });
  });
  describe(`${name}: conformance`, () => {
    const c = suite.file.cases.find((x) => x.expectedError === undefined) as VectorCase;
    it('survives a save/load round trip', async () => {
      const loaded = await saveLoadRoundTrip(caseServable(suite, c), suite.load);
      expectCaseOutput(loaded.transform(caseInput(c)), c);
    });
    it('rejects corrupt model data with a ModelDataError and keeps serving (fuzz)', async () => {
      const s = caseServable(suite, c);
      await fuzzModelData(s, (x) => expectCaseOutput(x.transform(caseInput(c)), c));
    });
  });
}
