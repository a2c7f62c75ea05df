import type { ExampleFinding } from '../generated/schemas.js';

export type Severity = ExampleFinding['severity'];

interface CodeEntry {
  /** The severity a finding of this code has unless the check says otherwise. */
  severity: Severity;
  /** One line: what the code means. */
  description: string;
}

/**
 * Every finding code check-examples emits. The codes are a contract (CI filters and
 * suppressions name them): add codes, never rename one.
 */
export const FINDING_CODES = {
  'json-syntax': {
    severity: 'error',
    description:
      'An example body is not valid JSON (a comment, a trailing comma, an unquoted key, ...).',
  },
  'json-too-deep': {
    severity: 'error',
    description:
      'An example body nests arrays and objects more than 256 levels deep; it is not checked further.',
  },
  'http-preamble': {
    severity: 'error',
    description:
      'An example has no request line (METHOD URL) or status line (200 OK) where one belongs.',
  },
  'date-time-format': {
    severity: 'error',
    description: 'A datetime field holds a string that is not an RFC 3339 date-time.',
  },
  'schema-format': {
    severity: 'error',
    description: 'A value breaks a format other than date-time.',
  },
  'schema-type': {
    severity: 'error',
    description: 'A value has the wrong JSON type for its field.',
  },
  'schema-pattern': {
    severity: 'error',
    description: 'A string does not have the documented shape.',
  },
  'schema-required': {
    severity: 'error',
    description: 'An object lacks a property the schema requires.',
  },
  'schema-range': { severity: 'error', description: 'A number lies outside its documented range.' },
  'schema-enum': {
    severity: 'error',
    description: 'A value is not one of the values the schema allows.',
  },
  'schema-unique-items': {
    severity: 'error',
    description: 'An array that must hold unique items repeats one.',
  },
  'schema-other': {
    severity: 'error',
    description: 'A body breaks its schema in a way no other code names.',
  },
  'unknown-field': {
    severity: 'error',
    description:
      "A body has a field that no row of the page's Fields tables (or the common fields) defines.",
  },
  'unknown-link': {
    severity: 'error',
    description:
      'A _links relation is neither in the Links table nor self, curies, a pagination or IANA relation.',
  },
  'flexenum-value': {
    severity: 'warning',
    description: 'A flexenum field holds a value outside the list its table row documents.',
  },
  'relation-label': {
    severity: 'error',
    description: 'A relation label differs from the one the page text defines for this resource.',
  },
  'method-mismatch': {
    severity: 'error',
    description: 'A request example uses another HTTP method than its scenario title names.',
  },
  'self-link-mismatch': {
    severity: 'error',
    description: "A response's self link does not point at the URL its request used.",
  },
  'identifier-mismatch': {
    severity: 'error',
    description: "The system's own identifier does not end in the id of the self link.",
  },
  'href-list-mismatch': {
    severity: 'error',
    description: "A collection's list of links and its embedded items' self links differ.",
  },
  'pagination-inconsistent': {
    severity: 'error',
    description: 'Pagination numbers or next/previous links contradict each other.',
  },
  'response-code': {
    severity: 'error',
    description:
      'A status code errors.md does not list for the operation (info when the pages use it too).',
  },
  'schema-missing-field': {
    severity: 'error',
    description: "A Fields table row has no property in the resource's schema.",
  },
  'schema-missing-link': {
    severity: 'error',
    description: "A Links table row has no relation in the resource's schema.",
  },
  'schema-flexenum-mismatch': {
    severity: 'error',
    description: "A schema's x-osdi-flexenum list differs from the values its table row documents.",
  },
  'include-not-found': {
    severity: 'info',
    description:
      'An {% include %} line names a file found neither beside the page nor in this package.',
  },
  'include-refused': {
    severity: 'error',
    description:
      'An {% include %} line is not read: its name has "..", a leading / or a NUL, or its file is no regular file or over 1 MiB.',
  },
} as const satisfies Record<string, CodeEntry>;

export type FindingCode = keyof typeof FINDING_CODES;
