import type { TFNodeError } from '../errors.js';

/** The longest wait between restarts, whatever the backoff doubled to. */
export const MAX_RESTART_BACKOFF_MS = 30_000;

/** How failed Python nodes are restarted (the `maxRestarts`, `restartBackoffMs`, `restartWindowMs` params). */
export interface RestartPolicy {
  /** Restarts allowed within the window (0: fail fast). */
  readonly maxRestarts: number;
  /** Wait before the first restart within the window, in ms; doubles per further restart. */
  readonly backoffMs: number;
  /** The sliding window the restarts are counted in, in ms (0: the whole run). */
  readonly windowMs: number;
}

/** A Python node (or cluster) about to be restarted: what failed, and when it starts again. */
export interface TFNodeRestart {
  /** The node that failed (`worker:0`); the cluster is restarted as a whole in training. */
  readonly node: string;
  /** The attempt the restarted node runs as (`context.get_current_attempt_index()`, 1 = first restart). */
  readonly attempt: number;
  /** The wait before the restart, in ms. */
  readonly delayMs: number;
  /** Why: the node's exit code, signal or exception, with its stderr tail. */
  readonly error: TFNodeError;
}

/** The params a restart policy is read from. */
export interface RestartPolicyParams {
  getMaxRestarts(): number;
  getRestartBackoffMs(): number;
  getRestartWindowMs(): number;
}

/** The policy set on a stage. */
export function restartPolicyOf(p: RestartPolicyParams): RestartPolicy {
  return {
    maxRestarts: p.getMaxRestarts(),
    backoffMs: p.getRestartBackoffMs(),
    windowMs: p.getRestartWindowMs(),
  };
}

/**
 * Counts the restarts of one node (or cluster) in the policy's sliding window and says whether
 * the next failure may restart, and after which wait.
 */
export class RestartBudget {
  private readonly restarts: number[] = [];

  constructor(
    private readonly policy: RestartPolicy,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Records a failure. Returns the wait before the restart in ms, or undefined when the policy
   * allows no more restarts (`maxRestarts` already used within the window).
   */
  next(): number | undefined {
    const t = this.now();
    if (this.policy.windowMs > 0) {
      while (this.restarts.length > 0 && t - (this.restarts[0] as number) > this.policy.windowMs)
        this.restarts.shift();
    }
    if (this.restarts.length >= this.policy.maxRestarts) return undefined;
    this.restarts.push(t);
    return Math.min(
      this.policy.backoffMs * 2 ** (this.restarts.length - 1),
      MAX_RESTART_BACKOFF_MS,
    );
  }

  /** Restarts within the window (after the last {@link RestartBudget.next}). */
  get used(): number {
    return this.restarts.length;
  }
}

/** Says why a failure was not restarted (for error messages). */
export function exhaustedNote(policy: RestartPolicy): string {
  if (policy.maxRestarts === 0) return 'not restarted (maxRestarts 0)';
  const window = policy.windowMs > 0 ? `within ${policy.windowMs} ms` : 'in this run';
  const restarts = `${policy.maxRestarts} restart${policy.maxRestarts === 1 ? '' : 's'}`;
  return `not restarted again: ${restarts} ${window} already (maxRestarts ${policy.maxRestarts})`;
}
