/**
 * The vitest configuration every workspace package shares.
 *
 * Tests import sibling packages through the `@servable/source` export condition, so they run
 * against `src/` directly and need no build first. Each package writes a JSON report that
 * `scripts/test-summary.mjs` adds up into one closing line for CI.
 */
import { defineConfig } from 'vitest/config';

const conditions = ['@servable/source', 'import', 'module', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@servable/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
