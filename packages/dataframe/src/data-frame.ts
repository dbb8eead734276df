import type { Vector } from '@servable/linalg';
import { type ColumnData, toColumnData } from './column.js';
import type { DataType } from './data-type.js';
import {
  ColumnNotFoundError,
  ColumnTypeError,
  DuplicateColumnError,
  ShapeError,
} from './errors.js';
import { dataFrameToRecords, recordsToColumns } from './json-records.js';
import type { JsonRecord } from './json-value.js';
import { Row } from './row.js';
import { Schema, type SchemaFieldSpec } from './schema.js';

/** The fields of a DataFrame, for {@link DataFrame.trusted}. */
interface DataFrameState {
  names: readonly string[];
  types: readonly DataType[];
  columns: readonly ColumnData[];
  rowCount: number;
  rowsCache: Row[] | undefined;
  boxedCache: (readonly unknown[] | undefined)[] | undefined;
}

/** A column given by its name or its position. */
export type ColumnRef = string | number;

/**
 * A table of rows with named, typed columns: the input and output of every servable (Flink ML's
 * servable `DataFrame`).
 *
 * **Immutable.** Unlike Java's DataFrame, whose `addColumn` mutates it in place, every method
 * that changes something returns a new DataFrame that shares the unchanged columns with this
 * one (no copy). A servable's `transform` therefore never alters its input.
 *
 * **Columnar.** Values are stored per column; a numeric scalar column without nulls is a
 * `Float64Array` ({@link DataFrame.getDoubles} hands it out without boxing). Rows returned by
 * {@link DataFrame.collect} are built on first use and cached; changing them does not change
 * the DataFrame.
 *
 * Every value is checked against its column's type when the frame is built: a mismatch throws
 * {@link ColumnTypeError} naming the column, the row, and the expected and found types.
 *
 * @example
 * ```ts
 * const df = new DataFrame(['features', 'label'], [DataTypes.VECTOR(BasicType.DOUBLE), DataTypes.DOUBLE],
 *   [new Row([Vectors.dense(1, 2), 1.0]), new Row([Vectors.sparse(2, [1], [3]), 0.0])]);
 * df.getIndex('label');                                   // 1
 * df.addColumn('score', DataTypes.DOUBLE, [0.5, 0.25]).getColumnNames(); // ['features','label','score']
 * ```
 */
export class DataFrame {
  private readonly names: readonly string[];
  private readonly types: readonly DataType[];
  private readonly columns: readonly ColumnData[];
  private readonly rowCount: number;
  private rowsCache: Row[] | undefined;
  private boxedCache: (readonly unknown[] | undefined)[] | undefined;

  /**
   * Builds a DataFrame from rows (each with one value per column).
   * @throws ShapeError when the numbers of names, types and row values differ.
   * @throws ColumnTypeError when a value does not fit its column's type.
   */
  constructor(
    columnNames: readonly string[],
    dataTypes: readonly DataType[],
    rows: readonly Row[],
  ) {
    checkNamesAndTypes(columnNames, dataTypes);
    const numCols = columnNames.length;
    const numRows = rows.length;
    const columns: ColumnData[] = new Array(numCols);
    for (let r = 0; r < numRows; r++) {
      const size = (rows[r] as Row).size();
      if (size !== numCols) {
        throw new ShapeError(
          `The row size ${size} is different from the number of column names ${numCols} (row ${r}).`,
        );
      }
    }
    for (let c = 0; c < numCols; c++) {
      const values = new Array<unknown>(numRows);
      for (let r = 0; r < numRows; r++) values[r] = (rows[r] as Row).get(c);
      columns[c] = toColumnData(dataTypes[c] as DataType, values, columnNames[c] as string);
    }
    this.names = columnNames.slice();
    this.types = dataTypes.slice();
    this.columns = columns;
    this.rowCount = numRows;
  }

  /**
   * Builds a DataFrame from column storage, without rows. A `Float64Array` for a numeric column
   * is used as is (no copy); other values are checked against their types. The names and types
   * are copied (later changes to the caller's arrays do not show), unless the arrays are frozen:
   * a caller building many frames of one schema can freeze them once and save the copies.
   *
   * @param numRows the row count; needed only when there are no columns.
   */
  static fromColumns(
    columnNames: readonly string[],
    dataTypes: readonly DataType[],
    columns: readonly ArrayLike<unknown>[],
    numRows?: number,
  ): DataFrame {
    checkNamesAndTypes(columnNames, dataTypes);
    if (columns.length !== columnNames.length) {
      throw new ShapeError(
        `The number of columns ${columns.length} is different from the number of column names ${columnNames.length}.`,
      );
    }
    const rows = numRows ?? columns[0]?.length ?? 0;
    const numCols = columns.length;
    const data = new Array<ColumnData>(numCols);
    for (let c = 0; c < numCols; c++) {
      const values = columns[c] as ArrayLike<unknown>;
      const name = columnNames[c] as string;
      if (values.length !== rows) {
        throw new ShapeError(
          `Column ${name} has ${values.length} values but the DataFrame has ${rows} rows.`,
        );
      }
      data[c] = toColumnData(dataTypes[c] as DataType, values, name);
    }
    // Own copies of the names and types (unless frozen): the caller may change its arrays later.
    return DataFrame.trusted(copyOf(columnNames), copyOf(dataTypes), data, rows);
  }

  /**
   * Builds a DataFrame from JSON records (objects keyed by column name), typed by `schema`.
   *
   * Per type, a record value may be: BOOLEAN `true`/`false`; STRING a string; BYTE…LONG an
   * integer number in the type's range (LONG: a safe integer); FLOAT/DOUBLE a number or one of
   * the strings `"NaN"`, `"Infinity"`, `"-Infinity"` (Jackson's convention); BYTE_STRING a
   * base64 string; VECTOR a dense array `[1, 2]` (also `{"values": [...]}`) or a sparse object
   * `{"size", "indices", "values"}` (also Flink's `{"n", "indices", "values"}`; indices in any
   * order, values may use the non-finite strings); MATRIX `{"numRows", "numCols", "values"}`
   * (column-major); ARRAY(t) an array of t's form. `null` or a missing key is a null value.
   * Keys the schema does not name are ignored.
   *
   * @example
   * ```ts
   * const df = DataFrame.fromRecords(
   *   [{ features: [1, 2], label: 1 }, { features: { size: 2, indices: [1], values: [3] }, label: 0 }],
   *   [{ name: 'features', type: 'VECTOR(DOUBLE)' }, { name: 'label', type: DataTypes.DOUBLE }],
   * );
   * ```
   * @param schema the columns; types may be given as text (`'VECTOR(DOUBLE)'`). See
   *   {@link inferSchema} to guess one.
   * @throws RecordConversionError naming the row, the column, the expected and the found value.
   * @throws DuplicateColumnError / InvalidDataTypeError for a bad schema.
   */
  static fromRecords(
    records: readonly Readonly<Record<string, unknown>>[],
    schema: Schema | readonly SchemaFieldSpec[],
  ): DataFrame {
    const s = Schema.from(schema);
    const columns = recordsToColumns(records, s);
    return DataFrame.fromColumns(s.getColumnNames(), s.getDataTypes(), columns, records.length);
  }

  /**
   * The rows as JSON records: one object per row, with a key per column in column order,
   * ready for `JSON.stringify`. The inverse of {@link DataFrame.fromRecords}:
   * `DataFrame.fromRecords(JSON.parse(JSON.stringify(df.toRecords())), df.getSchema())` equals
   * `df` (except that `JSON.stringify` writes −0 as `0`).
   *
   * Dense vectors become number arrays, sparse vectors `{"size", "indices", "values"}`,
   * matrices `{"numRows", "numCols", "values"}`, byte strings base64, and NaN/±Infinity in
   * DOUBLE/FLOAT columns and vectors the strings `"NaN"`, `"Infinity"`, `"-Infinity"` (JSON has
   * no such numbers; this is Jackson's convention, which Flink uses).
   *
   * @throws DuplicateColumnError when two columns share a name (a record cannot hold both).
   */
  toRecords(): JsonRecord[] {
    return dataFrameToRecords(this);
  }

  /**
   * The column names and types as a {@link Schema}.
   * @throws DuplicateColumnError when two columns share a name (possible with the constructor,
   *   as in Java, but not with {@link DataFrame.addColumn}).
   */
  getSchema(): Schema {
    return new Schema(this.names.map((name, i) => ({ name, type: this.types[i] as DataType })));
  }

  /** A one-line summary for debugging: `DataFrame(2 rows; features VECTOR(DOUBLE), label DOUBLE)`. */
  toString(): string {
    const cols = this.names.map((n, i) => `${n} ${(this.types[i] as DataType).toString()}`);
    return `DataFrame(${this.rowCount} rows; ${cols.join(', ')})`;
  }

  /** @internal Assembles a frame from already validated parts. */
  private static trusted(
    names: readonly string[],
    types: readonly DataType[],
    columns: readonly ColumnData[],
    numRows: number,
  ): DataFrame {
    // Fields are assigned one by one, in declaration order (not with Object.assign): this is on
    // the path of every transform and about 2x faster for small frames.
    const df = Object.create(DataFrame.prototype) as DataFrame;
    const state = df as unknown as DataFrameState;
    state.names = names;
    state.types = types;
    state.columns = columns;
    state.rowCount = numRows;
    state.rowsCache = undefined;
    state.boxedCache = undefined;
    return df;
  }

  /** The number of rows. */
  numRows(): number {
    return this.rowCount;
  }

  /** The column names, in order. */
  getColumnNames(): string[] {
    return this.names.slice();
  }

  /** The column types, in order. */
  getDataTypes(): DataType[] {
    return this.types.slice();
  }

  /** Whether a column of that name exists. */
  hasColumn(name: string): boolean {
    return this.names.includes(name);
  }

  /**
   * The position of the column named `name` (the first, if several share it).
   * @throws ColumnNotFoundError listing the available columns.
   */
  getIndex(name: string): number {
    const i = this.names.indexOf(name);
    if (i < 0) throw new ColumnNotFoundError(name, this.names);
    return i;
  }

  /** The type of a column. @throws ColumnNotFoundError */
  getDataType(column: ColumnRef): DataType {
    return this.types[this.resolve(column)] as DataType;
  }

  /**
   * A new DataFrame with a column appended.
   * @param values one value per row; a `Float64Array` for a numeric column is used without a copy.
   * @throws ShapeError when the number of values differs from the number of rows.
   * @throws DuplicateColumnError when the name is taken (use {@link DataFrame.withColumn} to replace).
   */
  addColumn(name: string, dataType: DataType, values: ArrayLike<unknown>): DataFrame {
    if (this.names.includes(name)) throw new DuplicateColumnError(name);
    return this.withColumn(name, dataType, values);
  }

  /**
   * A new DataFrame with several columns appended at once (one new frame instead of one per
   * column: what a servable producing several outputs uses).
   *
   * @param values one array of row values per column; a `Float64Array` for a numeric column is
   *   used without a copy.
   * @throws ShapeError when the numbers of names, types and value arrays differ, or an array's
   *   length differs from the number of rows.
   * @throws DuplicateColumnError when a name is taken or given twice.
   * @throws ColumnTypeError when a value does not fit its column's type.
   */
  addColumns(
    names: readonly string[],
    dataTypes: readonly DataType[],
    values: readonly ArrayLike<unknown>[],
  ): DataFrame {
    const k = names.length;
    if (dataTypes.length !== k || values.length !== k) {
      throw new ShapeError(
        `addColumns: ${k} names, ${dataTypes.length} types and ${values.length} value arrays; they must be as many.`,
      );
    }
    const ownNames = this.names;
    const width = ownNames.length;
    const rowCount = this.rowCount;
    const ownTypes = this.types;
    const ownColumns = this.columns;
    const allNames = new Array<string>(width + k);
    const allTypes = new Array<DataType>(width + k);
    const allColumns = new Array<ColumnData>(width + k);
    for (let c = 0; c < width; c++) {
      allNames[c] = ownNames[c] as string;
      allTypes[c] = ownTypes[c] as DataType;
      allColumns[c] = ownColumns[c] as ColumnData;
    }
    for (let j = 0; j < k; j++) {
      const name = names[j] as string;
      const type = dataTypes[j] as DataType;
      const column = values[j] as ArrayLike<unknown>;
      if (indexOfName(allNames, name, width + j) >= 0) throw new DuplicateColumnError(name);
      if (column.length !== rowCount) {
        throw new ShapeError(
          `The number of values ${column.length} is different from the number of rows ${rowCount} (column ${name}).`,
        );
      }
      allNames[width + j] = name;
      allTypes[width + j] = type;
      allColumns[width + j] = toColumnData(type, column, name);
    }
    return DataFrame.trusted(allNames, allTypes, allColumns, rowCount);
  }

  /** A new DataFrame with the column added, or replaced if one of that name exists. */
  withColumn(name: string, dataType: DataType, values: ArrayLike<unknown>): DataFrame {
    if (values.length !== this.rowCount) {
      throw new ShapeError(
        `The number of values ${values.length} is different from the number of rows ${this.rowCount} (column ${name}).`,
      );
    }
    const data = toColumnData(dataType, values, name);
    const at = this.names.indexOf(name);
    if (at >= 0) {
      const types = this.types.slice();
      const columns = this.columns.slice();
      types[at] = dataType;
      columns[at] = data;
      return DataFrame.trusted(this.names, types, columns, this.rowCount);
    }
    return DataFrame.trusted(
      appended(this.names, name),
      appended(this.types, dataType),
      appended(this.columns, data),
      this.rowCount,
    );
  }

  /** A new DataFrame with only the named columns, in the given order. */
  select(columns: readonly ColumnRef[]): DataFrame {
    const idx = columns.map((c) => this.resolve(c));
    return DataFrame.trusted(
      idx.map((i) => this.names[i] as string),
      idx.map((i) => this.types[i] as DataType),
      idx.map((i) => this.columns[i] as ColumnData),
      this.rowCount,
    );
  }

  /** A new DataFrame without the named columns. */
  drop(columns: readonly ColumnRef[]): DataFrame {
    const gone = new Set(columns.map((c) => this.resolve(c)));
    const keep = this.names.map((_, i) => i).filter((i) => !gone.has(i));
    return this.select(keep);
  }

  /**
   * A new DataFrame with only the rows whose flag is set (`keep[r]` truthy), in order. Used by
   * servables whose `handleInvalid = 'skip'` drops rows.
   */
  filterRows(keep: ArrayLike<boolean | number>): DataFrame {
    if (keep.length !== this.rowCount) {
      throw new ShapeError(`filterRows needs ${this.rowCount} flags, got ${keep.length}.`);
    }
    const n = this.rowCount;
    let count = 0;
    for (let r = 0; r < n; r++) if (keep[r]) count++;
    if (count === n) return this;
    // Plain loops over an index array (no callback per row: `Float64Array.from(rows, fn)` cost
    // about a third of a filtering SQLTransformer's transform).
    const rows = new Int32Array(count);
    for (let r = 0, k = 0; r < n; r++) if (keep[r]) rows[k++] = r;
    const own = this.columns;
    const columns = new Array<ColumnData>(own.length);
    for (let c = 0; c < own.length; c++) columns[c] = pickRows(own[c] as ColumnData, rows);
    return DataFrame.trusted(this.names, this.types, columns, count);
  }

  /**
   * The rows. Built from the columns on first call and cached: later calls return the same
   * array of the same `Row` objects, so treat them as read-only (changing a row, e.g. with
   * `Row.add`, never changes the DataFrame's columns, but later `collect()` calls would see the
   * change). Per-row access is for convenience; servables should read columns
   * ({@link DataFrame.getDoubles}, {@link DataFrame.getVectors}, {@link DataFrame.getValues}).
   */
  collect(): Row[] {
    if (this.rowsCache) return this.rowsCache;
    const rows = new Array<Row>(this.rowCount);
    const cols = this.columns;
    for (let r = 0; r < this.rowCount; r++) {
      const values = new Array<unknown>(cols.length);
      for (let c = 0; c < cols.length; c++) values[c] = (cols[c] as ColumnData)[r];
      rows[r] = new Row(values);
    }
    this.rowsCache = rows;
    return rows;
  }

  /**
   * The raw storage of a column: a `Float64Array` for a numeric column without nulls, otherwise a
   * read-only array of values. Do not modify it: other frames may share it.
   */
  column(column: ColumnRef): ColumnData {
    return this.columns[this.resolve(column)] as ColumnData;
  }

  /** The values of a column as an array (numbers are boxed, once, and cached). */
  getValues(column: ColumnRef): readonly unknown[] {
    const c = this.resolve(column);
    const data = this.columns[c] as ColumnData;
    if (!(data instanceof Float64Array)) return data;
    this.boxedCache ??= new Array(this.columns.length);
    let boxed = this.boxedCache[c];
    if (!boxed) {
      const values = new Array<number>(data.length);
      for (let r = 0; r < data.length; r++) values[r] = data[r] as number;
      boxed = values;
      this.boxedCache[c] = boxed;
    }
    return boxed;
  }

  /**
   * The values of a numeric scalar column as a `Float64Array`, without boxing. Do not modify it.
   * @throws ColumnTypeError when the column is not numeric or holds a null (naming the row).
   */
  getDoubles(column: ColumnRef): Float64Array {
    const c = this.resolve(column);
    const data = this.columns[c] as ColumnData;
    if (data instanceof Float64Array) return data;
    const type = this.types[c] as DataType;
    const name = this.names[c] as string;
    if (type.kind !== 'scalar' || !type.isNumeric()) {
      throw new ColumnTypeError(
        `Column ${name} has type ${type.toString()}, expected a numeric column.`,
        name,
        undefined,
        'numeric',
        type.toString(),
      );
    }
    const out = new Float64Array(data.length);
    for (let row = 0; row < data.length; row++) {
      const v = data[row];
      if (v === null || v === undefined) {
        throw new ColumnTypeError(
          `Column ${name}, row ${row}: expected a number, found null.`,
          name,
          row,
          type.toString(),
          'null',
        );
      }
      out[row] = v as number;
    }
    return out;
  }

  /**
   * The values of a vector column (entries may be null).
   * @throws ColumnTypeError when the column is not a vector column.
   */
  getVectors(column: ColumnRef): readonly (Vector | null)[] {
    const c = this.resolve(column);
    const type = this.types[c] as DataType;
    if (type.kind !== 'vector') {
      const name = this.names[c] as string;
      throw new ColumnTypeError(
        `Column ${name} has type ${type.toString()}, expected a vector column.`,
        name,
        undefined,
        'VECTOR',
        type.toString(),
      );
    }
    return this.columns[c] as readonly (Vector | null)[];
  }

  private resolve(column: ColumnRef): number {
    if (typeof column === 'number') {
      if (!Number.isInteger(column) || column < 0 || column >= this.names.length) {
        throw new ShapeError(
          `Column position ${column} is out of range; the DataFrame has ${this.names.length} columns.`,
        );
      }
      return column;
    }
    return this.getIndex(column);
  }
}

/** The values of `column` at the positions `rows`, in the same kind of storage. */
function pickRows(column: ColumnData, rows: Int32Array): ColumnData {
  const k = rows.length;
  if (column instanceof Float64Array) {
    const out = new Float64Array(k);
    for (let i = 0; i < k; i++) out[i] = column[rows[i] as number] as number;
    return out;
  }
  const out = new Array<unknown>(k);
  for (let i = 0; i < k; i++) out[i] = column[rows[i] as number];
  return out;
}

/** The position of `name` among the first `end` names, or −1 (a loop: no slicing, no closure). */
/**
 * A copy of `items` with `item` at the end. (A spread, `[...items, item]`, allocates several
 * times the array's size in V8; withColumn is on the path of most transforms.)
 */
function appended<T>(items: readonly T[], item: T): T[] {
  const n = items.length;
  const out = new Array<T>(n + 1);
  for (let i = 0; i < n; i++) out[i] = items[i] as T;
  out[n] = item;
  return out;
}

function indexOfName(names: readonly string[], name: string, end: number): number {
  for (let i = 0; i < end; i++) if (names[i] === name) return i;
  return -1;
}

/**
 * An array the caller cannot change afterwards: a copy (a literal for one item, the cheapest), or
 * `items` itself when frozen.
 */
function copyOf<T>(items: readonly T[]): readonly T[] {
  if (items.length === 1) return [items[0] as T];
  return Object.isFrozen(items) ? items : items.slice();
}

function checkNamesAndTypes(names: readonly string[], types: readonly DataType[]): void {
  if (types.length !== names.length) {
    throw new ShapeError(
      `The number of data types ${types.length} is different from the number of column names ${names.length}.`,
    );
  }
}
