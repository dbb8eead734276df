export type { SqlExpr, SqlSelect, SqlSelectItem, SqlType } from './sql-ast.js';
export { UnsupportedSqlError } from './sql-errors.js';
export { evaluateSelect } from './sql-evaluate.js';
export { parseSqlStatement, SQL_FUNCTIONS } from './sql-parser.js';
export {
  HasStatement,
  SQLTransformerServable,
  STATEMENT,
  THIS_TABLE,
} from './sql-transformer-servable.js';
