/**
 * Test support: fuzzes a model servable's model data decoder with fast-check — random
 * truncations, extensions and byte flips of valid bytes — and checks that `setModelData` either
 * throws a typed {@link ModelDataError} (leaving the previous model serving) or installs a fully
 * usable model.
 */
import { ModelDataError, type ModelServable, ServableError } from '@servable/servable-api';
import fc from 'fast-check';
import { expect } from 'vitest';

/** A mutation of valid bytes. */
export type ByteMutation =
  | { kind: 'truncate'; length: number }
  | { kind: 'extend'; extra: Uint8Array }
  | { kind: 'flip'; flips: { at: number; xor: number }[] };

/** fast-check arbitrary of mutations for bytes of length `n`. */
export function byteMutation(n: number): fc.Arbitrary<ByteMutation> {
  return fc.oneof(
    fc.record({
      kind: fc.constant('truncate' as const),
      length: fc.nat({ max: Math.max(0, n - 1) }),
    }),
    fc.record({
      kind: fc.constant('extend' as const),
      extra: fc.uint8Array({ minLength: 1, maxLength: 16 }),
    }),
    fc.record({
      kind: fc.constant('flip' as const),
      flips: fc.array(
        fc.record({
          at: fc.nat({ max: Math.max(0, n - 1) }),
          xor: fc.integer({ min: 1, max: 255 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  );
}

/** Applies a mutation to a copy of `bytes`. */
export function mutate(bytes: Uint8Array, m: ByteMutation): Uint8Array {
  switch (m.kind) {
    case 'truncate':
      return bytes.slice(0, m.length);
    case 'extend': {
      const out = new Uint8Array(bytes.length + m.extra.length);
      out.set(bytes);
      out.set(m.extra, bytes.length);
      return out;
    }
    case 'flip': {
      const out = bytes.slice();
      for (const f of m.flips) out[f.at] = out[f.at]! ^ f.xor;
      return out;
    }
  }
}

/** What {@link fuzzModelData} needs. */
export interface FuzzSpec<M> {
  /** A servable with params set, without model data. */
  readonly create: () => ModelServable<M>;
  /** Valid model data bytes (one record). */
  readonly valid: Uint8Array;
  /** Exercises a servable whose model was accepted; must not throw anything but a ServableError. */
  readonly use: (servable: ModelServable<M>) => unknown;
  /** fast-check runs (default 1000). */
  readonly numRuns?: number;
}

/**
 * Runs the property: for every mutation, `setModelData` on a servable serving the valid model
 * either throws {@link ModelDataError} — and the servable still serves the valid model, its
 * bytes unchanged — or succeeds with a complete model (it re-encodes and decodes back to the same
 * encoding) that `use` can exercise without throwing anything but a ServableError.
 */
export async function fuzzModelData<M>(spec: FuzzSpec<M>): Promise<void> {
  const servable = spec.create();
  await servable.setModelData(spec.valid);
  const reference = spec.use(servable);
  await fc.assert(
    fc.asyncProperty(byteMutation(spec.valid.length), async (m) => {
      const bytes = mutate(spec.valid, m);
      const target = spec.create();
      await target.setModelData(spec.valid);
      let accepted = false;
      try {
        await target.setModelData(bytes);
        accepted = true;
      } catch (error) {
        expect(error, `mutation ${JSON.stringify(m)}`).toBeInstanceOf(ModelDataError);
      }
      if (!accepted) {
        expect(target.getModelData()).toEqual(spec.valid);
        expect(spec.use(target)).toEqual(reference);
        return;
      }
      expect(target.getModelData()).toEqual(bytes);
      // The accepted model is complete: it re-encodes, and that encoding decodes to the same model.
      const format = target.modelDataFormat;
      const encoded = format.encode(target.getModel() as M);
      expect(format.encode(format.decode([{ source: 're-encoded', bytes: encoded }]))).toEqual(
        encoded,
      );
      try {
        spec.use(target);
      } catch (error) {
        expect(error, `use after mutation ${JSON.stringify(m)}`).toBeInstanceOf(ServableError);
      }
    }),
    { numRuns: spec.numRuns ?? 1000 },
  );
}
