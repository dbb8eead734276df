import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DemoError, runDemo } from '@servable/demo';
import { LOGISTIC_REGRESSION_MODEL_DATA_FORMAT } from '@servable/servable-lib';
import { type ChildOutput, childOutput } from '@servable/test-support';
import { afterEach, describe, expect, it } from 'vitest';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const directories: string[] = [];

afterEach(async () => {
  for (const d of directories.splice(0)) await rm(d, { recursive: true, force: true });
});

/**
 * Runs the demo's executable from source, as `pnpm demo` runs the built one, with `env` added to
 * (or, for `undefined` values, removed from) this process's environment.
 */
function runCli(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<ChildOutput> {
  const child = spawn(
    process.execPath,
    ['--conditions=@servable/source', '--import', 'tsx', 'src/bin.ts', ...args],
    { cwd: appDir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  return childOutput(child);
}

/** A local port nothing listens on (it was free a moment ago). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function versionLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => /^ {2}v\d+ /.test(l));
}

describe('the demo, in files mode', () => {
  it('serves each published version, measured through HTTP, with no failed request', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'demo-test-'));
    directories.push(directory);
    const lines: string[] = [];
    const result = await runDemo({
      versions: 4,
      intervalMs: 50,
      port: 0,
      directory,
      write: (line) => lines.push(line),
    });

    expect(result.channel).toBe('files');
    expect(result.versions.map((v) => v.servedVersion)).toEqual(['1', '2', '3', '4']);
    for (const v of result.versions) {
      // The server's predictions are exactly the trainer's own: same model, served.
      expect(v.accuracy).toBe(v.expectedAccuracy);
      expect(v.correct).toBe(Math.round(v.accuracy * v.total));
      expect(v.samples).toHaveLength(3);
    }
    const first = result.versions[0]!;
    const last = result.versions[3]!;
    expect(last.accuracy).toBeGreaterThan(first.accuracy);
    expect(result.traffic.failed).toBe(0);
    expect(result.traffic.answered).toBeGreaterThan(0);

    const output = lines.join('\n');
    expect(output).toContain(`status page: ${result.url}/`);
    expect(versionLines(output)).toHaveLength(4);
    expect(output).toContain('0 failed');

    // The pipeline stays in Flink ML's layout, its LogisticRegression data now version 4.
    expect((await readdir(directory)).sort()).toEqual(['metadata', 'stages']);
    expect((await readdir(join(directory, 'stages'))).sort()).toEqual(['0', '1']);
    const dataDir = join(directory, 'stages', '1', 'data');
    const files = (await readdir(dataDir)).filter((n) => !n.startsWith('.'));
    expect(files).toHaveLength(1);
    const bytes = await readFile(join(dataDir, files[0]!));
    const model = LOGISTIC_REGRESSION_MODEL_DATA_FORMAT.decode([{ source: files[0]!, bytes }]);
    expect(model.modelVersion).toBe(4n);
  });

  it('removes its temporary directory and stops the server at the end', async () => {
    const result = await runDemo({ versions: 2, intervalMs: 0, port: 0, write: () => {} });
    await expect(stat(result.directory)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(fetch(`${result.url}/v2/health/live`)).rejects.toThrow();
  });

  it('stops early and cleanly when its signal aborts', async () => {
    const abort = new AbortController();
    const lines: string[] = [];
    const result = await runDemo({
      forever: true,
      intervalMs: 20,
      port: 0,
      signal: abort.signal,
      write: (line) => {
        lines.push(line);
        if (/^ {2}v3 /.test(line)) abort.abort();
      },
    });
    expect(result.versions.map((v) => v.servedVersion)).toEqual(['1', '2', '3']);
    expect(lines).toContain('  (publishing until Ctrl-C)');
  });

  it('rejects invalid options with a DemoError naming the option', async () => {
    await expect(runDemo({ versions: 0, write: () => {} })).rejects.toThrow(DemoError);
    await expect(runDemo({ versions: 0, write: () => {} })).rejects.toThrow(
      'versions must be an integer >= 1, found 0.',
    );
    await expect(runDemo({ intervalMs: -1, write: () => {} })).rejects.toMatchObject({
      code: 'INVALID_OPTION',
    });
  });
});

describe('the demo executable', { timeout: 60_000 }, () => {
  it('runs in files mode and exits 0', async () => {
    const run = await runCli(['--versions', '3', '--interval', '50', '--port', '0']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(versionLines(run.stdout).map((l) => l.trim().split(/\s+/)[0])).toEqual([
      'v1',
      'v2',
      'v3',
    ]);
    expect(run.stdout).toMatch(/status page: http:\/\/127\.0\.0\.1:\d+\//);
    expect(run.stdout).toMatch(/Served 3 model versions \(v1 → v3\)/);
  });

  it('runs through Kafka (the kcat mock cluster, or KAFKA_BROKERS) and exits 0', async () => {
    const run = await runCli([
      '--kafka',
      '--versions',
      '3',
      '--interval',
      '100',
      '--port',
      '0',
      '--topic',
      `servable-demo-test-${process.pid}-${Date.now().toString(36)}`,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/updates {3}Kafka: records on topic servable-demo-test-/);
    expect(versionLines(run.stdout).map((l) => l.trim().split(/\s+/)[0])).toEqual([
      'v1',
      'v2',
      'v3',
    ]);
    expect(run.stdout).toMatch(/were answered and 0 failed/);
  });

  it('exits 1 with an install hint when --kafka needs the mock cluster and kcat is missing', async () => {
    const emptyPath = await mkdtemp(join(tmpdir(), 'demo-no-kcat-'));
    directories.push(emptyPath);
    const run = await runCli(['--kafka', '--versions', '2', '--port', '0'], {
      PATH: emptyPath,
      KAFKA_BROKERS: undefined,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('servable-demo failed: MOCK_KAFKA_UNAVAILABLE: ');
    expect(run.stderr).toContain('kcat is not installed');
    expect(run.stderr).toContain('apt-get install kcat');
    expect(run.stderr).toContain('Or run the demo without --kafka');
  });

  it('exits 1 naming the brokers when KAFKA_BROKERS cannot be reached', async () => {
    const port = await closedPort();
    const run = await runCli(['--kafka', '--versions', '2', '--port', '0'], {
      KAFKA_BROKERS: `127.0.0.1:${port}`,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `servable-demo failed: KAFKA_UNAVAILABLE: Cannot use Kafka at 127.0.0.1:${port} (topic servable-demo)`,
    );
  });

  it('exits 1 with a readable message for a bad option', async () => {
    const run = await runCli(['--versions', 'zero']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("option '--versions <n>' argument 'zero' is invalid");
  });
});
