import type { ChildProcess } from 'node:child_process';

/** What a child process wrote and how it ended. */
export interface ChildOutput {
  /** The exit code (null when a signal ended it). */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Collects a child process's stdout and stderr (spawned with `stdio` pipes for them) until it
 * has closed. Waits for 'close', not 'exit': the exit can be reported before the last output is
 * read. Rejects when the process could not be started.
 */
export function childOutput(child: ChildProcess): Promise<ChildOutput> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
    });
    child.stderr?.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
