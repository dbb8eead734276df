import { DenseVector } from '@servable/linalg';
import type { LogisticRegressionModelData } from '@servable/servable-lib';

/** Options of {@link OnlineLogisticRegressionTrainer}. */
export interface TrainerOptions {
  /** Step size of each gradient step; default 0.02. */
  readonly learningRate?: number;
  /** Examples per mini-batch; default 32. */
  readonly batchSize?: number;
}

/**
 * Trains Flink ML's binomial logistic regression (no intercept: `P(y = 1) = σ(w · x)`) by
 * mini-batch gradient descent over a stream of examples, the way Flink ML's
 * `OnlineLogisticRegression` emits a new model version per round: every {@link train} call
 * takes a few gradient steps on the next mini-batches and bumps the model version.
 *
 * Deliberately small: the demo is about serving, not about training.
 */
export class OnlineLogisticRegressionTrainer {
  private readonly weights: Float64Array;
  private readonly learningRate: number;
  private readonly batchSize: number;
  private cursor = 0;
  private version = 0n;

  /**
   * @param features the (scaled) training examples, cycled through in order.
   * @param labels their 0/1 labels.
   * @throws RangeError when there are no examples or the labels do not match them.
   */
  constructor(
    private readonly features: readonly Float64Array[],
    private readonly labels: Uint8Array,
    options: TrainerOptions = {},
  ) {
    const first = features[0];
    if (first === undefined) throw new RangeError('OnlineLogisticRegressionTrainer: no examples.');
    if (labels.length !== features.length) {
      throw new RangeError(
        `OnlineLogisticRegressionTrainer: ${features.length} examples but ${labels.length} labels.`,
      );
    }
    this.weights = new Float64Array(first.length);
    this.learningRate = options.learningRate ?? 0.02;
    this.batchSize = options.batchSize ?? 32;
  }

  /** The model version of the last {@link train} call (0 before the first). */
  get modelVersion(): bigint {
    return this.version;
  }

  /**
   * Takes `steps` gradient steps, each on the next mini-batch of the stream, and returns the
   * resulting model with the next version (1, 2, …, as Flink ML's online training numbers them).
   */
  train(steps: number): LogisticRegressionModelData {
    const w = this.weights;
    const dim = w.length;
    const gradient = new Float64Array(dim);
    for (let s = 0; s < steps; s++) {
      gradient.fill(0);
      for (let b = 0; b < this.batchSize; b++) {
        const index = this.cursor;
        this.cursor = (this.cursor + 1) % this.features.length;
        const x = this.features[index] as Float64Array;
        let dot = 0;
        for (let i = 0; i < dim; i++) dot += (w[i] as number) * (x[i] as number);
        const error = 1 / (1 + Math.exp(-dot)) - (this.labels[index] as number);
        for (let i = 0; i < dim; i++)
          gradient[i] = (gradient[i] as number) + error * (x[i] as number);
      }
      for (let i = 0; i < dim; i++) {
        w[i] = (w[i] as number) - (this.learningRate * (gradient[i] as number)) / this.batchSize;
      }
    }
    this.version += 1n;
    return { coefficient: new DenseVector(Float64Array.from(w)), modelVersion: this.version };
  }
}

/** The share of examples a logistic regression classifies correctly (`w · x >= 0` means 1). */
export function accuracyOf(
  model: LogisticRegressionModelData,
  features: readonly Float64Array[],
  labels: Uint8Array,
): number {
  const w = model.coefficient.values;
  let correct = 0;
  features.forEach((x, r) => {
    let dot = 0;
    for (let i = 0; i < x.length; i++) dot += (w[i] as number) * (x[i] as number);
    if ((dot >= 0 ? 1 : 0) === labels[r]) correct++;
  });
  return features.length === 0 ? 0 : correct / features.length;
}
