import { parseJson } from '../params/json-parse.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../params/json-value.js';
import { writeJson } from '../params/json-write.js';
import { JsonSyntaxError } from '../params/param-error.js';
import { MetadataError } from './metadata-error.js';

/**
 * The content of a saved stage's `metadata` file (Flink ML's `ReadWriteUtils.saveMetadata`).
 */
export interface StageMetadata {
  /** Fully-qualified Java class of the stage, e.g. `org.apache.flink.ml.builder.PipelineModel`. */
  className: string;
  /**
   * Save time in ms since the epoch (`System.currentTimeMillis()`). Java never reads it back,
   * so it may be absent in hand-written files; a value beyond 2^53 stays exact as a bigint.
   */
  timestamp?: number | bigint;
  /** Param name → JSON-encoded value, for every param of the stage (may be `{}`). */
  paramMap: Record<string, JsonValue>;
  /** Number of stages (Pipeline / PipelineModel only). */
  numStages?: number;
  /** The graph description (Graph / GraphModel only). */
  graphData?: JsonValue;
  /** Any other top-level keys, kept as found and written back after the known ones. */
  extra?: Record<string, JsonValue>;
}

const KNOWN_KEYS = new Set(['className', 'timestamp', 'paramMap', 'numStages', 'graphData']);

interface Segment {
  /** Offset of the kept line in the joined text. */
  readonly start: number;
  /** Its 1-based line number in the file. */
  readonly line: number;
}

/**
 * Applies Flink ML's metadata reading rules (`FileUtils.loadMetadata`) to the text of a
 * `metadata` file:
 *
 * 1. lines whose **first** character is `#` are dropped (`"  # x"` is kept);
 * 2. the remaining lines are joined **without** separator;
 * 3. the result is parsed as JSON with `/* *\/` and `//` comments allowed — after step 2 a `//`
 *    comment swallows everything after it;
 * 4. `className` must be a string and `paramMap` an object; `timestamp` and `numStages`, when
 *    present, must be integers.
 *
 * A leading byte-order mark is ignored (Java would fail on it).
 *
 * @param source the file path (or any label) used in error messages.
 * @param expectedClassName when given, a different `className` is an error (Flink ML's
 *   `Class name X does not match the expected class name Y.`).
 * @throws {MetadataError} naming `source`, with line and column for JSON errors.
 */
export function parseStageMetadata(
  text: string,
  source: string,
  expectedClassName?: string,
): StageMetadata {
  const { joined, segments } = joinLines(text.startsWith('\uFEFF') ? text.slice(1) : text);
  let root: JsonValue;
  try {
    root = parseJson(joined);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = locate(segments, error.offset);
    throw new MetadataError(
      'METADATA_JSON',
      source,
      `Metadata file ${source}: invalid JSON at line ${line}, column ${column}: ${error.problem}.`,
      { line, column, cause: error },
    );
  }
  return validate(root, source, expectedClassName);
}

function joinLines(text: string): { joined: string; segments: Segment[] } {
  const lines = text.split(/\r\n|\r|\n/);
  // BufferedReader.readLine does not return an empty last line after a final line break.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const segments: Segment[] = [];
  let joined = '';
  lines.forEach((line, i) => {
    if (line.startsWith('#')) return;
    segments.push({ start: joined.length, line: i + 1 });
    joined += line;
  });
  return { joined, segments };
}

function locate(segments: readonly Segment[], offset: number): { line: number; column: number } {
  let found: Segment | undefined;
  for (const segment of segments) {
    if (segment.start > offset) break;
    found = segment;
  }
  if (found === undefined) return { line: 1, column: 1 };
  return { line: found.line, column: offset - found.start + 1 };
}

function describe(value: JsonValue | undefined): string {
  if (value === undefined) return 'nothing';
  const text = writeJson(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function invalid(source: string, problem: string): MetadataError {
  return new MetadataError('METADATA_INVALID', source, `Metadata file ${source}: ${problem}`);
}

function validate(
  root: JsonValue,
  source: string,
  expectedClassName: string | undefined,
): StageMetadata {
  if (!isJsonObject(root)) {
    throw invalid(source, `expected a JSON object, found ${describe(root)}.`);
  }
  const { className, paramMap, timestamp, numStages, graphData } = root;
  if (typeof className !== 'string') {
    throw invalid(
      source,
      className === undefined
        ? 'missing "className".'
        : `"className" must be a string, found ${describe(className)}.`,
    );
  }
  if (expectedClassName !== undefined && className !== expectedClassName) {
    throw new MetadataError(
      'CLASS_NAME_MISMATCH',
      source,
      `Class name ${className} does not match the expected class name ${expectedClassName}.`,
    );
  }
  if (!isJsonObject(paramMap)) {
    throw invalid(
      source,
      paramMap === undefined
        ? 'missing "paramMap".'
        : `"paramMap" must be an object, found ${describe(paramMap)}.`,
    );
  }
  const metadata: StageMetadata = { className, paramMap };
  if (timestamp !== undefined) {
    if (!(typeof timestamp === 'bigint' || Number.isSafeInteger(timestamp))) {
      throw invalid(source, `"timestamp" must be an integer, found ${describe(timestamp)}.`);
    }
    metadata.timestamp = timestamp as number | bigint;
  }
  if (numStages !== undefined) {
    if (typeof numStages !== 'number' || !Number.isSafeInteger(numStages) || numStages < 0) {
      throw invalid(
        source,
        `"numStages" must be a non-negative integer, found ${describe(numStages)}.`,
      );
    }
    metadata.numStages = numStages;
  }
  if (graphData !== undefined) metadata.graphData = graphData;
  const extra: JsonObject = {};
  let hasExtra = false;
  for (const key of Object.keys(root)) {
    if (KNOWN_KEYS.has(key)) continue;
    extra[key] = root[key] as JsonValue;
    hasExtra = true;
  }
  if (hasExtra) metadata.extra = extra;
  return metadata;
}

/**
 * The metadata as Flink ML writes it: compact JSON, no trailing newline, keys in the order
 * `className`, `paramMap`, `timestamp`, `numStages`, `graphData`, then `extra` (Java's HashMap
 * order is arbitrary; readers do not depend on it).
 */
export function formatStageMetadata(metadata: StageMetadata): string {
  const out: JsonObject = { className: metadata.className, paramMap: metadata.paramMap };
  if (metadata.timestamp !== undefined) out.timestamp = metadata.timestamp;
  if (metadata.numStages !== undefined) out.numStages = metadata.numStages;
  if (metadata.graphData !== undefined) out.graphData = metadata.graphData;
  for (const [key, value] of Object.entries(metadata.extra ?? {})) {
    if (!KNOWN_KEYS.has(key)) out[key] = value;
  }
  return writeJson(out);
}
