import {
  type KafkaModelRejectedEvent,
  type KafkaModelStaleEvent,
  type KafkaModelUpdatedEvent,
  KafkaModelUpdater,
  ModelDataPublisher,
} from '@servable/model-updaters';
import {
  createTopic,
  startKafka,
  type TestKafka,
  uniqueTopic,
} from '@servable/model-updaters/testing';
import { PipelineModelServable } from '@servable/servable-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  lrModelData,
  lrServable,
  onesFrame,
  servedVersion,
  versionsOf,
} from './support/lr-models.js';
import { sleep, waitFor } from './support/wait.js';

let kafka: TestKafka;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  kafka = await startKafka();
});

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

afterAll(async () => {
  await kafka?.stop();
});

async function publisherFor(topic: string): Promise<ModelDataPublisher> {
  const publisher = new ModelDataPublisher({ brokers: kafka.brokers, topic });
  await publisher.connect();
  cleanups.push(() => publisher.disconnect());
  return publisher;
}

function follow(
  servable: Parameters<typeof followRaw>[0],
  topic: string,
  options: Partial<ConstructorParameters<typeof KafkaModelUpdater>[1]> = {},
) {
  return followRaw(servable, topic, options);
}

function followRaw(
  servable: ConstructorParameters<typeof KafkaModelUpdater>[0],
  topic: string,
  options: Partial<ConstructorParameters<typeof KafkaModelUpdater>[1]>,
) {
  const updater = new KafkaModelUpdater(servable, { brokers: kafka.brokers, topic, ...options });
  const updated: KafkaModelUpdatedEvent[] = [];
  const rejected: KafkaModelRejectedEvent[] = [];
  const stale: KafkaModelStaleEvent[] = [];
  updater.on('updated', (e) => updated.push(e));
  updater.on('rejected', (e) => rejected.push(e));
  updater.on('stale', (e) => stale.push(e));
  cleanups.push(() => updater.stop());
  return { updater, updated, rejected, stale };
}

describe('KafkaModelUpdater', () => {
  it('starts from the current model, not the history, and every instance gets every record', async () => {
    const topic = uniqueTopic();
    await createTopic(kafka, topic);
    const publisher = await publisherFor(topic);
    for (const v of [1, 2, 3]) await publisher.publish(lrModelData(v), { partition: 0 });
    await publisher.publish(lrModelData(2), { partition: 1 });

    const a = await lrServable();
    const b = await lrServable();
    const fa = follow(a, topic);
    const fb = follow(b, topic);
    await Promise.all([fa.updater.start(), fb.updater.start()]);
    expect(fa.updater.groupId).not.toBe(fb.updater.groupId);
    for (const f of [fa, fb]) {
      // Only each partition's newest record was read: version 1 never served.
      expect(f.updated.map((e) => e.version)).not.toContain(1);
      expect(f.updated.length + f.stale.length).toBe(2);
    }
    expect(servedVersion(a)).toBe(3);
    expect(servedVersion(b)).toBe(3);

    const sent = await publisher.publish(lrModelData(4));
    await waitFor(() => servedVersion(a) === 4 && servedVersion(b) === 4, 'version 4 on both');
    const last = fa.updated.at(-1)!;
    expect(last).toMatchObject({ version: 4, previousVersion: 3, partition: sent.partition });
    expect(last.offset).toBe(sent.offset);
    expect(last.source).toBe(`${topic}/${sent.partition}@${sent.offset}`);
    expect(last.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('serves without a torn model or an error while 100 versions arrive over 4 partitions', async () => {
    const topic = uniqueTopic();
    await createTopic(kafka, topic);
    const publisher = await publisherFor(topic);
    const servable = await lrServable(0);
    const { updater, updated, rejected, stale } = follow(servable, topic);
    await updater.start();

    const frame = onesFrame(64);
    const observed: number[] = [];
    let errors = 0;
    let transforms = 0;
    let running = true;
    const server = (async () => {
      while (running) {
        try {
          const versions = versionsOf(servable.transform(frame));
          transforms++;
          // One transform, one model: every row the same, known version.
          expect(new Set(versions).size).toBe(1);
          observed.push(versions[0] as number);
        } catch {
          errors++;
        }
        await new Promise((r) => setImmediate(r));
      }
    })();
    for (let v = 1; v <= 100; v++) {
      await publisher.publish(lrModelData(v), { partition: v % 4 });
    }
    await waitFor(() => servedVersion(servable) === 100, 'version 100');
    running = false;
    await server;

    expect(errors).toBe(0);
    expect(rejected).toEqual([]);
    expect(transforms).toBeGreaterThan(100);
    expect(observed.every((v) => Number.isInteger(v) && v >= 0 && v <= 100)).toBe(true);
    // Versions only move forward, even with records spread over partitions.
    for (let i = 1; i < observed.length; i++) {
      expect(observed[i]).toBeGreaterThanOrEqual(observed[i - 1] as number);
    }
    expect(updated.at(-1)?.version).toBe(100);
    expect(updated.length + stale.length).toBe(100);
    for (let i = 1; i < updated.length; i++) {
      expect(Number(updated[i]?.version)).toBeGreaterThan(Number(updated[i - 1]?.version));
    }
  });

  it('rejects corrupt records between good ones and keeps serving', async () => {
    const topic = uniqueTopic();
    await createTopic(kafka, topic);
    const publisher = await publisherFor(topic);
    const servable = await lrServable();
    const { updater, updated, rejected } = follow(servable, topic);
    await updater.start();

    await publisher.publish(lrModelData(1));
    const garbage = await publisher.publish(Uint8Array.of(1, 2, 3));
    await publisher.publish(lrModelData(2));
    const truncated = await publisher.publish(lrModelData(3).subarray(0, 20));
    const extended = await publisher.publish(Uint8Array.from([...lrModelData(3), 0]));
    await publisher.publish(lrModelData(4));
    await waitFor(() => servedVersion(servable) === 4, 'version 4');

    expect(updated.map((e) => e.version)).toEqual([1, 2, 4]);
    expect(rejected.map((e) => e.offset)).toEqual([
      garbage.offset,
      truncated.offset,
      extended.offset,
    ]);
    for (const e of rejected) {
      const source = `${topic}/${e.partition}@${e.offset}`;
      expect(e.source).toBe(source);
      expect(e.error.code).toBe('MODEL_UPDATE_REJECTED');
      // The servable's own message names the record and the byte offset (no wrapping prefix).
      expect(e.error.message).toMatch(/^Cannot decode model data from \S+: .*byte offset \d+/);
      expect(e.error.message.startsWith(`Cannot decode model data from ${source}: `)).toBe(true);
      expect(e.error.cause).toMatchObject({ source, offset: expect.any(Number) });
    }
  });

  it('routes records to a pipeline stage by header or option', async () => {
    const topic = uniqueTopic();
    await createTopic(kafka, topic);
    const publisher = await publisherFor(topic);
    const first = await lrServable(0);
    const second = await lrServable(0);
    const pipeline = new PipelineModelServable([
      { name: 'a', servable: first },
      { name: 'b', servable: second },
    ]);
    const { updater, rejected } = follow(pipeline, topic, { stage: 'a' });
    await updater.start();

    await publisher.publish(lrModelData(5)); // no header: the configured stage
    await publisher.publish(lrModelData(6), { stage: 'b' });
    await publisher.publish(lrModelData(7), { stage: 1 });
    const unknown = await publisher.publish(lrModelData(8), { stage: 'nope' });
    await waitFor(() => servedVersion(second) === 7 && rejected.length === 1, 'both stages');
    expect(servedVersion(first)).toBe(5);
    expect(rejected[0]?.offset).toBe(unknown.offset);
    // A cause that does not name the record (an unknown stage) is prefixed with it.
    const message = rejected[0]?.error.message ?? '';
    expect(
      message.startsWith(
        `Model data from ${topic}/${unknown.partition}@${unknown.offset} was rejected: `,
      ),
    ).toBe(true);
    expect(message).toMatch(/nope/);
  });

  it('applies an older version only through rollback()', async () => {
    const topic = uniqueTopic();
    await createTopic(kafka, topic);
    const publisher = await publisherFor(topic);
    const servable = await lrServable();
    const { updater, stale } = follow(servable, topic);
    await updater.start();
    await publisher.publish(lrModelData(9));
    await publisher.publish(lrModelData(8));
    await waitFor(() => stale.length === 1, 'the stale record');
    expect(stale[0]).toMatchObject({ version: 8, currentVersion: 9 });
    expect(servedVersion(servable)).toBe(9);
    await expect(updater.rollback(lrModelData(8))).resolves.toMatchObject({
      status: 'applied',
      version: 8,
    });
    expect(servedVersion(servable)).toBe(8);
    await sleep(10);
  });

  it('checks its options', () => {
    const servable = new PipelineModelServable([]);
    expect(() => new KafkaModelUpdater(servable, { brokers: [], topic: 't' })).toThrow(
      /Invalid option brokers/,
    );
    expect(() => new KafkaModelUpdater(servable, { brokers: ['x:1'], topic: '' })).toThrow(
      /Invalid option topic/,
    );
  });
});
