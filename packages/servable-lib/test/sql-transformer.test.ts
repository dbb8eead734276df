import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFrame, DataTypes } from '@servable/dataframe';
import {
  InvalidParamError,
  MissingColumnError,
  ServableLoadError,
  ServableRegistry,
  servableLoader,
} from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import { InvalidInputValueError } from '../src/errors/invalid-input-value-error.js';
import {
  parseSqlStatement,
  SQLTransformerServable,
  UnsupportedSqlError,
} from '../src/sql-transformer/index.js';
import {
  caseInput,
  expectCaseOutput,
  itEachCase,
  loadVectorFile,
  paramsServable,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/transformer-round-trip.js';

const file = loadVectorFile('SQLTransformer');

const fromParams = paramsServable(file, () => new SQLTransformerServable());

const df = DataFrame.fromColumns(
  ['id', 'a', 'b', 's'],
  [DataTypes.INT, DataTypes.DOUBLE, DataTypes.INT, DataTypes.STRING],
  [
    [0, 1, 2],
    [1.5, 2, null],
    [7, -3, 4],
    ['x', null, 'Zz'],
  ],
);
const sql = (statement: string) =>
  new SQLTransformerServable().setStatement(statement).transform(df);

describe('SQLTransformerServable: Flink ML test vectors', () => {
  itEachCase(file, fromParams, {
    check: (out) => expect(out.getColumnNames().slice(0, 3)).toEqual(['id', 'v1', 'v2']),
  });
});

describe('SQLTransformerServable subset', () => {
  it('projections, aliases, EXPR$i names and types', () => {
    const out = sql("SELECT id, a * 2 AS a2, b / 2, s || '!' AS t FROM __THIS__");
    expect(out.getColumnNames()).toEqual(['id', 'a2', 'EXPR$2', 't']);
    expect(out.getDataTypes().map(String)).toEqual(['INT', 'DOUBLE', 'INT', 'STRING']);
    expect(out.getValues('a2')).toEqual([3, 4, null]);
    // INT / INT truncates toward zero, like Java.
    expect(out.getValues('EXPR$2')).toEqual([3, -1, 2]);
    expect(out.getValues('t')).toEqual(['x!', null, 'Zz!']);
  });

  it('WHERE filters (NULL drops the row), CASE WHEN, CAST, functions', () => {
    const out = sql(
      "SELECT id, CASE WHEN a > 1.6 THEN 'big' WHEN a IS NULL THEN 'none' ELSE 'small' END AS c, CAST(b AS DOUBLE) AS bd, ABS(b) AS ab, POWER(b, 2) AS p, UPPER(s) AS u FROM __THIS__ WHERE b <> 4 OR a IS NULL",
    );
    expect(out.getValues('id')).toEqual([0, 1, 2]);
    expect(out.getValues('c')).toEqual(['small', 'big', 'none']);
    expect(out.getDataType('bd').toString()).toBe('DOUBLE');
    expect(out.getValues('ab')).toEqual([7, 3, 4]);
    expect(out.getValues('p')).toEqual([49, 9, 16]);
    expect(out.getValues('u')).toEqual(['X', null, 'ZZ']);
    expect(sql('SELECT * FROM __THIS__ WHERE a > 1').getValues('id')).toEqual([0, 1]);
    expect(sql('SELECT CAST(a AS STRING) AS t FROM __THIS__').getValues('t')).toEqual([
      '1.5',
      '2.0',
      null,
    ]);
    expect(sql('SELECT CAST(a AS INT) AS t FROM __THIS__').getValues('t')).toEqual([1, 2, null]);
  });

  it('INT arithmetic wraps like Java; integer division by zero fails with a typed error', () => {
    const big = DataFrame.fromColumns(['x'], [DataTypes.INT], [[2147483647]]);
    const s = new SQLTransformerServable().setStatement('SELECT x + 1 AS y FROM __THIS__');
    expect(s.transform(big).getValues('y')).toEqual([-2147483648]);
    expect(() => sql('SELECT b / 0 AS z FROM __THIS__')).toThrow(InvalidInputValueError);
    expect(sql('SELECT a / 0 AS z FROM __THIS__').getValues('z')).toEqual([
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      null,
    ]);
  });

  it('unsupported SQL fails when the statement is set, naming the construct', () => {
    const cases: [string, string][] = [
      ['SELECT COUNT(*) FROM __THIS__', 'function COUNT'],
      ['SELECT a FROM __THIS__ GROUP BY a', 'GROUP BY'],
      ['SELECT a FROM __THIS__ ORDER BY a', 'ORDER BY'],
      ['SELECT DISTINCT a FROM __THIS__', 'SELECT DISTINCT'],
      ['SELECT a FROM __THIS__, other', 'join'],
      ['SELECT a FROM (SELECT * FROM __THIS__)', 'subquery in FROM'],
      ['SELECT a FROM __THIS__ WHERE a IN (1, 2)', 'IN'],
      ['SELECT TUMBLE_START(ts) FROM __THIS__', 'function TUMBLE_START'],
    ];
    for (const [statement, construct] of cases) {
      expect(() => parseSqlStatement(statement), statement).toThrow(UnsupportedSqlError);
      expect(() => new SQLTransformerServable().setStatement(statement), statement).toThrow(
        construct,
      );
    }
    expect(() => new SQLTransformerServable().setStatement('SELECT 1 FROM t')).toThrow(
      InvalidParamError,
    );
  });

  it('type errors and unknown columns are typed errors at transform time', () => {
    expect(() => sql('SELECT s + 1 AS z FROM __THIS__')).toThrow(
      'operator + mixing STRING and INT',
    );
    expect(() => sql('SELECT nope FROM __THIS__')).toThrow(MissingColumnError);
    expect(() => sql('SELECT *, id FROM __THIS__')).toThrow('duplicate output column id');
  });

  it('a saved stage with an unsupported statement fails to load and registry.check reports it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sql-transformer-'));
    try {
      const path = join(dir, 'stage');
      await fromParams().save(path);
      const metadata = join(path, 'metadata');
      const text = await readFile(metadata, 'utf8');
      await writeFile(
        metadata,
        text.replace(
          /"statement":"[^"]*"/,
          '"statement":"SELECT a, SUM(b) FROM __THIS__ GROUP BY a"',
        ),
      );
      await expect(SQLTransformerServable.load(path)).rejects.toThrow(ServableLoadError);
      const registry = new ServableRegistry().register({
        name: 'test',
        servables: {
          [SQLTransformerServable.CLASS_NAME]: servableLoader(() => new SQLTransformerServable()),
        },
      });
      expect(JSON.stringify(await registry.check(path))).toContain('function SUM');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('save → load round trip', async () => {
    const loaded = await expectSaveLoadRoundTrip(
      fromParams(file.cases[1]!),
      SQLTransformerServable.load,
    );
    expectCaseOutput(loaded.transform(caseInput(file.cases[1]!)), file.cases[1]!);
  });
});
