import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { TFConfigError } from '../errors.js';

/** The TF.js backends the bridge can run on in Node.js without native binaries. */
export type TfjsBackendName = 'cpu' | 'wasm';

let wasmRegistered: Promise<void> | undefined;

/**
 * Makes `name` the active TF.js backend (process-wide, as TF.js backends are) and waits until it
 * is ready. `wasm` loads `@tensorflow/tfjs-backend-wasm` and its `.wasm` binary from the
 * installed package (no network).
 *
 * @throws TFConfigError when the backend cannot be initialised.
 */
export async function useTfjsBackend(name: TfjsBackendName): Promise<void> {
  if (tf.getBackend() === name) return;
  if (name === 'wasm') {
    wasmRegistered ??= (async () => {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      const require = createRequire(import.meta.url);
      wasm.setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}/`);
    })();
    await wasmRegistered;
  }
  let ok: boolean;
  try {
    ok = await tf.setBackend(name);
    await tf.ready();
  } catch (error) {
    throw new TFConfigError(
      'backend',
      `TF.js backend ${name} failed to start: ${(error as Error).message}`,
    );
  }
  if (!ok) throw new TFConfigError('backend', `TF.js backend ${name} failed to start.`);
}

/** The tfjs module the bridge uses (handed to user scripts as `context.tf`). */
export { tf };
