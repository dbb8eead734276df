/**
 * Test support for model servables: one call registers the standard tests of a servable — every
 * case of its Flink ML vector file, the save → load round trip and the decoder fuzz.
 */
import { applyParamMapJson, type JsonValue, type ModelServable } from '@servable/servable-api';
import { describe, it } from 'vitest';
import { fuzzModelData } from './decoder-fuzz.js';
import {
  caseInput,
  caseLabel,
  caseModelData,
  caseParams,
  expectCaseError,
  expectCaseOutput,
  type FixtureJson,
  type VectorCase,
  type VectorFile,
} from './flink-vectors.js';
import { expectSaveLoadRoundTrip } from './round-trip.js';

/** What {@link modelServableSuite} needs. */
export interface ModelServableSuite<M, S extends ModelServable<M>> {
  /** The vector file. */
  readonly file: VectorFile;
  /** A new servable. */
  readonly create: () => S;
  /** The servable's static `load`. */
  readonly load: (path: string) => Promise<S>;
  /** The model of a fixture's `modelData`. */
  readonly model: (data: Record<string, FixtureJson>) => M;
}

/** A servable for a case: params applied (Flink ML JSON), model set from the fixture. */
export function caseServable<M, S extends ModelServable<M>>(
  suite: ModelServableSuite<M, S>,
  c: VectorCase,
): S {
  const s = suite.create();
  applyParamMapJson(s, caseParams(suite.file, c) as Record<string, JsonValue>);
  s.setModel(suite.model(caseModelData(suite.file, c)));
  return s;
}

/**
 * Registers the standard tests of a model servable: every case of its vector file, the save →
 * load round trip and the decoder fuzz (1,000 runs), both on the first case without an error.
 */
export function modelServableSuite<M, S extends ModelServable<M>>(
  name: string,
  suite: ModelServableSuite<M, S>,
): void {
  describe(`${name}: Flink ML test vectors`, () => {
    suite.file.cases.forEach((c, i) => {
      it(caseLabel(c, i), () => {
        if (c.expectedError !== undefined) {
          expectCaseError(() => caseServable(suite, c).transform(caseInput(c)), c);
        } else {
          expectCaseOutput(caseServable(suite, c).transform(caseInput(c)), c);
        }
      });
    });
  });
  describe(`${name}: conformance`, () => {
    const c = suite.file.cases.find((x) => x.expectedError === undefined) as VectorCase;
    it('survives a save/load round trip', async () => {
      const loaded = await expectSaveLoadRoundTrip(caseServable(suite, c), suite.load);
      expectCaseOutput(loaded.transform(caseInput(c)), c);
    });
    it('rejects corrupt model data with a ModelDataError and keeps serving (fuzz)', async () => {
      const s = caseServable(suite, c);
      expectCaseOutput(s.transform(caseInput(c)), c);
      const columns = Object.keys(c.expected ?? {});
      await fuzzModelData(s, (x) => {
        const out = x.transform(caseInput(c));
        return columns.map((column) => out.getValues(column));
      });
    });
  });
}
