import { createHash } from 'node:crypto';
import { type FSWatcher, watch } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ModelUpdateRejectedError, UpdaterConfigError, UpdaterStateError } from './errors.js';
import { silentLogger, type UpdaterLogger } from './logger.js';
import { ModelSwapper, type ModelUpdateOutcome } from './model-swapper.js';
import type {
  ModelRejectedEvent,
  ModelStaleEvent,
  ModelUpdatedEvent,
} from './model-update-events.js';
import { formatVersion } from './model-update-order.js';
import { TypedEmitter } from './typed-emitter.js';
import type { StagedServable, StageRef, UpdatableServable } from './updatable-servable.js';

/** Options of {@link FileModelUpdater}. */
export interface FileModelUpdaterOptions {
  /**
   * What to follow: a saved stage directory (its `data/` directory is followed), a model data
   * directory itself, or a single model data file. For a saved `PipelineModel` directory give
   * {@link FileModelUpdaterOptions.stage} as an index: `stages/<i>/data` is followed.
   */
  readonly path: string;
  /** The pipeline stage to update, when the servable is a pipeline. */
  readonly stage?: StageRef;
  /**
   * Quiet time after the last file event before the files are read (ms). Default 15. Writers
   * that write in place produce an event per write; reading only after a pause avoids reading
   * between two chunks.
   */
  readonly settleMs?: number;
  /**
   * How long files that do not decode may keep unchanged before they are reported as rejected
   * (ms). Until then they are taken as still being written (an in-place writer that paused) and
   * are checked again. Default 1000.
   */
  readonly incompleteTimeoutMs?: number;
  /**
   * Poll the file system instead of using native events: `true`, or the poll interval in ms
   * (default interval 50). Use it for network file systems without change events. Native
   * watching that fails (no such directory yet, out of inotify watches) falls back to polling by
   * itself.
   */
  readonly polling?: boolean | number;
  /**
   * With native events, also re-check the files this often (ms), in case an event was lost.
   * Default 2000; 0 turns it off.
   */
  readonly rescanIntervalMs?: number;
  /**
   * Apply the data present when `start()` is called. Default `true`. With `false` the files
   * present at start count as already loaded (e.g. the servable was loaded from the same saved
   * model): only a later change of their content is applied; a touch, a rescan or a late file
   * event for the same bytes is not.
   */
  readonly loadOnStart?: boolean;
  /** Where to log; default silent. */
  readonly logger?: UpdaterLogger;
}

/** The events of {@link FileModelUpdater}. */
export interface FileModelUpdaterEvents {
  /** New model data was applied. */
  updated: [ModelUpdatedEvent];
  /** Complete, settled files failed to decode or validate; the previous model keeps serving. */
  rejected: [ModelRejectedEvent];
  /** Valid data was older than the serving model and was skipped. */
  stale: [ModelStaleEvent];
  /** The watcher had a problem (it switched to polling, a directory vanished, ...). */
  warning: [Error];
}

interface FileState {
  readonly name: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

interface Snapshot {
  readonly files: readonly FileState[];
  /** A string that changes whenever a file is added, removed or written. */
  readonly signature: string;
}

/**
 * Follows a saved model's data directory (or one data file) and swaps each new complete model
 * into a live servable, without a restart and without failing a request.
 *
 * It never applies half-written data:
 *
 * - **write-then-rename** (Flink's `FileSink`, {@link writeModelDataFileAtomically},
 *   {@link publishModelDataDirectory}): hidden in-progress files (`.`/`_` prefix) are ignored,
 *   the renamed file appears complete and is applied at once;
 * - **in-place writers**: files are read only after {@link FileModelUpdaterOptions.settleMs}
 *   without events, must be unchanged across the read (size, mtime, inode), and must decode and
 *   validate completely; data that does not is taken as still being written and checked again,
 *   and reported as `rejected` only once it has stayed unchanged for
 *   {@link FileModelUpdaterOptions.incompleteTimeoutMs}.
 *
 * Data older than the serving model (by model version) is skipped (`stale`).
 *
 * @example
 * ```ts
 * const updater = new FileModelUpdater(servable, { path: '/srv/models/lr' });
 * updater.on('updated', (e) => log.info(e, 'model updated'));
 * await updater.start(); // the current model serves; later writes are followed
 * ```
 */
export class FileModelUpdater extends TypedEmitter<FileModelUpdaterEvents> {
  private readonly swapper: ModelSwapper;
  private readonly logger: UpdaterLogger;
  private readonly settleMs: number;
  private readonly incompleteTimeoutMs: number;
  private watcher: FSWatcher | undefined;
  private poller: NodeJS.Timeout | undefined;
  private lastPolled: string | undefined;
  private target: { readonly directory: string; readonly file: string | undefined } | undefined;
  private state: 'new' | 'running' | 'stopped' = 'new';
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private dirty = false;
  /** Content hash of the last data handled (applied, stale or rejected): not applied again. */
  private handled: string | undefined;
  /** Content hash of undecodable data being waited on, and since when it is unchanged. */
  private pending: { hash: string; since: number } | undefined;
  private pollingInterval: number | undefined;

  constructor(
    /** The servable (or pipeline) to keep up to date. */
    readonly servable: UpdatableServable | StagedServable,
    /** See {@link FileModelUpdaterOptions}. */
    readonly options: FileModelUpdaterOptions,
  ) {
    super();
    if (typeof options.path !== 'string' || options.path.length === 0) {
      throw new UpdaterConfigError('path', 'expected a non-empty file or directory path.');
    }
    this.swapper = ModelSwapper.for(servable);
    this.logger = options.logger ?? silentLogger;
    this.settleMs = nonNegative('settleMs', options.settleMs, 15);
    this.incompleteTimeoutMs = nonNegative(
      'incompleteTimeoutMs',
      options.incompleteTimeoutMs,
      1000,
    );
    const polling = options.polling;
    this.pollingInterval =
      polling === true
        ? 50
        : typeof polling === 'number'
          ? nonNegative('polling', polling, 50)
          : undefined;
  }

  /** The directory watched (resolved from {@link FileModelUpdaterOptions.path} by `start()`). */
  get directory(): string | undefined {
    return this.target?.directory;
  }

  /**
   * Resolves the path, applies the data present now (unless `loadOnStart: false`) and starts
   * watching. Resolves once changes are being followed; rejected initial data is reported as a
   * `rejected` event, not thrown, so a server can start with its previous model.
   *
   * @throws UpdaterConfigError when the path does not exist.
   */
  async start(): Promise<void> {
    if (this.state !== 'new')
      throw new UpdaterStateError('FileModelUpdater.start() was already called.');
    this.state = 'running';
    this.target = await this.resolveTarget();
    await this.openWatcher();
    this.logger.info(
      { directory: this.target.directory, file: this.target.file },
      'following model data files',
    );
    if (this.options.loadOnStart ?? true) {
      this.dirty = true;
      await this.runCheck();
    } else {
      // The files present now are what the servable was (presumably) loaded from: only a change
      // to them is an update. Late events and rescans of the same files must not re-apply them.
      await this.runCheck(() => this.recordBaseline());
    }
  }

  /** Stops watching. A check in progress finishes (and may still apply its data). */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.closeWatcher();
    await this.checking;
  }

  /**
   * Applies `bytes` even if its model version is older than the serving one: a deliberate
   * rollback. Later files are then compared with the rolled-back version.
   *
   * @throws ModelUpdateRejectedError when the data does not decode or validate.
   */
  async rollback(bytes: Uint8Array, source = 'rollback'): Promise<ModelUpdateOutcome> {
    const outcome = await this.swapper.apply({
      inputs: [{ source, data: bytes }],
      source,
      stage: this.options.stage,
      allowOlder: true,
    });
    this.report(outcome, source, Date.now());
    return outcome;
  }

  private async resolveTarget(): Promise<{ directory: string; file: string | undefined }> {
    const path = this.options.path;
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new UpdaterConfigError('path', `cannot follow ${path}: ${error.message}`);
    });
    if (info.isFile()) return { directory: dirname(path), file: basename(path) };
    const names = new Set(await readdir(path));
    if (names.has('stages') && typeof this.options.stage === 'number') {
      const index = this.options.stage;
      const stages = await readdir(join(path, 'stages'));
      const stageDir = stages.find((n) => /^\d+$/.test(n) && Number(n) === index);
      if (stageDir === undefined) {
        throw new UpdaterConfigError(
          'stage',
          `${path} has no stage ${index}; stages: [${stages.join(', ')}].`,
        );
      }
      return { directory: join(path, 'stages', stageDir, 'data'), file: undefined };
    }
    if (names.has('data') || names.has('metadata')) {
      return { directory: join(path, 'data'), file: undefined };
    }
    return { directory: path, file: undefined };
  }

  private async openWatcher(): Promise<void> {
    const target = this.target!;
    if (this.pollingInterval === undefined) {
      try {
        // Native events for the directory: renames into it, writes, deletions. (We watch the
        // directory, not the file, so that a file replaced by rename keeps being followed.)
        const watcher = watch(target.directory, { persistent: false }, (event, name) => {
          if (name !== null && this.ignores(basename(name))) return;
          this.logger.debug({ event, name }, 'model data file event');
          this.schedule();
        });
        watcher.on('error', (error) => this.fallBackToPolling(error));
        this.watcher = watcher;
        const rescan = this.options.rescanIntervalMs ?? 2000;
        if (rescan > 0) this.startPolling(rescan);
        return;
      } catch (error) {
        this.fallBackToPolling(error as Error);
        return;
      }
    }
    this.startPolling(this.pollingInterval);
  }

  private startPolling(intervalMs: number): void {
    if (this.poller !== undefined) clearInterval(this.poller);
    this.poller = setInterval(() => {
      void this.snapshot().then((s) => {
        if (s.signature !== this.lastPolled) {
          this.lastPolled = s.signature;
          this.schedule(0);
        }
      });
    }, intervalMs);
    this.poller.unref();
  }

  private fallBackToPolling(error: Error): void {
    this.logger.warn(
      { err: error, directory: this.target?.directory },
      'native file events unavailable, polling',
    );
    this.emit(
      'warning',
      new Error(
        `cannot watch ${this.target?.directory} for events (${error.message}); polling every 50 ms`,
        { cause: error },
      ),
    );
    this.closeWatcher();
    if (this.state !== 'running' && this.state !== 'new') return;
    this.pollingInterval = 50;
    this.startPolling(50);
  }

  private closeWatcher(): void {
    this.watcher?.close();
    this.watcher = undefined;
    if (this.poller !== undefined) clearInterval(this.poller);
    this.poller = undefined;
  }

  private ignores(name: string): boolean {
    const file = this.target?.file;
    if (file !== undefined) return name !== file;
    return name.startsWith('.') || name.startsWith('_');
  }

  private schedule(delay = this.settleMs): void {
    this.dirty = true;
    if (this.state !== 'running') return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runCheck();
    }, delay);
  }

  /**
   * Runs `first` (if given), then checks the files for as long as events mark them dirty. Only
   * one run at a time: events during a run set `dirty` and the running loop checks again.
   */
  private async runCheck(first?: () => Promise<void>): Promise<void> {
    if (this.checking !== undefined) return; // the running check re-runs when dirty
    this.checking = (async () => {
      let step = first;
      while ((step !== undefined || this.dirty) && this.state === 'running') {
        const run = step ?? (() => this.check());
        if (step === undefined) this.dirty = false;
        step = undefined;
        try {
          await run();
        } catch (error) {
          const failure = error instanceof Error ? error : new Error(String(error));
          this.logger.warn({ err: failure }, 'model data check failed');
          this.emit('warning', failure);
        }
      }
    })();
    try {
      await this.checking;
    } finally {
      this.checking = undefined;
    }
  }

  /**
   * Reads every followed file, checking that none changed during the read. `undefined` when the
   * directory is empty; `'changed'` when it changed while being read.
   */
  private async readFiles(): Promise<
    { readonly files: readonly FileState[]; readonly contents: Buffer[] } | 'changed' | undefined
  > {
    const before = await this.snapshot();
    this.lastPolled = before.signature;
    if (before.files.length === 0) return undefined;
    const target = this.target!;
    const contents = await Promise.all(
      before.files.map((f) => readFile(join(target.directory, f.name)).catch(() => undefined)),
    );
    const after = await this.snapshot();
    if (after.signature !== before.signature || contents.some((c) => c === undefined)) {
      return 'changed';
    }
    return { files: before.files, contents: contents as Buffer[] };
  }

  /**
   * `loadOnStart: false`: records the files present at start as handled, without applying them.
   * Files that change while being read are a real change: they are checked (and applied) once
   * they settle.
   */
  private async recordBaseline(): Promise<void> {
    const read = await this.readFiles();
    if (read === 'changed') {
      this.schedule();
      return;
    }
    if (read === undefined) return;
    this.handled = contentHash(read.files, read.contents);
    this.logger.debug(
      { directory: this.target?.directory, files: read.files.map((f) => f.name) },
      'files present at start taken as loaded',
    );
  }

  private async check(): Promise<void> {
    const read = await this.readFiles();
    if (read === undefined) return;
    if (read === 'changed') {
      this.schedule(); // written (or replaced) while being read: read again once quiet
      return;
    }
    const { files, contents } = read;
    const target = this.target!;
    const hash = contentHash(files, contents);
    if (hash === this.handled) return; // the same data again (touched, or re-published)
    const paths = files.map((f) => join(target.directory, f.name));
    const source = paths.join(', ');
    const producedAt = Math.max(...files.map((f) => f.mtimeMs));
    try {
      const outcome = await this.swapper.apply({
        // Each file named by its path: decode errors name the file and the byte offset in it.
        inputs: paths.map((path, i) => ({ source: path, data: contents[i] as Buffer })),
        source,
        stage: this.options.stage,
      });
      this.handled = hash;
      this.pending = undefined;
      this.report(outcome, source, producedAt);
    } catch (error) {
      if (!(error instanceof ModelUpdateRejectedError)) throw error;
      const now = Date.now();
      if (this.pending?.hash !== hash) this.pending = { hash, since: now };
      const waited = now - this.pending.since;
      if (waited < this.incompleteTimeoutMs) {
        // Probably still being written in place: look again (events will also wake us).
        this.logger.debug({ source, err: error }, 'model data incomplete, waiting');
        this.schedule(Math.min(Math.max(this.settleMs, 25) * 2, this.incompleteTimeoutMs - waited));
        return;
      }
      this.handled = hash;
      this.pending = undefined;
      this.logger.warn({ source, err: error }, 'model data rejected');
      this.emit('rejected', { error, source });
    }
  }

  private report(outcome: ModelUpdateOutcome, source: string, producedAt: number): void {
    if (outcome.status === 'applied') {
      const event: ModelUpdatedEvent = {
        version: outcome.version,
        previousVersion: outcome.previousVersion,
        source,
        stage: this.options.stage,
        latencyMs: Math.max(0, Date.now() - producedAt),
      };
      this.logger.info(
        { source, version: formatVersion(outcome.version), latencyMs: event.latencyMs },
        'model updated',
      );
      this.emit('updated', event);
    } else {
      this.logger.warn(
        {
          source,
          version: formatVersion(outcome.version),
          current: formatVersion(outcome.currentVersion),
        },
        'stale model data skipped',
      );
      this.emit('stale', {
        version: outcome.version,
        currentVersion: outcome.currentVersion,
        source,
      });
    }
  }

  private async snapshot(): Promise<Snapshot> {
    const target = this.target!;
    let names: string[];
    if (target.file !== undefined) {
      names = [target.file];
    } else {
      names = await readdir(target.directory).catch(() => []);
      names = names.filter((n) => !this.ignores(n)).sort();
    }
    const files: FileState[] = [];
    for (const name of names) {
      const info = await stat(join(target.directory, name)).catch(() => undefined);
      if (info?.isFile()) {
        files.push({ name, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino });
      }
    }
    const signature = files.map((f) => `${f.name}:${f.size}:${f.mtimeMs}:${f.ino}`).join('|');
    return { files, signature };
  }
}

function contentHash(files: readonly FileState[], contents: readonly Buffer[]): string {
  const hash = createHash('sha256');
  files.forEach((f, i) => {
    hash.update(`${f.name}\0${contents[i]?.length ?? 0}\0`);
    hash.update(contents[i] as Buffer);
  });
  return hash.digest('hex');
}

function nonNegative(option: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) {
    throw new UpdaterConfigError(option, `expected a number >= 0, found ${value}.`);
  }
  return value;
}
