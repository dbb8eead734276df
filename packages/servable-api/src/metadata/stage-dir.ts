import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MetadataError } from './metadata-error.js';

/** The directory of a pipeline that holds its stages. */
export const STAGES_DIR = 'stages';

function checkIndex(index: number, numStages: number): void {
  if (!Number.isSafeInteger(numStages) || numStages < 1) {
    throw new MetadataError(
      'INVALID_STAGE_INDEX',
      STAGES_DIR,
      `The number of stages must be a positive integer, got ${numStages}.`,
    );
  }
  if (!Number.isSafeInteger(index) || index < 0 || index >= numStages) {
    throw new MetadataError(
      'INVALID_STAGE_INDEX',
      STAGES_DIR,
      `Stage index ${index} is out of range for ${numStages} stages.`,
    );
  }
}

/**
 * The relative directory of stage `index` of a pipeline with `numStages` stages, as Flink ML
 * names it: `stages/` + the index left-padded with zeros to the number of digits of
 * `numStages` (`stages/3` for 5 stages, `stages/03` for 12). For a GraphModel pass
 * `maxNodeId + 1` as `numStages`.
 *
 * @throws {MetadataError} `INVALID_STAGE_INDEX` unless `0 <= index < numStages`.
 */
export function stageDirName(index: number, numStages: number): string {
  checkIndex(index, numStages);
  return `${STAGES_DIR}/${String(index).padStart(String(numStages).length, '0')}`;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The directory of stage `index` inside `pipelineDir`: `pipelineDir/stages/<padded index>`
 * (see {@link stageDirName}). Lenient for hand-assembled pipelines: when the padded directory
 * does not exist but the unpadded one (`stages/3` instead of `stages/03`) does, that one is
 * used. Flink ML itself only ever writes the padded name.
 *
 * @throws {MetadataError} `STAGE_NOT_FOUND` when neither directory exists.
 */
export async function resolveStageDir(
  pipelineDir: string,
  index: number,
  numStages: number,
): Promise<string> {
  const padded = join(pipelineDir, stageDirName(index, numStages));
  if (await isDirectory(padded)) return padded;
  const plain = join(pipelineDir, STAGES_DIR, String(index));
  if (plain !== padded && (await isDirectory(plain))) return plain;
  throw new MetadataError(
    'STAGE_NOT_FOUND',
    padded,
    `Stage ${index} of the ${numStages}-stage pipeline ${pipelineDir} is missing: ` +
      `${padded} is not a directory${plain === padded ? '' : ` (nor is ${plain})`}.`,
  );
}
