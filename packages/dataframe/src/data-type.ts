import { BasicType, isNumericBasicType } from './basic-type.js';
import { InvalidDataTypeError } from './errors.js';

/**
 * The type of a DataFrame column. Unlike Flink ML's Java classes (identity equality only),
 * data types compare structurally with `equals`. `toString()` gives the canonical text form
 * (`DOUBLE`, `VECTOR(DOUBLE)`, `ARRAY(STRING)`), which {@link parseDataType} reads back.
 */
export type DataType = ScalarType | VectorType | MatrixType | ArrayType;

const BASIC_TYPES: ReadonlySet<string> = new Set(Object.values(BasicType));

function checkBasicType(t: BasicType, where: string): void {
  if (!BASIC_TYPES.has(t)) {
    throw new InvalidDataTypeError(
      `${where}: unknown basic type ${JSON.stringify(t)}; expected one of ${[...BASIC_TYPES].join(', ')}.`,
      String(t),
    );
  }
}

/** A scalar column: one value of a {@link BasicType} per row. */
export class ScalarType {
  /** Discriminant of the {@link DataType} union. */
  readonly kind = 'scalar' as const;
  /**
   * @param basicType the values' type.
   * @throws InvalidDataTypeError when `basicType` is not a {@link BasicType}.
   */
  constructor(readonly basicType: BasicType) {
    checkBasicType(basicType, 'ScalarType');
  }
  /** Structural equality. */
  equals(other: DataType): boolean {
    return other.kind === 'scalar' && other.basicType === this.basicType;
  }
  /** Whether the values are JavaScript numbers (BYTE…DOUBLE). */
  isNumeric(): boolean {
    return isNumericBasicType(this.basicType);
  }
  /** The basic type's name, e.g. `DOUBLE`. */
  toString(): string {
    return this.basicType;
  }
}

/** A vector column: one `Vector` (dense or sparse) per row. */
export class VectorType {
  /** Discriminant of the {@link DataType} union. */
  readonly kind = 'vector' as const;
  /**
   * @param elementType the element type (DOUBLE in practice: vectors hold doubles).
   * @throws InvalidDataTypeError when `elementType` is not a {@link BasicType}.
   */
  constructor(readonly elementType: BasicType) {
    checkBasicType(elementType, 'VectorType');
  }
  /** Structural equality. */
  equals(other: DataType): boolean {
    return other.kind === 'vector' && other.elementType === this.elementType;
  }
  /** `VECTOR(<element type>)`. */
  toString(): string {
    return `VECTOR(${this.elementType})`;
  }
}

/** A matrix column: one `Matrix` per row. */
export class MatrixType {
  /** Discriminant of the {@link DataType} union. */
  readonly kind = 'matrix' as const;
  /**
   * @param elementType the element type (DOUBLE in practice).
   * @throws InvalidDataTypeError when `elementType` is not a {@link BasicType}.
   */
  constructor(readonly elementType: BasicType) {
    checkBasicType(elementType, 'MatrixType');
  }
  /** Structural equality. */
  equals(other: DataType): boolean {
    return other.kind === 'matrix' && other.elementType === this.elementType;
  }
  /** `MATRIX(<element type>)`. */
  toString(): string {
    return `MATRIX(${this.elementType})`;
  }
}

/**
 * A list column: one JavaScript array of elements of `elementType` per row. Flink ML's servable
 * API has no such type; Servable adds it for tokenizers (`ARRAY(STRING)`), NGram,
 * CountVectorizer and MinHashLSH (`ARRAY(VECTOR(DOUBLE))`).
 */
export class ArrayType {
  /** Discriminant of the {@link DataType} union. */
  readonly kind = 'array' as const;
  /** @param elementType the type of each element (any data type, arrays included). */
  constructor(readonly elementType: DataType) {}
  /** Structural equality (element types compared recursively). */
  equals(other: DataType): boolean {
    return other.kind === 'array' && other.elementType.equals(this.elementType);
  }
  /** `ARRAY(<element type>)`. */
  toString(): string {
    return `ARRAY(${this.elementType.toString()})`;
  }
}
