import {
  type AnyServable,
  ModelServable,
  type ModelVersion,
  PipelineModelServable,
} from '@servable/servable-api';

/** The model version of one model stage, by its path of indices (`''` for the root). */
export interface StageVersion {
  /** The stage's path of indices into nested pipelines (`'1'`, `'2/0'`), `''` for the root. */
  readonly path: string;
  /** Its model version (`undefined` when its data carries none or it has no data yet). */
  readonly version: ModelVersion | undefined;
}

/** Every model stage of a servable (the servable itself when it is one), with its version. */
export function stageVersions(servable: AnyServable, path = ''): StageVersion[] {
  if (servable instanceof PipelineModelServable) {
    return servable
      .getStages()
      .flatMap((stage, i) => stageVersions(stage, path === '' ? String(i) : `${path}/${i}`));
  }
  if (servable instanceof ModelServable) return [{ path, version: servable.getModelVersion() }];
  return [];
}

/**
 * A servable's version as one string: the versions of its versioned model stages joined with
 * `.` (the inference server's convention), or `undefined` when no stage carries one.
 */
export function modelVersionText(servable: AnyServable): string | undefined {
  const versions = stageVersions(servable).filter((s) => s.version !== undefined);
  return versions.length === 0 ? undefined : versions.map((s) => String(s.version)).join('.');
}
