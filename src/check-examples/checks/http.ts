import type { Example, Issue } from '../context.js';
import type { RequestLine } from '../http-preamble.js';

type Operation = 'read' | 'create' | 'update' | 'delete';

const OPERATIONS: Record<string, Operation> = {
  GET: 'read',
  POST: 'create',
  PUT: 'update',
  PATCH: 'update',
  DELETE: 'delete',
};

// errors.md, Response Codes for Atomic Requests: the success code first, then the failures.
const ERRORS_MD: Record<Operation, number[]> = {
  read: [200, 404, 401, 403, 500],
  create: [201, 400, 401, 403, 500],
  update: [200, 400, 401, 403, 500],
  delete: [204, 404, 401, 403, 500],
};

// The resource pages' own examples answer a create and a delete with 200 (phone_bank.md,
// Scenarios: Creating, Deleting); errors.md is marked experimental, so both stand.
const PAGES_USE: Partial<Record<Operation, number[]>> = { create: [200], delete: [200] };

/** A response's status code against errors.md and the pages' practice. */
export function responseCodeIssues(example: Example, request: RequestLine | undefined): Issue[] {
  const status = example.http.status;
  const operation = request && OPERATIONS[request.method];
  if (!status || !operation || ERRORS_MD[operation].includes(status.status)) return [];

  const listed = ERRORS_MD[operation][0]!;
  const at = { line: status.line, column: 1 };
  if (PAGES_USE[operation]?.includes(status.status)) {
    const message = `errors.md lists ${listed} for ${operation}; ${status.status} is also used by the page`;
    return [{ code: 'response-code', severity: 'info', message, ...at }];
  }
  const message = `errors.md allows ${ERRORS_MD[operation].join(', ')} for ${operation} (${request.method}); got ${status.status}`;
  return [{ code: 'response-code', message, ...at }];
}

/** A request example's method against the method its scenario title names, as in "(POST)". */
export function methodIssues(example: Example): Issue[] {
  const request = example.http.request;
  const titled = /\((GET|POST|PUT|PATCH|DELETE)\)\s*$/i
    .exec(example.scenario.title)?.[1]
    ?.toUpperCase();
  if (example.kind !== 'request' || !request || !titled || titled === request.method) return [];
  const message = `the scenario title says ${titled}, but the request uses ${request.method}`;
  return [{ code: 'method-mismatch', message, line: request.line, column: 1 }];
}

/** A block under "Request" needs a request line, one under "Response" a status line. */
export function preambleIssues(example: Example): Issue[] {
  const { http, kind, block } = example;
  if (kind === 'request' && !http.request) {
    return [
      {
        code: 'http-preamble',
        message: 'a request example starts with a request line such as GET https://...',
        line: block.line,
        column: 1,
      },
    ];
  }
  if (kind === 'response' && !http.status) {
    return [
      {
        code: 'http-preamble',
        message: 'a response example starts with a status line such as 200 OK',
        line: block.line,
        column: 1,
      },
    ];
  }
  return [];
}
