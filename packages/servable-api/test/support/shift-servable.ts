import { type DataFrame, DataTypes } from '@servable/dataframe';
import { type Codec, DoubleSerializer, encodeToBytes, LongSerializer } from '@servable/linalg';
import {
  HasInputCol,
  HasOutputCol,
  loadStage,
  ModelServable,
  requireColumn,
  type ServablePlugin,
  servableLoader,
  singleRecordFormat,
  TransformerServableBase,
  toModelVersion,
} from '@servable/servable-api';

/** Test model: output = input + shift; carries a version. */
export interface ShiftModel {
  readonly shift: number;
  readonly version: bigint;
}

const ShiftCodec: Codec<ShiftModel> = {
  encode(value, out) {
    DoubleSerializer.encode(value.shift, out);
    LongSerializer.encode(value.version, out);
  },
  decode(input) {
    return { shift: DoubleSerializer.decode(input), version: LongSerializer.decode(input) };
  },
};

export const SHIFT_FORMAT = singleRecordFormat<ShiftModel>({
  name: 'ShiftModelData',
  codec: ShiftCodec,
  validate: (m) => (Number.isFinite(m.shift) ? undefined : `shift must be finite, got ${m.shift}`),
  version: (m) => toModelVersion(m.version),
});

/** Encodes a shift model record (without validating it). */
export function shiftBytes(shift: number, version = 0n): Uint8Array {
  return encodeToBytes(ShiftCodec, { shift, version });
}

/** A model servable adding the model's shift to a DOUBLE column. */
export class ShiftModelServable extends ModelServable.withParams(
  HasInputCol,
  HasOutputCol,
)<ShiftModel> {
  static readonly CLASS_NAME = 'com.example.ShiftModel';
  readonly className: string = ShiftModelServable.CLASS_NAME;
  readonly modelDataFormat = SHIFT_FORMAT;

  static load(path: string): Promise<ShiftModelServable> {
    return loadStage(path, () => new ShiftModelServable());
  }

  transform(input: DataFrame): DataFrame {
    const { shift } = this.requireModel();
    const values = input.getDoubles(requireColumn(input, this.getInputCol(), 'ShiftModelServable'));
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = (values[i] as number) + shift;
    return input.addColumn(this.getOutputCol(), DataTypes.DOUBLE, out);
  }
}

/** A stateless servable doubling a column. */
export class DoubleItServable extends TransformerServableBase.withParams(
  HasInputCol,
  HasOutputCol,
) {
  static readonly CLASS_NAME = 'com.example.DoubleIt';
  readonly className: string = DoubleItServable.CLASS_NAME;

  transform(input: DataFrame): DataFrame {
    const values = input.getDoubles(requireColumn(input, this.getInputCol(), 'DoubleItServable'));
    return input.addColumn(
      this.getOutputCol(),
      DataTypes.DOUBLE,
      values.map((v) => v * 2),
    );
  }
}

export const testPlugin: ServablePlugin = {
  name: 'test-plugin',
  servables: {
    [ShiftModelServable.CLASS_NAME]: servableLoader(() => new ShiftModelServable()),
    [DoubleItServable.CLASS_NAME]: servableLoader(() => new DoubleItServable()),
  },
};
