import { SeededRandom } from './random.js';

/** A labelled data set: one feature array per example and its 0/1 label. */
export interface LabelledData {
  /** The names of the features, in order. */
  readonly featureNames: readonly string[];
  /** One row of raw (unscaled) features per example. */
  readonly features: readonly Float64Array[];
  /** The label of each example, 0 or 1. */
  readonly labels: Uint8Array;
}

/** A data set split into the part the trainer sees and the part accuracy is measured on. */
export interface DemoDataset {
  /** The training examples, consumed as a stream of mini-batches. */
  readonly train: LabelledData;
  /** The held-out examples the live view sends to the server. */
  readonly test: LabelledData;
}

/** Options of {@link generateDataset}. */
export interface DatasetOptions {
  /** Training examples; default 4000. */
  readonly trainSize?: number;
  /** Held-out examples; default 400. */
  readonly testSize?: number;
  /** The random seed; default 289 (FLIP-289). */
  readonly seed?: number;
}

/** Feature names: four sensor readings on very different scales (which is why a StandardScaler comes first). */
export const FEATURE_NAMES: readonly string[] = [
  'temperature',
  'pressure',
  'vibration',
  'humidity',
];

/** Per feature: offset and scale of the raw reading. */
const OFFSETS = [60, 1000, 0.02, 40];
const SCALES = [15, 50, 0.01, 20];
/** The true decision rule on standardised readings (correlated features make it slow to learn). */
const TRUE_WEIGHTS = [2.5, -2, 1.5, 0.5];
const NOISE = 1;

/**
 * Generates a labelled binary classification data set: "will this machine fail?" from four
 * sensor readings. Readings are correlated Gaussians on very different scales; the label is a
 * noisy linear rule of the standardised readings, so a scaled logistic regression without an
 * intercept (Flink ML's) can reach about 90 % accuracy, but gradient descent gets there only
 * gradually.
 */
export function generateDataset(options: DatasetOptions = {}): DemoDataset {
  const random = new SeededRandom(options.seed ?? 289);
  const trainSize = options.trainSize ?? 4000;
  const testSize = options.testSize ?? 400;
  return { train: sample(random, trainSize), test: sample(random, testSize) };
}

function sample(random: SeededRandom, size: number): LabelledData {
  const dim = FEATURE_NAMES.length;
  const features: Float64Array[] = [];
  const labels = new Uint8Array(size);
  for (let n = 0; n < size; n++) {
    // A shared latent factor correlates the readings.
    const latent = random.gaussian();
    const z = new Float64Array(dim);
    let score = 0;
    for (let i = 0; i < dim; i++) {
      z[i] = 0.8 * latent + 0.6 * random.gaussian();
      score += (TRUE_WEIGHTS[i] as number) * (z[i] as number);
    }
    labels[n] = score + NOISE * random.gaussian() >= 0 ? 1 : 0;
    const raw = new Float64Array(dim);
    for (let i = 0; i < dim; i++)
      raw[i] = (OFFSETS[i] as number) + (SCALES[i] as number) * (z[i] as number);
    features.push(raw);
  }
  return { featureNames: FEATURE_NAMES, features, labels };
}
