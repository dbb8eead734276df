import type { JsonObject, JsonValue } from './json-value.js';
import { JsonSyntaxError } from './param-error.js';

/** Options of {@link parseJson}. */
export interface ParseJsonOptions {
  /**
   * Accept `/* ... *\/` and `// ...` comments wherever whitespace may appear, like Jackson's
   * `ALLOW_COMMENTS` (which Flink ML enables for metadata). Default `true`.
   */
  readonly allowComments?: boolean;
}

/**
 * Parses JSON text the way Flink ML's (Jackson) reader does, keeping Java's numbers exact:
 *
 * - an integer literal (no fraction, no exponent) becomes a `number` when it is a safe integer
 *   and a `bigint` otherwise, so longs beyond 2^53 (seeds, `Long.MAX_VALUE`) stay exact;
 * - any other number literal becomes a `number` (a Java double);
 * - comments are accepted (see {@link ParseJsonOptions.allowComments});
 * - duplicate object keys: the last one wins (Jackson's behaviour for maps).
 *
 * Everything else is strict JSON (no trailing commas, single quotes, `NaN` literals, leading
 * zeros or raw control characters in strings). Unlike Jackson, text after the root value is an
 * error rather than silently ignored.
 *
 * @throws {JsonSyntaxError} naming the line, column and offset of the problem.
 *
 * @example
 * ```ts
 * parseJson('{"seed": 9223372036854775807, /* note *\/ "tol": 1.0E-6}');
 * // { seed: 9223372036854775807n, tol: 0.000001 }
 * ```
 */
export function parseJson(text: string, options: ParseJsonOptions = {}): JsonValue {
  const parser = new Parser(text, options.allowComments ?? true);
  parser.skipSpace();
  const value = parser.parseValue();
  parser.skipSpace();
  if (parser.pos < text.length) parser.fail('unexpected text after the JSON value');
  return value;
}

const MAX_DEPTH = 1000;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

class Parser {
  pos = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly allowComments: boolean,
  ) {}

  fail(problem: string, at = this.pos): never {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at && i < this.text.length; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 10 || (c === 13 && this.text.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
    }
    throw new JsonSyntaxError(problem, at, line, at - lineStart + 1);
  }

  private describe(at = this.pos): string {
    if (at >= this.text.length) return 'end of input';
    const ch = this.text[at] as string;
    const code = ch.charCodeAt(0);
    if (code < 0x20)
      return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return `character '${ch}'`;
  }

  skipSpace(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
        this.pos++;
      } else if (c === 0x2f /* / */) {
        const next = text.charCodeAt(this.pos + 1);
        if (!this.allowComments)
          this.fail(`unexpected ${this.describe()} (comments are not allowed)`);
        if (next === 0x2a /* * */) {
          const end = text.indexOf('*/', this.pos + 2);
          if (end < 0) this.fail('unterminated /* comment');
          this.pos = end + 2;
        } else if (next === 0x2f) {
          let end = this.pos + 2;
          while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
          this.pos = end;
        } else {
          this.fail(`unexpected ${this.describe()}, expected /* or // to start a comment`);
        }
      } else {
        return;
      }
    }
  }

  parseValue(): JsonValue {
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.parseObject();
      case '[':
        return this.parseArray();
      case '"':
        return this.parseString();
      case 't':
        return this.parseLiteral('true', true);
      case 'f':
        return this.parseLiteral('false', false);
      case 'n':
        return this.parseLiteral('null', null);
      default:
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.parseNumber();
        return this.fail(`unexpected ${this.describe()}, expected a JSON value`);
    }
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
  }

  private parseObject(): JsonObject {
    this.enter();
    this.pos++;
    const result: JsonObject = {};
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      this.depth--;
      return result;
    }
    for (;;) {
      if (this.text[this.pos] !== '"') {
        this.fail(`unexpected ${this.describe()}, expected a string (field name)`);
      }
      const key = this.parseString();
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail(`unexpected ${this.describe()}, expected ':'`);
      this.pos++;
      this.skipSpace();
      const value = this.parseValue();
      if (key === '__proto__') {
        Object.defineProperty(result, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        result[key] = value;
      }
      this.skipSpace();
      const sep = this.text[this.pos];
      if (sep === ',') {
        this.pos++;
        this.skipSpace();
      } else if (sep === '}') {
        this.pos++;
        this.depth--;
        return result;
      } else {
        this.fail(`unexpected ${this.describe()}, expected ',' or '}'`);
      }
    }
  }

  private parseArray(): JsonValue[] {
    this.enter();
    this.pos++;
    const result: JsonValue[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      this.depth--;
      return result;
    }
    for (;;) {
      result.push(this.parseValue());
      this.skipSpace();
      const sep = this.text[this.pos];
      if (sep === ',') {
        this.pos++;
        this.skipSpace();
      } else if (sep === ']') {
        this.pos++;
        this.depth--;
        return result;
      } else {
        this.fail(`unexpected ${this.describe()}, expected ',' or ']'`);
      }
    }
  }

  private parseString(): string {
    const text = this.text;
    const start = this.pos;
    this.pos++;
    let out = '';
    let chunk = this.pos;
    for (;;) {
      if (this.pos >= text.length) this.fail('unterminated string', start);
      const c = text.charCodeAt(this.pos);
      if (c === 0x22) {
        out += text.slice(chunk, this.pos);
        this.pos++;
        return out;
      }
      if (c < 0x20) this.fail(`unescaped ${this.describe()} in a string`);
      if (c === 0x5c) {
        out += text.slice(chunk, this.pos);
        const e = text[this.pos + 1];
        switch (e) {
          case '"':
          case '\\':
          case '/':
            out += e;
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = text.slice(this.pos + 2, this.pos + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
              this.fail(`invalid \\u escape '\\u${hex}', expected 4 hex digits`);
            }
            out += String.fromCharCode(Number.parseInt(hex, 16));
            this.pos += 4;
            break;
          }
          default:
            this.fail(`invalid escape '\\${e ?? ''}' in a string`);
        }
        this.pos += 2;
        chunk = this.pos;
      } else {
        this.pos++;
      }
    }
  }

  private parseLiteral<V extends JsonValue>(word: string, value: V): V {
    if (!this.text.startsWith(word, this.pos)) {
      this.fail(`unexpected ${this.describe()}, expected a JSON value`);
    }
    this.pos += word.length;
    return value;
  }

  private parseNumber(): number | bigint {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (match === null) this.fail(`invalid number, expected a digit after '-'`, this.pos + 1);
    const literal = match[0];
    const end = this.pos + literal.length;
    const next = this.text.charCodeAt(end);
    if ((next >= 0x30 && next <= 0x39) || next === 0x2e || next === 0x65 || next === 0x45) {
      this.fail(`invalid number '${literal}${this.text[end]}'`, end);
    }
    this.pos = end;
    if (match[1] === undefined && match[2] === undefined) {
      const n = Number(literal);
      if (Number.isSafeInteger(n)) return n === 0 ? 0 : n;
      return BigInt(literal);
    }
    return Number(literal);
  }
}
