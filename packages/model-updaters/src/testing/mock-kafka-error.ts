import { ModelUpdaterError } from '../errors.js';

/** Why {@link MockKafkaError} was thrown. */
export type MockKafkaErrorCode =
  /** kcat is not installed, exited, or printed no bootstrap address in time. */
  | 'MOCK_KAFKA_UNAVAILABLE'
  /** `pause()` / `resume()` on an external cluster (there is no process to freeze). */
  | 'MOCK_KAFKA_CANNOT_PAUSE'
  /** An invalid option, e.g. `numBrokers: 0`. */
  | 'MOCK_KAFKA_CONFIG';

/**
 * The kcat mock Kafka cluster of `@servable/model-updaters/testing` could not be started or
 * used. The message says what to do (install kcat, or set `KAFKA_BROKERS`) and includes kcat's
 * output when it printed any.
 */
export class MockKafkaError extends ModelUpdaterError {
  declare readonly code: MockKafkaErrorCode;

  constructor(code: MockKafkaErrorCode, message: string, cause?: unknown) {
    super(code, message, cause === undefined ? undefined : { cause });
  }
}
