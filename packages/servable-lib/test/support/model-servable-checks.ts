/**
 * Test support for model servables: one call registers the standard tests of a servable — every
 * case of its Flink ML vector file, the save → load round trip and the decoder fuzz.
 */
import { DataTypes } from '@servable/dataframe';
import { type Codec, encodeToBytes } from '@servable/linalg';
import type { ModelServable } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import { fuzzModelData } from './decoder-fuzz.js';
import {
  caseInput,
  caseModelData,
  expectCaseOutput,
  type FixtureJson,
  itEachCase,
  type VectorCase,
  type VectorFile,
  withCaseParams,
} from './flink-vectors.js';
import { expectSaveLoadRoundTrip } from './round-trip.js';

/** How to build the servable of a vector file's case: what {@link caseServable} needs. */
export interface ModelServableCases<M, S extends ModelServable<M>> {
  /** The vector file. */
  readonly file: VectorFile;
  /** A new servable. */
  readonly create: () => S;
  /** The model of a fixture's `modelData`. */
  readonly model: (data: Record<string, FixtureJson>) => M;
}

/** What {@link modelServableSuite} needs. */
export interface ModelServableSuite<M, S extends ModelServable<M>>
  extends ModelServableCases<M, S> {
  /** The servable's static `load`. */
  readonly load: (path: string) => Promise<S>;
}

/** A servable for a case: params applied (Flink ML JSON), model set from the fixture. */
export function caseServable<M, S extends ModelServable<M>>(
  cases: ModelServableCases<M, S>,
  c: VectorCase,
): S {
  const s = withCaseParams(cases.create(), cases.file, c);
  s.setModel(cases.model(caseModelData(cases.file, c)));
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
    itEachCase(suite.file, (c) => caseServable(suite, c));
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

/** What {@link itEachOnlineCase} needs. */
export interface OnlineModelCases<M, S extends ModelServable<M>> {
  /** The vector file (each case names its model record in `modelDataVersion`). */
  readonly file: VectorFile;
  /** A new servable. */
  readonly create: () => S;
  /** The codec of a model data record. */
  readonly codec: Codec<M>;
  /** The model record of a fixture's `modelDataVersion`. */
  readonly record: (data: Record<string, FixtureJson>) => M;
}

/**
 * Registers one test per case of an online model servable's vector file: the servable gets the
 * case's params and, through `setModelData`, the bytes of the case's `modelDataVersion` record;
 * its output must hold the expected columns, `versionCol` among them as a LONG column.
 */
export function itEachOnlineCase<M, S extends ModelServable<M>>(
  cases: OnlineModelCases<M, S>,
  versionCol: string,
): void {
  itEachCase(
    cases.file,
    (c) => {
      const record = cases.record(c.modelDataVersion as Record<string, FixtureJson>);
      return withCaseParams(cases.create(), cases.file, c).setModelData(
        encodeToBytes(cases.codec, record),
      );
    },
    { check: (out) => expect(out.getDataType(versionCol)).toBe(DataTypes.LONG) },
  );
}
