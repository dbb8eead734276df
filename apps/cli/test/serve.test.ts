import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveServeConfig, runCli } from '@servable/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo, waitForLog } from './support/memory-io.js';
import {
  buildLr,
  buildPipeline,
  expectedPipeline,
  lrModelData,
  tempDir,
} from './support/models.js';
import { sleep } from './support/wait.js';

let root: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir());
  await buildPipeline(1n).save(join(root, 'pipeline'));
  await buildLr(3n).save(join(root, 'lr'));
  await writeFile(join(root, 'lr-v5.bin'), lrModelData(5n, [1, 1, 1]));
});
afterAll(() => cleanup());

interface PredictBody {
  model_version: string;
  predictions: { prediction: number }[];
}

async function predictVia(url: string, model: string, features: number[]): Promise<PredictBody> {
  const response = await fetch(`${url}/v1/models/${model}:predict`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ instances: [{ features }] }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as PredictBody;
}

describe('servable serve', () => {
  it('serves several models, follows --watch updates and stops gracefully', async () => {
    const m = memoryIo({ cwd: root });
    const args = ['serve', '-m', 'pipe=pipeline', '--model', 'lr=lr', '--watch', '--port', '0'];
    const done = runCli(args, m.io);
    const listening = await waitForLog(m.stdout, 'servable serve listening');
    const url = listening.url as string;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(listening.models).toEqual(['pipe', 'lr']);

    const p = await predictVia(url, 'pipe', [3, 1, 5]);
    expect(p.model_version).toBe('0.1');
    expect(p.predictions[0]?.prediction).toBe(expectedPipeline([3, 1, 5]).prediction);
    expect((await predictVia(url, 'lr', [1, 2, 3])).model_version).toBe('3');

    // A new LR version published into the watched pipeline directory is served without restart.
    const pub = memoryIo({ cwd: root });
    expect(
      await runCli(['publish', '--dir', 'pipeline', '--stage', '1', '-f', 'lr-v5.bin'], pub.io),
    ).toBe(0);
    const deadline = Date.now() + 10_000;
    let body = await predictVia(url, 'pipe', [3, 1, 5]);
    while (body.model_version !== '0.5' && Date.now() < deadline) {
      await sleep(25);
      body = await predictVia(url, 'pipe', [3, 1, 5]);
    }
    expect(body.model_version).toBe('0.5');
    expect(body.predictions[0]?.prediction).toBe(expectedPipeline([3, 1, 5], [1, 1, 1]).prediction);

    m.stop();
    expect(await done).toBe(0);
    expect(m.stdout.text()).toContain('servable serve stopped');
  }, 30_000);
});

describe('serve config', () => {
  it('merges a --config file with flags (flags win, paths relative to the file)', async () => {
    const file = join(root, 'serve.json');
    await writeFile(
      file,
      JSON.stringify({
        host: '0.0.0.0',
        port: 9000,
        workers: 2,
        kafkaBrokers: 'a:9092,b:9092',
        models: [
          { name: 'pipe', path: './pipeline', topic: 'pipe-models', stage: 1 },
          { name: 'lr', path: 'lr', watch: true },
        ],
      }),
    );
    const config = await resolveServeConfig(
      { config: 'serve.json', port: '0', model: ['extra=lr'], modelTopic: ['lr=lr-models'] },
      root,
    );
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 0,
      workers: 2,
      kafkaBrokers: ['a:9092', 'b:9092'],
      logLevel: 'info',
      models: [
        { name: 'pipe', path: join(root, 'pipeline'), topic: 'pipe-models', stage: '1' },
        { name: 'lr', path: join(root, 'lr'), watch: true, topic: 'lr-models' },
        { name: 'extra', path: join(root, 'lr') },
      ],
    });
  });

  it('names what is wrong in flags and config files', async () => {
    const bad = async (flags: Parameters<typeof resolveServeConfig>[0], json?: unknown) => {
      if (json !== undefined) await writeFile(join(root, 'bad.json'), JSON.stringify(json));
      return resolveServeConfig(
        json === undefined ? flags : { ...flags, config: 'bad.json' },
        root,
      ).then(
        () => 'no error',
        (e: Error) => e.message,
      );
    };
    expect(await bad({})).toContain('--model: give at least one model');
    expect(await bad({ model: ['lr'] })).toContain(
      '--model: expected name=value (e.g. lr=./models/lr), found "lr"',
    );
    expect(await bad({ model: ['lr=lr'], port: '70000' })).toContain(
      '--port: expected a whole number from 0 to 65535',
    );
    expect(await bad({ model: ['lr=lr'], modelTopic: ['x=t'] })).toContain('no model named "x"');
    expect(await bad({ model: ['lr=lr'], modelTopic: ['lr=t'] })).toContain(
      'needs --kafka-brokers',
    );
    expect(await bad({}, { models: [{ name: 'lr' }] })).toMatch(
      /bad\.json: models\[0\]\.path must be a non-empty string/,
    );
    expect(await bad({}, { modles: [] })).toContain('unknown key "modles"');
    expect(await bad({}, { port: 'x', models: [] })).toContain(
      '"port" must be a number, found the string "x"',
    );
  });
});
