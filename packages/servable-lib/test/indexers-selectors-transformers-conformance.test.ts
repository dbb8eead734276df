import { type AnyServable, applyParamMapJson, ServableRegistry } from '@servable/servable-api';
import { describeServableConformance } from '@servable/servable-api/testing';
import { servableLib } from '@servable/servable-lib';
import { BinarizerServable } from '../src/binarizer/index.js';
import { BucketizerServable } from '../src/bucketizer/index.js';
import { DCTServable } from '../src/dct/index.js';
import { ElementwiseProductServable } from '../src/elementwise-product/index.js';
import { IndexToStringModelServable } from '../src/index-to-string/index.js';
import { StringIndexerModelServable } from '../src/string-indexer/index.js';
import { UnivariateFeatureSelectorModelServable } from '../src/univariate-feature-selector/index.js';
import { VarianceThresholdSelectorModelServable } from '../src/variance-threshold-selector/index.js';
import { CategoryMap, VectorIndexerModelServable } from '../src/vector-indexer/index.js';
import {
  caseInput,
  caseModelData,
  caseParams,
  type FixtureJson,
  isFixtureVector,
  loadVectorFile,
  toDouble,
  toVector,
  type VectorCase,
} from './support/flink-vectors.js';

const registry = new ServableRegistry().register(servableLib);

type ParamJson = Parameters<typeof applyParamMapJson>[1];

/** The expected new columns of a case (input columns left out), as JavaScript values. */
function expectedOf(c: VectorCase): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [column, values] of Object.entries(c.expected ?? {})) {
    if (column in c.input) continue;
    out[column] = values.map((v) =>
      v === null
        ? null
        : isFixtureVector(v)
          ? toVector(v)
          : typeof v === 'string'
            ? v
            : toDouble(v),
    );
  }
  return out;
}

function conformance(
  algorithm: string,
  create: (params: Record<string, FixtureJson>, c: VectorCase) => AnyServable,
  options: { tolerance?: number; caseIndex?: number } = {},
): void {
  const file = loadVectorFile(algorithm);
  const c = file.cases[options.caseIndex ?? 0]!;
  describeServableConformance({
    name: algorithm,
    registry,
    load: async () => create(caseParams(file, c), c),
    input: () => caseInput(c),
    expected: expectedOf(c),
    tolerance: options.tolerance ?? 0,
  });
}

function withParams<S extends AnyServable>(s: S, params: Record<string, FixtureJson>): S {
  applyParamMapJson(s, params as ParamJson);
  return s;
}

const stringModel = (file: string, c: VectorCase) => ({
  stringArrays: caseModelData(loadVectorFile(file), c).stringArrays as string[][],
});

conformance('StringIndexer', (p, c) =>
  withParams(new StringIndexerModelServable(), p).setModel(stringModel('StringIndexer', c)),
);
conformance('IndexToString', (p, c) =>
  withParams(new IndexToStringModelServable(), p).setModel(stringModel('IndexToString', c)),
);
conformance(
  'UnivariateFeatureSelector',
  (p, c) =>
    withParams(new UnivariateFeatureSelectorModelServable(), p).setModel({
      indices: Int32Array.from(
        caseModelData(loadVectorFile('UnivariateFeatureSelector'), c).indices as number[],
      ),
    }),
  { caseIndex: 2 },
);
conformance('VarianceThresholdSelector', (p, c) => {
  const data = caseModelData(loadVectorFile('VarianceThresholdSelector'), c);
  return withParams(new VarianceThresholdSelectorModelServable(), p).setModel({
    numOfFeatures: data.numOfFeatures as number,
    indices: Int32Array.from(data.indices as number[]),
  });
});
conformance(
  'VectorIndexer',
  (p, c) => {
    const maps = caseModelData(loadVectorFile('VectorIndexer'), c).categoryMaps as Record<
      string,
      { keys: FixtureJson[]; values: number[] }
    >;
    return withParams(new VectorIndexerModelServable(), p).setModel({
      categoryMaps: new Map(
        Object.entries(maps).map(([k, m]) => [
          Number(k),
          new CategoryMap(m.keys.map((key, i) => [toDouble(key), m.values[i]!] as const)),
        ]),
      ),
    });
  },
  { caseIndex: 3 },
);
conformance('Binarizer', (p) => withParams(new BinarizerServable(), p));
conformance('Bucketizer', (p) => withParams(new BucketizerServable(), p));
conformance('DCT', (p) => withParams(new DCTServable(), p), { tolerance: 1e-3 });
conformance('ElementwiseProduct', (p) => {
  const { scalingVec, ...rest } = p;
  // The vector file writes scalingVec in its own {"dense": [...]} notation.
  return withParams(new ElementwiseProductServable(), rest).setScalingVec(
    toVector(scalingVec as FixtureJson),
  );
});
