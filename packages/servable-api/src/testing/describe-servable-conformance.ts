import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataFrame } from '@servable/dataframe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelDataError } from '../errors.js';
import { listModelDataFiles, MODEL_DATA_DIR } from '../model-data-files.js';
import { ModelServable } from '../model-servable.js';
import { applyParamMapJson, paramMapToJson, writeJson } from '../params/index.js';
import type { ServableRegistry } from '../servable-registry.js';
import type { AnyServable } from '../transformer-servable.js';
import { type ExpectedColumns, findOutputDifference } from './compare-output.js';

/** A named way to damage model data bytes (see {@link ServableConformanceOptions.corruptions}). */
export interface ModelDataCorruption {
  /** Shown in the test name. */
  readonly name: string;
  /** Returns damaged bytes (a copy). */
  readonly mutate: (bytes: Uint8Array) => Uint8Array;
}

/**
 * The default corruptions: the last byte cut off, only the first half kept, three extra bytes
 * appended, and no bytes at all. Each must make `setModelData` reject.
 */
export const DEFAULT_CORRUPTIONS: readonly ModelDataCorruption[] = [
  { name: 'last byte cut off', mutate: (b) => b.slice(0, b.length - 1) },
  { name: 'second half cut off', mutate: (b) => b.slice(0, Math.floor(b.length / 2)) },
  {
    name: 'three extra bytes',
    mutate: (b) => {
      const out = new Uint8Array(b.length + 3);
      out.set(b);
      return out;
    },
  },
  { name: 'empty', mutate: () => new Uint8Array(0) },
];

/** What {@link describeServableConformance} checks a servable against. */
export interface ServableConformanceOptions {
  /** The suite name (e.g. `LogisticRegressionModelServable`). */
  readonly name: string;
  /** The registry that loads saved directories (with the servable's plugin registered). */
  readonly registry: ServableRegistry;
  /**
   * A saved stage directory (e.g. saved by Flink ML Java), loaded through `registry`. Give this
   * or {@link ServableConformanceOptions.load}.
   */
  readonly dir?: string;
  /** Builds the servable under test (with model data), when there is no saved directory. */
  readonly load?: () => Promise<AnyServable>;
  /** The input rows. */
  readonly input: () => DataFrame;
  /** The expected output columns (column → value per row). */
  readonly expected: ExpectedColumns;
  /**
   * Tolerance of number comparisons: `|got − want| ≤ tolerance · max(1, |want|)`; 0 (the
   * default) = bit for bit.
   */
  readonly tolerance?: number;
  /** How to damage model data; default {@link DEFAULT_CORRUPTIONS}. */
  readonly corruptions?: readonly ModelDataCorruption[];
}

/**
 * Registers a vitest suite that checks a servable against the contract every servable must
 * meet:
 *
 * 1. loaded from `dir` (through the registry) or built by `load`, it transforms `input` into
 *    `expected` within the tolerance;
 * 2. (model servables) `setModelData` with the bytes of its data file(s) / `getModelData()`
 *    gives the same answers, and the bytes are the data file's;
 * 3. (model servables) every corruption of those bytes rejects with a `ModelDataError` and the
 *    previous model keeps serving the same answers;
 * 4. the params survive a JSON round trip (`paramMapToJson` → `applyParamMapJson`);
 * 5. `save` → `registry.load` gives a servable with equal answers (bit for bit) and equal params.
 *
 * Import it from `@servable/servable-api/testing` in a test file.
 *
 * @example
 * ```ts
 * describeServableConformance({
 *   name: 'LogisticRegressionModelServable',
 *   registry: new ServableRegistry().register(servableLib),
 *   dir: fileURLToPath(new URL('./fixtures/lr-default', import.meta.url)),
 *   input: () => df,
 *   expected: { prediction: [1, 0, 0, 1] },
 *   tolerance: 1e-12,
 * });
 * ```
 */
export function describeServableConformance(options: ServableConformanceOptions): void {
  const tolerance = options.tolerance ?? 0;
  const load = async (): Promise<AnyServable> => {
    if (options.dir !== undefined) return options.registry.load(options.dir);
    if (options.load !== undefined) return options.load();
    throw new Error(`describeServableConformance(${options.name}): give dir or load.`);
  };
  const expectAnswers = (servable: AnyServable, what: string): DataFrame => {
    const out = servable.transform(options.input());
    const difference = findOutputDifference(out, options.expected, tolerance);
    expect(difference, `${options.name} ${what}`).toBeUndefined();
    return out;
  };

  describe(`${options.name} conformance`, () => {
    let work: string;
    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'servable-conformance-'));
    });
    afterAll(async () => {
      await rm(work, { recursive: true, force: true });
    });

    it('transforms the fixture rows into the expected answers', async () => {
      expectAnswers(await load(), 'after loading');
    });

    it('setModelData with the bytes of the model data gives the same answers', async () => {
      const servable = await load();
      if (!(servable instanceof ModelServable)) return;
      const bytes = servable.getModelData();
      if (options.dir !== undefined) {
        const listing = await listModelDataFiles(join(options.dir, MODEL_DATA_DIR));
        const files = await Promise.all(
          listing.files.map((f) => readFile(join(listing.directory, f))),
        );
        expect(Buffer.concat(files).equals(Buffer.from(bytes)), 'getModelData() = data files').toBe(
          true,
        );
      }
      await servable.setModelData(bytes.slice());
      expectAnswers(servable, 'after setModelData with the same bytes');
    });

    for (const corruption of options.corruptions ?? DEFAULT_CORRUPTIONS) {
      it(`rejects corrupt model data (${corruption.name}) and keeps the old model serving`, async () => {
        const servable = await load();
        if (!(servable instanceof ModelServable)) return;
        const before = servable.getModelData();
        const damaged = corruption.mutate(before.slice());
        await expect(servable.setModelData(damaged)).rejects.toBeInstanceOf(ModelDataError);
        expect(Buffer.from(servable.getModelData()).equals(Buffer.from(before))).toBe(true);
        expectAnswers(servable, `after a rejected setModelData (${corruption.name})`);
      });
    }

    it('round-trips its params through JSON', async () => {
      const servable = await load();
      const json = paramMapToJson(servable);
      const fresh = await load();
      applyParamMapJson(fresh, json);
      expect(writeJson(paramMapToJson(fresh))).toBe(writeJson(json));
    });

    it('save → load gives equal params and answers', async () => {
      const servable = await load();
      const dir = join(work, 'saved');
      await servable.save(dir);
      const loaded = await options.registry.load(dir);
      expect(loaded.className).toBe(servable.className);
      expect(writeJson(paramMapToJson(loaded))).toBe(writeJson(paramMapToJson(servable)));
      const out = expectAnswers(loaded, 'after save → load');
      const original = servable.transform(options.input());
      for (const column of Object.keys(options.expected)) {
        const difference = findOutputDifference(out, { [column]: original.getValues(column) }, 0);
        expect(difference, 'save → load answers equal bit for bit').toBeUndefined();
      }
      if (servable instanceof ModelServable && loaded instanceof ModelServable) {
        expect(
          Buffer.from(loaded.getModelData()).equals(Buffer.from(servable.getModelData())),
        ).toBe(true);
      }
    });
  });
}
