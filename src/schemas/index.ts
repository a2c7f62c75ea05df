export { loadSchemas, schemaId, schemasDir, type SchemaDocument, type SchemaName } from './load.js';
export {
  validate,
  describeErrors,
  valueAt,
  type SchemaViolation,
  type ValidationResult,
} from './validate.js';
