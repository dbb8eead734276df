import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFrame, DataTypes } from '@servable/dataframe';
import { encodeToBytes, type SparseVector } from '@servable/linalg';
import { ModelDataError } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import {
  type OneHotEncoderModelData,
  OneHotEncoderModelServable,
  OneHotEncoderRecordCodec,
  oneHotEncoderModelDataFromRecords,
} from '../src/one-hot-encoder/index.js';
import { expectEncodesRecord } from './support/encodings.js';
import { type FixtureJson, loadVectorFile } from './support/flink-vectors.js';
import { modelServableSuite } from './support/model-servable-checks.js';

function model(d: Record<string, FixtureJson>): OneHotEncoderModelData {
  const records = (d.records as number[][]).map(([columnIndex, maxIndex]) => ({
    columnIndex: columnIndex as number,
    maxIndex: maxIndex as number,
  }));
  const m = oneHotEncoderModelDataFromRecords(records);
  if ('problem' in m) throw new Error(m.problem);
  return m;
}

modelServableSuite('OneHotEncoderModelServable', {
  file: loadVectorFile('OneHotEncoder'),
  create: () => new OneHotEncoderModelServable(),
  load: (p) => OneHotEncoderModelServable.load(p),
  model,
});

describe('OneHotEncoderModelServable', () => {
  const servable = () =>
    new OneHotEncoderModelServable()
      .setInputCols(['x', 'y'])
      .setOutputCols(['ox', 'oy'])
      .setModel(
        model({
          records: [
            [1, 3],
            [0, 2],
          ],
        }),
      );

  it('loads records spread over several data files, in any order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'one-hot-'));
    try {
      const stage = join(dir, 'stage');
      await servable().save(stage);
      const dataDir = join(stage, 'data');
      await rm(dataDir, { recursive: true });
      await mkdir(dataDir);
      await writeFile(
        join(dataDir, 'part-a-0'),
        encodeToBytes(OneHotEncoderRecordCodec, { columnIndex: 1, maxIndex: 3 }),
      );
      await writeFile(
        join(dataDir, 'part-b-0'),
        encodeToBytes(OneHotEncoderRecordCodec, { columnIndex: 0, maxIndex: 2 }),
      );
      await writeFile(join(dataDir, '.part-c-0.inprogress.x'), Uint8Array.of(1, 2, 3));
      const loaded = await OneHotEncoderModelServable.load(stage);
      expect(Array.from(loaded.getModel()?.maxIndices ?? [])).toEqual([2, 3]);
      const df = DataFrame.fromColumns(
        ['x', 'y'],
        [DataTypes.DOUBLE, DataTypes.INT],
        [
          [1, 2],
          [3, 0],
        ],
      );
      const out = loaded.transform(df);
      expect((out.getVectors('ox') as SparseVector[]).map(String)).toEqual([
        '(2, [1], [1.0])',
        '(2, [], [])',
      ]);
      expect((out.getVectors('oy') as SparseVector[]).map(String)).toEqual([
        '(3, [], [])',
        '(3, [0], [1.0])',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects duplicate or out-of-range column indices in the records', async () => {
    const s = servable();
    const dup = new Uint8Array([
      ...encodeToBytes(OneHotEncoderRecordCodec, { columnIndex: 0, maxIndex: 1 }),
      ...encodeToBytes(OneHotEncoderRecordCodec, { columnIndex: 0, maxIndex: 2 }),
    ]);
    await expect(s.setModelData(dup)).rejects.toThrow(ModelDataError);
    await expect(s.setModelData(dup)).rejects.toThrow(
      /column index 0 appears in more than one record/,
    );
    const far = encodeToBytes(OneHotEncoderRecordCodec, { columnIndex: 3, maxIndex: 1 });
    await expect(s.setModelData(far)).rejects.toThrow(/column index 3, expected 0 … 0/);
  });

  it("reproduces Java's errors for non-integer values, bad indices and handleInvalid", () => {
    const df = (x: number, type = DataTypes.DOUBLE) =>
      DataFrame.fromColumns(['x', 'y'], [type, DataTypes.DOUBLE], [[x], [0]]);
    expect(() => servable().transform(df(1.5))).toThrow(
      'Value 1.5 cannot be parsed as indexed integer.',
    );
    expect(() => servable().transform(df(Math.fround(0.1), DataTypes.FLOAT))).toThrow(
      'Value 0.1 cannot be parsed as indexed integer.',
    );
    expect(() => servable().transform(df(-1))).toThrow('Index out of bound.');
    expect(() => servable().transform(df(3))).toThrow('Index out of bound.');
    expect(() => servable().setHandleInvalid('keep').transform(df(0))).toThrow(
      /only handleInvalid "error"/,
    );
  });

  it('reproduces the encodings.json record byte for byte', () => {
    expectEncodesRecord(
      OneHotEncoderRecordCodec,
      { columnIndex: 0, maxIndex: 2 },
      'OneHotEncoderModelData record (0,2)',
    );
  });
});
