/**
 * The Kafka record headers model data records may carry.
 *
 * - {@link MODEL_STAGE_HEADER}: the pipeline stage the model data is for (an index such as
 *   `1`, a stage name such as `LogisticRegressionModel`, or a `/`-separated path into nested
 *   pipelines). Set by {@link ModelDataPublisher} when publishing for a stage.
 * - {@link MODEL_CLASS_HEADER}: the Java class name of the model the data belongs to, for
 *   humans and tooling (informational; updaters do not check it).
 */
export const MODEL_STAGE_HEADER = 'servable-stage';

/** See {@link MODEL_STAGE_HEADER}. */
export const MODEL_CLASS_HEADER = 'servable-model-class';

/** Reads a header value as text (kafkajs gives Buffers, strings or arrays of them). */
export function headerText(
  value: Buffer | string | (Buffer | string)[] | undefined,
): string | undefined {
  if (value === undefined) return undefined;
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  if (last === undefined) return undefined;
  return typeof last === 'string' ? last : last.toString('utf8');
}

/** A stage reference from header text: all digits → index, otherwise a name (or path). */
export function parseStageRef(text: string): number | string {
  return /^\d+$/.test(text) ? Number(text) : text;
}
