import { ServableError } from '@servable/servable-api';

/**
 * Base class of the errors of `@servable/tf-bridge` that are not model data errors (those are
 * `ModelDataError`s of `@servable/servable-api`). `code` is stable.
 */
export class TFBridgeError extends ServableError {}

/** A parameter combination the bridge cannot run (names the param and what was wrong). */
export class TFConfigError extends TFBridgeError {
  constructor(
    /** The param (or option) at fault. */
    readonly param: string,
    message: string,
  ) {
    super('TF_CONFIG', `${param}: ${message}`);
  }
}

/**
 * A cluster node (a Python process or a worker thread) failed: non-zero exit, a signal, an
 * exception in the user's entry function, or output the bridge could not decode. The message
 * names the node (`worker:1`, `ps:0`) and carries the tail of its stderr.
 */
export class TFNodeError extends TFBridgeError {
  /**
   * Streaming inference: the position (0-based) in the input stream of the row the node was
   * processing or had been sent when it failed; undefined elsewhere or when no row was pending.
   */
  readonly row: number | undefined;

  constructor(
    /** The node, `<type>:<index>`. */
    readonly node: string,
    message: string,
    /** The exit code, when the process exited. */
    readonly exitCode?: number | null,
    /** The last lines the node wrote to stderr. */
    readonly stderr?: string,
    options?: { cause?: unknown; row?: number },
  ) {
    super('TF_NODE_FAILED', `Node ${node} ${message}`, options);
    this.row = options?.row;
  }
}

/** A row could not be turned into tensors or output values (names the row and column). */
export class TFDataError extends TFBridgeError {
  constructor(message: string) {
    super('TF_DATA', message);
  }
}
