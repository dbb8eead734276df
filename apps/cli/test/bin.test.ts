import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLr, buildPipeline, expectedPipeline, tempDir } from './support/models.js';
import { runBin, spawnBin } from './support/run-bin.js';

let root: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir());
  await buildPipeline(4n).save(join(root, 'pipeline'));
  await buildLr(2n).save(join(root, 'lr'));
  await writeFile(
    join(root, 'rows.jsonl'),
    `${[
      [1, 2, 3],
      [3, 1, 5],
    ]
      .map((features, id) => JSON.stringify({ id, features }))
      .join('\n')}\n`,
  );
});
afterAll(() => cleanup());

const FLAGS: Record<string, string[]> = {
  inspect: ['--json'],
  predict: [
    '--input',
    '--output',
    '--on-error',
    '--batch-size',
    '--schema',
    '--select',
    '--no-progress',
  ],
  publish: ['--file', '--dir', '--brokers', '--topic', '--stage', '--key', '--model'],
  serve: [
    '--model',
    '--watch',
    '--kafka-brokers',
    '--model-topic',
    '--host',
    '--port',
    '--workers',
    '--config',
    '--log-level',
  ],
  stream: [
    '--brokers',
    '--input-topic',
    '--output-topic',
    '--model',
    '--dead-letter-topic',
    '--group-id',
    '--from-beginning',
    '--model-topic',
    '--model-stage',
    '--watch',
    '--schema',
    '--select',
    '--log-level',
  ],
};

describe('the servable bin (child process)', () => {
  it('explains every command and every flag with examples in --help', async () => {
    const top = await runBin(['--help']);
    expect(top.code).toBe(0);
    for (const command of Object.keys(FLAGS)) expect(top.stdout).toContain(`${command} [options]`);
    const helps = await Promise.all(Object.keys(FLAGS).map((c) => runBin([c, '--help'])));
    Object.entries(FLAGS).forEach(([command, flags], i) => {
      const help = helps[i] as Awaited<ReturnType<typeof runBin>>;
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: servable ${command}`);
      expect(help.stdout).toContain(`Examples:\n  $ servable ${command}`);
      for (const flag of flags) expect(help.stdout, `${command} ${flag}`).toContain(flag);
    });
  }, 60_000);

  it('exits 2 with a message for an unknown command or flag', async () => {
    const r = await runBin(['inspect', root, '--jsn']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--jsn'");
  });

  it('inspects a model', async () => {
    const ok = await runBin(['inspect', join(root, 'pipeline'), '--json']);
    expect(ok.code).toBe(0);
    const d = JSON.parse(ok.stdout) as { stages: { modelVersion: string }[] };
    expect(d.stages.map((s) => s.modelVersion)).toEqual(['0', '4']);
    const missing = await runBin(['inspect', join(root, 'none')]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('cannot read metadata');
  });

  it('predicts from a pipe to a pipe: only JSON lines on stdout, nothing on stderr', async () => {
    const input = '{"id":"a","features":[1,2,3]}\n{"id":"b","features":[3,1,5]}\n';
    const r = await runBin(
      ['predict', join(root, 'pipeline'), '--input', '-', '--output', '-'],
      input,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; prediction: number });
    expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
    expect(lines[1]?.prediction).toBe(expectedPipeline([3, 1, 5]).prediction);
    const file = await runBin(['predict', join(root, 'pipeline'), '-i', join(root, 'rows.jsonl')]);
    expect(file.code).toBe(0);
    expect(file.stdout.trimEnd().split('\n')).toHaveLength(2);
  });

  it('serves with --workers 2 on one port and stops every worker on SIGTERM', async () => {
    const child = spawnBin([
      'serve',
      '-m',
      `lr=${join(root, 'lr')}`,
      '--port',
      '0',
      '--workers',
      '2',
    ]);
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (s: string) => {
      out += s;
    });
    child.stderr?.setEncoding('utf8').on('data', (s: string) => {
      out += s;
    });
    // 'close' (not 'exit'): every process writing to the pipes is gone and their output read.
    const exited = new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
    const logs = () =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { msg: string; pid: number; url?: string; workers?: number });
    const workerPids = () =>
      new Set(
        logs()
          .filter((l) => l.msg === 'servable serve listening' && l.workers === undefined)
          .map((l) => l.pid),
      );
    // The primary announces the cluster once every worker listens (cluster 'listening' events,
    // over IPC); a worker's own log line travels on its stdout and may arrive just after that.
    const deadline = Date.now() + 30_000;
    while (
      !logs().some((l) => l.msg === 'servable serve listening' && l.workers === 2) ||
      workerPids().size < 2
    ) {
      if (Date.now() > deadline) throw new Error(`the cluster did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const primary = logs().find((l) => l.workers === 2 && l.msg === 'servable serve listening');
    expect(workerPids().size).toBe(2);
    expect(workerPids().has(child.pid as number)).toBe(false);
    const url = primary?.url as string;
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${url}/v1/models/lr:predict`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ instances: [{ features: [1, 2, 3] }] }),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { model_version: string }).model_version).toBe('2');
    }
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(logs().filter((l) => l.msg === 'servable serve stopped')).toHaveLength(3);
  }, 60_000);
});
