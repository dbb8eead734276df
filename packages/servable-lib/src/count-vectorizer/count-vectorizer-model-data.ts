import {
  type Codec,
  type DataInputView,
  type DataOutputView,
  StringArraySerializer,
} from '@servable/linalg';

/**
 * CountVectorizerModel's model data (Flink ML `CountVectorizerModelData`): the vocabulary, a
 * word's position being its index in the output vectors.
 *
 * Builds the word → index lookup the way Java's transform does (`HashMap.put(vocabulary[i], i)`
 * for each i): a word listed twice maps to its last position, and the output vector size is the
 * number of distinct words. (Flink ML's estimator never writes duplicates; with duplicates Java
 * fails with an ArrayIndexOutOfBoundsException as soon as a word whose index is not below that
 * size is counted, and so does {@link CountVectorizerModelData.indexOf}'s caller.)
 */
export class CountVectorizerModelData {
  /** The vocabulary as saved (null entries allowed, as in Java). */
  readonly vocabulary: readonly (string | null)[];
  /** The output vector size: the number of distinct words. */
  readonly size: number;
  private readonly index: Map<string | null, number>;

  constructor(vocabulary: readonly (string | null)[]) {
    this.vocabulary = vocabulary;
    const index = new Map<string | null, number>();
    for (let i = 0; i < vocabulary.length; i++) index.set(vocabulary[i] as string | null, i);
    this.index = index;
    this.size = index.size;
  }

  /** The index of `word`, or -1 when it is not in the vocabulary. */
  indexOf(word: string | null): number {
    return this.index.get(word) ?? -1;
  }
}

/**
 * The record codec: Flink's `StringArraySerializer` of the vocabulary (`length:int`, then each
 * word as a `StringValue` string).
 */
export const CountVectorizerModelDataCodec: Codec<CountVectorizerModelData> = Object.freeze({
  minEncodedBytes: 4,
  encode(value: CountVectorizerModelData, out: DataOutputView): void {
    StringArraySerializer.encode([...value.vocabulary], out);
  },
  decode(input: DataInputView): CountVectorizerModelData {
    return new CountVectorizerModelData(StringArraySerializer.decode(input));
  },
});
