import type { DataFrame } from '@servable/dataframe';
import { ModelNotLoadedError } from './errors.js';
import { readModelDataFiles } from './model-data-files.js';
import type { ModelDataFormat } from './model-data-format.js';
import {
  isNamedModelDataInput,
  type ModelDataChunk,
  type ModelDataInput,
  readModelDataInput,
} from './model-data-input.js';
import type { ModelVersion } from './model-version.js';
import { declaredParams, installParamAccessors, type ParamDeclaration } from './param-accessors.js';
import { type MixinInterfaces, type Param, ParamsHolder } from './params/index.js';
import { saveStage } from './stage-writer.js';
import type { SaveOptions, TransformerServable } from './transformer-servable.js';
import { simpleClassName } from './transformer-servable.js';

/**
 * Model data that was read, decoded and validated by {@link ModelServable.prepareModelData} but
 * not yet swapped in. Hand it to {@link ModelServable.commitModelData} of the same servable.
 * Preparing several servables first and committing them together (synchronously) swaps all of
 * them atomically: no transform can run between the commits.
 */
export class PreparedModelData<M> {
  /** @internal */
  constructor(
    /** The servable it was prepared for. */
    readonly servable: object,
    /** The decoded model. */
    readonly model: M,
    /** The model data bytes (records back-to-back, as in a data file). */
    readonly bytes: Uint8Array,
    /** The model's version, when its data carries one. */
    readonly version: ModelVersion | undefined,
    /** Position of the call in the servable's call order; later calls win. */
    readonly sequence: number,
  ) {}
}

/** Whether a saved stage of a model servable must have a `data/` directory. */
export type SavedModelData = 'required' | 'optional';

interface ModelState<M> {
  readonly model: M;
  readonly bytes: Uint8Array;
  readonly version: ModelVersion | undefined;
}

/**
 * Base class of servables whose transform needs model data (FLIP-289's `ModelServable`).
 *
 * Subclasses pass their params to the constructor (`super([FEATURES_COL, ...])`), declare their
 * {@link ModelServable.className}, their
 * {@link ModelServable.modelDataFormat} and implement `transform` using
 * {@link ModelServable.requireModel}.
 *
 * **Swapping models.** {@link ModelServable.setModelData} reads every input to its end,
 * decodes the records back-to-back, validates them and only then replaces the current model in
 * one assignment. The transform hot path reads that single field once per call, so a transform
 * running concurrently with a swap sees either the old or the new model, never a mix. A failure
 * throws a {@link ModelDataError} and leaves the previous model serving. Concurrent calls take
 * effect in call order: an older call that finishes after a newer one is discarded.
 *
 * @example
 * ```ts
 * const lr = new LogisticRegressionModelServable();
 * await lr.setModelData(fs.createReadStream('model/data/part-0'));
 * lr.getModelVersion();           // 0
 * const out = lr.transform(df);
 * ```
 */
export abstract class ModelServable<M>
  extends ParamsHolder
  implements TransformerServable<ModelServable<M>>
{
  /** See {@link TransformerServable.className}. */
  abstract readonly className: string;
  /** How this servable's model data is encoded. */
  abstract readonly modelDataFormat: ModelDataFormat<M>;
  /**
   * `'required'`: a saved stage must have `data/` (batch models). `'optional'`: online models,
   * whose data arrives through `setModelData` and whose saved stage has metadata only.
   */
  readonly savedModelData: SavedModelData = 'required';

  /**
   * A base class for a model servable with the params of `declarations` and, for each
   * {@link ParamMixin} among them (e.g. `HasFeaturesCol`), its typed accessors
   * (`getFeaturesCol()` / `setFeaturesCol()`), like `ParamsHolder.with`. The returned class is
   * generic in the model type; its constructor takes optional extra params.
   *
   * @example
   * ```ts
   * class MyModelServable extends ModelServable.withParams(HasFeaturesCol, HasPredictionCol)<MyModel> {
   *   readonly className = 'com.example.MyModel';
   *   readonly modelDataFormat = MY_FORMAT;
   *   transform(df: DataFrame): DataFrame { ... this.getFeaturesCol() ... }
   * }
   * ```
   */
  static withParams<const X extends readonly ParamDeclaration[]>(
    ...declarations: X
  ): abstract new <M>(
    extraParams?: readonly Param<unknown>[],
  ) => ModelServable<M> & MixinInterfaces<X> {
    const params = declaredParams(declarations);
    abstract class WithParams<M> extends ModelServable<M> {
      constructor(extraParams: readonly Param<unknown>[] = []) {
        super([...params, ...extraParams]);
      }
    }
    installParamAccessors(WithParams.prototype, declarations);
    return WithParams as unknown as abstract new <M>(
      extraParams?: readonly Param<unknown>[],
    ) => ModelServable<M> & MixinInterfaces<X>;
  }

  private state: ModelState<M> | undefined = undefined;
  private requested = 0;
  private committed = 0;

  /** See {@link TransformerServable.transform}. */
  abstract transform(input: DataFrame): DataFrame;

  /**
   * The current model.
   * @throws ModelNotLoadedError when no model data has been set or loaded yet.
   */
  protected requireModel(): M {
    const state = this.state;
    if (state === undefined) throw new ModelNotLoadedError(simpleClassName(this.className));
    return state.model;
  }

  /** Whether model data has been set or loaded. */
  hasModelData(): boolean {
    return this.state !== undefined;
  }

  /** The current model, or `undefined` before any model data. */
  getModel(): M | undefined {
    return this.state?.model;
  }

  /**
   * The version carried by the current model data (LogisticRegression's `modelVersion`,
   * StandardScaler's `version`), or `undefined` when there is no model or its data has none.
   */
  getModelVersion(): ModelVersion | undefined {
    return this.state?.version;
  }

  /**
   * The encoded bytes of the current model: exactly what a data file (or a `setModelData`
   * input) holds. Used by `save` and by model publishers. Do not modify the returned array.
   *
   * @throws ModelNotLoadedError when there is no model yet.
   */
  getModelData(): Uint8Array {
    const state = this.state;
    if (state === undefined) throw new ModelNotLoadedError(simpleClassName(this.className));
    return state.bytes;
  }

  /**
   * Reads, decodes and validates model data without swapping it in (first phase of
   * {@link ModelServable.setModelData}). The call's position in the call order is fixed when it
   * is made, before any byte is read.
   *
   * @param inputs the model data: records back-to-back, over one or more inputs. Errors name
   *   an input by its `source` when it is a `{ source, data }` object, else
   *   `setModelData input #<i>`.
   * @throws ModelDataError when an input cannot be read or decoded, or the records are invalid.
   */
  async prepareModelData(...inputs: ModelDataInput[]): Promise<PreparedModelData<M>> {
    const sequence = ++this.requested;
    const chunks = await Promise.all(
      inputs.map(async (input, i): Promise<ModelDataChunk> => {
        const source = isNamedModelDataInput(input) ? input.source : `setModelData input #${i}`;
        return { source, bytes: await readModelDataInput(input, source) };
      }),
    );
    return this.prepare(chunks, sequence);
  }

  /**
   * Reads, decodes and validates the files of a saved stage's `data/` directory (visible files
   * sorted by name) without swapping them in.
   *
   * @throws ModelDataMissingError when the directory is missing or holds only hidden files.
   * @throws ModelDataError when a file cannot be decoded (naming it and the byte offset), or a
   *   single-record model finds several records or files.
   */
  async prepareModelDataFiles(directory: string): Promise<PreparedModelData<M>> {
    const sequence = ++this.requested;
    return this.prepare(await readModelDataFiles(directory), sequence);
  }

  /**
   * Swaps in prepared model data (second phase of {@link ModelServable.setModelData}), in one
   * assignment. Returns `false` (and changes nothing) when a call made later has already been
   * committed.
   *
   * @throws Error when `prepared` was prepared by another servable.
   */
  commitModelData(prepared: PreparedModelData<M>): boolean {
    if (prepared.servable !== this) {
      throw new TypeError(
        `commitModelData: the prepared model data belongs to another servable (${simpleClassName(this.className)}).`,
      );
    }
    if (prepared.sequence <= this.committed) return false;
    this.committed = prepared.sequence;
    this.state = { model: prepared.model, bytes: prepared.bytes, version: prepared.version };
    return true;
  }

  /**
   * Replaces the model with the one encoded in `inputs` (records back-to-back; a single-record
   * model takes exactly one record over all inputs). Nothing changes unless everything decodes
   * and validates. Pass `{ source, data }` to have errors name where the bytes came from.
   *
   * @throws ModelDataError naming the input and byte offset of the problem.
   */
  async setModelData(...inputs: ModelDataInput[]): Promise<this> {
    this.commitModelData(await this.prepareModelData(...inputs));
    return this;
  }

  /**
   * Replaces the model with the files of a saved stage's `data/` directory.
   * @throws see {@link ModelServable.prepareModelDataFiles}.
   */
  async loadModelDataFiles(directory: string): Promise<this> {
    this.commitModelData(await this.prepareModelDataFiles(directory));
    return this;
  }

  /**
   * Sets the model from a value (validated and encoded with {@link ModelServable.modelDataFormat}),
   * e.g. to build a servable in code or in tests.
   *
   * @throws ModelDataError when the model is invalid.
   */
  setModel(model: M): this {
    const sequence = ++this.requested;
    const bytes = this.modelDataFormat.encode(model);
    this.commitModelData(
      new PreparedModelData(this, model, bytes, this.modelDataFormat.version?.(model), sequence),
    );
    return this;
  }

  /**
   * Saves the stage in Flink ML's format: `path/metadata` (className, timestamp, every param)
   * and `path/data/part-<uuid>-0` holding {@link ModelServable.getModelData}. A model servable
   * without model data (an online model before its first record) saves metadata only.
   */
  async save(path: string, options: SaveOptions = {}): Promise<void> {
    const state = this.state;
    if (state === undefined && this.savedModelData === 'required') {
      throw new ModelNotLoadedError(simpleClassName(this.className));
    }
    await saveStage(path, this, state?.bytes, options);
  }

  private prepare(chunks: readonly ModelDataChunk[], sequence: number): PreparedModelData<M> {
    const format = this.modelDataFormat;
    const model = format.decode(chunks);
    return new PreparedModelData(this, model, concat(chunks), format.version?.(model), sequence);
  }
}

function concat(chunks: readonly ModelDataChunk[]): Uint8Array {
  let total = 0;
  for (const c of chunks) total += c.bytes.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c.bytes, at);
    at += c.bytes.length;
  }
  return out;
}
