import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TFConfigError } from '../errors.js';

/** Imports a script module and returns its entry function. */
export async function loadEntry<F extends (...args: never[]) => unknown>(
  script: string | null,
  entryFunc: string,
): Promise<F> {
  if (script === null)
    throw new TFConfigError(
      'script',
      'no script set; setScript(path) names the module with the entry function.',
    );
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(resolve(script)).href)) as Record<string, unknown>;
  } catch (error) {
    throw new TFConfigError('script', `cannot import ${script}: ${(error as Error).message}`);
  }
  const fn = mod[entryFunc];
  if (typeof fn !== 'function') {
    throw new TFConfigError(
      'entryFunc',
      `${script} exports no function ${entryFunc} (exports: ${Object.keys(mod).join(', ') || 'none'}).`,
    );
  }
  return fn as F;
}
