// Node-only parts of the embedding API: reading model files and running test fixtures.
export { loadModelFile, readModelFile, readText, ModelFileError, describeIoError } from "./node/read-model-file.js";
export type { ModelFile } from "./node/read-model-file.js";
export { MODEL_FORMATS, MODEL_FILE_CODES, isSearchableModelFile, modelFormatFor } from "./node/model-formats.js";
export type { ModelFileAnalysis, ModelFormat } from "./node/model-formats.js";
export { parseFixture } from "./fixtures/parse-fixture.js";
export { runCase, runFixtureFile, runFixtureSource } from "./fixtures/run-fixture.js";
export type { RunFixtureOptions } from "./fixtures/run-fixture.js";
export { compareWithExpectation, NUMBER_TOLERANCE } from "./fixtures/match-expectation.js";
export { FIXTURE_CODES } from "./fixtures/fixture-types.js";
export type { CaseResult, Difference, Expectation, ExpectedRange, ExpectedReason, Fixture, FixtureCase, FixtureRun } from "./fixtures/fixture-types.js";
export { modelUsesNow } from "./fixtures/uses-now.js";
export { computeCoverage } from "./fixtures/coverage.js";
export type { CoverageItem, CoverageKind, CoverageReport, Outcome } from "./fixtures/coverage.js";
export { UnknownAnalysis } from "./fixtures/can-be-unknown.js";
