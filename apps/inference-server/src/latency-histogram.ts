import {
  Histogram,
  type HistogramConfiguration,
  type LabelValues,
  type MetricObjectWithValues,
  type MetricType,
  type MetricValueWithName,
} from 'prom-client';

/** One label set's buckets, sum and count, updated in place by {@link LatencySeries.observe}. */
export interface LatencySeries {
  /** Observes one value (seconds). Non-finite values are ignored. */
  observe(value: number): void;
}

class Series implements LatencySeries {
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  constructor(
    readonly labels: Readonly<Record<string, string>>,
    private readonly bounds: Float64Array,
  ) {
    this.counts = new Float64Array(bounds.length);
  }

  observe(value: number): void {
    if (!Number.isFinite(value)) return;
    const bounds = this.bounds;
    for (let i = 0; i < bounds.length; i++) {
      if (value <= (bounds[i] as number)) {
        this.counts[i] = (this.counts[i] as number) + 1;
        break;
      }
    }
    this.sum += value;
    this.count += 1;
  }
}

/**
 * A prom-client {@link Histogram} whose per-label-set series are resolved once
 * ({@link LatencyHistogram.series}) and observed without prom-client's per-observation label
 * validation, label hashing and bucket-key string conversion (≈ 2.5 µs per observation with
 * prom-client 15; this is a few ns). It exports exactly what a prom-client histogram with the
 * same buckets exports (`_bucket{le=…}` cumulative, `+Inf`, `_sum`, `_count`).
 *
 * Only observations made through {@link LatencyHistogram.series} are exported; the inherited
 * `observe`/`labels`/`startTimer` are not used by the server.
 */
export class LatencyHistogram<T extends string> extends Histogram<T> {
  private readonly bounds: Float64Array;
  private readonly all = new Map<string, Series>();
  private readonly metricName: string;
  private readonly metricHelp: string;

  /** @param configuration as prom-client's (name, help, labelNames, buckets, registers). */
  constructor(configuration: HistogramConfiguration<T> & { readonly buckets: readonly number[] }) {
    super(configuration);
    this.bounds = Float64Array.from([...configuration.buckets].sort((a, b) => a - b));
    this.metricName = configuration.name;
    this.metricHelp = configuration.help;
  }

  /** The series of one label set (created on first use, then the same object). */
  series(labels: LabelValues<T> & Readonly<Record<T, string>>): LatencySeries {
    const key = JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
    let s = this.all.get(key);
    if (s === undefined) {
      s = new Series({ ...(labels as Record<string, string>) }, this.bounds);
      this.all.set(key, s);
    }
    return s;
  }

  /** The exported values, in prom-client's text-format shape (labels and shared labels apart). */
  async getForPromString(): Promise<{
    name: string;
    help: string;
    type: 'histogram';
    aggregator: 'sum';
    values: {
      labels: Record<string, string | number>;
      sharedLabels: Readonly<Record<string, string>>;
      value: number;
      metricName: string;
    }[];
  }> {
    const values = [];
    const bucket = `${this.metricName}_bucket`;
    for (const s of this.all.values()) {
      let acc = 0;
      for (let i = 0; i < this.bounds.length; i++) {
        acc += s.counts[i] as number;
        values.push({
          labels: { le: this.bounds[i] as number },
          sharedLabels: s.labels,
          value: acc,
          metricName: bucket,
        });
      }
      values.push(
        { labels: { le: '+Inf' }, sharedLabels: s.labels, value: s.count, metricName: bucket },
        { labels: {}, sharedLabels: s.labels, value: s.sum, metricName: `${this.metricName}_sum` },
        {
          labels: {},
          sharedLabels: s.labels,
          value: s.count,
          metricName: `${this.metricName}_count`,
        },
      );
    }
    return {
      name: this.metricName,
      help: this.metricHelp,
      type: 'histogram',
      aggregator: 'sum',
      values,
    };
  }

  /** The exported values with each value's labels merged (prom-client's JSON shape). */
  override async get(): Promise<MetricObjectWithValues<MetricValueWithName<T>>> {
    const data = await this.getForPromString();
    return {
      ...data,
      // prom-client's typings declare a numeric enum; at run time the type is the string.
      type: data.type as unknown as MetricType,
      collect: () => undefined,
      values: data.values.map(({ labels, sharedLabels, value, metricName }) => ({
        labels: { ...sharedLabels, ...labels } as MetricValueWithName<T>['labels'],
        value,
        metricName,
      })),
    };
  }

  /** Zeroes every series (they stay resolved). */
  override reset(): void {
    super.reset();
    // The base constructor calls reset() before this class's fields exist.
    if (this.all === undefined) return;
    for (const s of this.all.values()) {
      s.counts.fill(0);
      s.sum = 0;
      s.count = 0;
    }
  }
}
