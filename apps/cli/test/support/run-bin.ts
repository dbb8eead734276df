import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The package directory (tsx is resolved from here). */
export const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
/** The bin's TypeScript source, run the way `pnpm servable` runs it. */
export const BIN = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));

/** Extra settings of the child process of {@link spawnBin}. */
export interface SpawnBinOptions {
  /** Node.js flags added after the ones loading tsx (e.g. another `--import`). */
  readonly nodeArgs?: readonly string[];
  /** Environment variables added to the parent's. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Starts `servable <args>` as a child process (TypeScript source through tsx). */
export function spawnBin(args: readonly string[], options: SpawnBinOptions = {}): ChildProcess {
  return spawn(
    process.execPath,
    ['--conditions=@servable/source', '--import', 'tsx', ...(options.nodeArgs ?? []), BIN, ...args],
    {
      cwd: PACKAGE_DIR,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0', ...options.env },
    },
  );
}

/** Runs `servable <args>` to the end with `stdin` text; returns its exit code and output. */
export async function runBin(
  args: readonly string[],
  stdin = '',
  options: SpawnBinOptions = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnBin(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => {
    stdout += s;
  });
  child.stderr?.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
  });
  child.stdin?.end(stdin);
  // 'close', not 'exit': the exit can be reported before the last output is read.
  const code = await new Promise<number | null>((resolve) =>
    child.once('close', (c) => resolve(c)),
  );
  return { code, stdout, stderr };
}
