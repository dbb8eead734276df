import { TFEstimator, TFModelServable, tf } from '@servable/tf-bridge';
import { describe, expect, it } from 'vitest';
import { linearData, linearModel } from './support.js';

// Backends are process-wide: this file runs in its own process and never picks one itself.
describe('default TF.js backend', () => {
  it('serves on wasm when nothing chose a backend, and estimators default to auto', async () => {
    expect(new TFEstimator().getTfjsBackend()).toBe('auto');
    const servable = await new TFModelServable()
      .setSelectedCols(['features'])
      .setTFModel(linearModel([1, 2], 0.5));
    expect(tf.getBackend()).toBe('wasm');
    const out = Array.from(servable.transform(linearData(3)).getDoubles('prediction'));
    expect(out.map((v) => Number(v.toFixed(5)))).toEqual([2.5, 2.4, 2.3]);
  });
});
