#!/usr/bin/env node
/**
 * The `servable` executable: runs {@link runCli} with the process's streams and exits with its
 * code.
 */
import cluster from 'node:cluster';
import { runCli } from './cli.js';
import { processIo } from './cli-io.js';

// `pnpm servable ...` at the repository root runs in the root; resolve the user's relative
// paths against the directory pnpm was started from.
const cwd =
  process.env.npm_lifecycle_event === 'servable'
    ? (process.env.INIT_CWD ?? process.cwd())
    : process.cwd();

const code = await runCli(process.argv.slice(2), processIo(cwd));
process.exitCode = code;
if (cluster.isWorker) process.disconnect();
// Kafka clients and watchers may leave timers behind; never hang once the command is done.
setTimeout(() => process.exit(code), 2000).unref();
