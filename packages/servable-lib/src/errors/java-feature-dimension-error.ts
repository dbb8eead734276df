import { FeatureDimensionError } from '@servable/servable-api';

/**
 * A {@link FeatureDimensionError} whose message is Flink ML's own (Java's `Preconditions`
 * message) followed by the column and row, e.g.
 * `Input 2 features, but UnivariateFeatureSelector is expecting at least 3 features as input. (column features, row 0)`.
 * `expected` and `found` keep the dimensions for programs.
 */
export class JavaFeatureDimensionError extends FeatureDimensionError {
  constructor(
    /** Flink ML's (Java) message. */
    readonly javaMessage: string,
    column: string,
    row: number,
    expected: number,
    found: number,
  ) {
    super(column, row, expected, found);
    this.message = `${javaMessage} (column ${column}, row ${row})`;
  }
}
