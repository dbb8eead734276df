/**
 * The long decoder fuzz run, started by hand (issue 4: at least 1,000 cases per model type in the
 * test suite, more here). It runs the suite's decoder fuzz tests — every test whose name
 * contains "fuzz", each calling `test/support/decoder-fuzz.ts` — with more fast-check runs per
 * model type:
 *
 * ```sh
 * pnpm --filter @servable/servable-lib run fuzz -- --runs 100000
 * pnpm --filter @servable/servable-lib run fuzz -- --runs 20000 --model kmeans --seed 42
 * ```
 *
 * Options: `--runs N` (default 100,000 per model type), `--model NAME` (only the test files whose
 * name contains NAME, e.g. `kmeans`, `string-indexer`; repeatable), `--seed N` (fast-check seed,
 * to replay a failure). A failure prints fast-check's counterexample and seed; the exit code is
 * non-zero.
 */
import { parseArgs } from 'node:util';
import { startVitest } from 'vitest/node';

// `pnpm run fuzz -- --runs N` passes the `--` through; drop it so the options are parsed.
const argv = process.argv.slice(2);
const { values } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: {
    runs: { type: 'string', default: '100000' },
    model: { type: 'string', multiple: true },
    seed: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log('Usage: pnpm run fuzz -- [--runs N] [--model NAME]... [--seed N]');
  process.exit(0);
}

function positiveInteger(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) {
    console.error(`--${name} must be a positive integer, found "${text}".`);
    process.exit(2);
  }
  return n;
}

const runs = positiveInteger('runs', values.runs);
process.env.SERVABLE_FUZZ_RUNS = String(runs);
if (values.seed !== undefined) {
  if (!/^-?\d+$/.test(values.seed)) {
    console.error(`--seed must be an integer, found "${values.seed}".`);
    process.exit(2);
  }
  process.env.SERVABLE_FUZZ_SEED = values.seed;
}

const models = values.model ?? [];
console.log(
  `Decoder fuzz: ${runs} runs per model type${models.length > 0 ? `, models: ${models.join(', ')}` : ''}` +
    `${values.seed === undefined ? '' : `, seed ${values.seed}`}.`,
);

const vitest = await startVitest('test', models, {
  run: true,
  watch: false,
  testNamePattern: 'fuzz',
  // No time limit: a long run takes minutes per model type.
  testTimeout: 0,
  // Keep the suite's test-results.json (CI's summary) untouched.
  reporters: ['default'],
  passWithNoTests: false,
});
await vitest.close();
process.exit(process.exitCode ?? 0);
