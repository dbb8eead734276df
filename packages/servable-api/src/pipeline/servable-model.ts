import type { DataFrame } from '@servable/dataframe';
import type { Param } from '../params/index.js';
import type { AnyServable, SaveOptions } from '../transformer-servable.js';
import type { Model } from './stage.js';

/**
 * A {@link Model} whose work is done by a servable (any `TransformerServable`: a Flink ML
 * servable, a fitted model's servable form). `transform`, `save` and the params are the
 * servable's; {@link ServableModel.toServable} returns it.
 *
 * @example
 * ```ts
 * const scaler = new ServableModel(new StandardScalerModelServable().setModel(data));
 * const pipeline = new Pipeline([scaler, new TFEstimator()...]);
 * ```
 */
export class ServableModel<S extends AnyServable = AnyServable> implements Model {
  constructor(
    /** The servable doing the work. */
    readonly servable: S,
  ) {}

  /** The servable's class name. */
  get className(): string {
    return this.servable.className;
  }

  /** Applies the servable. */
  transform(input: DataFrame): DataFrame {
    return this.servable.transform(input);
  }

  /** Saves the servable's stage. */
  save(path: string, options?: SaveOptions): Promise<void> {
    return this.servable.save(path, options);
  }

  /** Always true. */
  supportServable(): boolean {
    return true;
  }

  /** The servable. */
  toServable(): S {
    return this.servable;
  }

  /** See {@link WithParams.getParams}. */
  getParams(): readonly Param<unknown>[] {
    return this.servable.getParams();
  }

  /** See {@link WithParams.get}. */
  get<V>(param: Param<V>): V {
    return this.servable.get(param);
  }

  /** See {@link WithParams.set}. */
  set<V>(param: Param<V>, value: V): this {
    this.servable.set(param, value);
    return this;
  }

  /** See {@link WithParams.getParamMap}. */
  getParamMap(): ReadonlyMap<Param<unknown>, unknown> {
    return this.servable.getParamMap();
  }
}
