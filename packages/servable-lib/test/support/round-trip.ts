/**
 * Test support: the save → load round trip of any servable. Model servables keep their model
 * data bytes; stateless transformers save metadata only (no `data/` directory). Both keep their
 * class name and params.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AnyServable, ModelServable, paramMapToJson } from '@servable/servable-api';
import { expect } from 'vitest';

/**
 * Saves `servable`, loads it back with `load` and checks: the metadata's class name, the params
 * (as Flink ML JSON), and the model data bytes (model servables) or the absence of a `data/`
 * directory (transformers). Returns the loaded servable.
 */
export async function expectSaveLoadRoundTrip<S extends AnyServable>(
  servable: S,
  load: (path: string) => Promise<S>,
): Promise<S> {
  return withStagePath(async (path) => {
    await servable.save(path);
    const metadata = JSON.parse(await readFile(join(path, 'metadata'), 'utf8')) as {
      className: string;
    };
    expect(metadata.className).toBe(servable.className);
    if (!(servable instanceof ModelServable)) {
      expect(existsSync(join(path, 'data')), 'a transformer saves no data/ directory').toBe(false);
    }
    const loaded = await load(path);
    expect(paramMapToJson(loaded)).toEqual(paramMapToJson(servable));
    if (servable instanceof ModelServable) {
      expect(loaded).toBeInstanceOf(ModelServable);
      const bytes = (loaded as unknown as ModelServable<unknown>).getModelData();
      expect(Array.from(bytes)).toEqual(Array.from(servable.getModelData()));
    }
    return loaded;
  });
}

/**
 * Saves `servable`, a model servable without model data (an online model's saved stage), checks
 * that it writes no `data/` directory, loads it back with `load` and checks that the loaded one
 * has no model data either. Returns the loaded servable.
 */
export async function expectSaveLoadWithoutModelData<S extends ModelServable<unknown>>(
  servable: S,
  load: (path: string) => Promise<S>,
): Promise<S> {
  return withStagePath(async (path) => {
    await servable.save(path);
    expect(existsSync(join(path, 'data')), 'no model data, no data/ directory').toBe(false);
    const loaded = await load(path);
    expect(loaded.hasModelData()).toBe(false);
    return loaded;
  });
}

/** Runs `use` with the path of a stage in a new temporary directory, removed afterwards. */
async function withStagePath<T>(use: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'servable-lib-'));
  try {
    return await use(join(dir, 'stage'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
