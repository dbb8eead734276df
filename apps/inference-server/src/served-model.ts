import type { Schema } from '@servable/dataframe';
import type { ModelRejectedEvent, ModelUpdatedEvent } from '@servable/model-updaters';
import {
  type AnyServable,
  ModelServable,
  type ModelVersion,
  PipelineModelServable,
} from '@servable/servable-api';
import {
  type ModelSignature,
  type ModelSignatureSpec,
  probeSignature,
  type SignatureProbe,
  type TensorMetadata,
} from './model-signature.js';
import type { ModelUpdater } from './model-updater.js';
import { RateWindow, type RecentStats } from './rate-window.js';
import type { EndpointMetrics, ServerMetrics } from './server-metrics.js';

/** A model stage whose model data can change, with its path in the pipeline (`''` for none). */
interface ModelStage {
  readonly path: string;
  readonly servable: ModelServable<unknown>;
}

/** What serves now: recomputed whenever any stage's model object changes. */
export interface ModelSnapshot {
  /** The model version string (see {@link ServedModel.version}). */
  readonly version: string;
  /** Whether the model can answer (every model stage has data). */
  readonly ready: boolean;
  /** Why not, when not ready. */
  readonly notReadyReason: string | undefined;
  /** The signature for this model data. */
  readonly signature: ModelSignature;
  /** `{"model_name":…,"model_version":…` (the start of every response of this version). */
  readonly responseHead: string;
  /** Latency metric handles of this version. */
  readonly inferMetrics: EndpointMetrics;
  /** Latency metric handles of this version, row-style endpoint. */
  readonly predictMetrics: EndpointMetrics;
  /** The stage models this snapshot was computed for (identity-compared). */
  readonly models: readonly unknown[];
}

/** The state of one model as the status page and `GET /v2/status` show it. */
export interface ModelStatus {
  /** The model's name. */
  readonly name: string;
  /** The version serving now. */
  readonly version: string;
  /** Whether it can answer. */
  readonly ready: boolean;
  /** When the serving model data was swapped in (ISO 8601), or when the server loaded it. */
  readonly lastUpdated: string;
  /** Updates applied and rejected since the server started, and the last rejection's message. */
  readonly updates: {
    readonly applied: number;
    readonly rejected: number;
    readonly lastRejection: string | null;
  };
  /** Request rate and latency over the last 10 seconds. */
  readonly requests: RecentStats;
  /** The input tensors. */
  readonly inputs: readonly TensorMetadata[];
  /** The output tensors. */
  readonly outputs: readonly TensorMetadata[];
}

/**
 * One model the server serves: its servable, its signature and version (recomputed whenever a
 * stage's model data changes, however it changed: an updater, or `setModelData` called
 * directly), its recent request statistics and update counters.
 *
 * **Version.** A model's version is the version carried by its model data (Flink ML's
 * `modelVersion` / `version` fields): for one model servable, that version; for a pipeline, the
 * versions of its versioned stages joined with `.` in stage order (`versionStage` picks one
 * stage instead). A model whose data carries no version counts generations instead: `1` when
 * loaded, `2` after the first change of model data, and so on.
 */
export class ServedModel {
  private readonly stages: readonly ModelStage[];
  private snap: ModelSnapshot;
  private generation = 1;
  private lastUpdatedMs: number;
  private applied = 0;
  private rejected = 0;
  private lastRejection: string | null = null;
  private readonly clock: () => number;
  /** Recent request statistics (fed by the server). */
  readonly recent: RateWindow;

  constructor(
    /** The name requests use. */
    readonly name: string,
    /** The servable. */
    readonly servable: AnyServable,
    /** The input schema (configured or derived). */
    readonly inputSchema: Schema,
    /** The configured signature parts. */
    readonly spec: ModelSignatureSpec,
    /** The updaters the server owns for this model. */
    readonly updaters: readonly ModelUpdater[],
    private readonly metrics: ServerMetrics,
    private readonly versionStage: string | undefined,
    /** The clock (ms since the epoch), replaceable in tests; default: a coarse clock for the
     * request statistics, `Date.now` for update times. */
    now?: () => number,
  ) {
    this.stages = modelStages(servable, '');
    this.recent = new RateWindow(10, now);
    this.clock = now ?? Date.now;
    this.lastUpdatedMs = this.clock();
    this.snap = this.compute(this.stages.map((s) => s.servable.getModel()));
    metrics.initModel(name);
    for (const updater of updaters) {
      updater.on('updated', (event) => this.onUpdated(event));
      updater.on('rejected', (event) => this.onRejected(event));
    }
  }

  /**
   * What serves now. Cheap when nothing changed (one identity comparison per model stage);
   * recomputes version, signature and metric handles after a model data swap.
   */
  current(): ModelSnapshot {
    const snap = this.snap;
    const stages = this.stages;
    for (let i = 0; i < stages.length; i++) {
      if ((stages[i] as ModelStage).servable.getModel() !== snap.models[i]) {
        return this.refresh();
      }
    }
    return snap;
  }

  /** The version serving now. */
  version(): string {
    return this.current().version;
  }

  /** The model's status (for the status page). */
  status(): ModelStatus {
    const snap = this.current();
    return {
      name: this.name,
      version: snap.version,
      ready: snap.ready,
      lastUpdated: new Date(this.lastUpdatedMs).toISOString(),
      updates: {
        applied: this.applied,
        rejected: this.rejected,
        lastRejection: this.lastRejection,
      },
      requests: this.recent.stats(),
      inputs: snap.signature.inputMetadata(),
      outputs: snap.signature.outputMetadata(),
    };
  }

  private refresh(): ModelSnapshot {
    const models = this.stages.map((s) => s.servable.getModel());
    this.generation++;
    this.lastUpdatedMs = this.clock();
    this.snap = this.compute(models, false);
    return this.snap;
  }

  private compute(models: readonly unknown[], strict = true): ModelSnapshot {
    let probe: SignatureProbe;
    try {
      probe = probeSignature(this.name, this.servable, this.inputSchema, this.spec.outputs);
    } catch (error) {
      // New model data no longer fits the signature: report the model not ready (the server
      // keeps running; the status page and the ready endpoint show why).
      if (strict) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      probe = { ready: false, reason, signature: this.snap.signature };
    }
    const version = this.computeVersion();
    const name = this.name;
    return {
      version,
      ready: probe.ready,
      notReadyReason: probe.ready ? undefined : probe.reason,
      signature: probe.signature,
      responseHead: `{"model_name":${JSON.stringify(name)},"model_version":${JSON.stringify(version)}`,
      inferMetrics: this.metrics.endpoint(name, version, 'infer'),
      predictMetrics: this.metrics.endpoint(name, version, 'predict'),
      models,
    };
  }

  private computeVersion(): string {
    const versioned: { path: string; version: ModelVersion }[] = [];
    for (const stage of this.stages) {
      const v = stage.servable.getModelVersion();
      if (v !== undefined) versioned.push({ path: stage.path, version: v });
    }
    for (const v of versioned) this.metrics.setVersion(this.name, v.path, Number(v.version));
    const chosen =
      this.versionStage === undefined
        ? versioned
        : versioned.filter((v) => v.path === this.versionStage);
    if (chosen.length === 0) return String(this.generation);
    return chosen.map((v) => String(v.version)).join('.');
  }

  private onUpdated(event: ModelUpdatedEvent): void {
    this.applied++;
    this.metrics.updateApplied(this.name, event.latencyMs);
    this.current();
  }

  private onRejected(event: ModelRejectedEvent): void {
    this.rejected++;
    this.lastRejection = event.error.message;
    this.metrics.updateRejected(this.name);
  }
}

function modelStages(servable: AnyServable, path: string): ModelStage[] {
  if (servable instanceof ModelServable) return [{ path, servable }];
  if (!(servable instanceof PipelineModelServable)) return [];
  return servable
    .getStages()
    .flatMap((stage, i) => modelStages(stage, path === '' ? String(i) : `${path}/${i}`));
}
