/** Test support: the hex model data records of `test/fixtures/flink-ml-vectors/encodings.json`. */
import { readFileSync } from 'node:fs';

const encodings = JSON.parse(
  readFileSync(new URL('../fixtures/flink-ml-vectors/encodings.json', import.meta.url), 'utf8'),
) as { modelDataRecords: Record<string, string>; serializers: Record<string, string> };

/** The hex of the model data record named `name` in encodings.json. */
export function encodingRecord(name: string): string {
  const hex = encodings.modelDataRecords[name];
  if (hex === undefined) throw new Error(`encodings.json has no model data record ${name}`);
  return hex;
}
