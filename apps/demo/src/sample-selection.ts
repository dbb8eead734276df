import type { LogisticRegressionModelData } from '@servable/servable-lib';

function predict(model: LogisticRegressionModelData, x: Float64Array): number {
  const w = model.coefficient.values;
  let dot = 0;
  for (let i = 0; i < x.length; i++) dot += (w[i] as number) * (x[i] as number);
  return dot >= 0 ? 1 : 0;
}

/**
 * Picks the held-out examples the live view follows: first those the first version gets
 * wrong but a well-trained model gets right (so the view shows ✗ turning into ✓ as versions
 * improve), alternating labels, then the first examples to fill up to `count`.
 *
 * @param scaled the held-out examples, scaled.
 * @param labels their labels.
 * @param first the first served model.
 * @param reference a well-trained model.
 */
export function chooseSamples(
  scaled: readonly Float64Array[],
  labels: Uint8Array,
  first: LogisticRegressionModelData,
  reference: LogisticRegressionModelData,
  count = 3,
): number[] {
  const byLabel: number[][] = [[], []];
  scaled.forEach((x, i) => {
    const label = labels[i] as number;
    if (predict(first, x) !== label && predict(reference, x) === label) byLabel[label]?.push(i);
  });
  const chosen: number[] = [];
  for (let k = 0; chosen.length < count && k < scaled.length; k++) {
    const a = byLabel[k % 2]?.[Math.floor(k / 2)];
    const b = byLabel[(k + 1) % 2]?.[Math.floor(k / 2)];
    const next = a ?? b;
    if (next === undefined) break;
    if (!chosen.includes(next)) chosen.push(next);
  }
  for (let i = 0; chosen.length < count && i < scaled.length; i++) {
    if (!chosen.includes(i)) chosen.push(i);
  }
  return chosen.sort((x, y) => x - y);
}
