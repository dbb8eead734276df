import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { TFConfigError } from '../errors.js';

/** The TF.js backends the bridge can run on in Node.js without native binaries. */
export type TfjsBackendName = 'cpu' | 'wasm';

/**
 * A backend choice: a backend by name (an error when it does not start), or `auto`: keep the
 * backend the bridge already chose in this process, else `wasm`, falling back to `cpu` (with a
 * process warning giving the reason) when wasm does not initialise.
 */
export type TfjsBackendChoice = TfjsBackendName | 'auto';

/** What {@link useTfjsBackend} settled on. */
export interface TfjsBackendState {
  /** The active backend. */
  readonly name: TfjsBackendName;
  /** Why `auto` fell back to `cpu` (undefined when it did not). */
  readonly fallbackReason?: string;
}

/** Options of {@link useTfjsBackend}. */
export interface UseTfjsBackendOptions {
  /**
   * Where the `.wasm` binaries are (a directory path ending in `/`); default: the installed
   * `@tensorflow/tfjs-backend-wasm`. Only the first wasm initialisation of a process uses it.
   */
  readonly wasmDir?: string;
}

let wasmRegistered: Promise<void> | undefined;
let chosen: Promise<TfjsBackendState> | undefined;
let active: TfjsBackendName | undefined;

/** The directory of the installed `@tensorflow/tfjs-backend-wasm` (its `.wasm` files), with `/`. */
export function wasmDirectory(): string {
  const require = createRequire(import.meta.url);
  return `${dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}/`;
}

/**
 * Makes a TF.js backend active (process-wide, as TF.js backends are) and waits until it is
 * ready; see {@link TfjsBackendChoice}. `wasm` loads `@tensorflow/tfjs-backend-wasm` and its
 * `.wasm` binary from the installed package (no network). Training (`TFEstimator`) and serving
 * (`TFModelServable`) call it with their `tfjsBackend` param / `auto`.
 *
 * @returns the backend now active, and why `auto` fell back to cpu if it did.
 * @throws TFConfigError when a backend asked for by name cannot be initialised.
 */
export async function useTfjsBackend(
  choice: TfjsBackendChoice = 'auto',
  options: UseTfjsBackendOptions = {},
): Promise<TfjsBackendState> {
  if (choice === 'auto') {
    chosen ??= autoBackend(options);
    return chosen;
  }
  await start(choice, options);
  const state = { name: choice };
  chosen = Promise.resolve(state);
  return state;
}

async function autoBackend(options: UseTfjsBackendOptions): Promise<TfjsBackendState> {
  try {
    await start('wasm', options);
    return { name: 'wasm' };
  } catch (error) {
    const reason = (error as Error).message;
    process.emitWarning(`@servable/tf-bridge: using the TF.js cpu backend: ${reason}`, {
      code: 'SERVABLE_TFJS_BACKEND_FALLBACK',
    });
    await start('cpu', options);
    return { name: 'cpu', fallbackReason: reason };
  }
}

async function start(name: TfjsBackendName, options: UseTfjsBackendOptions): Promise<void> {
  // Asking TF.js (getBackend) would initialise its best backend as a side effect: only trust it
  // once the bridge has set one.
  if (active === name && tf.getBackend() === name) return;
  let ok: boolean;
  try {
    if (name === 'wasm') {
      wasmRegistered ??= (async () => {
        const wasm = await import('@tensorflow/tfjs-backend-wasm');
        wasm.setWasmPaths(options.wasmDir ?? wasmDirectory());
      })();
      await wasmRegistered;
    }
    ok = await tf.setBackend(name);
    await tf.ready();
  } catch (error) {
    throw new TFConfigError(
      'tfjsBackend',
      `TF.js backend ${name} failed to start: ${(error as Error).message}`,
    );
  }
  if (!ok) {
    throw new TFConfigError(
      'tfjsBackend',
      `TF.js backend ${name} failed to start${name === 'wasm' ? ` (its .wasm files are looked for in ${options.wasmDir ?? wasmDirectory()})` : ''}.`,
    );
  }
  active = name;
}

/** The tfjs module the bridge uses (handed to user scripts as `context.tf`). */
export { tf };
