import { ServableError } from '../errors.js';

/**
 * Base class of the errors about params: invalid values, unknown names, undecodable JSON and
 * JSON syntax. Check the subclass (or the stable `code`) for the specific problem.
 */
export class ParamError extends ServableError {}

/** Why a value was refused by `set()` or `get()`. */
export type InvalidParamReason = 'null' | 'invalid' | 'type';

/**
 * A param was given a value its validator (or its type) rejects, or `get()` found a null value
 * its validator does not allow. Messages follow Flink ML's Java wording:
 *
 * - `Parameter k is given an invalid value 0 (rule: > 0)`
 * - `Parameter inputCols's value should not be null`
 * - `Parameter k is given a value of the wrong type: expected int, found string "3"`
 */
export class InvalidParamError extends ParamError {
  /** The param's name. */
  readonly paramName: string;
  /** The rejected value. */
  readonly value: unknown;
  /** The validator's rule, e.g. `> 0`, or the expected type for `reason = 'type'`. */
  readonly rule: string;
  /** Which check failed. */
  readonly reason: InvalidParamReason;

  constructor(
    paramName: string,
    value: unknown,
    rule: string,
    reason: InvalidParamReason,
    formattedValue = String(value),
  ) {
    const message =
      reason === 'null'
        ? `Parameter ${paramName}'s value should not be null`
        : reason === 'type'
          ? `Parameter ${paramName} is given a value of the wrong type: expected ${rule}, found ${formattedValue}`
          : `Parameter ${paramName} is given an invalid value ${formattedValue} (rule: ${rule})`;
    super(reason === 'type' ? 'PARAM_TYPE' : 'INVALID_PARAM', message);
    this.paramName = paramName;
    this.value = value;
    this.rule = rule;
    this.reason = reason;
  }
}

/** A param name (from code or from a metadata `paramMap`) that the stage does not define. */
export class UnknownParamError extends ParamError {
  /** The unknown name. */
  readonly paramName: string;
  /** The holder's class name. */
  readonly holder: string;
  /** The names the holder does define. */
  readonly definedNames: readonly string[];

  constructor(paramName: string, holder: string, definedNames: readonly string[]) {
    super(
      'UNKNOWN_PARAM',
      `Parameter ${paramName} is not defined on ${holder}; its params are ` +
        `[${definedNames.join(', ')}].`,
    );
    this.paramName = paramName;
    this.holder = holder;
    this.definedNames = definedNames;
  }
}

/**
 * A JSON value could not be decoded into a param's value, e.g.
 * `Parameter k: cannot decode JSON 1.5, expected an int (32-bit integer)`.
 */
export class ParamJsonError extends ParamError {
  /** The param's name. */
  readonly paramName: string;
  /** The offending JSON, written compactly (shortened if long). */
  readonly found: string;
  /** What the param expected. */
  readonly expected: string;

  constructor(paramName: string, found: string, expected: string, options?: { cause?: unknown }) {
    super(
      'PARAM_JSON',
      `Parameter ${paramName}: cannot decode JSON ${found}, expected ${expected}`,
      options,
    );
    this.paramName = paramName;
    this.found = found;
    this.expected = expected;
  }
}

/** Malformed JSON text. `offset` is 0-based in the parsed text; `line`/`column` are 1-based. */
export class JsonSyntaxError extends ParamError {
  /** Offset of the problem in the parsed text (UTF-16 code units). */
  readonly offset: number;
  /** 1-based line in the parsed text. */
  readonly line: number;
  /** 1-based column in the parsed text. */
  readonly column: number;
  /** The problem without position, e.g. `unexpected character '}', expected a value`. */
  readonly problem: string;

  constructor(problem: string, offset: number, line: number, column: number) {
    super(
      'JSON_SYNTAX',
      `Invalid JSON at line ${line}, column ${column} (offset ${offset}): ${problem}`,
    );
    this.problem = problem;
    this.offset = offset;
    this.line = line;
    this.column = column;
  }
}
