/**
 * The result of checking one saved stage (see {@link ServableRegistry.check}), without loading
 * model data.
 */
export interface StageCheck {
  /** The stage directory. */
  readonly path: string;
  /** The `className` of its metadata (`undefined` when the metadata could not be read). */
  readonly className: string | undefined;
  /** The plugin that serves the class (`builtin` for PipelineModel). */
  readonly plugin: string | undefined;
  /** Whether this stage (and, for a pipeline, every stage inside) can be served. */
  readonly servable: boolean;
  /** Why not: unknown class, estimator, GraphModel, invalid params, missing/ambiguous data… */
  readonly problems: readonly string[];
  /** For a PipelineModel: its stages, in order. */
  readonly stages?: readonly StageCheck[];
}

/** Renders a {@link StageCheck} tree as indented text, one stage per line. */
export function formatStageCheck(check: StageCheck, indent = ''): string {
  const status = check.servable ? 'OK  ' : 'FAIL';
  const lines = [`${indent}${status} ${check.path}  ${check.className ?? '(no metadata)'}`];
  for (const p of check.problems) lines.push(`${indent}       - ${p}`);
  for (const s of check.stages ?? []) lines.push(formatStageCheck(s, `${indent}  `));
  return lines.join('\n');
}
