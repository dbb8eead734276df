import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli, STREAM_HEADERS } from '@servable/cli';
import {
  createTopic,
  startKafka,
  type TestKafka,
  uniqueTopic,
} from '@servable/model-updaters/testing';
import { type Consumer, Kafka, type KafkaMessage, logLevel, type Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo, waitForLog } from './support/memory-io.js';
import { buildLr, expectedLr, lrModelData, tempDir } from './support/models.js';
import { sleep, waitFor } from './support/wait.js';

let root: string;
let cleanup: () => Promise<void>;
let cluster: TestKafka;
let kafka: Kafka;
let producer: Producer;
const consumers: Consumer[] = [];

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir());
  await buildLr(1n).save(join(root, 'lr'));
  await writeFile(join(root, 'lr-v5.bin'), lrModelData(5n));
  await writeFile(join(root, 'lr-v6.bin'), lrModelData(6n));
  await writeFile(join(root, 'lr-v9.bin'), lrModelData(9n, [-1, -1, -1]));
  cluster = await startKafka();
  kafka = new Kafka({ clientId: 'cli-test', brokers: cluster.brokers, logLevel: logLevel.NOTHING });
  producer = kafka.producer({ allowAutoTopicCreation: true });
  await producer.connect();
});
afterAll(async () => {
  await Promise.all(consumers.map((c) => c.disconnect()));
  await producer?.disconnect();
  await cluster?.stop();
  await cleanup();
});

interface Received {
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
}

/** Collects every record of `topic` from the beginning. */
async function collectTopic(topic: string): Promise<Received[]> {
  await createTopic(cluster, topic);
  const received: Received[] = [];
  const consumer = kafka.consumer({ groupId: uniqueTopic('collector'), maxWaitTimeInMs: 20 });
  consumers.push(consumer);
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }: { message: KafkaMessage }) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(v);
      received.push({ key: String(message.key), value: String(message.value), headers });
    },
  });
  return received;
}

async function predictVersion(url: string): Promise<string> {
  const response = await fetch(`${url}/v1/models/lr:predict`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ instances: [{ features: [1, 2, 3] }] }),
  });
  return ((await response.json()) as { model_version: string }).model_version;
}

describe('servable publish --brokers and serve --model-topic', () => {
  it('publishes model versions to Kafka that a serving model follows', async () => {
    const topic = uniqueTopic('lr-models');
    await createTopic(cluster, topic);
    const brokers = cluster.brokers.join(',');
    const pub = memoryIo({ cwd: root });
    const publish = ['publish', '--brokers', brokers, '--topic', topic, '--model', 'lr'];
    expect(await runCli([...publish, '--file', 'lr-v5.bin'], pub.io)).toBe(0);
    expect(pub.stdout.text()).toMatch(new RegExp(`\\(model version 5\\) to ${topic}/\\d@0`));

    const m = memoryIo({ cwd: root });
    const serve = runCli(
      [
        'serve',
        '-m',
        'lr=lr',
        '--port',
        '0',
        '--kafka-brokers',
        brokers,
        '--model-topic',
        `lr=${topic}`,
      ],
      m.io,
    );
    const url = (await waitForLog(m.stdout, 'servable serve listening')).url as string;
    // start() applies each partition's newest record before listening.
    expect(await predictVersion(url)).toBe('5');

    const next = memoryIo({ cwd: root });
    expect(await runCli([...publish, '--file', 'lr-v6.bin'], next.io)).toBe(0);
    const deadline = Date.now() + 15_000;
    while ((await predictVersion(url)) !== '6' && Date.now() < deadline) await sleep(25);
    expect(await predictVersion(url)).toBe('6');

    // Data that does not fit the model is refused before it reaches the topic.
    const bad = memoryIo({ cwd: root });
    await writeFile(join(root, 'short.bin'), Buffer.from([1, 2, 3]));
    expect(await runCli([...publish, '--file', 'short.bin'], bad.io)).toBe(1);
    expect(bad.stderr.text()).toContain('nothing was published');

    m.stop();
    expect(await serve).toBe(0);
  }, 60_000);
});

describe('servable stream', () => {
  it('answers each record at once, in order, dead-letters bad records, follows model updates and commits', async () => {
    const input = uniqueTopic('rows');
    const output = uniqueTopic('scores');
    const modelTopic = uniqueTopic('lr-models');
    const groupId = uniqueTopic('stream-group');
    await createTopic(cluster, input);
    await createTopic(cluster, modelTopic);
    const results = await collectTopic(output);
    const dead = await collectTopic(`${input}.dlq`);
    const brokers = cluster.brokers.join(',');

    const m = memoryIo({ cwd: root });
    const done = runCli(
      [
        'stream',
        '--brokers',
        brokers,
        '--input-topic',
        input,
        '--output-topic',
        output,
        '--model',
        'lr',
        '--group-id',
        groupId,
        '--from-beginning',
        '--model-topic',
        modelTopic,
      ],
      m.io,
    );
    await waitForLog(m.stdout, 'servable stream running');

    // One record at a time: each result arrives before the next record is even sent, so
    // nothing is held back waiting for more input.
    const rows = [
      [1, 2, 3],
      [-4, 0, 1],
      [0.5, -2, 0],
    ];
    for (let i = 0; i < rows.length; i++) {
      await producer.send({
        topic: input,
        messages: [{ key: 'k', value: JSON.stringify({ id: i, features: rows[i] }) }],
      });
      await waitFor(() => results.length === i + 1, `the result of record ${i}`, 15_000);
    }
    results.forEach((r, i) => {
      const out = JSON.parse(r.value) as { id: number; prediction: number };
      expect(out.id).toBe(i);
      expect(out.prediction).toBe(expectedLr(rows[i] as number[]).prediction);
      expect(r.key).toBe('k');
      expect(r.headers[STREAM_HEADERS.modelVersion]).toBe('1');
    });

    // A burst with bad records in between: good results keep their order, bad ones go to the DLQ.
    const burst = [
      JSON.stringify({ id: 10, features: [1, 1, 1] }),
      'not json',
      JSON.stringify({ id: 11, features: [1, 2] }),
      JSON.stringify({ id: 12, features: [2, 2, 2] }),
      '[1, 2, 3]',
      JSON.stringify({ id: 13, features: [3, 3, 3] }),
    ];
    await producer.send({ topic: input, messages: burst.map((value) => ({ key: 'k', value })) });
    await waitFor(() => results.length === 6 && dead.length === 3, 'the burst', 15_000);
    expect(results.slice(3).map((r) => (JSON.parse(r.value) as { id: number }).id)).toEqual([
      10, 12, 13,
    ]);
    expect(dead.map((d) => d.value)).toEqual(['not json', burst[2], '[1, 2, 3]']);
    expect(dead[0]?.headers[STREAM_HEADERS.errorCode]).toBe('INPUT_JSON');
    expect(dead[0]?.headers[STREAM_HEADERS.error]).toContain('not valid JSON');
    // Each record runs as a one-row frame: the reason names the column, not a bogus "row 0".
    expect(dead[1]?.headers[STREAM_HEADERS.error]).toBe(
      'column features: the vector has dimension 2 but the model expects dimension 3.',
    );
    expect(dead[1]?.headers[STREAM_HEADERS.errorCode]).toBe('FEATURE_DIMENSION');
    expect(dead[2]?.headers[STREAM_HEADERS.error]).toContain('expected a JSON object');
    expect(dead[0]?.headers[STREAM_HEADERS.source]).toMatch(new RegExp(`^${input}/\\d@\\d+$`));

    // A new model version on the model topic is followed while streaming.
    const pub = memoryIo({ cwd: root });
    expect(
      await runCli(
        ['publish', '--brokers', brokers, '--topic', modelTopic, '--file', 'lr-v9.bin'],
        pub.io,
      ),
    ).toBe(0);
    await waitForLog(m.stdout, 'model updated');
    await producer.send({
      topic: input,
      messages: [{ key: 'k', value: JSON.stringify({ id: 20, features: [1, 2, 3] }) }],
    });
    await waitFor(() => results.length === 7, 'the result after the model update', 15_000);
    const last = results[6] as Received;
    expect(last.headers[STREAM_HEADERS.modelVersion]).toBe('9');
    expect((JSON.parse(last.value) as { prediction: number }).prediction).toBe(
      expectedLr([1, 2, 3], [-1, -1, -1]).prediction,
    );

    // Every handled record's offset is committed (only after its result was written).
    const admin = kafka.admin();
    await admin.connect();
    const [committed] = await admin.fetchOffsets({ groupId, topics: [input] });
    await admin.disconnect();
    const total = (committed?.partitions ?? []).reduce(
      (sum, p) => sum + Math.max(0, Number(p.offset)),
      0,
    );
    expect(total).toBe(rows.length + burst.length + 1);

    m.stop();
    expect(await done).toBe(0);
  }, 90_000);
});
