#!/usr/bin/env node
// Adds up the vitest JSON reports of every workspace package into one closing line,
// `Tests: N passed, N failed, N skipped`, so that CI has a single, plain verdict to read.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;
let skipped = 0;
const perPackage = [];
for (const group of ['packages', 'apps', 'examples', '.']) {
  const base = join(root, group);
  if (!existsSync(base)) continue;
  const dirs = group === '.' ? ['bench'] : readdirSync(base);
  for (const dir of dirs) {
    const report = join(base, dir, 'test-results.json');
    if (!existsSync(report)) continue;
    const r = JSON.parse(readFileSync(report, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    perPackage.push(`${group}/${dir}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  }
}
for (const line of perPackage) console.log(`  ${line}`);
if (passed + failed === 0) {
  console.log('Tests: 0 passed, 0 failed (no test ran)');
  process.exit(1);
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
