/**
 * Test helpers shared by the workspace's packages. A private package (a test folder cannot import
 * another package's test folder): add it as a devDependency, `"@servable/test-support":
 * "workspace:*"`.
 */
export { type ChildOutput, childOutput } from './child-output.js';
export { createModuleLog, type ModuleLog, runModuleScript } from './module-log.js';
