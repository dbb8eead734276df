import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ModelUpdaterError } from '@servable/model-updaters';
import { MockKafkaError, startKafka } from '@servable/model-updaters/testing';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('@servable/model-updaters/testing', () => {
  it('starts a usable mock cluster from a plain Node process (no test framework loaded)', async () => {
    // Run the entry point outside vitest, as the demo does at run time: importing vitest (or
    // anything that needs a test runner) there would fail.
    const script = `
      import { Kafka, logLevel } from 'kafkajs';
      import { createTopic, startKafka, uniqueTopic } from '@servable/model-updaters/testing';
      const kafka = await startKafka();
      const topic = uniqueTopic('entry');
      await createTopic(kafka, topic);
      const admin = new Kafka({ brokers: kafka.brokers, logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      const partitions = (await admin.fetchTopicOffsets(topic)).length;
      await admin.disconnect();
      await kafka.stop();
      console.log(JSON.stringify({ brokers: kafka.brokers, pid: kafka.pid, partitions }));
    `;
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const { stdout } = await run(
      process.execPath,
      [tsx, '--conditions=@servable/source', '--input-type=module', '-e', script],
      { cwd: packageDir, env: { ...process.env, KAFKA_BROKERS: '' }, timeout: 30_000 },
    );
    const result = JSON.parse(stdout.trim().split('\n').at(-1) as string) as {
      brokers: string[];
      pid: number;
      partitions: number;
    };
    expect(result.brokers).toHaveLength(1);
    expect(result.brokers[0]).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(result.partitions).toBe(4);
    expect(isAlive(result.pid)).toBe(false); // stop() killed kcat
  });

  it('uses the configured brokers without starting anything, and cannot pause them', async () => {
    const kafka = await startKafka({ brokers: ['kafka-1:9092', 'kafka-2:9092'] });
    expect(kafka).toMatchObject({
      brokers: ['kafka-1:9092', 'kafka-2:9092'],
      external: true,
      canPause: false,
      pid: undefined,
    });
    const error = (() => {
      try {
        kafka.pause();
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MockKafkaError);
    expect(error).toBeInstanceOf(ModelUpdaterError);
    expect((error as MockKafkaError).code).toBe('MOCK_KAFKA_CANNOT_PAUSE');
    expect((error as Error).message).toContain('kafka-1:9092,kafka-2:9092');
    await kafka.stop();
  });

  it('reports a missing kcat at once, saying how to fix it', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'no-kcat-'));
    const path = process.env.PATH;
    const brokers = process.env.KAFKA_BROKERS;
    process.env.PATH = empty;
    delete process.env.KAFKA_BROKERS;
    try {
      const error = await startKafka({ timeoutMs: 60_000 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MockKafkaError);
      expect((error as MockKafkaError).code).toBe('MOCK_KAFKA_UNAVAILABLE');
      expect((error as Error).message).toMatch(
        /kcat is not installed \(not found on the PATH\)\. Install kcat .* or set KAFKA_BROKERS/,
      );
    } finally {
      process.env.PATH = path;
      if (brokers !== undefined) process.env.KAFKA_BROKERS = brokers;
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('checks numBrokers', async () => {
    await expect(startKafka({ brokers: [], numBrokers: 0 })).rejects.toMatchObject({
      code: 'MOCK_KAFKA_CONFIG',
      message: expect.stringContaining('numBrokers: expected an integer >= 1, found 0'),
    });
  });
});
