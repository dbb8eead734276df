import { type ModelVersion, ServableError } from '@servable/servable-api';

/**
 * A model version that cannot be written into a LONG column (DataFrame LONG values are safe
 * integers, |v| ≤ 2^53 − 1).
 */
export class ModelVersionRangeError extends ServableError {
  constructor(
    /** The servable's class name. */
    readonly servable: string,
    /** The version column. */
    readonly column: string,
    /** The version. */
    readonly version: bigint,
  ) {
    super(
      'MODEL_VERSION_RANGE',
      `${servable}: model version ${version} cannot be written to the LONG column ${column}; ` +
        'versions must be within ±(2^53 − 1).',
    );
  }
}

/**
 * The values of a model-version column (LONG): `version` repeated for `rows` rows.
 *
 * @throws ModelVersionRangeError when the version is not a safe integer.
 */
export function versionColumn(
  version: ModelVersion,
  rows: number,
  column: string,
  servable: string,
): Float64Array {
  if (typeof version === 'bigint') throw new ModelVersionRangeError(servable, column, version);
  return new Float64Array(rows).fill(version);
}
