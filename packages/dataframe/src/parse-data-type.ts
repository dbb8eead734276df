import { BasicType } from './basic-type.js';
import { ArrayType, type DataType, MatrixType, type ScalarType, VectorType } from './data-type.js';
import { DataTypes } from './data-types.js';
import { InvalidDataTypeError } from './errors.js';

const BASIC_NAMES: ReadonlySet<string> = new Set(Object.values(BasicType));

/**
 * Reads a data type from its text form, the inverse of `DataType.toString()`:
 * `parseDataType(t.toString()).equals(t)` for every type.
 *
 * Grammar (case-insensitive, whitespace allowed around tokens):
 * `type := BASIC | VECTOR(BASIC) | MATRIX(BASIC) | ARRAY(type)` where `BASIC` is one of
 * BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, STRING, BYTE_STRING. Scalar types return the
 * shared {@link DataTypes} constants.
 *
 * @example
 * ```ts
 * parseDataType('VECTOR(DOUBLE)');          // a VectorType
 * parseDataType('array(string)').toString(); // 'ARRAY(STRING)'
 * ```
 * @throws InvalidDataTypeError naming the input and the character position that is wrong.
 */
export function parseDataType(text: string): DataType {
  const parser = new TypeParser(text);
  const type = parser.type();
  parser.end();
  return type;
}

class TypeParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  type(): DataType {
    const start = this.skip();
    const name = this.word();
    switch (name) {
      case 'VECTOR':
        return new VectorType(this.parenthesized(() => this.basic()));
      case 'MATRIX':
        return new MatrixType(this.parenthesized(() => this.basic()));
      case 'ARRAY':
        return new ArrayType(this.parenthesized(() => this.type()));
      default:
        if (BASIC_NAMES.has(name)) return DataTypes[name as BasicType] as ScalarType;
        return this.fail(
          start,
          name === '' ? 'a type name' : 'a basic type, VECTOR, MATRIX or ARRAY',
          name === '' ? this.rest(start) : JSON.stringify(name),
        );
    }
  }

  end(): void {
    const at = this.skip();
    if (at < this.text.length) this.fail(at, 'the end of the type', this.rest(at));
  }

  private basic(): BasicType {
    const start = this.skip();
    const name = this.word();
    if (!BASIC_NAMES.has(name)) {
      this.fail(start, 'a basic type', name === '' ? this.rest(start) : JSON.stringify(name));
    }
    return name as BasicType;
  }

  private parenthesized<T>(inner: () => T): T {
    this.expect('(');
    const value = inner();
    this.expect(')');
    return value;
  }

  private expect(ch: string): void {
    const at = this.skip();
    if (this.text[at] !== ch) this.fail(at, `'${ch}'`, this.rest(at));
    this.pos = at + 1;
  }

  private word(): string {
    const m = /^[A-Za-z_]+/.exec(this.text.slice(this.pos));
    const w = m ? m[0] : '';
    this.pos += w.length;
    return w.toUpperCase();
  }

  private skip(): number {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
    return this.pos;
  }

  private rest(at: number): string {
    return at >= this.text.length ? 'the end of the input' : JSON.stringify(this.text.slice(at));
  }

  private fail(at: number, expected: string, found: string): never {
    throw new InvalidDataTypeError(
      `Cannot parse data type ${JSON.stringify(this.text)} at position ${at}: expected ${expected}, found ${found}.`,
      this.text,
      at,
    );
  }
}
