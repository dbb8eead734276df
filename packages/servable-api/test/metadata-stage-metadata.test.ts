import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  applyParamMapJson,
  formatStageMetadata,
  HasFeaturesCol,
  HasPredictionCol,
  HasRawPredictionCol,
  JavaDouble,
  MetadataError,
  ParamsHolder,
  paramMapToJson,
  parseStageMetadata,
  readStageMetadata,
  type StageMetadata,
  writeStageMetadata,
} from '@servable/servable-api';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const LR_CLASS = 'org.apache.flink.ml.classification.logisticregression.LogisticRegressionModel';

function metadataError(fn: () => unknown): MetadataError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MetadataError);
    return error as MetadataError;
  }
  throw new Error('expected a MetadataError');
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'servable-metadata-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the Java-written LogisticRegressionModel metadata', () => {
  it('parses and applies to a servable-like holder', async () => {
    const metadata = await readStageMetadata(join(FIXTURES, 'lr-default'), LR_CLASS);
    expect(metadata).toEqual({
      className: LR_CLASS,
      paramMap: {
        rawPredictionCol: 'rawPrediction',
        featuresCol: 'features',
        predictionCol: 'prediction',
      },
      timestamp: 1795315433380,
    });
    class Lr extends ParamsHolder.with(HasFeaturesCol, HasPredictionCol, HasRawPredictionCol) {}
    const lr = applyParamMapJson(new Lr(), metadata.paramMap);
    expect(lr.getRawPredictionCol()).toBe('rawPrediction');
  });

  it('is reproduced byte for byte when written back', async () => {
    const original = await readFile(join(FIXTURES, 'lr-default', 'metadata'));
    const metadata = parseStageMetadata(original.toString('utf8'), 'fixture');
    await writeStageMetadata(dir, metadata);
    expect(await readFile(join(dir, 'metadata'))).toEqual(original);
  });

  it('checks the expected class name with Flink ML wording', async () => {
    await expect(
      readStageMetadata(join(FIXTURES, 'lr-default'), 'org.apache.flink.ml.builder.PipelineModel'),
    ).rejects.toThrow(
      `Class name ${LR_CLASS} does not match the expected class name org.apache.flink.ml.builder.PipelineModel.`,
    );
  });
});

describe('Flink ML reading rules', () => {
  it('drops lines starting with #, keeps "  # x", joins lines without separator', () => {
    const lines = [
      '# a comment line',
      '{"className":"a.B",',
      '#"className":"dropped",',
      '  "paramMap":{"s":"x',
      'y"}',
      '}',
    ];
    // The value of "s" continues across the line break: no separator is added.
    expect(parseStageMetadata(lines.join('\n'), 'm')).toEqual({
      className: 'a.B',
      paramMap: { s: 'xy' },
    });
    // A '#' after leading spaces does not start a comment line: the line is kept, and is not JSON.
    lines.splice(4, 1, 'y"},  # not a comment');
    const error = metadataError(() => parseStageMetadata(lines.join('\n'), '/m/metadata'));
    expect(error.code).toBe('METADATA_JSON');
    expect([error.line, error.column]).toEqual([5, 7]);
    expect(error.message).toBe(
      "Metadata file /m/metadata: invalid JSON at line 5, column 7: unexpected character '#', expected a string (field name).",
    );
  });

  it('handles \\r\\n and \\r line breaks like BufferedReader', () => {
    expect(parseStageMetadata('#c\r\n{"className":"a",\r"paramMap":{}}\r\n', 'm')).toEqual({
      className: 'a',
      paramMap: {},
    });
  });

  it('/* */ comments are fine; // swallows everything after it', () => {
    expect(
      parseStageMetadata('{"className":"a", /* note */\n"paramMap":{"k":/* x */1}}', 'm').paramMap,
    ).toEqual({ k: 1 });
    const error = metadataError(() =>
      parseStageMetadata('{"className":"a", // note\n"paramMap":{}}', '/m/metadata'),
    );
    expect(error.code).toBe('METADATA_JSON');
    expect(error.message).toContain('unexpected end of input');
  });

  it('keeps big integers exact (timestamps, seeds)', () => {
    const m = parseStageMetadata(
      '{"className":"a","timestamp":9223372036854775807,"paramMap":{"seed":-9223372036854775808}}',
      'm',
    );
    expect(m.timestamp).toBe(9223372036854775807n);
    expect(m.paramMap.seed).toBe(-9223372036854775808n);
    expect(formatStageMetadata(m)).toBe(
      '{"className":"a","paramMap":{"seed":-9223372036854775808},"timestamp":9223372036854775807}',
    );
  });

  it('keeps numStages, graphData and unknown keys', () => {
    const text =
      '{"className":"org.apache.flink.ml.builder.GraphModel","paramMap":{},"timestamp":1,' +
      '"numStages":2,"graphData":{"nodes":[],"modelInputIds":[1]},"version":"x"}';
    const m = parseStageMetadata(text, 'm');
    expect(m.numStages).toBe(2);
    expect(m.graphData).toEqual({ nodes: [], modelInputIds: [1] });
    expect(m.extra).toEqual({ version: 'x' });
    expect(formatStageMetadata(m)).toBe(text);
  });

  it.each([
    ['[]', 'expected a JSON object, found [].'],
    ['{"paramMap":{}}', 'missing "className".'],
    ['{"className":3,"paramMap":{}}', '"className" must be a string, found 3.'],
    ['{"className":"a"}', 'missing "paramMap".'],
    ['{"className":"a","paramMap":[]}', '"paramMap" must be an object, found [].'],
    [
      '{"className":"a","paramMap":{},"timestamp":"now"}',
      '"timestamp" must be an integer, found "now".',
    ],
    [
      '{"className":"a","paramMap":{},"numStages":-1}',
      '"numStages" must be a non-negative integer, found -1.',
    ],
  ])('refuses %s', (text, problem) => {
    const error = metadataError(() => parseStageMetadata(text, '/x/metadata'));
    expect(error.code).toBe('METADATA_INVALID');
    expect(error.path).toBe('/x/metadata');
    expect(error.message).toBe(`Metadata file /x/metadata: ${problem}`);
  });

  it('reports a missing file', async () => {
    const error = await readStageMetadata(join(dir, 'nope')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetadataError);
    expect((error as MetadataError).code).toBe('METADATA_NOT_FOUND');
    expect((error as MetadataError).message).toBe(
      `Metadata file ${join(dir, 'nope', 'metadata')} does not exist: ${join(dir, 'nope')} is not a saved Flink ML stage.`,
    );
  });

  it('reports positions in the file for multi-line JSON', async () => {
    await mkdir(join(dir, 's'));
    await writeFile(
      join(dir, 's', 'metadata'),
      '# saved by hand\n{\n"className": "a",\n"paramMap": {"k": 1,}\n}',
    );
    const error = (await readStageMetadata(join(dir, 's')).catch(
      (e: unknown) => e,
    )) as MetadataError;
    expect(error.code).toBe('METADATA_JSON');
    expect([error.line, error.column]).toEqual([4, 21]);
    expect(error.path).toBe(join(dir, 's', 'metadata'));
  });
});

describe('writeStageMetadata', () => {
  const metadata: StageMetadata = {
    className: 'org.apache.flink.ml.feature.binarizer.Binarizer',
    paramMap: { thresholds: [new JavaDouble(1), new JavaDouble(1.5)], inputCols: ['é'] },
    timestamp: 1680000000000,
  };

  it('writes compact UTF-8 without trailing newline, creating directories', async () => {
    const target = join(dir, 'a', 'b');
    const path = await writeStageMetadata(target, metadata);
    expect(path).toBe(join(target, 'metadata'));
    expect(await readFile(path, 'utf8')).toBe(
      '{"className":"org.apache.flink.ml.feature.binarizer.Binarizer","paramMap":{"thresholds":[1.0,1.5],"inputCols":["é"]},"timestamp":1680000000000}',
    );
  });

  it('refuses to overwrite unless asked', async () => {
    await writeStageMetadata(dir, metadata);
    const error = (await writeStageMetadata(dir, metadata).catch(
      (e: unknown) => e,
    )) as MetadataError;
    expect(error).toBeInstanceOf(MetadataError);
    expect(error.code).toBe('METADATA_EXISTS');
    expect(error.message).toBe(
      `File ${join(dir, 'metadata')} already exists. Pass { overwrite: true } to replace it.`,
    );
    await writeStageMetadata(dir, { ...metadata, timestamp: 5 }, { overwrite: true });
    expect((await readStageMetadata(dir)).timestamp).toBe(5);
  });

  it('round-trips through read', async () => {
    await writeStageMetadata(dir, metadata);
    const back = await readStageMetadata(dir);
    expect(back.paramMap).toEqual({ thresholds: [1, 1.5], inputCols: ['é'] });
  });

  it('property: paramMap → write → read → apply reproduces the holder and the bytes', () => {
    class Holder extends ParamsHolder.with(HasFeaturesCol, HasPredictionCol, HasRawPredictionCol) {}
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.nat(), (features, prediction, timestamp) => {
        const h = new Holder().setFeaturesCol(features).setPredictionCol(prediction);
        const text = formatStageMetadata({
          className: 'x.Y',
          paramMap: paramMapToJson(h),
          timestamp,
        });
        const m = parseStageMetadata(text, 'm');
        const back = applyParamMapJson(new Holder(), m.paramMap);
        expect(back.getParamMap()).toEqual(h.getParamMap());
        expect(formatStageMetadata(m)).toBe(text);
      }),
    );
  });
});
