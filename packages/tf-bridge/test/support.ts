import { fileURLToPath } from 'node:url';
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { Vectors } from '@servable/linalg';
import { tf } from '@servable/tf-bridge';

export const SCRIPTS = fileURLToPath(new URL('./fixtures/scripts/', import.meta.url));

/** A dense layer model computing y = w·x + b for 2 inputs. */
export function linearModel(w: readonly [number, number], b: number): tf.LayersModel {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
  model.setWeights([tf.tensor2d([[w[0]], [w[1]]]), tf.tensor1d([b])]);
  return model;
}

/** Rows with features [x, 2x] (vector) and label 3x + 1. */
export function linearData(n: number): DataFrame {
  const features = [];
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = (i % 10) / 10;
    features.push(Vectors.dense(x, 1 - x));
    labels[i] = 3 * x + 1;
  }
  return DataFrame.fromColumns(
    ['features', 'label'],
    [DataTypes.VECTOR(BasicType.DOUBLE), DataTypes.DOUBLE],
    [features, labels],
  );
}
