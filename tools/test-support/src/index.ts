/**
 * Test helpers shared by the workspace's packages. A private package (a test folder cannot import
 * another package's test folder): add it as a devDependency, `"@servable/test-support":
 * "workspace:*"`.
 */
export {
  createModuleLog,
  type ModuleLog,
  runModuleScript,
  type ScriptResult,
} from './module-log.js';
