import type { BasicType } from '@servable/dataframe';
import { javaNumberToString } from '../java/string-value-of.js';
import type { StringIndex } from './string-index.js';

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

/** The floats next to `f` (the float whose bits are one more / one less). */
function floatNeighbours(f: number): [number, number] {
  f32[0] = f;
  const bits = i32[0]!;
  i32[0] = bits + 1;
  const up = f32[0]!;
  i32[0] = bits - 1;
  return [up, f32[0]!];
}

/**
 * A {@link StringIndex} looked up by the numbers of a column of one numeric type, without
 * printing each number: `positionOf(v)` = `index.indexOf(String.valueOf(v))` (Java's
 * `Double.toString` / `Float.toString` / integer digits, see `javaNumberToString`).
 *
 * Built once per model and type: every model string `s` that is the Java spelling of some number
 * `x` of that type (`javaNumberToString(x) === s`) becomes a numeric key `x`. This is exact
 * because Java's spellings round-trip: the number printed as `s` is the one `s` parses to
 * (for FLOAT, parsing through a double can land one float off; the neighbours are tried too).
 * Zeros are kept apart (`0.0` and `-0.0` are different keys, which a Map would merge).
 */
export class NumericKeyIndex {
  private readonly positions = new Map<number, number>();
  private readonly positiveZero: number;
  private readonly negativeZero: number;

  /**
   * @param strings the model's distinct strings (duplicates and nulls are allowed).
   * @param index the lookup built from the same strings.
   * @param type the numeric column type whose spelling applies.
   */
  constructor(strings: readonly (string | null)[], index: StringIndex, type: BasicType) {
    this.positiveZero = index.indexOf(javaNumberToString(0, type));
    this.negativeZero = index.indexOf(javaNumberToString(-0, type));
    for (const s of strings) {
      if (s === null) continue;
      const x = numberSpelledAs(s, type);
      if (x !== undefined && x !== 0) this.positions.set(x, index.indexOf(s));
    }
  }

  /** `index.indexOf(javaNumberToString(v, type))`: the position of `v`, or -1 when unseen. */
  positionOf(v: number): number {
    if (v === 0) return Object.is(v, -0) ? this.negativeZero : this.positiveZero;
    return this.positions.get(v) ?? -1;
  }
}

/** The number of `type` that Java spells `s`, or undefined when `s` is no number's spelling. */
function numberSpelledAs(s: string, type: BasicType): number | undefined {
  const parsed = Number(s);
  if (Number.isNaN(parsed) && s !== 'NaN') return undefined;
  if (type === 'FLOAT') {
    const f = Math.fround(parsed);
    if (javaNumberToString(f, type) === s) return f;
    for (const g of floatNeighbours(f)) if (javaNumberToString(g, type) === s) return g;
    return undefined;
  }
  return javaNumberToString(parsed, type) === s ? parsed : undefined;
}
