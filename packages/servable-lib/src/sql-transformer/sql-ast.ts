/** SQL types of the supported subset (Flink SQL names). */
export type SqlType = 'BOOLEAN' | 'INT' | 'BIGINT' | 'FLOAT' | 'DOUBLE' | 'STRING';

/** An expression of the supported SQL subset. */
export type SqlExpr =
  | {
      readonly kind: 'literal';
      readonly value: number | string | boolean | null;
      readonly type: SqlType | 'NULL';
    }
  | { readonly kind: 'column'; readonly name: string; readonly at: number }
  | { readonly kind: 'unary'; readonly op: '-' | '+' | 'NOT'; readonly arg: SqlExpr }
  | {
      readonly kind: 'binary';
      readonly op:
        | '+'
        | '-'
        | '*'
        | '/'
        | '%'
        | '||'
        | '='
        | '<>'
        | '<'
        | '<='
        | '>'
        | '>='
        | 'AND'
        | 'OR';
      readonly left: SqlExpr;
      readonly right: SqlExpr;
    }
  | { readonly kind: 'isNull'; readonly negated: boolean; readonly arg: SqlExpr }
  | {
      readonly kind: 'case';
      readonly whens: readonly { readonly when: SqlExpr; readonly result: SqlExpr }[];
      readonly otherwise: SqlExpr | null;
    }
  | {
      readonly kind: 'call';
      readonly name: string;
      readonly args: readonly SqlExpr[];
      readonly at: number;
    }
  | { readonly kind: 'cast'; readonly arg: SqlExpr; readonly type: SqlType };

/** One item of the select list. */
export type SqlSelectItem =
  | { readonly kind: 'star' }
  | {
      readonly kind: 'expr';
      readonly expr: SqlExpr;
      readonly alias: string | null;
      readonly text: string;
    };

/** A parsed `SELECT … FROM __THIS__ [WHERE …]` statement. */
export interface SqlSelect {
  readonly items: readonly SqlSelectItem[];
  readonly where: SqlExpr | null;
}
