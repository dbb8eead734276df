import { paramMixin } from '@servable/servable-api';
import {
  BACKEND,
  BATCH_SIZE,
  CHECKPOINT_DIR,
  CHECKPOINT_EVERY,
  CODING,
  ENTRY_FUNC,
  ENV_PATH,
  EPOCHS,
  HYPER_PARAMS,
  INFERENCE_ENTRY_FUNC,
  INFERENCE_HYPER_PARAMS,
  INFERENCE_SCRIPT,
  INITIAL_MODEL_PATH,
  MAX_RESTARTS,
  OUTPUT_CODING,
  OUTPUT_TYPES,
  PS_NUM,
  REMAINDER,
  RESTART_BACKOFF_MS,
  RESTART_WINDOW_MS,
  RESUME_FROM,
  SCRIPT,
  SELECTED_COLS,
  SHUFFLE,
  TF_LABEL_COL,
  TF_OUTPUT_COLS,
  TFJS_BACKEND,
  WORKER_NUM,
} from './tf-params.js';

/** Accessors of {@link SCRIPT}. */
export interface HasScript {
  /** The script path. */
  getScript(): string | null;
  /** Sets the script path. */
  setScript(value: string | null): this;
}
/** Mixin of {@link SCRIPT}. */
export const HasScript = paramMixin<HasScript>(SCRIPT, 'Script');

/** Accessors of {@link ENTRY_FUNC}. */
export interface HasEntryFunc {
  /** The entry function name. */
  getEntryFunc(): string;
  /** Sets the entry function name. */
  setEntryFunc(value: string): this;
}
/** Mixin of {@link ENTRY_FUNC}. */
export const HasEntryFunc = paramMixin<HasEntryFunc>(ENTRY_FUNC, 'EntryFunc');

/** Accessors of {@link HYPER_PARAMS}. */
export interface HasHyperParams {
  /** The key=value hyper-parameters. */
  getHyperParams(): string[];
  /** Sets the key=value hyper-parameters. */
  setHyperParams(value: string[]): this;
}
/** Mixin of {@link HYPER_PARAMS}. */
export const HasHyperParams = paramMixin<HasHyperParams>(HYPER_PARAMS, 'HyperParams');

/** Accessors of {@link ENV_PATH}. */
export interface HasEnvPath {
  /** The Python executable or virtualenv. */
  getEnvPath(): string | null;
  /** Sets the Python executable or virtualenv. */
  setEnvPath(value: string | null): this;
}
/** Mixin of {@link ENV_PATH}. */
export const HasEnvPath = paramMixin<HasEnvPath>(ENV_PATH, 'EnvPath');

/** Accessors of {@link INFERENCE_SCRIPT}. */
export interface HasInferenceScript {
  /** The inference script override. */
  getInferenceScript(): string | null;
  /** Sets the inference script override. */
  setInferenceScript(value: string | null): this;
}
/** Mixin of {@link INFERENCE_SCRIPT}. */
export const HasInferenceScript = paramMixin<HasInferenceScript>(
  INFERENCE_SCRIPT,
  'InferenceScript',
);

/** Accessors of {@link INFERENCE_ENTRY_FUNC}. */
export interface HasInferenceEntryFunc {
  /** The inference entry override. */
  getInferenceEntryFunc(): string | null;
  /** Sets the inference entry override. */
  setInferenceEntryFunc(value: string | null): this;
}
/** Mixin of {@link INFERENCE_ENTRY_FUNC}. */
export const HasInferenceEntryFunc = paramMixin<HasInferenceEntryFunc>(
  INFERENCE_ENTRY_FUNC,
  'InferenceEntryFunc',
);

/** Accessors of {@link INFERENCE_HYPER_PARAMS}. */
export interface HasInferenceHyperParams {
  /** The inference hyper-parameter override. */
  getInferenceHyperParams(): string[] | null;
  /** Sets the inference hyper-parameter override. */
  setInferenceHyperParams(value: string[] | null): this;
}
/** Mixin of {@link INFERENCE_HYPER_PARAMS}. */
export const HasInferenceHyperParams = paramMixin<HasInferenceHyperParams>(
  INFERENCE_HYPER_PARAMS,
  'InferenceHyperParams',
);

/** Accessors of {@link SELECTED_COLS}. */
export interface HasSelectedCols {
  /** The selected input columns. */
  getSelectedCols(): string[];
  /** Sets the selected input columns. */
  setSelectedCols(value: string[]): this;
}
/** Mixin of {@link SELECTED_COLS}. */
export const HasSelectedCols = paramMixin<HasSelectedCols>(SELECTED_COLS, 'SelectedCols');

/** Accessors of {@link TF_LABEL_COL}. */
export interface HasLabelCol {
  /** The label column. */
  getLabelCol(): string | null;
  /** Sets the label column. */
  setLabelCol(value: string | null): this;
}
/** Mixin of {@link TF_LABEL_COL}. */
export const HasLabelCol = paramMixin<HasLabelCol>(TF_LABEL_COL, 'LabelCol');

/** Accessors of {@link TF_OUTPUT_COLS}. */
export interface HasOutputCols {
  /** The output columns. */
  getOutputCols(): string[];
  /** Sets the output columns. */
  setOutputCols(value: string[]): this;
}
/** Mixin of {@link TF_OUTPUT_COLS}. */
export const HasOutputCols = paramMixin<HasOutputCols>(TF_OUTPUT_COLS, 'OutputCols');

/** Accessors of {@link OUTPUT_TYPES}. */
export interface HasOutputTypes {
  /** The output column types. */
  getOutputTypes(): string[];
  /** Sets the output column types. */
  setOutputTypes(value: string[]): this;
}
/** Mixin of {@link OUTPUT_TYPES}. */
export const HasOutputTypes = paramMixin<HasOutputTypes>(OUTPUT_TYPES, 'OutputTypes');

/** Accessors of {@link BACKEND}. */
export interface HasBackend {
  /** The backend. */
  getBackend(): 'tfjs' | 'python';
  /** Sets the backend. */
  setBackend(value: 'tfjs' | 'python'): this;
}
/** Mixin of {@link BACKEND}. */
export const HasBackend = paramMixin<HasBackend>(BACKEND, 'Backend');

/** Accessors of {@link TFJS_BACKEND}. */
export interface HasTfjsBackend {
  /** The TF.js backend choice (`auto`: wasm, else cpu). */
  getTfjsBackend(): 'auto' | 'cpu' | 'wasm';
  /** Sets the TF.js backend choice. */
  setTfjsBackend(value: 'auto' | 'cpu' | 'wasm'): this;
}
/** Mixin of {@link TFJS_BACKEND}. */
export const HasTfjsBackend = paramMixin<HasTfjsBackend>(TFJS_BACKEND, 'TfjsBackend');

/** Accessors of {@link EPOCHS}. */
export interface HasEpochs {
  /** The number of epochs. */
  getEpochs(): number;
  /** Sets the number of epochs. */
  setEpochs(value: number): this;
}
/** Mixin of {@link EPOCHS}. */
export const HasEpochs = paramMixin<HasEpochs>(EPOCHS, 'Epochs');

/** Accessors of {@link BATCH_SIZE}. */
export interface HasBatchSize {
  /** The batch size. */
  getBatchSize(): number;
  /** Sets the batch size. */
  setBatchSize(value: number): this;
}
/** Mixin of {@link BATCH_SIZE}. */
export const HasBatchSize = paramMixin<HasBatchSize>(BATCH_SIZE, 'BatchSize');

/** Accessors of {@link REMAINDER}. */
export interface HasRemainder {
  /** The remainder policy. */
  getRemainder(): 'keep' | 'drop' | 'pad';
  /** Sets the remainder policy. */
  setRemainder(value: 'keep' | 'drop' | 'pad'): this;
}
/** Mixin of {@link REMAINDER}. */
export const HasRemainder = paramMixin<HasRemainder>(REMAINDER, 'Remainder');

/** Accessors of {@link CODING}. */
export interface HasCoding {
  /** The input row coding. */
  getCoding(): 'csv' | 'json' | 'example';
  /** Sets the input row coding. */
  setCoding(value: 'csv' | 'json' | 'example'): this;
}
/** Mixin of {@link CODING}. */
export const HasCoding = paramMixin<HasCoding>(CODING, 'Coding');

/** Accessors of {@link OUTPUT_CODING}. */
export interface HasOutputCoding {
  /** The output row coding. */
  getOutputCoding(): 'csv' | 'json' | 'none';
  /** Sets the output row coding. */
  setOutputCoding(value: 'csv' | 'json' | 'none'): this;
}
/** Mixin of {@link OUTPUT_CODING}. */
export const HasOutputCoding = paramMixin<HasOutputCoding>(OUTPUT_CODING, 'OutputCoding');

/** Accessors of {@link CHECKPOINT_DIR}. */
export interface HasCheckpointDir {
  /** The checkpoint directory. */
  getCheckpointDir(): string | null;
  /** Sets the checkpoint directory. */
  setCheckpointDir(value: string | null): this;
}
/** Mixin of {@link CHECKPOINT_DIR}. */
export const HasCheckpointDir = paramMixin<HasCheckpointDir>(CHECKPOINT_DIR, 'CheckpointDir');

/** Accessors of {@link CHECKPOINT_EVERY}. */
export interface HasCheckpointEvery {
  /** The checkpoint interval in epochs. */
  getCheckpointEvery(): number;
  /** Sets the checkpoint interval in epochs. */
  setCheckpointEvery(value: number): this;
}
/** Mixin of {@link CHECKPOINT_EVERY}. */
export const HasCheckpointEvery = paramMixin<HasCheckpointEvery>(
  CHECKPOINT_EVERY,
  'CheckpointEvery',
);

/** Accessors of {@link INITIAL_MODEL_PATH}. */
export interface HasInitialModelPath {
  /** The warm start model path. */
  getInitialModelPath(): string | null;
  /** Sets the warm start model path. */
  setInitialModelPath(value: string | null): this;
}
/** Mixin of {@link INITIAL_MODEL_PATH}. */
export const HasInitialModelPath = paramMixin<HasInitialModelPath>(
  INITIAL_MODEL_PATH,
  'InitialModelPath',
);

/** Accessors of {@link RESUME_FROM}. */
export interface HasResumeFrom {
  /** The checkpoint directory to resume from. */
  getResumeFrom(): string | null;
  /** Sets the checkpoint directory to resume from. */
  setResumeFrom(value: string | null): this;
}
/** Mixin of {@link RESUME_FROM}. */
export const HasResumeFrom = paramMixin<HasResumeFrom>(RESUME_FROM, 'ResumeFrom');

/** Accessors of {@link SHUFFLE}. */
export interface HasShuffle {
  /** Whether rows are shuffled. */
  getShuffle(): boolean;
  /** Sets whether rows are shuffled. */
  setShuffle(value: boolean): this;
}
/** Mixin of {@link SHUFFLE}. */
export const HasShuffle = paramMixin<HasShuffle>(SHUFFLE, 'Shuffle');
/** Accessors of {@link WORKER_NUM}. */
export interface HasWorkerNum {
  /** The number of workers. */
  getWorkerNum(): number;
  /** Sets the number of workers. */
  setWorkerNum(value: number): this;
}
/** Mixin of {@link WORKER_NUM}. */
export const HasWorkerNum = paramMixin<HasWorkerNum>(WORKER_NUM, 'WorkerNum');

/** Accessors of {@link PS_NUM}. */
export interface HasPsNum {
  /** The number of parameter servers. */
  getPsNum(): number;
  /** Sets the number of parameter servers. */
  setPsNum(value: number): this;
}
/** Mixin of {@link PS_NUM}. */
export const HasPsNum = paramMixin<HasPsNum>(PS_NUM, 'PsNum');

/** Accessors of {@link MAX_RESTARTS}. */
export interface HasMaxRestarts {
  /** Restarts of a failed Python node allowed within the restart window (0: fail fast). */
  getMaxRestarts(): number;
  /** Sets the restarts allowed within the restart window. */
  setMaxRestarts(value: number): this;
}
/** Mixin of {@link MAX_RESTARTS}. */
export const HasMaxRestarts = paramMixin<HasMaxRestarts>(MAX_RESTARTS, 'MaxRestarts');

/** Accessors of {@link RESTART_BACKOFF_MS}. */
export interface HasRestartBackoffMs {
  /** The wait before the first restart within the window, in ms. */
  getRestartBackoffMs(): number;
  /** Sets the wait before the first restart within the window, in ms. */
  setRestartBackoffMs(value: number): this;
}
/** Mixin of {@link RESTART_BACKOFF_MS}. */
export const HasRestartBackoffMs = paramMixin<HasRestartBackoffMs>(
  RESTART_BACKOFF_MS,
  'RestartBackoffMs',
);

/** Accessors of {@link RESTART_WINDOW_MS}. */
export interface HasRestartWindowMs {
  /** The sliding window `maxRestarts` counts in, in ms (0: the whole run). */
  getRestartWindowMs(): number;
  /** Sets the sliding window `maxRestarts` counts in, in ms. */
  setRestartWindowMs(value: number): this;
}
/** Mixin of {@link RESTART_WINDOW_MS}. */
export const HasRestartWindowMs = paramMixin<HasRestartWindowMs>(
  RESTART_WINDOW_MS,
  'RestartWindowMs',
);
