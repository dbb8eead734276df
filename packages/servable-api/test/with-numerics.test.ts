import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { type Vector, VectorSerializer, Vectors } from '@servable/linalg';
import {
  blasOf,
  forEachVector,
  HasFeaturesCol,
  HasInputCol,
  HasOutputCol,
  HasPredictionCol,
  InvalidNumericsError,
  isNumericsAware,
  loadStage,
  ModelServable,
  type Numerics,
  type NumericsAware,
  PipelineModelServable,
  type ServablePlugin,
  ServableRegistry,
  servableLoader,
  singleRecordFormat,
  TransformerServableBase,
  withNumerics,
} from '@servable/servable-api';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { DoubleItServable } from './support/shift-servable.js';

// x · w where Java 8 (plain) and Java 11+ (fused) round differently: plain rounds (1+e)(1-e)
// to 1 before adding -1 (0); a fused multiply-add keeps -e² (-2^-60).
const E = 2 ** -30;
const W = Vectors.dense(1, 1 - E);
const X = Vectors.dense(-1, 1 + E);

const DOT_FORMAT = singleRecordFormat<Vector>({ name: 'DotModelData', codec: VectorSerializer });

/** A plugin author's model servable: `prediction = features · model`, numerics-aware. */
class DotServable extends withNumerics(
  ModelServable.withParams(HasFeaturesCol, HasPredictionCol),
)<Vector> {
  static readonly CLASS_NAME = 'com.example.DotModel';
  readonly className: string = DotServable.CLASS_NAME;
  readonly modelDataFormat = DOT_FORMAT;

  transform(input: DataFrame): DataFrame {
    const model = this.requireModel();
    const blas = blasOf(this.getNumerics()); // once per call
    const out = new Float64Array(input.numRows());
    const spec = { column: this.getFeaturesCol(), stage: 'DotModel', dimension: model.size() };
    forEachVector(input, spec, (v, row) => {
      out[row] = blas.dot(v, model);
    });
    return input.addColumn(this.getPredictionCol(), DataTypes.DOUBLE, out);
  }
}

/** A stateless numerics-aware servable: the 2-norm of a vector column. */
class NormServable extends withNumerics(
  TransformerServableBase.withParams(HasInputCol, HasOutputCol),
) {
  static readonly CLASS_NAME = 'com.example.Norm';
  readonly className: string = NormServable.CLASS_NAME;

  transform(input: DataFrame): DataFrame {
    const blas = blasOf(this.getNumerics());
    const out = new Float64Array(input.numRows());
    const spec = { column: this.getInputCol(), stage: 'Norm' };
    forEachVector(input, spec, (v, row) => {
      out[row] = blas.norm2(v);
    });
    return input.addColumn(this.getOutputCol(), DataTypes.DOUBLE, out);
  }
}

function frame(vectors: readonly Vector[]): DataFrame {
  return DataFrame.fromColumns(['features'], [DataTypes.VECTOR(BasicType.DOUBLE)], [vectors]);
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'servable-with-numerics-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('withNumerics', () => {
  it("defaults to 'fast', switches, is chainable and rejects unknown values", () => {
    const dot = new DotServable();
    expect(isNumericsAware(dot)).toBe(true);
    expect(dot.getNumerics()).toBe('fast');
    expect(dot.setNumerics('java11')).toBe(dot);
    expect(dot.getNumerics()).toBe('java11');
    expect(() => dot.setNumerics('fma' as Numerics)).toThrow(InvalidNumericsError);
    expect(() => dot.setNumerics('fma' as Numerics)).toThrow(
      `Invalid numerics "fma": expected 'fast' or 'java11'.`,
    );
    expect(dot.getNumerics()).toBe('java11');
  });

  it('keeps the state per instance and the base class behaviour', () => {
    const a = new DotServable().setNumerics('java11');
    const b = new DotServable();
    expect(b.getNumerics()).toBe('fast');
    expect(a).toBeInstanceOf(ModelServable);
    expect(new NormServable()).toBeInstanceOf(TransformerServableBase);
    expect(a.getParams().map((p) => p.name)).toEqual(['featuresCol', 'predictionCol']);
  });

  it('the transform reads the numerics of the call', () => {
    const dot = new DotServable().setModel(W);
    const input = frame([X]);
    expect(dot.transform(input).getDoubles('prediction')[0]).toBe(0);
    expect(dot.setNumerics('java11').transform(input).getDoubles('prediction')[0]).toBe(-(E * E));
    expect(dot.setNumerics('fast').transform(input).getDoubles('prediction')[0]).toBe(0);
  });

  it('passes constructor arguments through to any base class', () => {
    class Base {
      constructor(
        readonly label: string,
        readonly size: number,
      ) {}
    }
    class Sized extends withNumerics(Base) {}
    const s = new Sized('x', 3).setNumerics('java11');
    expect([s.label, s.size, s.getNumerics()]).toEqual(['x', 3, 'java11']);
    expectTypeOf<ConstructorParameters<typeof Sized>>().toEqualTypeOf<[string, number]>();
  });

  it('keeps the concrete class and the model type in the public types', () => {
    const dot = new DotServable().setNumerics('java11').setFeaturesCol('f');
    expectTypeOf(dot).toEqualTypeOf<DotServable>();
    expectTypeOf(dot.getModel()).toEqualTypeOf<Vector | undefined>();
    expectTypeOf(
      new NormServable().setNumerics('fast').setInputCol('v'),
    ).toEqualTypeOf<NormServable>();
    expectTypeOf<DotServable>().toExtend<NumericsAware>();
    expectTypeOf<DotServable>().toExtend<ModelServable<Vector>>();
    // @ts-expect-error only 'fast' and 'java11' type-check
    expect(() => dot.setNumerics('java8')).toThrow(InvalidNumericsError);
  });

  it('is not a param: never saved in metadata', async () => {
    const dot = new DotServable().setModel(W).setNumerics('java11');
    await dot.save(join(work, 'dot-saved'));
    const metadata = await readFile(join(work, 'dot-saved', 'metadata'), 'utf8');
    expect(metadata).toContain('featuresCol');
    expect(metadata).not.toMatch(/numerics|java11/i);
  });
});

describe('withNumerics servables in a ServableRegistry', () => {
  const plugin: ServablePlugin = {
    name: 'numerics-plugin',
    servables: {
      [DotServable.CLASS_NAME]: servableLoader(() => new DotServable()),
      [NormServable.CLASS_NAME]: servableLoader(() => new NormServable()),
      [DoubleItServable.CLASS_NAME]: servableLoader(() => new DoubleItServable()),
    },
  };
  // A hand-written loader, which does not apply the registry's numerics itself.
  const handWritten: ServablePlugin = {
    name: 'hand-written',
    servables: {
      [DotServable.CLASS_NAME]: {
        load: (path, metadata) => loadStage(path, () => new DotServable(), { metadata }),
      },
    },
  };

  it('applies its numerics to every numerics-aware stage, nested pipelines included', async () => {
    const inner = new PipelineModelServable([
      new NormServable().setInputCol('features').setOutputCol('norm'),
      new DoubleItServable().setInputCol('norm').setOutputCol('twice'),
    ]);
    const outer = new PipelineModelServable([new DotServable().setModel(W), inner]);
    await outer.save(join(work, 'pipeline'));

    const loaded = await new ServableRegistry({ numerics: 'java11' })
      .register(plugin)
      .load(join(work, 'pipeline'));
    expect(loaded).toBeInstanceOf(PipelineModelServable);
    const [dot, nested] = (loaded as PipelineModelServable).getStages();
    expect((dot as DotServable).getNumerics()).toBe('java11');
    const [norm, twice] = (nested as PipelineModelServable).getStages();
    expect((norm as NormServable).getNumerics()).toBe('java11');
    expect(isNumericsAware(twice)).toBe(false);
    expect(loaded.transform(frame([X])).getDoubles('prediction')[0]).toBe(-(E * E));

    const fast = await new ServableRegistry().register(plugin).load(join(work, 'pipeline'));
    expect(fast.transform(frame([X])).getDoubles('prediction')[0]).toBe(0);
  });

  it('applies its numerics after a hand-written loader', async () => {
    await new DotServable().setModel(W).save(join(work, 'dot'));
    const loaded = await new ServableRegistry({ numerics: 'java11' })
      .register(handWritten)
      .load(join(work, 'dot'));
    expect((loaded as DotServable).getNumerics()).toBe('java11');
  });

  it('check is unaffected by numerics', async () => {
    await new DotServable().setModel(W).save(join(work, 'dot-check'));
    const check = await new ServableRegistry({ numerics: 'java11' })
      .register(plugin)
      .check(join(work, 'dot-check'));
    expect(check.servable).toBe(true);
    expect(check.problems).toEqual([]);
  });
});
