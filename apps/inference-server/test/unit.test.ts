import { BasicType, DataTypes, Schema } from '@servable/dataframe';
import { probeSignature, RateWindow } from '@servable/inference-server';
import { deriveInputSchema, PipelineModelServable } from '@servable/servable-api';
import {
  LogisticRegressionModelServable,
  StandardScalerModelServable,
} from '@servable/servable-lib';
import { describe, expect, it } from 'vitest';
import { buildPipeline } from './support/models.js';

describe('RateWindow', () => {
  it('reports rate, errors and percentiles over the last seconds, and forgets older ones', () => {
    let now = 100_000;
    const window = new RateWindow(10, () => now);
    for (let i = 0; i < 98; i++) window.record(1, false);
    window.record(50, true);
    window.record(100, true);
    now += 999; // still inside the same second: 9.999 s covered
    const stats = window.stats();
    expect(stats.total).toBe(100);
    expect(stats.requestsPerSecond).toBeCloseTo(100 / 9.999, 6);
    expect(stats.errorsPerSecond).toBeCloseTo(2 / 9.999, 6);
    expect(stats.p50Ms).toBeGreaterThanOrEqual(1);
    expect(stats.p50Ms).toBeLessThan(1.2);
    expect(stats.p99Ms).toBeGreaterThanOrEqual(50);
    expect(stats.p99Ms).toBeLessThan(60);
    now += 10_000;
    expect(window.stats()).toMatchObject({
      requestsPerSecond: 0,
      p50Ms: null,
      p99Ms: null,
      total: 100,
    });
  });

  it('counts samples recorded across many seconds and beyond its raw-sample ring exactly', () => {
    let now = 200_000;
    const window = new RateWindow(10, () => now);
    // 15 seconds of 500 requests each (7500 samples, several ring flushes); the first 5
    // seconds leave the window.
    for (let s = 0; s < 15; s++) {
      for (let i = 0; i < 500; i++) window.record(i % 50 === 0 ? 20 : 2, i % 250 === 0);
      now += 1000;
    }
    now -= 1; // the last recorded second, 999 ms in
    const stats = window.stats();
    expect(stats.total).toBe(7500);
    expect(stats.requestsPerSecond).toBeCloseTo(5000 / 9.999, 6);
    expect(stats.errorsPerSecond).toBeCloseTo(20 / 9.999, 6);
    expect(stats.p50Ms).toBeGreaterThanOrEqual(2);
    expect(stats.p50Ms).toBeLessThan(2.4);
    expect(stats.p99Ms).toBeGreaterThanOrEqual(20);
    expect(stats.p99Ms).toBeLessThan(24);
  });

  it('drops a pending sample whose slot already holds a later second', () => {
    let now = 302_000;
    const window = new RateWindow(2, () => now);
    window.record(1, false);
    now = 300_000; // a sample two seconds older than the slot's (same slot), e.g. a clock step
    window.record(1, true);
    now = 302_000;
    const stats = window.stats();
    expect(stats.total).toBe(2);
    expect(stats.requestsPerSecond).toBe(1);
    expect(stats.errorsPerSecond).toBe(0);
  });
});

describe('model signature', () => {
  it('derives inputs from params, skipping columns an earlier stage produces', () => {
    expect(deriveInputSchema(buildPipeline()).toString()).toBe('features VECTOR(DOUBLE)');
    const lr = new LogisticRegressionModelServable().setFeaturesCol('x');
    expect(deriveInputSchema(lr).toString()).toBe('x VECTOR(DOUBLE)');
    const twoInputs = new PipelineModelServable([
      new StandardScalerModelServable().setInputCol('a').setOutputCol('b'),
      new LogisticRegressionModelServable().setFeaturesCol('c'),
    ]);
    expect(deriveInputSchema(twoInputs).getColumnNames()).toEqual(['a', 'c']);
  });

  it('probes outputs and vector dimensions, and reports unready models', () => {
    const vector = DataTypes.VECTOR(BasicType.DOUBLE);
    const probe = probeSignature(
      'm',
      buildPipeline(),
      new Schema([{ name: 'features', type: vector }]),
    );
    expect(probe.ready).toBe(true);
    expect(probe.signature.inputMetadata()).toEqual([
      { name: 'features', datatype: 'FP64', shape: [-1, 3] },
    ]);
    expect(probe.signature.outputs.map((c) => `${c.name} ${c.type.toString()}`)).toEqual([
      'scaled VECTOR(DOUBLE)',
      'prediction DOUBLE',
      'rawPrediction VECTOR(DOUBLE)',
    ]);
    const empty = probeSignature(
      'm',
      new LogisticRegressionModelServable(),
      new Schema([{ name: 'features', type: vector }]),
    );
    expect(empty.ready).toBe(false);
    expect(empty.signature.outputs).toEqual([]);
  });

  it('refuses inputs that do not fit the servable, naming the model and the column', () => {
    expect(() =>
      probeSignature('fraud', buildPipeline(), new Schema([{ name: 'features', type: 'DOUBLE' }])),
    ).toThrow(
      /Model "fraud": its inputs \[features DOUBLE\] do not fit the servable: .*features.*VECTOR\(DOUBLE\)/,
    );
    expect(() =>
      probeSignature(
        'fraud',
        buildPipeline(),
        new Schema([{ name: 'features', type: 'VECTOR(DOUBLE)' }]),
        ['nope'],
      ),
    ).toThrow(/output "nope" is not produced/);
  });
});
