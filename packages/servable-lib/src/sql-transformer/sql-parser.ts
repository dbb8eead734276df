import type { SqlExpr, SqlSelect, SqlSelectItem, SqlType } from './sql-ast.js';
import { UnsupportedSqlError } from './sql-errors.js';

type TokenKind = 'ident' | 'quoted' | 'number' | 'string' | 'op' | 'end';
interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly at: number;
}

const OPERATORS = [
  '<>',
  '!=',
  '<=',
  '>=',
  '||',
  '+',
  '-',
  '*',
  '/',
  '%',
  '=',
  '<',
  '>',
  '(',
  ')',
  ',',
  '.',
];

/** The functions the evaluator knows, with their argument counts. */
export const SQL_FUNCTIONS: Readonly<Record<string, readonly [number, number]>> = {
  ABS: [1, 1],
  SQRT: [1, 1],
  POWER: [2, 2],
  POW: [2, 2],
  EXP: [1, 1],
  LN: [1, 1],
  LOG10: [1, 1],
  FLOOR: [1, 1],
  CEIL: [1, 1],
  CEILING: [1, 1],
  ROUND: [1, 2],
  MOD: [2, 2],
  LOWER: [1, 1],
  UPPER: [1, 1],
  CONCAT: [1, 64],
  CHAR_LENGTH: [1, 1],
  TRIM: [1, 1],
  COALESCE: [1, 64],
};

const CAST_TYPES: Readonly<Record<string, SqlType>> = {
  DOUBLE: 'DOUBLE',
  FLOAT: 'FLOAT',
  INT: 'INT',
  INTEGER: 'INT',
  BIGINT: 'BIGINT',
  STRING: 'STRING',
  VARCHAR: 'STRING',
  BOOLEAN: 'BOOLEAN',
};

const RESERVED = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'AS',
  'AND',
  'OR',
  'NOT',
  'IS',
  'NULL',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'CAST',
  'TRUE',
  'FALSE',
  'GROUP',
  'ORDER',
  'HAVING',
  'LIMIT',
  'JOIN',
  'UNION',
  'DISTINCT',
  'WINDOW',
  'OVER',
  'ON',
  'BY',
  'LEFT',
  'RIGHT',
  'INNER',
  'FULL',
  'CROSS',
]);

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (construct: string, at = i): never => {
    throw new UnsupportedSqlError(sql, at, construct);
  };
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (sql.startsWith('--', i)) {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl + 1;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sql.slice(i))!;
      tokens.push({ kind: 'ident', text: m[0], at: i });
      i += m[0].length;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(sql.slice(i))!;
      tokens.push({ kind: 'number', text: m[0], at: i });
      i += m[0].length;
      continue;
    }
    if (c === "'") {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= sql.length) fail('unterminated string literal', i);
        if (sql[j] === "'") {
          if (sql[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += sql[j];
        j++;
      }
      tokens.push({ kind: 'string', text, at: i });
      i = j + 1;
      continue;
    }
    if (c === '`') {
      const end = sql.indexOf('`', i + 1);
      if (end < 0) fail('unterminated quoted identifier', i);
      tokens.push({ kind: 'quoted', text: sql.slice(i + 1, end), at: i });
      i = end + 1;
      continue;
    }
    const op = OPERATORS.find((o) => sql.startsWith(o, i));
    if (op === undefined) fail(`character "${c}"`);
    tokens.push({ kind: 'op', text: op === '!=' ? '<>' : op!, at: i });
    i += op!.length;
  }
  tokens.push({ kind: 'end', text: '', at: sql.length });
  return tokens;
}

/**
 * Parses an SQLTransformer statement of the supported subset:
 *
 * ```sql
 * SELECT item [, item]* FROM __THIS__ [WHERE condition]
 * item := * | expr [[AS] alias]
 * ```
 *
 * Expressions: column names (case-sensitive; `quoted` with backticks), numbers, 'strings',
 * TRUE/FALSE/NULL, `+ - * / %`, `||`, comparisons `= <> != < <= > >=`, `AND OR NOT`,
 * `IS [NOT] NULL`, `CASE WHEN … THEN … [ELSE …] END`, `CAST(x AS DOUBLE|FLOAT|INT|INTEGER|BIGINT|
 * STRING|VARCHAR|BOOLEAN)` and the functions of {@link SQL_FUNCTIONS}.
 *
 * @throws UnsupportedSqlError naming the construct (GROUP BY, JOIN, DISTINCT, a subquery, an
 *   unknown function, …) and its position.
 */
export function parseSqlStatement(sql: string): SqlSelect {
  const tokens = tokenize(sql);
  let p = 0;
  const peek = (): Token => tokens[p]!;
  const fail = (construct: string, at = peek().at): never => {
    throw new UnsupportedSqlError(sql, at, construct);
  };
  const isKeyword = (t: Token, kw: string) => t.kind === 'ident' && t.text.toUpperCase() === kw;
  const acceptKeyword = (kw: string): boolean => {
    if (isKeyword(peek(), kw)) {
      p++;
      return true;
    }
    return false;
  };
  const expectKeyword = (kw: string): void => {
    if (!acceptKeyword(kw)) fail(`expected ${kw}, found "${peek().text || 'end of statement'}"`);
  };
  const acceptOp = (op: string): boolean => {
    if (peek().kind === 'op' && peek().text === op) {
      p++;
      return true;
    }
    return false;
  };
  const expectOp = (op: string): void => {
    if (!acceptOp(op)) fail(`expected "${op}", found "${peek().text || 'end of statement'}"`);
  };

  const primary = (): SqlExpr => {
    const t = peek();
    if (t.kind === 'number') {
      p++;
      const integral = /^\d+$/.test(t.text);
      const value = Number(t.text);
      const type: SqlType = integral ? (value <= 2147483647 ? 'INT' : 'BIGINT') : 'DOUBLE';
      return { kind: 'literal', value, type };
    }
    if (t.kind === 'string') {
      p++;
      return { kind: 'literal', value: t.text, type: 'STRING' };
    }
    if (t.kind === 'quoted') {
      p++;
      return { kind: 'column', name: t.text, at: t.at };
    }
    if (acceptOp('(')) {
      if (isKeyword(peek(), 'SELECT')) fail('subquery');
      const e = expr();
      expectOp(')');
      return e;
    }
    if (t.kind !== 'ident') return fail(`unexpected "${t.text || 'end of statement'}"`);
    const upper = t.text.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') {
      p++;
      return { kind: 'literal', value: upper === 'TRUE', type: 'BOOLEAN' };
    }
    if (upper === 'NULL') {
      p++;
      return { kind: 'literal', value: null, type: 'NULL' };
    }
    if (upper === 'CASE') {
      p++;
      if (!isKeyword(peek(), 'WHEN')) fail('simple CASE (CASE x WHEN …); use CASE WHEN x = … THEN');
      const whens: { when: SqlExpr; result: SqlExpr }[] = [];
      while (acceptKeyword('WHEN')) {
        const when = expr();
        expectKeyword('THEN');
        whens.push({ when, result: expr() });
      }
      const otherwise = acceptKeyword('ELSE') ? expr() : null;
      expectKeyword('END');
      return { kind: 'case', whens, otherwise };
    }
    if (upper === 'CAST') {
      p++;
      expectOp('(');
      const arg = expr();
      expectKeyword('AS');
      const typeToken = peek();
      const type = CAST_TYPES[typeToken.text.toUpperCase()];
      if (typeToken.kind !== 'ident' || type === undefined) {
        return fail(`CAST to type "${typeToken.text}"`, typeToken.at);
      }
      p++;
      expectOp(')');
      return { kind: 'cast', arg, type };
    }
    p++;
    if (peek().kind === 'op' && peek().text === '(') {
      const arity = SQL_FUNCTIONS[upper];
      if (arity === undefined) return fail(`function ${t.text}`, t.at);
      p++;
      const args: SqlExpr[] = [];
      if (!acceptOp(')')) {
        do args.push(expr());
        while (acceptOp(','));
        expectOp(')');
      }
      if (args.length < arity[0] || args.length > arity[1]) {
        fail(`${upper} with ${args.length} argument(s)`, t.at);
      }
      return { kind: 'call', name: upper, args, at: t.at };
    }
    if (RESERVED.has(upper)) fail(`keyword ${upper}`, t.at);
    if (peek().kind === 'op' && peek().text === '.') fail('qualified column name', peek().at);
    return { kind: 'column', name: t.text, at: t.at };
  };

  const unary = (): SqlExpr => {
    if (acceptOp('-')) return { kind: 'unary', op: '-', arg: unary() };
    if (acceptOp('+')) return { kind: 'unary', op: '+', arg: unary() };
    return primary();
  };
  const multiplicative = (): SqlExpr => {
    let left = unary();
    for (;;) {
      const op = peek().text;
      if (peek().kind === 'op' && (op === '*' || op === '/' || op === '%')) {
        p++;
        left = { kind: 'binary', op, left, right: unary() };
      } else return left;
    }
  };
  const additive = (): SqlExpr => {
    let left = multiplicative();
    for (;;) {
      const op = peek().text;
      if (peek().kind === 'op' && (op === '+' || op === '-' || op === '||')) {
        p++;
        left = { kind: 'binary', op, left, right: multiplicative() };
      } else return left;
    }
  };
  const comparison = (): SqlExpr => {
    const left = additive();
    const t = peek();
    if (t.kind === 'op' && ['=', '<>', '<', '<=', '>', '>='].includes(t.text)) {
      p++;
      const op = t.text as '=' | '<>' | '<' | '<=' | '>' | '>=';
      return { kind: 'binary', op, left, right: additive() };
    }
    if (isKeyword(t, 'IS')) {
      p++;
      const negated = acceptKeyword('NOT');
      expectKeyword('NULL');
      return { kind: 'isNull', negated, arg: left };
    }
    for (const kw of ['IN', 'LIKE', 'BETWEEN', 'SIMILAR']) {
      if (isKeyword(t, kw) || (isKeyword(t, 'NOT') && isKeyword(tokens[p + 1]!, kw))) fail(kw);
    }
    return left;
  };
  const negation = (): SqlExpr =>
    acceptKeyword('NOT') ? { kind: 'unary', op: 'NOT', arg: negation() } : comparison();
  const conjunction = (): SqlExpr => {
    let left = negation();
    while (acceptKeyword('AND')) left = { kind: 'binary', op: 'AND', left, right: negation() };
    return left;
  };
  const expr = (): SqlExpr => {
    let left = conjunction();
    while (acceptKeyword('OR')) left = { kind: 'binary', op: 'OR', left, right: conjunction() };
    return left;
  };

  expectKeyword('SELECT');
  if (isKeyword(peek(), 'DISTINCT')) fail('SELECT DISTINCT');
  acceptKeyword('ALL');
  const items: SqlSelectItem[] = [];
  do {
    if (acceptOp('*')) {
      items.push({ kind: 'star' });
      continue;
    }
    const start = peek().at;
    const e = expr();
    const text = sql.slice(start, peek().at).trim();
    let alias: string | null = null;
    if (acceptKeyword('AS')) {
      const a = peek();
      if (a.kind !== 'ident' && a.kind !== 'quoted') fail('expected an alias after AS');
      alias = a.text;
      p++;
    } else if (
      (peek().kind === 'ident' && !RESERVED.has(peek().text.toUpperCase())) ||
      peek().kind === 'quoted'
    ) {
      alias = peek().text;
      p++;
    }
    items.push({ kind: 'expr', expr: e, alias, text });
  } while (acceptOp(','));
  expectKeyword('FROM');
  const from = peek();
  if (from.kind !== 'ident' || from.text !== '__THIS__') {
    fail(
      from.kind === 'op' && from.text === '('
        ? 'subquery in FROM'
        : `FROM ${from.text} (only FROM __THIS__)`,
    );
  }
  p++;
  if (
    peek().kind === 'ident' &&
    !isKeyword(peek(), 'WHERE') &&
    !RESERVED.has(peek().text.toUpperCase())
  ) {
    p++; // a table alias
  }
  const where = acceptKeyword('WHERE') ? expr() : null;
  const rest = peek();
  if (rest.kind !== 'end') {
    const word = rest.text.toUpperCase();
    if (word === 'GROUP' || word === 'ORDER') fail(`${word} BY`);
    if (rest.kind === 'op' && rest.text === ',') fail('several tables in FROM (join)');
    fail(rest.kind === 'ident' ? word : `"${rest.text}"`);
  }
  return { items, where };
}
