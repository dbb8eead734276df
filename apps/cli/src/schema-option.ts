import { Schema, type SchemaFieldSpec } from '@servable/dataframe';
import { CliUsageError } from './errors.js';

/**
 * Parses a `--schema` flag: `name TYPE, name TYPE, …` with Servable's type names
 * (`features VECTOR(DOUBLE), id STRING, tags ARRAY(STRING)`), or a JSON array of
 * `{ "name", "type" }` fields.
 *
 * @throws CliUsageError naming the field that is not `name TYPE` or the type that is unknown.
 */
export function parseSchemaOption(text: string, option = '--schema'): Schema {
  const trimmed = text.trim();
  let fields: SchemaFieldSpec[];
  if (trimmed.startsWith('[')) {
    try {
      fields = JSON.parse(trimmed) as SchemaFieldSpec[];
    } catch (error) {
      throw new CliUsageError(option, `invalid JSON: ${(error as Error).message}`);
    }
  } else {
    fields = splitTopLevel(trimmed).map((part, i) => {
      const match = /^(\S+)\s+(.+)$/.exec(part.trim());
      if (match === null) {
        throw new CliUsageError(
          option,
          `field ${i + 1} ${JSON.stringify(part.trim())} is not "name TYPE" (e.g. "features VECTOR(DOUBLE)").`,
        );
      }
      return { name: match[1] as string, type: (match[2] as string).trim() };
    });
  }
  try {
    return new Schema(fields);
  } catch (error) {
    throw new CliUsageError(option, (error as Error).message);
  }
}

/** Splits on commas outside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.filter((p) => p.trim() !== '');
}
