import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type ChildOutput, childOutput } from '@servable/test-support';

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
export function runBin(
  args: readonly string[],
  stdin = '',
  options: SpawnBinOptions = {},
): Promise<ChildOutput> {
  const child = spawnBin(args, options);
  const output = childOutput(child);
  child.stdin?.end(stdin);
  return output;
}
