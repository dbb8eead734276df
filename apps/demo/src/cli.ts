import { MockKafkaError } from '@servable/model-updaters/testing';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DemoError } from './demo-error.js';
import { type DemoOptions, runDemo } from './run-demo.js';

/** The demo's command line, parsed. */
export interface DemoCliOptions {
  /** `--kafka`: publish through Kafka. */
  readonly kafka: boolean;
  /** `--versions <n>`: versions to serve. */
  readonly versions: number;
  /** `--forever`: publish until Ctrl-C. */
  readonly forever: boolean;
  /** `--interval <ms>`: pause between versions. */
  readonly interval: number;
  /** `--port <port>`: the server's port. */
  readonly port: number;
  /** `--host <host>`: the server's interface. */
  readonly host: string;
  /** `--dir <dir>`: where to save the pipeline. */
  readonly dir?: string;
  /** `--topic <topic>`: the Kafka topic. */
  readonly topic: string;
}

function integer(min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) {
      throw new InvalidArgumentError(
        `expected an integer >= ${min}, found ${JSON.stringify(value)}.`,
      );
    }
    return n;
  };
}

/** Builds the `servable-demo` command (commander). */
export function demoCommand(): Command {
  return new Command('servable-demo')
    .description(
      'Online training publishing model versions to a live inference server (FLIP-289), on one machine.',
    )
    .option(
      '--kafka',
      'publish versions through Kafka: KAFKA_BROKERS, or the kcat mock cluster',
      false,
    )
    .addOption(
      new Option('--versions <n>', 'model versions to serve (1 is saved with the pipeline)')
        .argParser(integer(1))
        .default(10),
    )
    .option('--forever', 'keep publishing versions until Ctrl-C', false)
    .addOption(
      new Option('--interval <ms>', 'pause between two published versions (ms)')
        .argParser(integer(0))
        .default(2000),
    )
    .addOption(
      new Option('--port <port>', 'server port (0: any free port; a taken 8080 falls back to one)')
        .argParser(integer(0))
        .default(8080),
    )
    .option('--host <host>', 'server interface', '127.0.0.1')
    .option(
      '--dir <dir>',
      'save the pipeline here (default: a temporary directory, removed at the end)',
    )
    .option('--topic <topic>', 'Kafka topic (with --kafka)', 'servable-demo')
    .showHelpAfterError();
}

/** Runs the demo with `argv`'s options; resolves to the process exit code. */
export async function main(argv: readonly string[] = process.argv): Promise<number> {
  const command = demoCommand();
  command.parse([...argv]);
  const cli = command.opts<DemoCliOptions>();
  const abort = new AbortController();
  const onSignal = (): void => {
    if (abort.signal.aborted) process.exit(130);
    console.log('\nStopping (Ctrl-C again to force)…');
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const options: DemoOptions = {
    // Brokers: KAFKA_BROKERS when set (read by startKafka), else the kcat mock cluster.
    kafka: cli.kafka,
    topic: cli.topic,
    versions: cli.versions,
    forever: cli.forever,
    intervalMs: cli.interval,
    port: cli.port,
    host: cli.host,
    ...(cli.dir === undefined ? {} : { directory: cli.dir }),
    signal: abort.signal,
  };
  try {
    await runDemo(options);
    return 0;
  } catch (error) {
    console.error(`servable-demo failed: ${failureMessage(error)}`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** What `main` prints when the demo fails: the code and message of our errors, else the stack. */
function failureMessage(error: unknown): string {
  if (error instanceof MockKafkaError && error.code === 'MOCK_KAFKA_UNAVAILABLE') {
    // The message already says to install kcat or set KAFKA_BROKERS.
    return `${error.code}: ${error.message}\nOr run the demo without --kafka (it then publishes through files).`;
  }
  if (error instanceof DemoError || error instanceof MockKafkaError) {
    return `${error.code}: ${error.message}`;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
