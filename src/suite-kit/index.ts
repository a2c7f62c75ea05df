// The small API that the scenario suites (suites/*.test.ts) are written in.
export { requirementTest, type RequirementTestOptions } from './requirement-test.js';
export { Check } from './check.js';
export { Finding, NotApplicable } from './findings.js';
export { shared, Shared } from './shared.js';
export { suiteConfig, runState, memoise } from './run-state.js';
export { entryPoint, collectionUrl, maxPageSize, elsewhere } from './discover.js';
export { whenConsistent, readUntil, judgeSteadily } from './consistency.js';
export { deleteCreatedAfterAll } from './cleanup.js';
export { summariseViolations, violationsAt, SHOWN_VIOLATIONS } from './violations.js';
export * from './hal.js';
export * from './collection.js';
export * from './phonebank.js';
export { isJsonContentType } from '../client/index.js';
