import type { DataFrame } from '@servable/dataframe';
import {
  loadStage,
  type Param,
  ParamValidators,
  paramMixin,
  StringParam,
  TransformerServableBase,
} from '@servable/servable-api';
import type { SqlSelect } from './sql-ast.js';
import { evaluateSelect } from './sql-evaluate.js';
import { parseSqlStatement } from './sql-parser.js';

/** The placeholder Flink ML replaces with the input table. */
export const THIS_TABLE = '__THIS__';

/** A statement the validator accepts (so parsing errors never mask the validator's). */
function isCandidate(value: unknown): value is string {
  return typeof value === 'string' && value.includes(THIS_TABLE);
}

/** `statement` (string, no default): a SQL SELECT over `__THIS__`. */
export const STATEMENT = new StringParam<string>(
  'statement',
  'SQL statement.',
  null,
  ParamValidators.custom<string>(`contains ${THIS_TABLE}`, (v) => v?.includes(THIS_TABLE) === true),
);
/** Accessors of {@link STATEMENT}. */
export interface HasStatement {
  /** The SQL statement. */
  getStatement(): string;
  /**
   * Sets the SQL statement.
   * @throws UnsupportedSqlError when it is outside the supported subset.
   */
  setStatement(value: string): this;
}
/** Mixin of {@link STATEMENT}. */
export const HasStatement = paramMixin<HasStatement>(STATEMENT, 'Statement');

/**
 * Serves Flink ML's `SQLTransformer` for row-wise statements, without a SQL engine: the
 * statement is parsed when set (so loading a stage whose statement is outside the subset fails,
 * and `registry.check` reports the construct) and evaluated per row.
 *
 * Supported: `SELECT item, … FROM __THIS__ [WHERE cond]` with `*`, column references, literals,
 * `+ - * / %`, `||`, comparisons, `AND OR NOT`, `IS [NOT] NULL`, `CASE WHEN`, `CAST`, and the
 * functions ABS, SQRT, POWER/POW, EXP, LN, LOG10, FLOOR, CEIL/CEILING, ROUND, MOD, LOWER, UPPER,
 * TRIM, CHAR_LENGTH, CONCAT, COALESCE (see `parseSqlStatement`). Not supported (an
 * {@link UnsupportedSqlError} naming the construct): aggregates, GROUP BY, ORDER BY, DISTINCT,
 * joins, subqueries, windows, other functions, IN/LIKE/BETWEEN.
 *
 * Fidelity: types follow Flink SQL (INT op INT → INT with Java wrap-around and truncating
 * division; any DOUBLE → DOUBLE); output columns are named by alias, by column name for a bare
 * reference, else `EXPR$<i>`. Deviations: BIGINT arithmetic is exact only up to 2^53; ROUND
 * rounds half away from zero in binary floating point (Flink uses decimal HALF_UP); string
 * functions use locale-independent case mapping.
 */
export class SQLTransformerServable extends TransformerServableBase.withParams(HasStatement) {
  /** The Java class name of the saved stage. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.feature.sqltransformer.SQLTransformer';
  readonly className: string = SQLTransformerServable.CLASS_NAME;

  #parsed: { statement: string; select: SqlSelect } | undefined;

  /** Loads an SQLTransformer saved by Flink ML (or by `save`). */
  static load(path: string): Promise<SQLTransformerServable> {
    return loadStage(path, () => new SQLTransformerServable());
  }

  /**
   * See `ParamsHolder.set`; a `statement` is parsed first.
   * @throws UnsupportedSqlError for a statement outside the subset (the param keeps its value).
   */
  override set<V>(param: Param<V>, value: V): this {
    if (param.name === STATEMENT.name && isCandidate(value)) this.#parse(value);
    return super.set(param, value);
  }

  /** See `ParamsHolder.setByName`; a `statement` is parsed first. */
  override setByName(name: string, value: unknown): this {
    if (name === STATEMENT.name && isCandidate(value)) this.#parse(value);
    return super.setByName(name, value);
  }

  #parse(statement: string): SqlSelect {
    if (this.#parsed?.statement !== statement) {
      this.#parsed = { statement, select: parseSqlStatement(statement) };
    }
    return this.#parsed.select;
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const statement = this.getStatement();
    return evaluateSelect(this.#parse(statement), input, statement);
  }
}
