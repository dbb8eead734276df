/**
 * Test support: runs the cases of Flink ML's transform test vectors
 * (`test/fixtures/flink-ml-vectors/<Algorithm>.json`, schema in that folder's README) against a
 * servable.
 *
 * Values follow the fixture conventions: `{"dense": [..]}`, `{"sparse": {"n","indices","values"}}`,
 * `"NaN"`/`"Infinity"`/`"-Infinity"` strings for special doubles, `null` for Java null; column
 * types come from the case's `inputTypes` or are inferred from the values.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BasicType, DataFrame, type DataType, DataTypes } from '@servable/dataframe';
import { DenseVector, SparseVector, type Vector } from '@servable/linalg';
import { type AnyServable, applyParamMapJson, type JsonValue } from '@servable/servable-api';
import { expect, it } from 'vitest';

/** A JSON value as it appears in a vector file. */
export type FixtureJson =
  | null
  | boolean
  | number
  | string
  | FixtureJson[]
  | { [key: string]: FixtureJson };

/** One case of a vector file. */
export interface VectorCase {
  params?: Record<string, FixtureJson>;
  modelData?: Record<string, FixtureJson>;
  modelDataVersion?: Record<string, FixtureJson>;
  input: Record<string, FixtureJson[]>;
  inputTypes?: Record<string, string>;
  expected?: Record<string, FixtureJson[]>;
  expectedTypes?: Record<string, string>;
  expectedError?: string;
  tolerance?: number;
  notes?: string;
  [other: string]: unknown;
}

/** A whole vector file. */
export interface VectorFile {
  javaClass: string;
  params?: Record<string, FixtureJson>;
  modelData?: Record<string, FixtureJson> | null;
  cases: VectorCase[];
  [other: string]: unknown;
}

const fixturesDir = fileURLToPath(new URL('../fixtures/flink-ml-vectors/', import.meta.url));

/** Reads `test/fixtures/flink-ml-vectors/<name>.json`. */
export function loadVectorFile(name: string): VectorFile {
  return JSON.parse(readFileSync(`${fixturesDir}${name}.json`, 'utf8')) as VectorFile;
}

/** The params of a case: the file's params with the case's overrides merged over them. */
export function caseParams(file: VectorFile, c: VectorCase): Record<string, FixtureJson> {
  return { ...(file.params ?? {}), ...(c.params ?? {}) };
}

/** `servable` with the params of a case ({@link caseParams}) applied as Flink ML JSON. */
export function withCaseParams<S extends AnyServable>(
  servable: S,
  file: VectorFile,
  c: VectorCase,
): S {
  applyParamMapJson(servable, caseParams(file, c) as Record<string, JsonValue>);
  return servable;
}

/**
 * A factory of servables for the cases of `file`: `create()` with the params of the case it is
 * given ({@link withCaseParams}), the file's first case by default.
 */
export function paramsServable<S extends AnyServable>(
  file: VectorFile,
  create: () => S,
): (c?: VectorCase) => S {
  return (c = file.cases[0] as VectorCase) => withCaseParams(create(), file, c);
}

/** The model data of a case: the case's own, or the file's. */
export function caseModelData(file: VectorFile, c: VectorCase): Record<string, FixtureJson> {
  const data = c.modelData ?? file.modelData;
  if (!data) throw new Error('This case has no model data.');
  return data;
}

/** A short label for a case, for test names. */
export function caseLabel(c: VectorCase, index: number): string {
  const what = c.expectedError ? `error "${c.expectedError.slice(0, 40)}"` : 'transform';
  const params = c.params ? ` ${JSON.stringify(c.params).slice(0, 80)}` : '';
  return `case ${index}: ${what}${params}`;
}

/** A double from a fixture number or special string. */
export function toDouble(v: FixtureJson): number {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return Number.NaN;
  if (v === 'Infinity') return Number.POSITIVE_INFINITY;
  if (v === '-Infinity') return Number.NEGATIVE_INFINITY;
  throw new Error(`Not a double in the fixture: ${JSON.stringify(v)}`);
}

/** Whether a fixture value is a vector object. */
export function isFixtureVector(v: FixtureJson): v is { [key: string]: FixtureJson } {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && ('dense' in v || 'sparse' in v)
  );
}

/** A vector from `{"dense": [..]}` or `{"sparse": {...}}`. */
export function toVector(v: FixtureJson): Vector {
  if (!isFixtureVector(v)) throw new Error(`Not a vector in the fixture: ${JSON.stringify(v)}`);
  if ('dense' in v) return new DenseVector((v.dense as FixtureJson[]).map(toDouble));
  const s = v.sparse as { n: number; indices: number[]; values: FixtureJson[] };
  return new SparseVector(s.n, s.indices, s.values.map(toDouble));
}

/** Parses a fixture type name (`INT`, `VECTOR(DOUBLE) sparse`, `ARRAY<STRING> (...)`). */
export function parseFixtureType(name: string): DataType {
  const t = name.trim();
  if (t.startsWith('VECTOR')) return DataTypes.VECTOR(BasicType.DOUBLE);
  if (t.startsWith('ARRAY<STRING>')) return DataTypes.ARRAY(DataTypes.STRING);
  if (t.startsWith('ARRAY<VECTOR')) return DataTypes.ARRAY(DataTypes.VECTOR(BasicType.DOUBLE));
  const scalar = (DataTypes as unknown as Record<string, DataType>)[t];
  if (scalar && 'kind' in scalar) return scalar;
  throw new Error(`Unknown fixture type ${name}`);
}

/** Infers a column type from fixture values (numbers → DOUBLE, vectors, strings, lists). */
export function inferFixtureType(values: readonly FixtureJson[]): DataType {
  const present = values.filter((v) => v !== null);
  const first = present[0];
  if (first === undefined) return DataTypes.DOUBLE;
  if (isFixtureVector(first)) return DataTypes.VECTOR(BasicType.DOUBLE);
  if (Array.isArray(first)) {
    const inner = present.flatMap((v) => v as FixtureJson[]).find((e) => e !== null);
    if (inner !== undefined && isFixtureVector(inner)) {
      return DataTypes.ARRAY(DataTypes.VECTOR(BasicType.DOUBLE));
    }
    return DataTypes.ARRAY(DataTypes.STRING);
  }
  if (typeof first === 'boolean') return DataTypes.BOOLEAN;
  if (present.some((v) => typeof v === 'number')) return DataTypes.DOUBLE;
  return DataTypes.STRING;
}

/** Converts one fixture value to the JavaScript value of a column of type `type`. */
export function toColumnValue(v: FixtureJson, type: DataType): unknown {
  if (v === null) return null;
  switch (type.kind) {
    case 'vector':
      return toVector(v);
    case 'array':
      return (v as FixtureJson[]).map((e) => toColumnValue(e, type.elementType));
    case 'scalar':
      if (type.isNumeric()) {
        const d = toDouble(v);
        return type.basicType === 'FLOAT' ? Math.fround(d) : d;
      }
      return v;
    default:
      throw new Error(`Unsupported fixture column type ${type.toString()}`);
  }
}

/** The input DataFrame of a case. */
export function caseInput(c: VectorCase): DataFrame {
  const names = Object.keys(c.input);
  const types = names.map((n) => {
    const declared = c.inputTypes?.[n];
    return declared ? parseFixtureType(declared) : inferFixtureType(c.input[n] as FixtureJson[]);
  });
  const columns = names.map((n, i) =>
    (c.input[n] as FixtureJson[]).map((v) => toColumnValue(v, types[i] as DataType)),
  );
  return DataFrame.fromColumns(names, types, columns);
}

/** Options of {@link expectCaseOutput}. */
export interface CompareOptions {
  /** Accept a dense vector where the fixture has a sparse one (and vice versa). */
  ignoreVectorKind?: boolean;
  /** Overrides the case's tolerance (absolute). */
  tolerance?: number;
}

/**
 * Asserts that `out` holds the case's expected columns: same row count, every expected value
 * equal within the case's absolute tolerance (0 = bit-exact, so -0.0 ≠ 0.0 and NaN = NaN), the
 * same vector kind (dense/sparse) unless told otherwise.
 */
export function expectCaseOutput(
  out: DataFrame,
  c: VectorCase,
  options: CompareOptions = {},
): void {
  const expected = c.expected ?? {};
  const tolerance = options.tolerance ?? c.tolerance ?? 0;
  for (const [column, values] of Object.entries(expected)) {
    expect(out.numRows(), `row count (column ${column})`).toBe(values.length);
    const actual = out.getValues(column);
    values.forEach((want, row) => {
      compareValue(actual[row], want, tolerance, `${column}[${row}]`, options);
    });
  }
}

function compareValue(
  got: unknown,
  want: FixtureJson,
  tolerance: number,
  where: string,
  options: CompareOptions,
): void {
  if (want === null) {
    expect(got, where).toBeNull();
    return;
  }
  if (isFixtureVector(want)) {
    const w = toVector(want);
    expect(got, `${where} is a vector`).toSatisfy(
      (g: unknown) => g instanceof DenseVector || g instanceof SparseVector,
    );
    const g = got as Vector;
    if (!options.ignoreVectorKind) expect(g.kind, `${where} kind`).toBe(w.kind);
    expect(g.size(), `${where} size`).toBe(w.size());
    if (w instanceof SparseVector && g instanceof SparseVector && !options.ignoreVectorKind) {
      expect(Array.from(g.indices), `${where} indices`).toEqual(Array.from(w.indices));
      compareNumbers(g.values, w.values, tolerance, where);
    } else {
      compareNumbers(g.toArray(), w.toArray(), tolerance, where);
    }
    return;
  }
  if (Array.isArray(want)) {
    expect(Array.isArray(got), `${where} is an array`).toBe(true);
    const g = got as unknown[];
    expect(g.length, `${where} length`).toBe(want.length);
    want.forEach((w, i) => {
      compareValue(g[i], w, tolerance, `${where}[${i}]`, options);
    });
    return;
  }
  if (typeof want === 'number' || (typeof want === 'string' && typeof got === 'number')) {
    compareNumbers([got as number], [toDouble(want)], tolerance, where);
    return;
  }
  expect(got, where).toEqual(want);
}

function compareNumbers(
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  tolerance: number,
  where: string,
): void {
  expect(got.length, `${where} length`).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const g = got[i] as number;
    const w = want[i] as number;
    if (tolerance === 0 || !Number.isFinite(w)) {
      expect(Object.is(g, w), `${where}[${i}]: got ${g}, want ${w}`).toBe(true);
    } else {
      expect(Math.abs(g - w), `${where}[${i}]: got ${g}, want ${w}`).toBeLessThanOrEqual(tolerance);
    }
  }
}

/** Asserts that `run` throws an error whose message contains the case's `expectedError`. */
export function expectCaseError(run: () => unknown, c: VectorCase): void {
  expect(c.expectedError, 'the case expects an error').toBeTypeOf('string');
  expect(run).toThrow(c.expectedError as string);
}

/** Options of {@link itEachCase}. */
export interface EachCaseOptions {
  /** How outputs are compared ({@link expectCaseOutput}'s options). */
  readonly compare?: CompareOptions;
  /** More assertions on the output of a case without an error. */
  readonly check?: (out: DataFrame, c: VectorCase) => void;
  /** The assertions for a case with an `expectedError` (default {@link expectCaseError}). */
  readonly error?: (transform: () => DataFrame, c: VectorCase) => void;
}

/**
 * Registers one test per case of `file`, named by {@link caseLabel}: the servable of
 * `servable(c)` transforms the case's input, which must give the case's expected columns
 * ({@link expectCaseOutput}, then `check`) or, for a case with an `expectedError`, throw it.
 */
export function itEachCase<S extends AnyServable>(
  file: VectorFile,
  servable: (c: VectorCase) => S | Promise<S>,
  options: EachCaseOptions = {},
): void {
  file.cases.forEach((c, i) => {
    it(caseLabel(c, i), async () => {
      const s = await servable(c);
      const transform = () => s.transform(caseInput(c));
      if (c.expectedError !== undefined) {
        (options.error ?? expectCaseError)(transform, c);
        return;
      }
      const out = transform();
      expectCaseOutput(out, c, options.compare);
      options.check?.(out, c);
    });
  });
}
