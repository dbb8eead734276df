import type { DataFrame } from '@servable/dataframe';
import { declaredParams, installParamAccessors, type ParamDeclaration } from './param-accessors.js';
import { type MixinInterfaces, type Param, ParamsHolder } from './params/index.js';
import { saveStage } from './stage-writer.js';
import type { SaveOptions, TransformerServable } from './transformer-servable.js';

/**
 * Base class of servables without model data (Flink ML's Transformers: Binarizer, Bucketizer,
 * VectorAssembler, …): params plus `transform`; `save` writes the metadata only.
 */
export abstract class TransformerServableBase
  extends ParamsHolder
  implements TransformerServable<TransformerServableBase>
{
  /**
   * A base class with the params of `declarations` and the typed accessors of the mixins among
   * them (see `ModelServable.withParams`).
   */
  static withParams<const X extends readonly ParamDeclaration[]>(
    ...declarations: X
  ): abstract new (
    extraParams?: readonly Param<unknown>[],
  ) => TransformerServableBase & MixinInterfaces<X> {
    const params = declaredParams(declarations);
    abstract class WithParams extends TransformerServableBase {
      constructor(extraParams: readonly Param<unknown>[] = []) {
        super([...params, ...extraParams]);
      }
    }
    installParamAccessors(WithParams.prototype, declarations);
    return WithParams as unknown as abstract new (
      extraParams?: readonly Param<unknown>[],
    ) => TransformerServableBase & MixinInterfaces<X>;
  }

  /** See {@link TransformerServable.className}. */
  abstract readonly className: string;

  /** See {@link TransformerServable.transform}. */
  abstract transform(input: DataFrame): DataFrame;

  /** Writes `path/metadata` (Flink ML's format; these stages have no `data/`). */
  async save(path: string, options: SaveOptions = {}): Promise<void> {
    await saveStage(path, this, undefined, options);
  }
}
