import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ChildOutput, childOutput } from './child-output.js';

/** The loader hook that records resolved modules (`--import` it in the child process). */
const RECORDER = new URL('./record-modules.mjs', import.meta.url).href;

/**
 * A log of the modules a child process resolves, written by a loader hook in that process: the
 * way to prove which packages a code path loads (e.g. that no `@tensorflow` module is resolved).
 */
export interface ModuleLog {
  /** The log file. */
  readonly path: string;
  /** Node.js flags that load the recorder: put them after the flags that load tsx. */
  readonly nodeArgs: readonly string[];
  /** Environment variables the child process needs (the log's path). */
  readonly env: Readonly<Record<string, string>>;
  /** The URL of every module the child resolved so far, in order. */
  modules(): Promise<string[]>;
}

/** Creates an empty module log in `dir` (a fresh file per call: `modules-<n>.log`). */
export async function createModuleLog(dir: string): Promise<ModuleLog> {
  const path = join(dir, `modules-${++logs}.log`);
  await writeFile(path, '');
  return {
    path,
    nodeArgs: ['--import', RECORDER],
    env: { SERVABLE_MODULE_LOG: path },
    modules: async () => (await readFile(path, 'utf8')).split('\n').filter((l) => l !== ''),
  };
}

let logs = 0;

/**
 * Runs an ES module script (`node -e`) the way the workspace runs TypeScript sources (the
 * `@servable/source` condition, tsx), recording the modules it resolves into `log`.
 *
 * @param cwd the directory packages are resolved from (a package directory).
 * @param env environment variables added to the parent's.
 */
export function runModuleScript(
  script: string,
  log: ModuleLog,
  options: { readonly cwd: string; readonly env?: Readonly<Record<string, string>> },
): Promise<ChildOutput> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@servable/source',
      '--import',
      'tsx',
      ...log.nodeArgs,
      '--input-type=module',
      '-e',
      script,
    ],
    {
      cwd: options.cwd,
      env: { ...process.env, ...log.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return childOutput(child);
}
