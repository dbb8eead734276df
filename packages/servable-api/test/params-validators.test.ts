import { ParamValidators } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';

describe('ParamValidators (Java semantics)', () => {
  it('alwaysTrue accepts everything, null included', () => {
    const v = ParamValidators.alwaysTrue<string | null>();
    expect([v.validate(null), v.validate('x')]).toEqual([true, true]);
  });

  it('comparisons reject null and NaN, compare bigint as doubles', () => {
    const gt = ParamValidators.gt<number | bigint>(0);
    expect(gt.rule).toBe('> 0');
    expect([gt.validate(1), gt.validate(0), gt.validate(-1), gt.validate(null)]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(gt.validate(Number.NaN)).toBe(false);
    expect(gt.validate(1n)).toBe(true);
    const gtEq = ParamValidators.gtEq<number>(0);
    expect([gtEq.rule, gtEq.validate(0), gtEq.validate(-0.1)]).toEqual(['>= 0', true, false]);
    const lt = ParamValidators.lt<number>(1);
    expect([lt.rule, lt.validate(0.99), lt.validate(1)]).toEqual(['< 1', true, false]);
    const ltEq = ParamValidators.ltEq<number>(1);
    expect([ltEq.rule, ltEq.validate(1), ltEq.validate(1.01), ltEq.validate(null)]).toEqual([
      '<= 1',
      true,
      false,
      false,
    ]);
  });

  it('inRange honours each inclusive flag', () => {
    const closed = ParamValidators.inRange<number>(0, 1);
    expect(closed.rule).toBe('in [0, 1]');
    expect([closed.validate(0), closed.validate(1), closed.validate(1.5)]).toEqual([
      true,
      true,
      false,
    ]);
    const open = ParamValidators.inRange<number>(0, 1, false, false);
    expect(open.rule).toBe('in (0, 1)');
    expect([open.validate(0), open.validate(0.5), open.validate(1), open.validate(null)]).toEqual([
      false,
      true,
      false,
      false,
    ]);
    const half = ParamValidators.inRange<number>(0, 1, false, true);
    expect([half.rule, half.validate(1), half.validate(0)]).toEqual(['in (0, 1]', true, false]);
    expect(closed.validate(Number.NaN)).toBe(false);
  });

  it('inArray uses Java equals', () => {
    const v = ParamValidators.inArray('error', 'skip', 'keep');
    expect(v.rule).toBe('in [error, skip, keep]');
    expect([v.validate('skip'), v.validate('SKIP'), v.validate(null)]).toEqual([
      true,
      false,
      false,
    ]);
    const n = ParamValidators.inArray(0, Number.NaN);
    expect([n.validate(Number.NaN), n.validate(-0)]).toEqual([true, false]);
  });

  it('notNull, nonEmptyArray, isSubSet', () => {
    expect(ParamValidators.notNull<string>().validate(null)).toBe(false);
    expect(ParamValidators.notNull<string>().validate('')).toBe(true);
    const ne = ParamValidators.nonEmptyArray<string[]>();
    expect([ne.rule, ne.validate([]), ne.validate(['a']), ne.validate(null)]).toEqual([
      'non-empty array',
      false,
      true,
      false,
    ]);
    const sub = ParamValidators.isSubSet('a', 'b');
    expect(sub.rule).toBe('subset of [a, b]');
    expect([sub.validate(['a', 'b', 'a']), sub.validate([]), sub.validate(['c'])]).toEqual([
      true,
      true,
      false,
    ]);
    expect(sub.validate(null)).toBe(false);
  });

  it('custom wraps an algorithm-specific rule', () => {
    const v = ParamValidators.custom<number[]>(
      'non-empty, all > 0',
      (x) => x !== null && x.length > 0 && x.every((e) => e > 0),
    );
    expect([v.rule, v.validate([1, 2]), v.validate([1, 0]), v.validate(null)]).toEqual([
      'non-empty, all > 0',
      true,
      false,
      false,
    ]);
  });
});
