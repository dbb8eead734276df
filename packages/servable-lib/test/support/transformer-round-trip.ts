/**
 * Test support: save → load round trip of a stateless transformer servable (metadata only, no
 * `data/` directory), checking the params survive.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AnyServable,
  paramMapToJson,
  type TransformerServableBase,
} from '@servable/servable-api';
import { expect } from 'vitest';

/** Saves `servable`, loads it with `load`, and checks class name, params and the layout. */
export async function expectSaveLoadRoundTrip<S extends TransformerServableBase>(
  servable: S,
  load: (path: string) => Promise<S>,
): Promise<S> {
  const dir = await mkdtemp(join(tmpdir(), 'transformer-'));
  try {
    const path = join(dir, 'stage');
    await servable.save(path);
    expect(existsSync(join(path, 'data')), 'a transformer saves no data/ directory').toBe(false);
    const metadata = JSON.parse(await readFile(join(path, 'metadata'), 'utf8')) as {
      className: string;
    };
    expect(metadata.className).toBe(servable.className);
    const loaded = await load(path);
    expect(paramMapToJson(loaded as AnyServable)).toEqual(paramMapToJson(servable as AnyServable));
    return loaded;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
