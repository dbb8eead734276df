import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '../src/latency-histogram.js';

describe('LatencyHistogram', () => {
  it('exports the same text and JSON as a prom-client Histogram given the same observations', async () => {
    const config = {
      name: 'lat_seconds',
      help: 'Latency.',
      labelNames: ['model', 'endpoint'] as const,
      buckets: [0.001, 0.01, 0.1, 0.5],
    };
    const ours = new Registry();
    const theirs = new Registry();
    const fast = new LatencyHistogram({
      ...config,
      labelNames: [...config.labelNames],
      registers: [ours],
    });
    const slow = new Histogram({
      ...config,
      labelNames: [...config.labelNames],
      registers: [theirs],
    });
    const values = [0.0005, 0.001, 0.003, 0.02, 0.2, 0.7, 3, 0.05];
    for (const [i, v] of values.entries()) {
      const labels = { model: i % 2 === 0 ? 'a' : 'b', endpoint: 'infer' };
      fast.series(labels).observe(v);
      slow.observe(labels, v);
    }
    expect(await ours.metrics()).toBe(await theirs.metrics());
    expect(await ours.metrics()).toContain('lat_seconds_count{model="a",endpoint="infer"} 4');
    const json = async (r: Registry) =>
      (await r.getMetricsAsJSON()).map((m) =>
        m.values.map((v) => ({
          labels: v.labels,
          value: v.value,
          metricName: (v as { metricName?: string }).metricName,
        })),
      );
    expect(await json(ours)).toEqual(await json(theirs));
    fast.reset();
    expect(await ours.metrics()).toContain('lat_seconds_count{model="a",endpoint="infer"} 0');
  });
});
