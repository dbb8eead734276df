#!/usr/bin/env node
/** The `servable-demo` executable: runs {@link main} and exits with its code. */
import { main } from './cli.js';

process.exitCode = await main();
