// The runner's surface: run the suites against a target and get the result tree back.
export { runConformance, exitCodeOf, type RunResult, type RunnerOptions } from './run.js';
export { loadCatalogue, scenariosOf } from './catalogue.js';
export { defaultSuiteLocation, listSuites, type SuiteLocation } from './suites.js';
export { redactText, redactDeep, MASK } from './redact.js';
export type { ProgressEvent, TestOutcome } from './outcome.js';
export type { SuiteConfig, TestMeta, Evidence, FieldSupport } from './types.js';
