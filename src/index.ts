// The public surface of osdi-conformance, by name. No deep imports.
export { validate, loadSchemas, schemaId, valueAt } from './schemas/index.js';
export type { SchemaViolation, ValidationResult, SchemaName } from './schemas/index.js';
export type * from './generated/schemas.js';
export { startReferenceServer, FAULTS, PROFILES, type ReferenceServer, type ReferenceServerOptions, type RecordedRequest, type FaultName, type ProfileName } from './server/index.js';
export { checkExamples, checkPage, FINDING_CODES, formatFinding, formatSummary, githubAnnotation, type FindingCode, type Severity } from './check-examples/index.js';
