import { spawnSync } from 'node:child_process';
import { DenseVector } from '@servable/linalg';
import { encodeExample, encodeRow, PYTHON_RUNTIME, TFDataError } from '@servable/tf-bridge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('encodeRow, json coding', () => {
  it('writes what JSON.stringify writes for ordinary values', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.integer()),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string(), { maxLength: 5 }),
        fc.array(value, { maxLength: 5 }),
        (names, vs) => {
          const values = names.map((_, i) => vs[i] ?? null);
          const record = Object.fromEntries(names.map((n, i) => [n, values[i]]));
          expect(JSON.parse(text(encodeRow('json', names, values)))).toEqual(record);
        },
      ),
    );
  });

  it('writes LONG (bigint) values as their exact digits, vectors as arrays, leaves out undefined', () => {
    const json = text(
      encodeRow(
        'json',
        ['id', 'ids', 'v', 'missing'],
        [2n ** 62n + 1n, [1n, -3n], new DenseVector([0.5, 2]), undefined],
      ),
    );
    expect(json).toBe('{"id":4611686018427387905,"ids":[1,-3],"v":[0.5,2]}');
  });

  it('names the column of a value JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => encodeRow('json', ['a', 'b'], [1, cyclic])).toThrow(TFDataError);
    expect(() => encodeRow('json', ['a', 'b'], [1, cyclic])).toThrow(/Column b/);
  });
});

describe('encodeExample (tf.Example coding), read back by the shipped Python runtime', () => {
  /** Decodes serialized examples with the runtime's own `decode_example` (plain python3). */
  function decodeInPython(examples: readonly Uint8Array[]): string {
    const program = [
      'import importlib.util, json, sys',
      `spec = importlib.util.spec_from_file_location("rt", ${JSON.stringify(PYTHON_RUNTIME)})`,
      'rt = importlib.util.module_from_spec(spec); spec.loader.exec_module(rt)',
      'out = []',
      'for line in sys.stdin.read().split():',
      '    d = rt.decode_example(bytes.fromhex(line))',
      '    out.append({k: [x.decode() if isinstance(x, bytes) else x for x in v] for k, v in d.items()})',
      'sys.__stdout__.write(json.dumps(out))',
    ].join('\n');
    const result = spawnSync('python3', ['-c', program], {
      input: examples.map((e) => Buffer.from(e).toString('hex')).join('\n'),
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    return result.stdout; // JSON text (Python's big ints exact in it)
  }

  it('writes LONG values as exact int64 (negative and near the limits too)', () => {
    const longs = [0n, 1n, -1n, 2n ** 53n + 1n, -(2n ** 63n), 2n ** 63n - 1n];
    const decoded = decodeInPython([
      encodeExample(['id', 'ids', 'flag', 'name'], [longs[3], longs, true, 'a']),
    ]);
    // Compared as text: JSON.parse would read Python's big ints as doubles.
    expect(decoded).toBe(
      `[{"id": [${longs[3]}], "ids": [${longs.join(', ')}], "flag": [1], "name": ["a"]}]`,
    );
  });

  it('refuses a bigint outside int64, naming the column', () => {
    expect(() => encodeExample(['big'], [2n ** 63n])).toThrow(TFDataError);
    expect(() => encodeExample(['big'], [2n ** 63n])).toThrow(/Column big/);
  });
});
