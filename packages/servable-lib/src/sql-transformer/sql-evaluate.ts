import { DataFrame, type DataType, DataTypes } from '@servable/dataframe';
import { formatJavaDouble } from '@servable/linalg';
import { MissingColumnError } from '@servable/servable-api';
import { InvalidInputValueError } from '../errors/invalid-input-value-error.js';
import { parseJavaDouble } from '../java/parse-double.js';
import type { SqlExpr, SqlSelect, SqlType } from './sql-ast.js';
import { UnsupportedSqlError } from './sql-errors.js';

/** An expression bound to a DataFrame: its result type and a per-row evaluator. */
interface Bound {
  /** The SQL type; `null` for a pass-through column of a non-SQL type (vector, array, bytes). */
  readonly type: SqlType | 'NULL' | null;
  /** The output DataType (for pass-through columns, the input's). */
  readonly dataType: DataType;
  readonly eval: (row: number) => unknown;
}

const NUMERIC_RANK: Readonly<Record<string, number>> = { INT: 0, BIGINT: 1, FLOAT: 2, DOUBLE: 3 };

function dataTypeOf(type: SqlType): DataType {
  switch (type) {
    case 'BOOLEAN':
      return DataTypes.BOOLEAN;
    case 'INT':
      return DataTypes.INT;
    case 'BIGINT':
      return DataTypes.LONG;
    case 'FLOAT':
      return DataTypes.FLOAT;
    case 'DOUBLE':
      return DataTypes.DOUBLE;
    case 'STRING':
      return DataTypes.STRING;
  }
}

function sqlTypeOf(type: DataType): SqlType | null {
  if (type.kind !== 'scalar') return null;
  switch (type.basicType) {
    case 'BOOLEAN':
      return 'BOOLEAN';
    case 'BYTE':
    case 'SHORT':
    case 'INT':
      return 'INT';
    case 'LONG':
      return 'BIGINT';
    case 'FLOAT':
      return 'FLOAT';
    case 'DOUBLE':
      return 'DOUBLE';
    case 'STRING':
      return 'STRING';
    default:
      return null;
  }
}

const isNumeric = (t: SqlType | 'NULL' | null): boolean => t !== null && t in NUMERIC_RANK;

/** Rounds a numeric result to its SQL type (Java int/float arithmetic). */
function toType(v: number, type: SqlType): number {
  if (type === 'INT') return v | 0;
  if (type === 'BIGINT') return Math.trunc(v);
  if (type === 'FLOAT') return Math.fround(v);
  return v;
}

/** Java's `(int)`/`(long)` cast of a double: truncation, NaN → 0, saturating. */
function castIntegral(v: number, type: 'INT' | 'BIGINT'): number {
  if (Number.isNaN(v)) return 0;
  const [lo, hi] = type === 'INT' ? [-2147483648, 2147483647] : [-(2 ** 63), 2 ** 63 - 1];
  return Math.min(hi, Math.max(lo, Math.trunc(v)));
}

/** Binds the expressions of a parsed statement to a DataFrame and evaluates them. */
export class SqlBinder {
  constructor(
    private readonly df: DataFrame,
    private readonly statement: string,
  ) {}

  private fail(construct: string, at = 0): never {
    throw new UnsupportedSqlError(this.statement, at, construct);
  }

  private unify(types: readonly (SqlType | 'NULL' | null)[], what: string): SqlType | 'NULL' {
    const present = types.filter((t) => t !== 'NULL');
    if (present.length === 0) return 'NULL';
    if (present.some((t) => t === null)) this.fail(`${what} over a non-SQL column type`);
    if (present.every((t) => isNumeric(t))) {
      return present.reduce((a, b) => (NUMERIC_RANK[a!]! >= NUMERIC_RANK[b!]! ? a : b)) as SqlType;
    }
    const first = present[0]!;
    if (present.every((t) => t === first)) return first;
    return this.fail(`${what} mixing ${present.join(' and ')}`);
  }

  /** Binds `e`. @throws UnsupportedSqlError for type errors; MissingColumnError for unknown columns. */
  bind(e: SqlExpr): Bound {
    switch (e.kind) {
      case 'literal': {
        const value = e.value;
        const type = e.type;
        return {
          type,
          dataType: type === 'NULL' ? DataTypes.STRING : dataTypeOf(type),
          eval: () => value,
        };
      }
      case 'column': {
        if (!this.df.hasColumn(e.name)) {
          throw new MissingColumnError(e.name, this.df.getColumnNames(), 'SQLTransformerServable');
        }
        const at = this.df.getIndex(e.name);
        const data = this.df.column(at);
        const dataType = this.df.getDataType(at);
        return { type: sqlTypeOf(dataType), dataType, eval: (r) => data[r] ?? null };
      }
      case 'unary': {
        const arg = this.bind(e.arg);
        if (e.op === 'NOT') {
          if (arg.type !== 'BOOLEAN' && arg.type !== 'NULL') this.fail(`NOT on ${arg.type}`);
          return {
            type: 'BOOLEAN',
            dataType: DataTypes.BOOLEAN,
            eval: (r) => {
              const v = arg.eval(r);
              return v === null ? null : !v;
            },
          };
        }
        if (!isNumeric(arg.type)) this.fail(`unary ${e.op} on ${arg.type ?? 'a non-SQL column'}`);
        const t = arg.type as SqlType;
        if (e.op === '+') return arg;
        return {
          type: t,
          dataType: dataTypeOf(t),
          eval: (r) => {
            const v = arg.eval(r);
            return v === null ? null : toType(-(v as number), t);
          },
        };
      }
      case 'binary':
        return this.bindBinary(e);
      case 'isNull': {
        const arg = this.bind(e.arg);
        const negated = e.negated;
        return {
          type: 'BOOLEAN',
          dataType: DataTypes.BOOLEAN,
          eval: (r) => (arg.eval(r) === null) !== negated,
        };
      }
      case 'case': {
        const whens = e.whens.map((w) => ({
          when: this.bind(w.when),
          result: this.bind(w.result),
        }));
        const otherwise = e.otherwise === null ? null : this.bind(e.otherwise);
        const type = this.unify(
          [...whens.map((w) => w.result.type), otherwise?.type ?? 'NULL'],
          'CASE results',
        );
        if (type === 'NULL') this.fail('CASE whose results are all NULL');
        const t = type as SqlType;
        const convert = (v: unknown) => (v === null || !isNumeric(t) ? v : toType(v as number, t));
        return {
          type: t,
          dataType: dataTypeOf(t),
          eval: (r) => {
            for (const w of whens) if (w.when.eval(r) === true) return convert(w.result.eval(r));
            return otherwise === null ? null : convert(otherwise.eval(r));
          },
        };
      }
      case 'cast':
        return this.bindCast(this.bind(e.arg), e.type);
      case 'call':
        return this.bindCall(
          e.name,
          e.args.map((a) => this.bind(a)),
          e.at,
        );
    }
  }

  private bindBinary(e: Extract<SqlExpr, { kind: 'binary' }>): Bound {
    const left = this.bind(e.left);
    const right = this.bind(e.right);
    const op = e.op;
    if (op === 'AND' || op === 'OR') {
      for (const side of [left, right]) {
        if (side.type !== 'BOOLEAN' && side.type !== 'NULL') this.fail(`${op} on ${side.type}`);
      }
      const and = op === 'AND';
      return {
        type: 'BOOLEAN',
        dataType: DataTypes.BOOLEAN,
        eval: (r) => {
          const a = left.eval(r);
          if (a === !and) return !and;
          const b = right.eval(r);
          if (b === !and) return !and;
          return a === null || b === null ? null : and;
        },
      };
    }
    if (op === '||') {
      return {
        type: 'STRING',
        dataType: DataTypes.STRING,
        eval: (r) => {
          const a = left.eval(r);
          const b = right.eval(r);
          return a === null || b === null ? null : sqlString(a) + sqlString(b);
        },
      };
    }
    if (op === '=' || op === '<>' || op === '<' || op === '<=' || op === '>' || op === '>=') {
      this.unify([left.type, right.type], `comparison ${op}`);
      return {
        type: 'BOOLEAN',
        dataType: DataTypes.BOOLEAN,
        eval: (r) => {
          const a = left.eval(r) as number | string | boolean | null;
          const b = right.eval(r) as number | string | boolean | null;
          if (a === null || b === null) return null;
          switch (op) {
            case '=':
              return a === b;
            case '<>':
              return a !== b;
            case '<':
              return a < b;
            case '<=':
              return a <= b;
            case '>':
              return a > b;
            default:
              return a >= b;
          }
        },
      };
    }
    const type = this.unify([left.type, right.type], `operator ${op}`);
    if (type === 'NULL') this.fail(`operator ${op} on NULL literals`);
    if (!isNumeric(type)) this.fail(`operator ${op} on ${type}`);
    const t = type as SqlType;
    const integral = t === 'INT' || t === 'BIGINT';
    const statement = this.statement;
    return {
      type: t,
      dataType: dataTypeOf(t),
      eval: (r) => {
        const a = left.eval(r) as number | null;
        const b = right.eval(r) as number | null;
        if (a === null || b === null) return null;
        switch (op) {
          case '+':
            return toType(a + b, t);
          case '-':
            return toType(a - b, t);
          case '*':
            return t === 'INT' ? Math.imul(a, b) : toType(a * b, t);
          default: {
            if (integral && b === 0) {
              throw new InvalidInputValueError(`/ by zero in ${statement}`, '(expression)', r);
            }
            return toType(op === '/' ? a / b : a % b, t);
          }
        }
      },
    };
  }

  private bindCast(arg: Bound, type: SqlType): Bound {
    const statement = this.statement;
    const from = arg.type;
    if (from === null) this.fail(`CAST of a non-SQL column type to ${type}`);
    const convert = (v: unknown, r: number): unknown => {
      if (v === null) return null;
      switch (type) {
        case 'STRING':
          return sqlString(v, from);
        case 'BOOLEAN':
          if (typeof v === 'boolean') return v;
          if (typeof v === 'number') return v !== 0;
          if (/^true$/i.test((v as string).trim())) return true;
          if (/^false$/i.test((v as string).trim())) return false;
          throw new InvalidInputValueError(
            `Cannot cast '${v}' to BOOLEAN (${statement})`,
            '(expression)',
            r,
          );
        default: {
          let x: number | undefined;
          if (typeof v === 'number') x = v;
          else if (typeof v === 'boolean') x = v ? 1 : 0;
          else x = parseJavaDouble(v as string);
          if (x === undefined) {
            throw new InvalidInputValueError(
              `Cannot cast '${String(v)}' to ${type} (${statement})`,
              '(expression)',
              r,
            );
          }
          if (type === 'INT' || type === 'BIGINT') return castIntegral(x, type);
          return type === 'FLOAT' ? Math.fround(x) : x;
        }
      }
    };
    return { type, dataType: dataTypeOf(type), eval: (r) => convert(arg.eval(r), r) };
  }

  private bindCall(name: string, args: Bound[], at: number): Bound {
    const numericArg = (i: number): SqlType => {
      const t = args[i]!.type;
      if (t === 'NULL') return 'DOUBLE';
      if (!isNumeric(t)) this.fail(`${name} of ${t ?? 'a non-SQL column'}`, at);
      return t as SqlType;
    };
    const double = (f: (...xs: number[]) => number): Bound => {
      for (let i = 0; i < args.length; i++) numericArg(i);
      return this.numericCall('DOUBLE', args, f);
    };
    switch (name) {
      case 'SQRT':
        return double(Math.sqrt);
      case 'EXP':
        return double(Math.exp);
      case 'LN':
        return double(Math.log);
      case 'LOG10':
        return double(Math.log10);
      case 'POWER':
      case 'POW':
        return double(Math.pow);
      case 'ABS':
        return this.numericCall(numericArg(0), args, Math.abs);
      case 'FLOOR':
        return this.numericCall(numericArg(0), args, Math.floor);
      case 'CEIL':
      case 'CEILING':
        return this.numericCall(numericArg(0), args, Math.ceil);
      case 'ROUND': {
        const t = numericArg(0);
        if (args.length === 2 && numericArg(1) !== 'INT')
          this.fail('ROUND with a non-INT scale', at);
        return this.numericCall(t, args, (x, d = 0) => {
          const scale = 10 ** d;
          return (Math.sign(x) * Math.round(Math.abs(x) * scale)) / scale;
        });
      }
      case 'MOD': {
        const t = this.unify([numericArg(0), numericArg(1)], 'MOD');
        return this.numericCall(t as SqlType, args, (a, b) => a % b);
      }
      case 'LOWER':
      case 'UPPER':
      case 'TRIM':
      case 'CHAR_LENGTH': {
        if (args[0]!.type !== 'STRING' && args[0]!.type !== 'NULL')
          this.fail(`${name} of ${args[0]!.type}`, at);
        const f =
          name === 'LOWER'
            ? (s: string) => s.toLowerCase()
            : name === 'UPPER'
              ? (s: string) => s.toUpperCase()
              : name === 'TRIM'
                ? (s: string) => s.replace(/^ +| +$/g, '')
                : (s: string) => s.length;
        const type: SqlType = name === 'CHAR_LENGTH' ? 'INT' : 'STRING';
        const a = args[0]!;
        return {
          type,
          dataType: dataTypeOf(type),
          eval: (r) => {
            const v = a.eval(r);
            return v === null ? null : f(v as string);
          },
        };
      }
      case 'CONCAT':
        return {
          type: 'STRING',
          dataType: DataTypes.STRING,
          eval: (r) => {
            let s = '';
            for (const a of args) {
              const v = a.eval(r);
              if (v === null) return null;
              s += sqlString(v, a.type);
            }
            return s;
          },
        };
      case 'COALESCE': {
        const type = this.unify(
          args.map((a) => a.type),
          'COALESCE',
        );
        if (type === 'NULL') this.fail('COALESCE of NULL literals only', at);
        return {
          type,
          dataType: dataTypeOf(type as SqlType),
          eval: (r) => {
            for (const a of args) {
              const v = a.eval(r);
              if (v !== null) return isNumeric(type) ? toType(v as number, type as SqlType) : v;
            }
            return null;
          },
        };
      }
      default:
        return this.fail(`function ${name}`, at);
    }
  }

  private numericCall(type: SqlType, args: Bound[], f: (...xs: number[]) => number): Bound {
    return {
      type,
      dataType: dataTypeOf(type),
      eval: (r) => {
        const xs: number[] = [];
        for (const a of args) {
          const v = a.eval(r);
          if (v === null) return null;
          xs.push(v as number);
        }
        return toType(f(...xs), type);
      },
    };
  }
}

/** SQL's string form of a value (CAST … AS STRING, `||`, CONCAT). */
function sqlString(v: unknown, type?: SqlType | 'NULL' | null): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    return type === 'DOUBLE' || type === 'FLOAT' ? formatJavaDouble(v) : String(v);
  }
  return String(v);
}

/**
 * Evaluates a parsed statement over `input`: rows filtered by WHERE (a NULL condition drops the
 * row, as in SQL), then the select list — `*` = every input column in order, an expression =
 * one column named by its alias, by the column name for a bare column reference, or `EXPR$<i>`
 * (i = its position in the select list, as Calcite names it).
 *
 * @throws UnsupportedSqlError for type errors and duplicate output names.
 * @throws MissingColumnError for unknown columns.
 */
export function evaluateSelect(select: SqlSelect, input: DataFrame, statement: string): DataFrame {
  let df = input;
  if (select.where !== null) {
    const cond = new SqlBinder(df, statement).bind(select.where);
    if (cond.type !== 'BOOLEAN' && cond.type !== 'NULL') {
      throw new UnsupportedSqlError(statement, 0, `WHERE condition of type ${cond.type}`);
    }
    const keep = new Uint8Array(df.numRows());
    for (let r = 0; r < keep.length; r++) keep[r] = cond.eval(r) === true ? 1 : 0;
    df = df.filterRows(keep);
  }
  const binder = new SqlBinder(df, statement);
  const names: string[] = [];
  const types: DataType[] = [];
  const columns: ArrayLike<unknown>[] = [];
  const n = df.numRows();
  select.items.forEach((item, i) => {
    if (item.kind === 'star') {
      df.getColumnNames().forEach((name, c) => {
        names.push(name);
        types.push(df.getDataType(c));
        columns.push(df.column(c));
      });
      return;
    }
    const bound = binder.bind(item.expr);
    if (bound.type === 'NULL') {
      throw new UnsupportedSqlError(statement, 0, `untyped NULL in select item ${item.text}`);
    }
    const name = item.alias ?? (item.expr.kind === 'column' ? item.expr.name : `EXPR$${i}`);
    if (item.expr.kind === 'column' && bound.type === null) {
      names.push(name);
      types.push(bound.dataType);
      columns.push(df.column(item.expr.name));
      return;
    }
    const values = new Array<unknown>(n);
    for (let r = 0; r < n; r++) values[r] = bound.eval(r);
    names.push(name);
    types.push(bound.dataType);
    columns.push(values);
  });
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name))
      throw new UnsupportedSqlError(statement, 0, `duplicate output column ${name}`);
    seen.add(name);
  }
  return DataFrame.fromColumns(names, types, columns, n);
}
