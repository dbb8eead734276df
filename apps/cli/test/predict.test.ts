import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { predict, runCli } from '@servable/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from './support/memory-io.js';
import { buildPipeline, expectedPipeline, tempDir } from './support/models.js';

let root: string;
let cleanup: () => Promise<void>;

const FEATURES = [
  [1, 2, 3],
  [3, 1, 5],
  [0, 0, 0],
  [-2, 7, 3.5],
  [10, -4, 2],
];

function rowsText(rows: readonly (readonly number[])[]): string {
  return rows.map((features, id) => JSON.stringify({ id, features })).join('\n');
}

interface Output {
  id: number;
  features: number[];
  prediction: number;
  rawPrediction: number[];
}

function expectPredictions(
  lines: readonly string[],
  rows: readonly (readonly number[])[],
  ids?: number[],
) {
  expect(lines).toHaveLength(rows.length);
  lines.forEach((line, i) => {
    const out = JSON.parse(line) as Output;
    const want = expectedPipeline(rows[i] as number[]);
    expect(out.id).toBe(ids?.[i] ?? i);
    expect(out.features).toEqual(rows[i]);
    expect(out.prediction).toBe(want.prediction);
    expect(out.rawPrediction[1]).toBeCloseTo(want.rawPrediction[1] as number, 12);
  });
}

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir());
  await buildPipeline(7n).save(join(root, 'pipeline'));
  await writeFile(join(root, 'rows.jsonl'), `${rowsText(FEATURES)}\n`);
});
afterAll(() => cleanup());

describe('servable predict', () => {
  it('predicts a JSON-lines file into a file, in order, across batch boundaries', async () => {
    const m = memoryIo({ cwd: root });
    const code = await runCli(
      [
        'predict',
        'pipeline',
        '--input',
        'rows.jsonl',
        '--output',
        'out.jsonl',
        '--batch-size',
        '2',
      ],
      m.io,
    );
    expect(code).toBe(0);
    const lines = (await readFile(join(root, 'out.jsonl'), 'utf8')).trimEnd().split('\n');
    expectPredictions(lines, FEATURES);
    // Piped (not a terminal): no progress bar, no summary, nothing on stdout.
    expect(m.stderr.text()).toBe('');
    expect(m.stdout.text()).toBe('');
  });

  it('reads stdin and writes stdout with -; --select keeps the named keys', async () => {
    const m = memoryIo({ cwd: root, stdin: `${rowsText(FEATURES)}\r\n` });
    expect(
      await runCli(['predict', 'pipeline', '-i', '-', '--select', 'id,prediction'], m.io),
    ).toBe(0);
    expect(m.stdout.lines().map((l) => JSON.parse(l))).toEqual(
      FEATURES.map((f, id) => ({ id, prediction: expectedPipeline(f).prediction })),
    );
  });

  it('streams many rows through small chunks without reordering them', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => [i % 7, (i * 3) % 11, (i % 5) - 2]);
    const text = `${rowsText(rows)}\n`;
    // Chunks of 100 bytes split lines (and would split UTF-8 characters) at random places.
    const chunks: Buffer[] = [];
    for (let i = 0; i < text.length; i += 100) chunks.push(Buffer.from(text.slice(i, i + 100)));
    const m = memoryIo({ cwd: root, stdin: Readable.from(chunks) });
    expect(await predict({ model: 'pipeline', input: '-', batchSize: 1000 }, m.io)).toBe(0);
    expectPredictions(m.stdout.lines(), rows);
  });

  it('fails at a malformed line, naming it, after writing every row before it', async () => {
    const input = [
      JSON.stringify({ id: 0, features: [1, 2, 3] }),
      '',
      JSON.stringify({ id: 1, features: [3, 1, 5] }),
      '{"id": 2, "features": [1, 2,',
      JSON.stringify({ id: 3, features: [0, 0, 0] }),
    ].join('\n');
    const m = memoryIo({ cwd: root, stdin: input });
    expect(await runCli(['predict', 'pipeline', '-i', '-'], m.io)).toBe(1);
    expectPredictions(m.stdout.lines(), [FEATURES[0] as number[], FEATURES[1] as number[]]);
    expect(m.stderr.text()).toMatch(/^error: stdin, line 4: not valid JSON/);
  });

  it('fails at a row the model rejects, naming its line', async () => {
    const input = [
      JSON.stringify({ id: 0, features: [1, 2, 3] }),
      JSON.stringify({ id: 1, features: [1, 2] }),
      JSON.stringify({ id: 2, features: [0, 0, 0] }),
    ].join('\n');
    const m = memoryIo({ cwd: root, stdin: input });
    expect(await runCli(['predict', 'pipeline', '-i', '-'], m.io)).toBe(1);
    expect(m.stdout.lines()).toHaveLength(1);
    // The row was re-run as a one-row frame: its "row 0" must not appear next to the line.
    expect(m.stderr.text()).toMatch(
      /^error: stdin, line 2: column features: the vector has dimension 2 but the model expects dimension 3\.\n$/,
    );
  });

  it("names the input line and column, never the re-run frame's row 0, at any position", async () => {
    const input = [
      '',
      JSON.stringify({ id: 0, features: [1, 2, 3] }),
      JSON.stringify({ id: 1, features: [3, 1, 5] }),
      '',
      JSON.stringify({ id: 2, features: [1, 2, 3, 4] }),
      JSON.stringify({ id: 3, features: [0, 0, 0] }),
      JSON.stringify({ id: 4, features: [1, 'x', 3] }),
    ].join('\n');
    for (const batchSize of ['1', '2', '100']) {
      const m = memoryIo({ cwd: root, stdin: input });
      const args = [
        'predict',
        'pipeline',
        '-i',
        '-',
        '--on-error',
        'skip',
        '--batch-size',
        batchSize,
      ];
      expect(await runCli(args, m.io)).toBe(0);
      expect(m.stdout.lines()).toHaveLength(3);
      expect(m.stderr.lines()).toEqual([
        'skipped stdin, line 5: column features: the vector has dimension 4 but the model expects dimension 3.',
        'skipped stdin, line 7: column "features": expected VECTOR(DOUBLE) (an array of numbers or {"size","indices","values"}), found element[1] string "x".',
        'predicted 3 rows, skipped 2 lines',
      ]);
    }
  });

  it('with --on-error skip reports bad lines on stderr and predicts the rest', async () => {
    const input = [
      JSON.stringify({ id: 0, features: [1, 2, 3] }),
      '[1, 2, 3]',
      JSON.stringify({ id: 1, features: 'abc' }),
      'nope',
      JSON.stringify({ id: 2, features: [0, 0, 0] }),
    ].join('\n');
    const m = memoryIo({ cwd: root, stdin: input });
    expect(await runCli(['predict', 'pipeline', '-i', '-', '--on-error', 'skip'], m.io)).toBe(0);
    expectPredictions(m.stdout.lines(), [FEATURES[0] as number[], FEATURES[2] as number[]], [0, 2]);
    const errors = m.stderr.lines();
    expect(errors[0]).toMatch(/^skipped stdin, line 2: expected a JSON object .* found an array/);
    expect(errors[1]).toMatch(/^skipped stdin, line 3: column "features": expected VECTOR/);
    expect(errors.join('\n')).not.toMatch(/\brow 0\b/i);
    expect(errors[2]).toMatch(/^skipped stdin, line 4: not valid JSON/);
    expect(errors[3]).toBe('predicted 2 rows, skipped 3 lines');
  });

  it('draws a progress bar only when stderr is a terminal', async () => {
    const tty = memoryIo({ cwd: root, ttyStderr: true });
    expect(await runCli(['predict', 'pipeline', '-i', 'rows.jsonl'], tty.io)).toBe(0);
    expect(tty.stderr.text()).toMatch(/predict .*100% \| 5 rows/);
    expect(tty.stderr.text()).toContain('predicted 5 rows');
    expect(tty.stdout.lines()).toHaveLength(5);
    const off = memoryIo({ cwd: root, ttyStderr: true });
    expect(await runCli(['predict', 'pipeline', '-i', 'rows.jsonl', '--no-progress'], off.io)).toBe(
      0,
    );
    expect(off.stderr.text()).not.toContain('%');
  });

  it('takes the input columns from --schema and rejects a malformed one', async () => {
    const m = memoryIo({ cwd: root, stdin: rowsText(FEATURES) });
    const args = ['predict', 'pipeline', '-i', '-', '--schema', 'features VECTOR(DOUBLE), id INT'];
    expect(await runCli(args, m.io)).toBe(0);
    expect(m.stdout.lines()).toHaveLength(5);
    const bad = memoryIo({ cwd: root, stdin: rowsText(FEATURES) });
    expect(await runCli(['predict', 'pipeline', '-i', '-', '--schema', 'features'], bad.io)).toBe(
      2,
    );
    expect(bad.stderr.text()).toContain('--schema: field 1 "features" is not "name TYPE"');
  });

  it('names a missing input file and a bad --on-error value', async () => {
    const m = memoryIo({ cwd: root });
    expect(await runCli(['predict', 'pipeline', '-i', 'missing.jsonl'], m.io)).toBe(2);
    expect(m.stderr.text()).toContain('--input: cannot read');
    expect(m.stderr.text()).toContain('missing.jsonl');
    const e = memoryIo({ cwd: root });
    expect(await runCli(['predict', 'pipeline', '-i', '-', '--on-error', 'ignore'], e.io)).toBe(2);
    expect(e.stderr.text()).toContain('Allowed choices are fail, skip');
  });
});
