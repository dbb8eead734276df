/**
 * `@servable/model-updaters/testing`: a Kafka cluster for tests, demos and local runs without a
 * Kafka installation (librdkafka's mock cluster inside `kcat`), or the real cluster named by
 * `KAFKA_BROKERS`. Imports no test framework, so programs can use it at run time.
 *
 * @packageDocumentation
 */

export {
  createTopic,
  type StartKafkaOptions,
  startKafka,
  type TestKafka,
  uniqueTopic,
} from './mock-kafka.js';
export { MockKafkaError, type MockKafkaErrorCode } from './mock-kafka-error.js';
