import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRegistry, runCli } from '@servable/cli';
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { Vectors } from '@servable/linalg';
import { StandardScalerModelServable } from '@servable/servable-lib';
import { checkpointName } from '@servable/tf-bridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from './support/memory-io.js';
import { tempDir } from './support/models.js';

// A tfjs training script (as in tf-bridge's tests): a seeded linear model the bridge trains.
const SCRIPT = `
export function entry(ctx) {
  const { tf } = ctx;
  const model = tf.sequential({
    layers: [tf.layers.dense({ units: ctx.labelWidth, inputShape: [ctx.featureWidth],
      kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) })],
  });
  model.compile({ optimizer: tf.train.sgd(Number(ctx.hyperParams.lr)), loss: 'meanSquaredError' });
  return model;
}
`;

// A script whose entry throws.
const BROKEN = `
export function entry() {
  throw new Error('no GPU in this test');
}
`;

/** 40 rows: features [x, 1 - x], label 3x + 1, and an id that training ignores. */
const ROWS = Array.from({ length: 40 }, (_, i) => {
  const x = (i % 10) / 10;
  return { id: `r${i}`, features: [x, 1 - x], label: 3 * x + 1 };
});
const ROWS_TEXT = `${ROWS.map((r) => JSON.stringify(r)).join('\n')}\n`;

let root: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir('servable-cli-train-'));
  await writeFile(join(root, 'linear.mjs'), SCRIPT);
  await writeFile(join(root, 'broken.mjs'), BROKEN);
  await writeFile(join(root, 'rows.jsonl'), ROWS_TEXT);
});
afterAll(() => cleanup());

/** The common flags of a small training run into `output`. */
function trainArgs(output: string, ...more: string[]): string[] {
  return [
    'train',
    '--script',
    'linear.mjs',
    '--input',
    'rows.jsonl',
    '--selected-cols',
    'features',
    '--label-col',
    'label',
    '--hyper-params',
    'lr=0.2',
    '--batch-size',
    '8',
    '--output',
    output,
    ...more,
  ];
}

const EPOCH_LINE = /^epoch (\d+)\/(\d+): loss (\S+), (\d+) rows\/s, (\d+) rows$/;

interface EpochLine {
  epoch: number;
  epochs: number;
  loss: number;
  rowsPerSecond: number;
  rows: number;
}

function epochLines(text: string): EpochLine[] {
  return text
    .split('\n')
    .map((l) => EPOCH_LINE.exec(l))
    .filter((m) => m !== null)
    .map((m) => ({
      epoch: Number(m[1]),
      epochs: Number(m[2]),
      loss: Number(m[3]),
      rowsPerSecond: Number(m[4]),
      rows: Number(m[5]),
    }));
}

/** What the stage saved at `dir`, loaded through the CLI's registry, predicts for `features`. */
async function registryPredictions(dir: string, features: number[][]): Promise<number[]> {
  const servable = await createRegistry().load(dir);
  const df = DataFrame.fromColumns(
    ['features'],
    [DataTypes.VECTOR(BasicType.DOUBLE)],
    [features.map((f) => Vectors.dense(...f))],
  );
  return [...servable.transform(df).getDoubles('prediction')];
}

describe('servable train', () => {
  it('trains from a JSON-lines file, prints one line per epoch when piped, and saves a servable stage', async () => {
    const m = memoryIo({ cwd: root });
    const code = await runCli(trainArgs('model', '--epochs', '6'), m.io);
    expect(m.stderr.text()).not.toContain('error');
    expect(code).toBe(0);
    expect(m.stdout.text()).toBe('');

    const lines = epochLines(m.stderr.text());
    expect(lines.map((l) => l.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const line of lines) {
      expect(line.epochs).toBe(6);
      expect(line.rows).toBe(40);
      expect(line.rowsPerSecond).toBeGreaterThan(0);
      expect(Number.isFinite(line.loss)).toBe(true);
    }
    // It learned: the loss fell.
    expect((lines.at(-1) as EpochLine).loss).toBeLessThan((lines[0] as EpochLine).loss / 2);
    expect(m.stderr.lines().at(-1)).toBe(
      `trained on 40 rows, 6 epochs, final loss ${(lines.at(-1) as EpochLine).loss}; saved to ${join(root, 'model')}`,
    );

    // The stage loads through the CLI's registry (TFModelServable) …
    const features = [
      [0.25, 0.75],
      [0.5, 0.5],
    ];
    const expected = await registryPredictions(join(root, 'model'), features);
    expect(expected).toHaveLength(2);
    for (const [i, f] of features.entries()) {
      expect(Math.abs((expected[i] as number) - (3 * (f[0] as number) + 1))).toBeLessThan(1);
    }
    // … and `servable predict` on it answers the same.
    const input = features.map((f, i) => JSON.stringify({ id: i, features: f })).join('\n');
    const p = memoryIo({ cwd: root, stdin: input });
    expect(await runCli(['predict', 'model', '--input', '-'], p.io)).toBe(0);
    const outputs = p.stdout
      .lines()
      .map((l) => JSON.parse(l) as { id: number; prediction: number });
    expect(outputs.map((o) => o.id)).toEqual([0, 1]);
    outputs.forEach((o, i) => {
      expect(o.prediction).toBeCloseTo(expected[i] as number, 5);
    });
  });

  it('draws a live progress bar when stderr is a terminal, and nothing with --no-progress', async () => {
    const tty = memoryIo({ cwd: root, ttyStderr: true });
    expect(await runCli(trainArgs('model-tty', '--epochs', '3'), tty.io)).toBe(0);
    const text = tty.stderr.text();
    // The bar is redrawn in place (cursor control), once per epoch.
    for (const epoch of [1, 2, 3])
      expect(text).toMatch(new RegExp(`train .* epoch ${epoch}/3 \\| loss \\S+ \\| \\d+ rows/s`));
    expect(text).toContain('\u001b[');
    expect(epochLines(text)).toEqual([]);
    expect(text).toContain('trained on 40 rows, 3 epochs');

    const quiet = memoryIo({ cwd: root, ttyStderr: true });
    expect(await runCli(trainArgs('model-quiet', '--epochs', '2', '--no-progress'), quiet.io)).toBe(
      0,
    );
    expect(quiet.stderr.text()).not.toContain('epoch 1');
    expect(quiet.stderr.lines()).toHaveLength(1);
  });

  it('reads stdin with --input - and writes checkpoints a later run resumes from', async () => {
    const m = memoryIo({ cwd: root, stdin: ROWS_TEXT });
    const args = trainArgs(
      'model-ckpt',
      '--epochs',
      '2',
      '--checkpoint-dir',
      'ckpt',
      '--checkpoint-every',
      '1',
    );
    args[4] = '-';
    expect(await runCli(args, m.io)).toBe(0);
    expect((await readdir(join(root, 'ckpt'))).sort()).toEqual([
      checkpointName(1),
      checkpointName(2),
    ]);

    const resumed = memoryIo({ cwd: root });
    expect(
      await runCli(
        trainArgs('model-resumed', '--epochs', '3', '--resume-from', 'ckpt'),
        resumed.io,
      ),
    ).toBe(0);
    expect(epochLines(resumed.stderr.text()).map((l) => `${l.epoch}/${l.epochs}`)).toEqual(['3/3']);
  });

  it('trains after a --pipeline-prefix stage and saves a PipelineModel that predicts from raw rows', async () => {
    // A fitted scaler: scaled = (features - 0.5) / 0.3.
    await new StandardScalerModelServable()
      .setInputCol('features')
      .setOutputCol('scaled')
      .setWithMean(true)
      .setModel({
        mean: Vectors.dense(0.5, 0.5),
        std: Vectors.dense(0.3, 0.3),
        version: 0n,
        timestamp: 0n,
      })
      .save(join(root, 'scaler'));
    const m = memoryIo({ cwd: root });
    const args = trainArgs('scaler-linear', '--epochs', '4', '--pipeline-prefix', 'scaler');
    args[6] = 'scaled'; // --selected-cols
    expect(await runCli(args, m.io)).toBe(0);
    expect(epochLines(m.stderr.text())).toHaveLength(4);

    const info = memoryIo({ cwd: root });
    expect(await runCli(['inspect', 'scaler-linear', '--json'], info.io)).toBe(0);
    const described = JSON.parse(info.stdout.text()) as {
      className: string;
      stages: { className: string }[];
    };
    expect(described.className).toBe('org.apache.flink.ml.builder.PipelineModel');
    expect(described.stages.map((s) => s.className)).toEqual([
      'org.apache.flink.ml.feature.standardscaler.StandardScalerModel',
      'dev.servable.tfbridge.TFModel',
    ]);
    const [prediction] = await registryPredictions(join(root, 'scaler-linear'), [[0.2, 0.8]]);
    expect(Number.isFinite(prediction)).toBe(true);
  });

  it('explains every flag with examples in --help', async () => {
    const m = memoryIo({ cwd: root });
    expect(await runCli(['train', '--help'], m.io)).toBe(0);
    const help = m.stdout.text();
    expect(help).toContain('Usage: servable train');
    expect(help).toContain('Examples:\n  $ servable train --script');
    const flags = [
      '--script <file>',
      '--input <file>',
      '--output <dir>',
      '--selected-cols <cols>',
      '--label-col <col>',
      '--output-cols <cols>',
      '--output-types <types>',
      '--entry-func <name>',
      '--hyper-params <key=value>',
      '--epochs <n>',
      '--batch-size <rows>',
      '--remainder <mode>',
      '--shuffle',
      '--backend <backend>',
      '--tfjs-backend <backend>',
      '--worker-num <n>',
      '--ps-num <n>',
      '--checkpoint-dir <dir>',
      '--checkpoint-every <n>',
      '--initial-model-path <path>',
      '--resume-from <dir>',
      '--env-path <path>',
      '--coding <coding>',
      '--output-coding <coding>',
      '--inference-script <file>',
      '--inference-entry-func <name>',
      '--inference-hyper-params <key=value>',
      '--pipeline-prefix <dir>',
      '--schema <fields>',
      '--no-progress',
    ];
    for (const flag of flags) expect(help, flag).toContain(flag);
    // Every option line has an explanation after the flag.
    const optionLines = help.split('\n').filter((l) => /^ {2}(-\w, )?--/.test(l));
    expect(optionLines.length).toBeGreaterThanOrEqual(flags.length);
    for (const line of optionLines) expect(line, line).toMatch(/--\S+(?: <[^>]+>)?\s{2,}\S/);
  });

  it('exits 2 for a wrong command line, naming the flag', async () => {
    const cases: [string[], RegExp][] = [
      [trainArgs('bad-1', '--bogus'), /unknown option '--bogus'/],
      [trainArgs('bad-2', '--epochs', '0'), /--epochs: expected a whole number from 1/],
      [
        trainArgs('bad-3', '--remainder', 'maybe'),
        /--remainder.*Allowed choices are keep, drop, pad/,
      ],
      [
        trainArgs('bad-4', '--hyper-params', 'lr'),
        /--hyper-params: expected key=value \(e\.g\. lr=0\.01\), found "lr"/,
      ],
      [trainArgs('bad-5', '--checkpoint-every', '2'), /--checkpoint-every: needs --checkpoint-dir/],
      [
        ['train', '--script', 'linear.mjs', '--input', 'rows.jsonl', '--output', 'bad-6'],
        /required option '--selected-cols <cols>'/,
      ],
      [trainArgs('bad-7', '--input', 'missing.jsonl'), /--input: cannot read .*missing\.jsonl/],
      [trainArgs('model'), /--output: .*model exists and is not empty/],
    ];
    for (const [args, message] of cases) {
      const m = memoryIo({ cwd: root });
      expect(await runCli(args, m.io), args.join(' ')).toBe(2);
      expect(m.stderr.text()).toMatch(message);
    }
    // Nothing was trained or saved.
    const entries = await readdir(root);
    expect(entries.filter((e) => e.startsWith('bad-'))).toEqual([]);
  });

  it('exits 1 naming the script when training fails, and names the line of a bad row', async () => {
    const broken = memoryIo({ cwd: root });
    const args = trainArgs('broken-model', '--epochs', '1');
    args[2] = 'broken.mjs';
    expect(await runCli(args, broken.io)).toBe(1);
    const text = broken.stderr.text();
    expect(text).toContain(`error: training with script ${join(root, 'broken.mjs')} failed: `);
    expect(text).toContain('no GPU in this test');

    const missing = memoryIo({ cwd: root });
    args[2] = 'nowhere.mjs';
    expect(await runCli(args, missing.io)).toBe(1);
    expect(missing.stderr.text()).toMatch(
      /training with script .*nowhere\.mjs failed: script: cannot import/,
    );

    await writeFile(
      join(root, 'bad-rows.jsonl'),
      `${JSON.stringify(ROWS[0])}\n\n{"features": [1, 2], "label": "three"}\n`,
    );
    const bad = memoryIo({ cwd: root });
    const badArgs = trainArgs(
      'bad-rows-model',
      '--schema',
      'features VECTOR(DOUBLE), label DOUBLE',
    );
    badArgs[4] = 'bad-rows.jsonl';
    expect(await runCli(badArgs, bad.io)).toBe(1);
    expect(bad.stderr.text()).toMatch(/error: .*bad-rows\.jsonl, line 3: column "label"/);

    const empty = memoryIo({ cwd: root, stdin: '\n\n' });
    const emptyArgs = trainArgs('empty-model');
    emptyArgs[4] = '-';
    expect(await runCli(emptyArgs, empty.io)).toBe(1);
    expect(empty.stderr.text()).toContain('error: stdin, line 3: no rows');
  });
});
