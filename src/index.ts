// The public surface of osdi-conformance, by name. No deep imports.
export { validate, loadSchemas, schemaId, valueAt } from './schemas/index.js';
export type { SchemaViolation, ValidationResult, SchemaName } from './schemas/index.js';
export type * from './generated/schemas.js';
export { startReferenceServer, FAULTS, PROFILES, type ReferenceServer, type ReferenceServerOptions, type RecordedRequest, type FaultName, type ProfileName } from './server/index.js';
export { checkExamples, checkPage, FINDING_CODES, formatFinding, formatSummary, githubAnnotation, type FindingCode, type Severity } from './check-examples/index.js';
export { runConformance, exitCodeOf, type RunResult, type RunnerOptions } from './runner/index.js';
export type { SuiteConfig, TestMeta, Evidence, FieldSupport } from './runner/index.js';
export { REQUIREMENTS, requirementById } from './requirements/catalogue.js';
export type { Requirement, Level, RequirementStatus } from './requirements/types.js';
export { REPORTERS, renderConsole, renderJson, renderJunit, renderMarkdown, renderHtml, type ReportFormat } from '../reporters/index.js';
