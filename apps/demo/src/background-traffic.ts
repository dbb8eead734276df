import { setTimeout as sleep } from 'node:timers/promises';
import type { InferenceClient } from './inference-client.js';

/** What {@link BackgroundTraffic} saw. */
export interface TrafficReport {
  /** Requests answered. */
  readonly answered: number;
  /** Requests that failed (non-2xx or connection errors); should stay 0 across model swaps. */
  readonly failed: number;
  /** Requests answered per model version, in the order the versions first answered. */
  readonly byVersion: ReadonlyMap<string, number>;
  /** The first failure's message, when there was one. */
  readonly firstError: string | undefined;
}

/**
 * Keeps single-row requests flowing to the server while model versions are swapped under
 * them, counting answers per version and failures: the "no request dropped" half of the demo.
 */
export class BackgroundTraffic {
  private running = false;
  private loop: Promise<void> | undefined;
  private answered = 0;
  private failed = 0;
  private firstError: string | undefined;
  private readonly byVersion = new Map<string, number>();

  /**
   * @param client the client to send with.
   * @param rows the feature rows to send, in turn.
   * @param pauseMs the pause between two requests (ms); default 2.
   */
  constructor(
    private readonly client: InferenceClient,
    private readonly rows: readonly Float64Array[],
    private readonly pauseMs = 2,
  ) {}

  /** Starts sending (idempotent). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops sending, waits for the request in flight and returns the counts. */
  async stop(): Promise<TrafficReport> {
    this.running = false;
    await this.loop;
    return this.report();
  }

  /** The counts so far. */
  report(): TrafficReport {
    return {
      answered: this.answered,
      failed: this.failed,
      byVersion: new Map(this.byVersion),
      firstError: this.firstError,
    };
  }

  private async run(): Promise<void> {
    let next = 0;
    while (this.running && this.rows.length > 0) {
      const row = this.rows[next] as Float64Array;
      next = (next + 1) % this.rows.length;
      try {
        const version = await this.client.predictOne(row);
        this.answered++;
        this.byVersion.set(version, (this.byVersion.get(version) ?? 0) + 1);
      } catch (error) {
        this.failed++;
        this.firstError ??= error instanceof Error ? error.message : String(error);
      }
      await sleep(this.pauseMs);
    }
  }
}
