// Preloaded with `node --import` in a child process: records the URL of every module the
// process resolves through the ESM loader (static imports, dynamic import(), and CommonJS
// packages imported from ESM) into the file named by SERVABLE_MODULE_LOG, one URL a line.
// Tests read the file to prove which packages a code path loads (e.g. that no @tensorflow
// module is resolved).
import { register } from 'node:module';

const logFile = process.env.SERVABLE_MODULE_LOG;
if (!logFile) throw new Error('record-modules.mjs: set SERVABLE_MODULE_LOG to the log file path');
register('./record-modules-hooks.mjs', import.meta.url, { data: { logFile } });
