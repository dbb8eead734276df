/** The Java package of Flink ML's window classes. */
export const WINDOWS_PACKAGE = 'org.apache.flink.ml.common.window.';

/** All elements in one window (Flink ML's default for `HasWindows`). */
export class GlobalWindows {
  readonly kind = 'GlobalWindows' as const;

  /** The shared instance (Java `GlobalWindows.getInstance()`). */
  static readonly INSTANCE = new GlobalWindows();

  /** Java-like description. */
  toString(): string {
    return 'GlobalWindows';
  }
}

/** Tumbling windows of `size` elements. */
export class CountTumblingWindows {
  readonly kind = 'CountTumblingWindows' as const;

  /** @param size the number of rows per window (a Java long; an integer here). */
  constructor(readonly size: number) {}

  /** Java-like description. */
  toString(): string {
    return `CountTumblingWindows(size=${this.size})`;
  }
}

/** Tumbling windows of `sizeMs` milliseconds of processing time. */
export class ProcessingTimeTumblingWindows {
  readonly kind = 'ProcessingTimeTumblingWindows' as const;

  /** @param sizeMs window length in milliseconds. */
  constructor(readonly sizeMs: number) {}

  /** Java-like description. */
  toString(): string {
    return `ProcessingTimeTumblingWindows(size=${this.sizeMs}ms)`;
  }
}

/** Tumbling windows of `sizeMs` milliseconds of event time. */
export class EventTimeTumblingWindows {
  readonly kind = 'EventTimeTumblingWindows' as const;

  /** @param sizeMs window length in milliseconds. */
  constructor(readonly sizeMs: number) {}

  /** Java-like description. */
  toString(): string {
    return `EventTimeTumblingWindows(size=${this.sizeMs}ms)`;
  }
}

/** Session windows closing after a processing-time gap of `gapMs` milliseconds. */
export class ProcessingTimeSessionWindows {
  readonly kind = 'ProcessingTimeSessionWindows' as const;

  /** @param gapMs the inactivity gap in milliseconds. */
  constructor(readonly gapMs: number) {}

  /** Java-like description. */
  toString(): string {
    return `ProcessingTimeSessionWindows(gap=${this.gapMs}ms)`;
  }
}

/** Session windows closing after an event-time gap of `gapMs` milliseconds. */
export class EventTimeSessionWindows {
  readonly kind = 'EventTimeSessionWindows' as const;

  /** @param gapMs the inactivity gap in milliseconds. */
  constructor(readonly gapMs: number) {}

  /** Java-like description. */
  toString(): string {
    return `EventTimeSessionWindows(gap=${this.gapMs}ms)`;
  }
}

/**
 * How an online algorithm groups its input into windows (Flink ML's `Windows`). `kind` is the
 * Java simple class name; the JSON `"class"` is {@link WINDOWS_PACKAGE} + `kind`.
 */
export type Windows =
  | GlobalWindows
  | CountTumblingWindows
  | ProcessingTimeTumblingWindows
  | EventTimeTumblingWindows
  | ProcessingTimeSessionWindows
  | EventTimeSessionWindows;
