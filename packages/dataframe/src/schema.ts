import type { DataType } from './data-type.js';
import { ColumnNotFoundError, DuplicateColumnError, InvalidDataTypeError } from './errors.js';
import { parseDataType } from './parse-data-type.js';

/** One named, typed column of a {@link Schema}. */
export interface SchemaField {
  /** The column's name. */
  readonly name: string;
  /** The column's type. */
  readonly type: DataType;
}

/**
 * A column as a schema's input: the type may be a {@link DataType} or its text form
 * (`'VECTOR(DOUBLE)'`, read with {@link parseDataType}), which suits configuration files and
 * command lines.
 */
export interface SchemaFieldSpec {
  /** The column's name. */
  readonly name: string;
  /** The column's type, or its text form. */
  readonly type: DataType | string;
}

/** The JSON form of a schema field ({@link Schema.toJSON}). */
export interface SchemaFieldJson {
  /** The column's name. */
  readonly name: string;
  /** The type's text form, e.g. `'VECTOR(DOUBLE)'`. */
  readonly type: string;
}

/**
 * The column names and types of a DataFrame, in order. Names are unique (a JSON record cannot
 * hold two values under one key).
 *
 * @example
 * ```ts
 * const schema = new Schema([
 *   { name: 'features', type: 'VECTOR(DOUBLE)' },
 *   { name: 'label', type: DataTypes.DOUBLE },
 * ]);
 * schema.toString();                 // 'features VECTOR(DOUBLE), label DOUBLE'
 * JSON.stringify(schema);            // '[{"name":"features","type":"VECTOR(DOUBLE)"},…]'
 * ```
 */
export class Schema {
  /** The fields, in column order. */
  readonly fields: readonly SchemaField[];

  /**
   * @throws DuplicateColumnError when two fields share a name.
   * @throws InvalidDataTypeError when a type string cannot be parsed (naming the field).
   */
  constructor(fields: readonly SchemaFieldSpec[]) {
    const seen = new Set<string>();
    this.fields = fields.map(({ name, type }) => {
      if (seen.has(name)) throw new DuplicateColumnError(name);
      seen.add(name);
      return Object.freeze({
        name,
        type: typeof type === 'string' ? parseField(name, type) : type,
      });
    });
    Object.freeze(this.fields);
  }

  /** `schema` itself if it is a {@link Schema}, otherwise a new one built from the fields. */
  static from(schema: Schema | readonly SchemaFieldSpec[]): Schema {
    return schema instanceof Schema ? schema : new Schema(schema);
  }

  /** The number of columns. */
  size(): number {
    return this.fields.length;
  }

  /** The column names, in order. */
  getColumnNames(): string[] {
    return this.fields.map((f) => f.name);
  }

  /** The column types, in order. */
  getDataTypes(): DataType[] {
    return this.fields.map((f) => f.type);
  }

  /** Whether a column of that name exists. */
  hasColumn(name: string): boolean {
    return this.fields.some((f) => f.name === name);
  }

  /** The type of the named column. @throws ColumnNotFoundError listing the available columns. */
  getDataType(name: string): DataType {
    const field = this.fields.find((f) => f.name === name);
    if (!field) throw new ColumnNotFoundError(name, this.getColumnNames());
    return field.type;
  }

  /** Same names and structurally equal types, in the same order. */
  equals(other: Schema): boolean {
    return (
      other.fields.length === this.fields.length &&
      this.fields.every((f, i) => {
        const g = other.fields[i] as SchemaField;
        return g.name === f.name && g.type.equals(f.type);
      })
    );
  }

  /** The JSON form: `[{ name, type: 'VECTOR(DOUBLE)' }, …]`; `new Schema(json)` reads it back. */
  toJSON(): SchemaFieldJson[] {
    return this.fields.map((f) => ({ name: f.name, type: f.type.toString() }));
  }

  /** `name TYPE, name TYPE, …`, for messages and debugging. */
  toString(): string {
    return this.fields.map((f) => `${f.name} ${f.type.toString()}`).join(', ');
  }
}

function parseField(name: string, type: string): DataType {
  try {
    return parseDataType(type);
  } catch (e) {
    if (e instanceof InvalidDataTypeError) {
      throw new InvalidDataTypeError(`Column ${name}: ${e.message}`, e.input, e.position);
    }
    throw e;
  }
}
