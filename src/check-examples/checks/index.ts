import type { BodyCheck } from '../context.js';
import {
  hrefListIssues,
  identifierIssues,
  paginationIssues,
  selfLinkIssues,
} from './consistency.js';
import { flexenumIssues, unknownFieldIssues } from './fields.js';
import { linkIssues } from './links.js';
import { schemaIssues } from './schema.js';

export { methodIssues, preambleIssues, responseCodeIssues } from './http.js';
export { schemaCoverageFindings } from './schema-coverage.js';

/** The checks every parsed example body goes through, in reporting order. */
export const BODY_CHECKS: BodyCheck[] = [
  schemaIssues,
  unknownFieldIssues,
  flexenumIssues,
  linkIssues,
  selfLinkIssues,
  identifierIssues,
  hrefListIssues,
  paginationIssues,
];
