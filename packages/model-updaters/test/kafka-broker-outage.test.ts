import {
  type KafkaDisconnectedEvent,
  KafkaModelUpdater,
  type KafkaReconnectedEvent,
  ModelDataPublisher,
} from '@servable/model-updaters';
import {
  createTopic,
  startKafka,
  type TestKafka,
  uniqueTopic,
} from '@servable/model-updaters/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  lrModelData,
  lrServable,
  onesFrame,
  servedVersion,
  versionsOf,
} from './support/lr-models.js';
import { waitFor } from './support/wait.js';

/**
 * Broker loss, for real: the broker is librdkafka's mock cluster inside a kcat process, and the
 * test freezes that process with SIGSTOP mid-stream. Every open connection then hangs and new
 * ones get no answer, so kafkajs' fetches and heartbeats time out, its retries run out and the
 * consumer crashes, exactly as with a dead or partitioned broker. SIGCONT brings the same broker
 * back (same address, log intact: a killed kcat would come back on another port with an empty
 * log), and the updater must resume on its own. Needs the mock cluster: with KAFKA_BROKERS set
 * there is no process to freeze.
 */
let kafka: TestKafka;

beforeAll(async () => {
  kafka = await startKafka();
});

afterAll(async () => {
  if (kafka?.canPause) kafka.resume();
  await kafka?.stop();
});

const fastFailure = {
  connectionTimeout: 500,
  requestTimeout: 1000,
  retry: { initialRetryTime: 100, maxRetryTime: 500, retries: 3 },
};

describe.runIf(process.env.KAFKA_BROKERS === undefined)('KafkaModelUpdater broker outage', () => {
  it('keeps serving while the broker is gone, reports it and resumes when it is back', async () => {
    const topic = uniqueTopic();
    await createTopic(kafka, topic);
    const publisher = new ModelDataPublisher({ brokers: kafka.brokers, topic, kafka: fastFailure });
    await publisher.connect();
    await publisher.publish(lrModelData(1));

    const servable = await lrServable();
    const updater = new KafkaModelUpdater(servable, {
      brokers: kafka.brokers,
      topic,
      kafka: fastFailure,
    });
    const disconnected: KafkaDisconnectedEvent[] = [];
    const reconnected: KafkaReconnectedEvent[] = [];
    updater.on('disconnected', (e) => disconnected.push(e));
    updater.on('reconnected', (e) => reconnected.push(e));
    try {
      await updater.start();
      expect(servedVersion(servable)).toBe(1);

      const frame = onesFrame(16);
      let errors = 0;
      let transforms = 0;
      let running = true;
      const server = (async () => {
        while (running) {
          try {
            if (new Set(versionsOf(servable.transform(frame))).size !== 1) errors++;
            transforms++;
          } catch {
            errors++;
          }
          await new Promise((r) => setTimeout(r, 1));
        }
      })();

      kafka.pause();
      await waitFor(() => disconnected.length > 0, 'the outage to be reported', 30_000);
      const duringOutage = transforms;
      await waitFor(() => transforms > duringOutage + 50, 'transforms during the outage');
      expect(servedVersion(servable)).toBe(1);

      kafka.resume();
      await waitFor(() => reconnected.length > 0, 'the updater to follow again', 30_000);
      await publisher.publish(lrModelData(2));
      await waitFor(() => servedVersion(servable) === 2, 'version 2 after the outage', 30_000);
      running = false;
      await server;

      expect(errors).toBe(0);
      expect(disconnected[0]?.error).toBeInstanceOf(Error);
      expect(reconnected[0]?.downtimeMs).toBeGreaterThan(0);
    } finally {
      if (kafka.canPause) kafka.resume();
      await updater.stop();
      await publisher.disconnect();
    }
  }, 120_000);
});
