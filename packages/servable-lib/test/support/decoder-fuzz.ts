/**
 * Test support: fuzzes a model servable's model data decoder with fast-check — random
 * truncations, extensions and byte flips of valid bytes — and checks that `setModelData` either
 * throws a typed {@link ModelDataError} (leaving the previous model serving, same bytes, same
 * answers) or installs a complete, usable model.
 *
 * The number of runs is 1,000 per call unless the test gives another; the environment variable
 * `SERVABLE_FUZZ_RUNS` overrides both, and `SERVABLE_FUZZ_SEED` fixes fast-check's seed (the
 * long run of `pnpm run fuzz`, see `scripts/fuzz-decoders.ts`).
 */
import { ModelDataError, type ModelServable, ServableError } from '@servable/servable-api';
import fc from 'fast-check';
import { expect } from 'vitest';

/** A mutation of valid bytes. */
export type ByteMutation =
  | { readonly kind: 'truncate'; readonly length: number }
  | { readonly kind: 'extend'; readonly extra: Uint8Array }
  | { readonly kind: 'flip'; readonly flips: readonly { at: number; xor: number }[] };

/** fast-check arbitrary of mutations for bytes of length `n`. */
export function byteMutation(n: number): fc.Arbitrary<ByteMutation> {
  return fc.oneof(
    fc.record({
      kind: fc.constant('truncate' as const),
      length: fc.nat({ max: Math.max(0, n - 1) }),
    }),
    fc.record({
      kind: fc.constant('extend' as const),
      extra: fc.uint8Array({ minLength: 1, maxLength: 24 }),
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
      for (const f of m.flips) out[f.at] = (out[f.at] as number) ^ f.xor;
      return out;
    }
  }
}

/** The default number of fuzz runs per model type (issue 4: at least 1,000). */
export const DEFAULT_FUZZ_RUNS = 1000;

/** The runs of a fuzz call: `SERVABLE_FUZZ_RUNS` when set, else `numRuns`, else 1,000. */
export function fuzzRuns(numRuns?: number): number {
  const env = process.env.SERVABLE_FUZZ_RUNS;
  if (env !== undefined && env !== '') {
    const runs = Number(env);
    if (!Number.isSafeInteger(runs) || runs < 1) {
      throw new Error(`SERVABLE_FUZZ_RUNS must be a positive integer, found "${env}".`);
    }
    return runs;
  }
  return numRuns ?? DEFAULT_FUZZ_RUNS;
}

/** `{ seed }` from `SERVABLE_FUZZ_SEED` (to replay a failure of the long run), else `{}`. */
function fuzzSeed(): { seed?: number } {
  const env = process.env.SERVABLE_FUZZ_SEED;
  return env === undefined || env === '' ? {} : { seed: Number(env) };
}

/** Options of {@link fuzzModelData}. */
export interface FuzzOptions {
  /** fast-check runs (default 1,000; `SERVABLE_FUZZ_RUNS` overrides). */
  readonly numRuns?: number;
}

/**
 * Fuzzes `setModelData` of `servable`, which must already serve a valid model. `use` exercises
 * a servable and returns its answers (plain values, compared with `toEqual`); its answers on the
 * valid model are the reference. For every mutation of the valid bytes, `setModelData` either:
 *
 * - throws {@link ModelDataError}, and the servable still serves the valid model: the same bytes
 *   from `getModelData()` and the same answers from `use`; or
 * - succeeds with a complete model: `getModelData()` gives the mutated bytes, the model re-encodes
 *   and that encoding decodes back to the same encoding, and `use` throws nothing but a
 *   ServableError.
 *
 * Each run starts by setting the valid bytes again; the servable serves them when this returns.
 */
export async function fuzzModelData<M>(
  servable: ModelServable<M>,
  use: (servable: ModelServable<M>) => unknown,
  options: FuzzOptions = {},
): Promise<void> {
  const valid = servable.getModelData().slice();
  const reference = use(servable);
  await fc.assert(
    fc.asyncProperty(byteMutation(valid.length), async (m) => {
      // Every run starts from the valid model (also when an earlier run failed mid-way, so that
      // fast-check's shrinking replays runs from the same state).
      await servable.setModelData(valid);
      const bytes = mutate(valid, m);
      let accepted = false;
      try {
        await servable.setModelData(bytes);
        accepted = true;
      } catch (error) {
        expect(error, `mutation ${describe(m)}: ${String(error)}`).toBeInstanceOf(ModelDataError);
      }
      if (!accepted) {
        expect(Array.from(servable.getModelData())).toEqual(Array.from(valid));
        expect(use(servable), `answers after a rejected ${describe(m)}`).toEqual(reference);
        return;
      }
      expect(Array.from(servable.getModelData())).toEqual(Array.from(bytes));
      // The accepted model is complete: it re-encodes, and that encoding decodes to the same model.
      const format = servable.modelDataFormat;
      const encoded = format.encode(servable.getModel() as M);
      expect(
        Array.from(format.encode(format.decode([{ source: 're-encoded', bytes: encoded }]))),
      ).toEqual(Array.from(encoded));
      try {
        use(servable);
      } catch (error) {
        expect(error, `use after accepted ${describe(m)}`).toBeInstanceOf(ServableError);
      }
    }),
    { numRuns: fuzzRuns(options.numRuns), ...fuzzSeed() },
  );
  await servable.setModelData(valid);
}

/** Options of {@link fuzzModelDataFrom}. */
export interface ServingFuzzOptions extends FuzzOptions {
  /** What `use` must answer (`toEqual`) on the valid model, checked before fuzzing. */
  readonly expected?: unknown;
}

/**
 * Sets `valid` as `servable`'s model data, checks `use`'s answers on it against
 * `options.expected` (when given), then fuzzes {@link fuzzModelData} from there.
 */
export async function fuzzModelDataFrom<M>(
  servable: ModelServable<M>,
  valid: Uint8Array,
  use: (servable: ModelServable<M>) => unknown,
  options: ServingFuzzOptions = {},
): Promise<void> {
  await servable.setModelData(valid);
  if ('expected' in options) expect(use(servable)).toEqual(options.expected);
  await fuzzModelData(servable, use, options);
}

function describe(m: ByteMutation): string {
  return JSON.stringify(m, (_key, value: unknown) =>
    value instanceof Uint8Array ? Array.from(value) : value,
  );
}
