import { DoubleSerializer, encodeToBytes } from '@servable/linalg';
import {
  FeatureDimensionError,
  InvalidInputValueError,
  JavaFeatureDimensionError,
  latestRecordFormat,
  ModelDataError,
  ServableError,
} from '@servable/servable-api';
import { describe, expect, it } from 'vitest';

const bytesOf = (...xs: number[]) => {
  const parts = xs.map((x) => encodeToBytes(DoubleSerializer, x));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const format = latestRecordFormat<number>({
  name: 'ThresholdModelData',
  codec: DoubleSerializer,
  validate: (t) => (t >= 0 ? undefined : `threshold ${t} is negative`),
  version: (t) => t,
});

describe('latestRecordFormat', () => {
  it('serves the last of several records, across chunks', () => {
    expect(format.cardinality).toBe('multiple');
    const model = format.decode([
      { source: 'a', bytes: bytesOf(1, 2) },
      { source: 'b', bytes: bytesOf(3) },
    ]);
    expect(model).toBe(3);
    expect(format.version?.(model)).toBe(3);
  });

  it('validates only the latest record, naming it', () => {
    expect(format.decode([{ source: 'a', bytes: bytesOf(-1, 5) }])).toBe(5);
    expect(() => format.decode([{ source: 'a', bytes: bytesOf(5, -1) }])).toThrow(
      'Invalid ThresholdModelData (from a): record 2 (the latest): threshold -1 is negative',
    );
  });

  it('encodes the current record alone and refuses an invalid one', () => {
    expect([...format.encode(4)]).toEqual([...bytesOf(4)]);
    expect(() => format.encode(-2)).toThrow(ModelDataError);
    expect(() => format.encode(-2)).toThrow('Invalid ThresholdModelData: threshold -2 is negative');
  });

  it('rejects an empty stream', () => {
    expect(() => format.decode([])).toThrow(ModelDataError);
  });
});

describe('errors with Java messages', () => {
  it('InvalidInputValueError keeps the Java message and names column and row', () => {
    const e = new InvalidInputValueError('The input contains unseen string: e.', 'city', 2);
    expect(e).toBeInstanceOf(ServableError);
    expect(e.code).toBe('INVALID_INPUT_VALUE');
    expect(e.message).toBe('The input contains unseen string: e. (column city, row 2)');
    expect([e.javaMessage, e.column, e.row]).toEqual([
      'The input contains unseen string: e.',
      'city',
      2,
    ]);
  });

  it('JavaFeatureDimensionError is a FeatureDimensionError with the Java message', () => {
    const e = new JavaFeatureDimensionError('Input 2 features, expecting 3.', 'f', 0, 3, 2);
    expect(e).toBeInstanceOf(FeatureDimensionError);
    expect(e.code).toBe('FEATURE_DIMENSION');
    expect(e.message).toBe('Input 2 features, expecting 3. (column f, row 0)');
    expect([e.column, e.row, e.expected, e.found]).toEqual(['f', 0, 3, 2]);
  });
});
