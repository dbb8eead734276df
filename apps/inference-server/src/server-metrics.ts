import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { LatencyHistogram } from './latency-histogram.js';

/** The endpoints whose requests are measured per model. */
export type InferenceEndpoint = 'infer' | 'predict';

/** Label value used for requests that name no served model. */
export const UNKNOWN_MODEL_LABEL = '_unknown';

/** Pre-resolved metric children of one model version and endpoint (the hot path's handles). */
export interface EndpointMetrics {
  /** Observes one request's latency, in seconds. */
  observe(seconds: number): void;
}

/**
 * The Prometheus metrics of one server, in its own {@link Registry} (never the global one, so
 * several servers in one process do not clash):
 *
 * - `servable_request_duration_seconds{model, version, endpoint}`: histogram of inference
 *   request latency (from routing to the answer);
 * - `servable_requests_total{model, endpoint, code}`: inference requests by HTTP status;
 * - `servable_request_errors_total{model, endpoint, code, reason}`: failed requests by error
 *   code (`INVALID_REQUEST`, `MODEL_NOT_FOUND`, `FST_ERR_CTP_BODY_TOO_LARGE`, …);
 * - `servable_model_version{model, stage}`: the version serving now, per versioned stage;
 * - `servable_model_updates_total{model, outcome}`: updates `applied` / `rejected`;
 * - `servable_model_update_latency_seconds{model}`: from when model data was produced to when
 *   it serves.
 */
export class ServerMetrics {
  /** The registry `GET /metrics` exposes. */
  readonly registry: Registry;
  private readonly duration: LatencyHistogram<'model' | 'version' | 'endpoint'>;
  private readonly requests: Counter<'model' | 'endpoint' | 'code'>;
  private readonly errors: Counter<'model' | 'endpoint' | 'code' | 'reason'>;
  private readonly version: Gauge<'model' | 'stage'>;
  private readonly updates: Counter<'model' | 'outcome'>;
  private readonly updateLatency: Histogram<'model'>;
  /** Successful requests counted on the hot path, added to `requests` when it is collected. */
  private readonly okCounters = new Map<string, OkCount>();

  /** @param defaultMetrics also collect prom-client's process metrics (CPU, memory, GC, event loop). */
  constructor(defaultMetrics = false) {
    this.registry = new Registry();
    const registers = [this.registry];
    const okCounters = this.okCounters;
    this.duration = new LatencyHistogram({
      name: 'servable_request_duration_seconds',
      help: 'Inference request latency from routing to the answer, per model and model version.',
      labelNames: ['model', 'version', 'endpoint'],
      buckets: [
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
      ],
      registers,
    });
    this.requests = new Counter({
      name: 'servable_requests_total',
      help: 'Inference requests, per model, endpoint and HTTP status code.',
      labelNames: ['model', 'endpoint', 'code'],
      registers,
      collect: () => {
        for (const ok of okCounters.values()) {
          if (ok.pending > 0) {
            ok.counter.inc(ok.pending);
            ok.pending = 0;
          }
        }
      },
    });
    this.errors = new Counter({
      name: 'servable_request_errors_total',
      help: 'Failed inference requests, per model, endpoint, HTTP status and error code.',
      labelNames: ['model', 'endpoint', 'code', 'reason'],
      registers,
    });
    this.version = new Gauge({
      name: 'servable_model_version',
      help: 'The model version serving now, per model and pipeline stage.',
      labelNames: ['model', 'stage'],
      registers,
    });
    this.updates = new Counter({
      name: 'servable_model_updates_total',
      help: 'Model data updates, per model and outcome (applied, rejected).',
      labelNames: ['model', 'outcome'],
      registers,
    });
    this.updateLatency = new Histogram({
      name: 'servable_model_update_latency_seconds',
      help: 'Time from when model data was produced until it serves.',
      labelNames: ['model'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
    if (defaultMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** The latency handle of a model version and endpoint (resolve once, observe often). */
  endpoint(model: string, version: string, endpoint: InferenceEndpoint): EndpointMetrics {
    const series = this.duration.series({ model, version, endpoint });
    const ok = this.okCounter(model, endpoint);
    return {
      observe(seconds: number): void {
        series.observe(seconds);
        ok.pending += 1;
      },
    };
  }

  /** Counts a failed request (and its latency when the model is known). */
  failure(model: string, endpoint: InferenceEndpoint, statusCode: number, reason: string): void {
    const code = String(statusCode);
    this.requests.inc({ model, endpoint, code });
    this.errors.inc({ model, endpoint, code, reason });
  }

  /** Sets the version gauge of one stage (`''` for a model that is not a pipeline). */
  setVersion(model: string, stage: string, version: number): void {
    this.version.set({ model, stage }, version);
  }

  /** Counts an applied update and observes its latency. */
  updateApplied(model: string, latencyMs: number): void {
    this.updates.inc({ model, outcome: 'applied' });
    this.updateLatency.observe({ model }, latencyMs / 1000);
  }

  /** Counts a rejected update. */
  updateRejected(model: string): void {
    this.updates.inc({ model, outcome: 'rejected' });
  }

  /** Creates the zero-valued series of a model so dashboards see it before its first event. */
  initModel(model: string): void {
    this.updates.inc({ model, outcome: 'applied' }, 0);
    this.updates.inc({ model, outcome: 'rejected' }, 0);
  }

  private okCounter(model: string, endpoint: InferenceEndpoint): OkCount {
    const key = `${model}\u0000${endpoint}`;
    let ok = this.okCounters.get(key);
    if (ok === undefined) {
      ok = { counter: this.requests.labels(model, endpoint, '200'), pending: 0 };
      this.okCounters.set(key, ok);
    }
    return ok;
  }
}

interface OkCount {
  readonly counter: Counter.Internal;
  pending: number;
}
