/**
 * Base class of the errors the `servable` command line reports. The stable `code` tells the
 * problem apart; the message names what was wrong (flag, file, line, expected vs found).
 */
export class CliError extends Error {
  /** A stable, machine-readable identifier of the problem. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A flag or config value is missing, malformed or contradicts another one. */
export class CliUsageError extends CliError {
  constructor(
    /** The flag or config key that is wrong, e.g. `--model`. */
    readonly option: string,
    message: string,
  ) {
    super('CLI_USAGE', `${option}: ${message}`);
  }
}

/**
 * One line of a JSON-lines input could not be used: not JSON, not an object, not convertible
 * to the model's input columns, or rejected by the model. The message is
 * `<source>, line <n>: <reason>`, e.g. `stdin, line 2: column features: the vector has
 * dimension 2 but the model expects dimension 3.`; `cause` holds the model's or the
 * conversion's own error, when there was one.
 */
export class InputLineError extends CliError {
  /** The input column at fault, when one is known. */
  readonly column: string | undefined;

  constructor(
    /** The input's name (a file path or `stdin`). */
    readonly source: string,
    /** The 1-based line number. */
    readonly line: number,
    /** What was wrong with it (names the column when one is at fault). */
    readonly reason: string,
    options?: { cause?: unknown; column?: string | undefined },
  ) {
    super(
      'INPUT_LINE',
      `${source}, line ${line}: ${reason}`,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.column = options?.column;
  }
}

/** A config file could not be read or does not have the expected shape. */
export class ConfigFileError extends CliError {
  constructor(
    /** The config file's path. */
    readonly file: string,
    /** What was wrong (the key, expected vs found). */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super('CONFIG_FILE', `Config file ${file}: ${reason}`, options);
  }
}

/** The text of an unknown thrown value, for messages. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The stable code of an error when it has one (`ServableError`, `DataFrameError`, …). */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'ERROR';
}

/**
 * Training failed: the script could not be imported, its entry threw, or the bridge rejected the
 * data or params. The message is `training with script <script> failed: <reason>`; `cause`
 * holds the bridge's or the script's own error.
 */
export class TrainingError extends CliError {
  constructor(
    /** The training script's path. */
    readonly script: string,
    /** What went wrong (the cause's message). */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super('TRAINING', `training with script ${script} failed: ${reason}`, options);
  }
}
