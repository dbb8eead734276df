import { readFileSync } from 'node:fs';
import type { OutputCoding, Remainder, RowCoding, TfjsBackendChoice } from '@servable/tf-bridge';
import { Command, CommanderError, Option } from 'commander';
import type { CliIo } from './cli-io.js';
import type { OnError } from './commands/predict.js';
import { CliError, CliUsageError, errorMessage } from './errors.js';
import { collect, parseInteger, parseList } from './option-parsers.js';
import { parseSchemaOption } from './schema-option.js';
import { resolveServeConfig, type ServeFlags } from './serve-config.js';

/** Exit code of a command that ran and failed (bad input, a model that cannot be served). */
export const EXIT_FAILURE = 1;
/** Exit code of a command line that is wrong (unknown flag, missing or malformed value). */
export const EXIT_USAGE = 2;

/** This package's version (src/ and dist/ both sit one level below package.json). */
const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/**
 * Builds the `servable` program (commander). Each action stores its exit code in `result`;
 * output goes to `io`, never to the process directly. Each action imports its command's module
 * when it runs, so a command loads only what it needs (`--help` loads none of them; only
 * `train` and TF stages load TF.js).
 */
export function createProgram(io: CliIo, result: { code: number }): Command {
  const program = new Command('servable')
    .description('Serve, inspect, run and update Apache Flink ML models on Node.js (FLIP-289).')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .addHelpText(
      'after',
      examples(
        'servable inspect ./models/pipeline',
        'servable predict ./models/pipeline --input rows.jsonl > predictions.jsonl',
        'servable serve --model fraud=./models/fraud --watch --port 8080',
        'servable publish --dir ./models/fraud --stage 1 --file ./lr-v8/data/part-0',
        'servable stream --brokers kafka:9092 --input-topic rows --output-topic scores --model ./models/fraud',
        'servable train --script model.mjs --input train.jsonl --selected-cols features --label-col label --epochs 10 --output ./models/tf',
      ),
    );

  program
    .command('inspect')
    .description(
      'Describe a saved stage or PipelineModel: its stages, class names, params and model versions, and whether each stage can be served (and why not). Exits 1 when it cannot be served.',
    )
    .argument('<dir>', 'the saved stage or PipelineModel directory (with a metadata file)')
    .option('--json', 'print one JSON document for machines instead of text for people')
    .addHelpText(
      'after',
      examples(
        'servable inspect ./models/pipeline',
        'servable inspect ./models/lr --json | jq .modelVersion',
      ),
    )
    .action(async (dir: string, flags: { json?: boolean }) => {
      const { inspect } = await import('./commands/inspect.js');
      result.code = await inspect(dir, { json: flags.json === true }, io);
    });

  program
    .command('predict')
    .description(
      'Batch inference from JSON lines: one JSON object per input line (keyed by column name), one JSON object per output line (the input keys plus the model outputs), in input order. Shows a progress bar when stderr is a terminal.',
    )
    .argument('<dir>', 'the saved stage or PipelineModel directory')
    .requiredOption('-i, --input <file>', 'the JSON-lines input file, or - for stdin')
    .option('-o, --output <file>', 'where to write the JSON-lines output, or - for stdout', '-')
    .addOption(
      new Option(
        '--on-error <mode>',
        'on a bad line: fail (stop and name the line) or skip (report it on stderr and go on)',
      )
        .choices(['fail', 'skip'])
        .default('fail'),
    )
    .option('--batch-size <rows>', 'rows per DataFrame handed to the model', '1000')
    .option(
      '--schema <fields>',
      'the input columns, "name TYPE, ..." (e.g. "features VECTOR(DOUBLE), id STRING"); default: derived from the model, else inferred from the first batch',
    )
    .option(
      '--select <keys>',
      'keep only these comma-separated keys in each output line (e.g. id,prediction)',
    )
    .option('--no-progress', 'never draw the progress bar, even on a terminal')
    .addHelpText(
      'after',
      examples(
        'servable predict ./models/lr --input rows.jsonl --output predictions.jsonl',
        'cat rows.jsonl | servable predict ./models/lr --input - --select id,prediction',
        'servable predict ./models/lr -i rows.jsonl --on-error skip 2> bad-lines.txt',
      ),
    )
    .action(async (dir: string, flags: PredictFlags) => {
      const { predict } = await import('./commands/predict.js');
      result.code = await predict(
        {
          model: dir,
          input: flags.input,
          output: flags.output,
          onError: flags.onError,
          batchSize: parseInteger(flags.batchSize, '--batch-size', 1),
          ...(flags.schema === undefined ? {} : { schema: parseSchemaOption(flags.schema) }),
          ...(flags.select === undefined ? {} : { select: parseList(flags.select) }),
          ...(flags.progress === false ? { progress: false } : {}),
        },
        io,
      );
    });

  program
    .command('publish')
    .description(
      'Push a new model version: atomically into a watched model directory (--dir), or as a record to a Kafka model data topic (--brokers, --topic). The data is decoded and validated first; bad data is never published.',
    )
    .requiredOption(
      '-f, --file <file>',
      'the model data file (Flink ML encoding, e.g. <stage>/data/part-...)',
    )
    .option(
      '--dir <model-dir>',
      "publish into this saved stage or PipelineModel directory (its stage's data/)",
    )
    .option('--brokers <list>', 'Kafka bootstrap brokers, comma-separated host:port')
    .option('--topic <topic>', 'the Kafka model data topic servers follow (serve --model-topic)')
    .option(
      '--stage <stage>',
      'for a PipelineModel: the stage the data is for (index, class name or 1/0 path)',
    )
    .option('--key <key>', 'the Kafka record key (default "model")')
    .option('--model <dir>', 'with Kafka: check the data against this saved model before sending')
    .addHelpText(
      'after',
      examples(
        'servable publish --dir ./models/lr --file ./lr-v8/data/part-0',
        'servable publish --dir ./models/pipeline --stage LogisticRegressionModel --file lr-v8.bin',
        'servable publish --brokers kafka:9092 --topic lr-models --file lr-v8.bin',
        'servable publish --brokers kafka:9092 --topic pipe-models --stage 1 --file lr-v8.bin --model ./models/pipeline',
      ),
    )
    .action(async (flags: PublishFlags) => {
      const { publish } = await import('./commands/publish.js');
      result.code = await publish(
        {
          file: flags.file,
          ...(flags.dir === undefined ? {} : { dir: flags.dir }),
          ...(flags.brokers === undefined ? {} : { brokers: parseList(flags.brokers) }),
          ...(flags.topic === undefined ? {} : { topic: flags.topic }),
          ...(flags.stage === undefined ? {} : { stage: flags.stage }),
          ...(flags.key === undefined ? {} : { key: flags.key }),
          ...(flags.model === undefined ? {} : { model: flags.model }),
        },
        io,
      );
    });

  program
    .command('serve')
    .description(
      'Start the inference server (Open Inference Protocol v2, /v1 predict, /metrics, status page) for one or more models, following model updates from files and Kafka. Logs JSON lines (pino) to stdout; stops gracefully on SIGTERM/SIGINT.',
    )
    .option('-m, --model <name=dir>', 'a model to serve, as name=dir (repeatable)', collect)
    .option('--watch', "follow each model's files on disk (a file updater per model stage)")
    .option(
      '--kafka-brokers <list>',
      'Kafka bootstrap brokers for --model-topic, comma-separated host:port',
    )
    .option(
      '--model-topic <name=topic>',
      'follow a Kafka topic of model data for a model (repeatable)',
      collect,
    )
    .option('--host <host>', 'the interface to listen on (default 127.0.0.1; 0.0.0.0 for all)')
    .option('-p, --port <port>', 'the port (default 8080; 0 for any free port)')
    .option(
      '-w, --workers <n>',
      'serving processes (node:cluster, sharing the port; each follows updates itself; default 1)',
    )
    .option(
      '-c, --config <file>',
      'a JSON config file with the same settings; flags override it (see README)',
    )
    .option(
      '--log-level <level>',
      'pino log level: fatal, error, warn, info (default), debug, trace, silent',
    )
    .addHelpText(
      'after',
      examples(
        'servable serve --model lr=./models/lr',
        'servable serve -m fraud=./models/fraud -m churn=./models/churn --watch --port 8080 --workers 4',
        'servable serve -m fraud=./models/fraud --kafka-brokers kafka:9092 --model-topic fraud=fraud-models',
        'servable serve --config serve.json --port 9000',
      ),
    )
    .action(async (flags: ServeFlags) => {
      const { serve } = await import('./commands/serve.js');
      result.code = await serve(await resolveServeConfig(flags, io.cwd), io);
    });

  program
    .command('stream')
    .description(
      'The Kafka end-to-end app: each input record (one JSON row) is transformed and its result produced at once; the input offset is committed only after the result is written (at-least-once); malformed records go to a dead-letter topic with the error in headers; model updates are followed while streaming.',
    )
    .requiredOption('--brokers <list>', 'Kafka bootstrap brokers, comma-separated host:port')
    .requiredOption('--input-topic <topic>', 'the topic of input rows (JSON objects)')
    .requiredOption(
      '--output-topic <topic>',
      'the topic results are written to (same key as the input)',
    )
    .requiredOption('--model <dir>', 'the saved stage or PipelineModel directory')
    .option('--dead-letter-topic <topic>', 'where malformed records go (default <input-topic>.dlq)')
    .option('--group-id <id>', 'the consumer group (default servable-stream-<input-topic>)')
    .option(
      '--from-beginning',
      'a new consumer group starts at the oldest record, not the next new one',
    )
    .option(
      '--model-topic <topic>',
      'follow this Kafka topic of model data records while streaming',
    )
    .option(
      '--model-stage <stage>',
      'for a PipelineModel: the stage --model-topic records are for when they carry no stage header',
    )
    .option('--watch', "follow the model's files on disk while streaming")
    .option(
      '--schema <fields>',
      'the input columns, "name TYPE, ..." (default: derived from the model)',
    )
    .option('--select <keys>', 'keep only these comma-separated keys in each result')
    .option('--log-level <level>', 'pino log level (default info)', 'info')
    .addHelpText(
      'after',
      examples(
        'servable stream --brokers kafka:9092 --input-topic transactions --output-topic scores --model ./models/fraud',
        'servable stream --brokers kafka:9092 --input-topic rows --output-topic out --model ./models/lr --model-topic lr-models --from-beginning',
      ),
    )
    .action(async (flags: StreamFlags) => {
      const { stream } = await import('./commands/stream.js');
      result.code = await stream(
        {
          brokers: parseList(flags.brokers),
          inputTopic: flags.inputTopic,
          outputTopic: flags.outputTopic,
          model: flags.model,
          fromBeginning: flags.fromBeginning === true,
          watch: flags.watch === true,
          logLevel: flags.logLevel,
          ...(flags.deadLetterTopic === undefined
            ? {}
            : { deadLetterTopic: flags.deadLetterTopic }),
          ...(flags.groupId === undefined ? {} : { groupId: flags.groupId }),
          ...(flags.modelTopic === undefined ? {} : { modelTopic: flags.modelTopic }),
          ...(flags.modelStage === undefined ? {} : { modelStage: flags.modelStage }),
          ...(flags.schema === undefined ? {} : { schema: parseSchemaOption(flags.schema) }),
          ...(flags.select === undefined ? {} : { select: parseList(flags.select) }),
        },
        io,
      );
    });

  program
    .command('train')
    .description(
      'Train a TensorFlow model (TFEstimator of @servable/tf-bridge) on JSON-lines rows and save the fitted stage, ready for predict/serve/inspect. Each TFEstimator param has the flag of the same name. Progress per epoch (epoch i/N, loss, rows/s) goes to stderr: a live bar on a terminal, one line per epoch otherwise.',
    )
    .requiredOption(
      '-s, --script <file>',
      'the training script: a JS module whose entry returns a compiled TF.js model (tfjs), or a .py file (python)',
    )
    .requiredOption('-i, --input <file>', 'the JSON-lines training rows, or - for stdin')
    .requiredOption(
      '-o, --output <dir>',
      'where the fitted stage is saved (a new or empty directory; with --pipeline-prefix a PipelineModel)',
    )
    .requiredOption(
      '--selected-cols <cols>',
      'selectedCols: comma-separated input columns fed to the model, in order (numbers or vectors)',
    )
    .option(
      '--label-col <col>',
      'labelCol: the label column (default none: the script reads labels itself)',
    )
    .option(
      '--output-cols <cols>',
      'outputCols: comma-separated columns inference appends (default prediction)',
    )
    .option(
      '--output-types <types>',
      'outputTypes: comma-separated types of the output columns, DOUBLE, FLOAT, INT, LONG, VECTOR(DOUBLE), FLOAT_32, ... (default DOUBLE)',
    )
    .option('--entry-func <name>', 'entryFunc: the function of the script to call (default entry)')
    .option(
      '--hyper-params <key=value>',
      'hyperParams: a key=value handed to the script as ctx.hyperParams (repeatable)',
      collect,
    )
    .option('--epochs <n>', 'epochs: passes over the rows (default 1)')
    .option('--batch-size <rows>', 'batchSize: rows per training batch (default 32)')
    .addOption(
      new Option(
        '--remainder <mode>',
        'remainder: the last partial batch is kept as is, dropped, or padded with rows from the start of the epoch (default keep)',
      ).choices(['keep', 'drop', 'pad']),
    )
    .option('--shuffle', 'shuffle: shuffle the rows each epoch (seeded)')
    .addOption(
      new Option('--backend <backend>', 'backend: where the script runs (default tfjs)').choices([
        'tfjs',
        'python',
      ]),
    )
    .addOption(
      new Option(
        '--tfjs-backend <backend>',
        'tfjsBackend: auto (wasm, else cpu with a warning), cpu or wasm (default auto)',
      ).choices(['auto', 'cpu', 'wasm']),
    )
    .option(
      '--worker-num <n>',
      'workerNum: workers (default 1; tfjs: N > 1 trains N data-parallel replicas in worker threads)',
    )
    .option('--ps-num <n>', 'psNum: parameter-server nodes (python backend; default 0)')
    .option(
      '--checkpoint-dir <dir>',
      'checkpointDir: where checkpoints (epoch-<n>.tfjb) are written',
    )
    .option(
      '--checkpoint-every <n>',
      'checkpointEvery: write a checkpoint every N epochs (default 0: never)',
    )
    .option(
      '--initial-model-path <path>',
      'initialModelPath: warm start from a saved TF model stage, a .tfjb bundle or a model.json',
    )
    .option(
      '--resume-from <dir>',
      'resumeFrom: a checkpoint directory; training continues after its latest epoch',
    )
    .option('--env-path <path>', 'envPath: the python executable or virtualenv (python backend)')
    .addOption(
      new Option(
        '--coding <coding>',
        'coding: how rows reach a python script (default json)',
      ).choices(['csv', 'json', 'example']),
    )
    .addOption(
      new Option(
        '--output-coding <coding>',
        "outputCoding: how a python script's rows come back (default json)",
      ).choices(['csv', 'json', 'none']),
    )
    .option('--inference-script <file>', 'inferenceScript: a different script for inference')
    .option('--inference-entry-func <name>', 'inferenceEntryFunc: a different entry for inference')
    .option(
      '--inference-hyper-params <key=value>',
      'inferenceHyperParams: hyper-parameters for inference instead of --hyper-params (repeatable)',
      collect,
    )
    .option(
      '--pipeline-prefix <dir>',
      'a saved stage or PipelineModel applied to the rows before training (repeatable, in order); the output is then a PipelineModel of them and the trained model',
      collect,
    )
    .option(
      '--schema <fields>',
      'the input columns, "name TYPE, ..." (e.g. "features VECTOR(DOUBLE), label DOUBLE"); default: inferred from the rows',
    )
    .option('--no-progress', 'print no per-epoch progress (neither bar nor lines)')
    .addHelpText(
      'after',
      examples(
        'servable train --script linear.mjs --input train.jsonl --selected-cols features --label-col label --epochs 20 --batch-size 16 --hyper-params lr=0.1 --output ./models/tf',
        'cat train.jsonl | servable train -s mlp.mjs -i - --selected-cols scaled --label-col label --pipeline-prefix ./models/scaler --output ./models/scaler-mlp',
        'servable train -s mlp.mjs -i train.jsonl --selected-cols x,y --label-col z --epochs 50 --checkpoint-dir ckpt --checkpoint-every 5 --output ./models/mlp',
        'servable train -s mlp.mjs -i train.jsonl --selected-cols x,y --label-col z --epochs 50 --resume-from ckpt --output ./models/mlp-2',
        'servable train -s model.py --backend python --worker-num 2 -i train.jsonl --selected-cols x --output ./models/py',
      ),
    )
    .action(async (flags: TrainFlags) => {
      const int = (text: string | undefined, flag: string, min: number): number | undefined =>
        text === undefined ? undefined : parseInteger(text, flag, min);
      const numbers = {
        epochs: int(flags.epochs, '--epochs', 1),
        batchSize: int(flags.batchSize, '--batch-size', 1),
        workerNum: int(flags.workerNum, '--worker-num', 1),
        psNum: int(flags.psNum, '--ps-num', 0),
        checkpointEvery: int(flags.checkpointEvery, '--checkpoint-every', 0),
      };
      const defined = <T extends object>(o: T): Partial<T> =>
        Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
      const { train } = await import('./commands/train.js');
      result.code = await train(
        {
          script: flags.script,
          input: flags.input,
          output: flags.output,
          selectedCols: parseList(flags.selectedCols),
          ...defined({
            ...numbers,
            labelCol: flags.labelCol,
            outputCols: flags.outputCols === undefined ? undefined : parseList(flags.outputCols),
            outputTypes: flags.outputTypes === undefined ? undefined : parseList(flags.outputTypes),
            entryFunc: flags.entryFunc,
            hyperParams: flags.hyperParams,
            remainder: flags.remainder,
            shuffle: flags.shuffle,
            backend: flags.backend,
            tfjsBackend: flags.tfjsBackend,
            checkpointDir: flags.checkpointDir,
            initialModelPath: flags.initialModelPath,
            resumeFrom: flags.resumeFrom,
            envPath: flags.envPath,
            coding: flags.coding,
            outputCoding: flags.outputCoding,
            inferenceScript: flags.inferenceScript,
            inferenceEntryFunc: flags.inferenceEntryFunc,
            inferenceHyperParams: flags.inferenceHyperParams,
            pipelinePrefix: flags.pipelinePrefix,
            schema: flags.schema === undefined ? undefined : parseSchemaOption(flags.schema),
          }),
          ...(flags.progress === false ? { progress: false } : {}),
        },
        io,
      );
    });

  return program;
}

interface PredictFlags {
  input: string;
  output: string;
  onError: OnError;
  batchSize: string;
  schema?: string;
  select?: string;
  progress?: boolean;
}

interface TrainFlags {
  script: string;
  input: string;
  output: string;
  selectedCols: string;
  labelCol?: string;
  outputCols?: string;
  outputTypes?: string;
  entryFunc?: string;
  hyperParams?: string[];
  epochs?: string;
  batchSize?: string;
  remainder?: Remainder;
  shuffle?: boolean;
  backend?: 'tfjs' | 'python';
  tfjsBackend?: TfjsBackendChoice;
  workerNum?: string;
  psNum?: string;
  checkpointDir?: string;
  checkpointEvery?: string;
  initialModelPath?: string;
  resumeFrom?: string;
  envPath?: string;
  coding?: RowCoding;
  outputCoding?: OutputCoding;
  inferenceScript?: string;
  inferenceEntryFunc?: string;
  inferenceHyperParams?: string[];
  pipelinePrefix?: string[];
  schema?: string;
  progress?: boolean;
}

interface PublishFlags {
  file: string;
  dir?: string;
  brokers?: string;
  topic?: string;
  stage?: string;
  key?: string;
  model?: string;
}

interface StreamFlags {
  brokers: string;
  inputTopic: string;
  outputTopic: string;
  model: string;
  deadLetterTopic?: string;
  groupId?: string;
  fromBeginning?: boolean;
  modelTopic?: string;
  modelStage?: string;
  watch?: boolean;
  schema?: string;
  select?: string;
  logLevel: string;
}

/**
 * Runs the `servable` command line in-process: `argv` without the node and script entries
 * (`['inspect', './models/lr', '--json']`). Never exits the process; returns the exit code: 0
 * on success, 1 when the command failed ({@link EXIT_FAILURE}), 2 for a wrong command line
 * ({@link EXIT_USAGE}). Errors are printed to `io.stderr` as `error: <message>`.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const result = { code: 0 };
  const program = createProgram(io, result);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version "fail" with exit code 0; commander printed what it had to.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    io.stderr.write(`error: ${errorMessage(error)}\n`);
    if (error instanceof CliUsageError) return EXIT_USAGE;
    if (!(error instanceof CliError) && process.env.SERVABLE_DEBUG) {
      io.stderr.write(`${(error as Error).stack ?? ''}\n`);
    }
    return EXIT_FAILURE;
  }
}
