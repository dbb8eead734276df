#!/usr/bin/env node
// `pnpm demo [--kafka] [--versions N] [--forever] [--interval ms] [--port p] [--dir d]`:
// builds the demo and the packages it uses (turbo, cached), then runs it with these arguments.
// See apps/demo/README.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const windows = process.platform === 'win32';
const turbo = join(root, 'node_modules', '.bin', windows ? 'turbo.cmd' : 'turbo');
if (!existsSync(turbo)) {
  console.error(
    'scripts/demo.mjs: turbo is not installed; run `pnpm install --frozen-lockfile` first.',
  );
  process.exit(1);
}

console.log('Building @servable/demo and the packages it uses…');
const build = spawnSync(
  turbo,
  ['run', 'build', '--filter=@servable/demo...', '--output-logs=errors-only', '--log-prefix=none'],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: windows,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  },
);
if (build.status !== 0) {
  // Show the build output this time so the failure can be read.
  spawnSync(turbo, ['run', 'build', '--filter=@servable/demo...', '--output-logs=errors-only'], {
    cwd: root,
    stdio: 'inherit',
    shell: windows,
  });
  console.error('scripts/demo.mjs: the build failed (see above).');
  process.exit(build.status ?? 1);
}

const demo = spawn(
  process.execPath,
  [join(root, 'apps', 'demo', 'dist', 'bin.js'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
// Ctrl-C reaches the demo directly (same process group); keep this process alive until it ends.
const forward = (signal) => () => {
  if (signal !== 'SIGINT') demo.kill(signal);
};
process.on('SIGINT', forward('SIGINT'));
process.on('SIGTERM', forward('SIGTERM'));
demo.on('exit', (code, signal) => {
  process.exit(code ?? (signal === null ? 1 : 128 + 2));
});
