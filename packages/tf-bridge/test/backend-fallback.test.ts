import { TFConfigError, TFModelServable, tf, useTfjsBackend } from '@servable/tf-bridge';
import { describe, expect, it } from 'vitest';
import { linearData, linearModel } from './support.js';

// Backends are process-wide: this file runs in its own process, where wasm cannot start.
describe('tfjsBackend auto when wasm does not initialise', () => {
  it('falls back to cpu with a warning naming the reason; an explicit wasm is an error', async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const state = await useTfjsBackend('auto', { wasmDir: '/nonexistent/tfjs-wasm/' });
      expect(state.name).toBe('cpu');
      expect(state.fallbackReason).toMatch(
        /TF\.js backend wasm failed to start.*\/nonexistent\/tfjs-wasm\//,
      );
      expect(tf.getBackend()).toBe('cpu');
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((w) => (w as Error & { code?: string }).code)).toContain(
        'SERVABLE_TFJS_BACKEND_FALLBACK',
      );
    } finally {
      process.off('warning', onWarning);
    }
    // Serving keeps the fallback.
    const servable = await new TFModelServable()
      .setSelectedCols(['features'])
      .setTFModel(linearModel([1, 2], 0.5));
    const out = Array.from(servable.transform(linearData(2)).getDoubles('prediction'));
    expect(out.map((v) => Number(v.toFixed(5)))).toEqual([2.5, 2.4]);
    expect(tf.getBackend()).toBe('cpu');
    await expect(useTfjsBackend('wasm')).rejects.toBeInstanceOf(TFConfigError);
    await expect(useTfjsBackend('wasm')).rejects.toThrow(/^tfjsBackend: TF\.js backend wasm/);
  });
});
