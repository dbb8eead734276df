import { CliUsageError } from './errors.js';

/** A `name=value` pair of a repeatable flag such as `--model lr=./models/lr`. */
export interface NamedValue {
  /** The part before the first `=`. */
  readonly name: string;
  /** The part after it. */
  readonly value: string;
}

/** Parses `name=value`. @throws CliUsageError naming the flag when `=` or a side is missing. */
export function parseNamedValue(text: string, option: string, example: string): NamedValue {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) {
    throw new CliUsageError(
      option,
      `expected name=value (e.g. ${example}), found ${JSON.stringify(text)}.`,
    );
  }
  return { name: text.slice(0, eq), value: text.slice(eq + 1) };
}

/** Parses a whole number within `[min, max]`. @throws CliUsageError naming the flag. */
export function parseInteger(text: string, option: string, min = 0, max = 2 ** 31 - 1): number {
  const value = Number(text);
  if (!/^\s*-?\d+\s*$/.test(text) || value < min || value > max) {
    throw new CliUsageError(
      option,
      `expected a whole number from ${min} to ${max}, found ${JSON.stringify(text)}.`,
    );
  }
  return value;
}

/** Splits a comma-separated list (`a:9092,b:9092`), dropping blanks. */
export function parseList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A commander "collect" reducer for repeatable flags. */
export function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
