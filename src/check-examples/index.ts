import { MAX_JSON_DEPTH } from '../client/body.js';
import type { ExampleFinding } from '../generated/schemas.js';
import {
  BODY_CHECKS,
  methodIssues,
  preambleIssues,
  responseCodeIssues,
  schemaCoverageFindings,
} from './checks/index.js';
import { FINDING_CODES } from './codes.js';
import type { BodyContext, Example, Issue, PageContext } from './context.js';
import { MAX_PAGE_BYTES, mebibytes, readCappedFile, unreadableReason } from './files.js';
import { splitHttp, type RequestLine } from './http-preamble.js';
import { parseJsonBody, type JsonBody, type Position } from './json-body.js';
import { parsePage, type Scenario } from './page.js';
import { itemsKey, roleOf } from './roles.js';
import { schemasFor } from './resources.js';
import { buildSpecModel, type RefusedInclude } from './spec-model.js';

export { FINDING_CODES, type FindingCode, type Severity } from './codes.js';
export { MAX_INCLUDE_BYTES, MAX_PAGE_BYTES, mebibytes } from './files.js';
export { formatFinding, formatSummary, githubAnnotation } from './output.js';

/**
 * Checks every example of OSDI spec pages against the pages' own tables, text and the package's
 * schemas. Returns the findings ordered by file, line and column; throws when a file cannot be
 * read (see unreadablePage).
 */
export async function checkExamples(files: string[]): Promise<ExampleFinding[]> {
  const findings: ExampleFinding[] = [];
  for (const file of files) findings.push(...checkPage(file, readPage(file)));
  return findings;
}

/**
 * Why a page will not be checked, e.g. "no such file", "not a regular file (a FIFO)" or "too
 * large (…; the limit is 1 MiB)"; undefined if it will. Only stats the file, so it never blocks.
 */
export function unreadablePage(file: string): string | undefined {
  return unreadableReason(file, MAX_PAGE_BYTES);
}

function readPage(file: string): string {
  const reason = unreadablePage(file);
  if (reason !== undefined) throw new Error(`${reason}: ${file}`);

  const text = readCappedFile(file, MAX_PAGE_BYTES);
  if (text === undefined)
    throw new Error(`too large (it grew past ${mebibytes(MAX_PAGE_BYTES)} while read): ${file}`);
  return text;
}

/** Checks one page, given its text; `file` names it in the findings and locates its includes. */
export function checkPage(file: string, markdown: string): ExampleFinding[] {
  const parsed = parsePage(markdown);
  const model = buildSpecModel(file, parsed);
  const page: PageContext = { file, model, schemas: schemasFor(model.labels?.single) };

  const findings = [
    ...model.missingIncludes.map((include) => missingInclude(file, include.line, include.name)),
    ...model.refusedIncludes.map(refusedInclude),
    ...schemaCoverageFindings(page),
    ...parsed.scenarios.flatMap((scenario) => checkScenario(page, scenario)),
  ];
  return sortFindings(file, findings);
}

function missingInclude(file: string, line: number, name: string): ExampleFinding {
  const example = `{% include ${printable(name)} %}`;
  const message = `${example}: no such file in includes/ or _includes/ beside the page`;
  return { file, line, column: 1, example, code: 'include-not-found', severity: 'info', message };
}

function refusedInclude({ file, line, name, reason }: RefusedInclude): ExampleFinding {
  const example = `{% include ${printable(name)} %}`;
  const message = `${example}: ${printable(reason)}`;
  const code = 'include-refused';
  return { file, line, column: 1, example, code, severity: FINDING_CODES[code].severity, message };
}

// Include names come from the page as written; a control character must not reach the terminal.
function printable(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function checkScenario(page: PageContext, scenario: Scenario): ExampleFinding[] {
  const examples = scenario.blocks.map(({ label, block }): Example => {
    const http = splitHttp(block);
    const kind = label ?? (http.status ? 'response' : 'request');
    return {
      name: `${scenario.title} > ${kind === 'request' ? 'Request' : 'Response'}`,
      scenario,
      kind,
      block,
      http,
    };
  });
  const request = examples.find((e) => e.kind === 'request')?.http.request;
  return examples.flatMap((example) => checkExample(page, example, request));
}

function checkExample(
  page: PageContext,
  example: Example,
  scenarioRequest?: RequestLine,
): ExampleFinding[] {
  const request = example.kind === 'request' ? example.http.request : scenarioRequest;
  const issues: Issue[] = [
    ...preambleIssues(example),
    ...methodIssues(example),
    ...responseCodeIssues(example, request),
  ];
  const located = issues.map((issue) => toFinding(page, example, issue));
  if (!example.http.body) return located;

  const body = parseJsonBody(example.http.body);
  if (body.tooDeep) return [...located, tooDeepFinding(page, example, body.tooDeep)];
  const syntax = body.syntax.map(({ position, message }) =>
    toFinding(page, example, { code: 'json-syntax', message, ...position }),
  );
  return [...located, ...syntax, ...checkBody(page, example, request, body)];
}

// The body is not parsed, so nothing else is said about it; the finding sits where it starts.
function tooDeepFinding(page: PageContext, example: Example, deepest: Position): ExampleFinding {
  const body = example.http.body!;
  const where = `level ${MAX_JSON_DEPTH + 1} opens at line ${deepest.line}, column ${deepest.column}`;
  const message = `the body nests deeper than ${MAX_JSON_DEPTH} levels (${where}); not checked further`;
  const column = body.text.search(/\S/) + 1;
  return toFinding(page, example, { code: 'json-too-deep', message, line: body.line, column });
}

function checkBody(
  page: PageContext,
  example: Example,
  request: RequestLine | undefined,
  body: JsonBody,
): ExampleFinding[] {
  const role = roleOf(example.kind, example.http.status, request, body.value);
  if (!role) return [];

  const ctx: BodyContext = {
    page,
    example,
    request,
    status: example.http.status,
    role,
    value: body.value,
    itemsKey: itemsKey(body.value, page.model.labels?.collection),
  };
  return BODY_CHECKS.flatMap((check) => check(ctx)).map((issue) =>
    toFinding(page, example, issue, body),
  );
}

function toFinding(
  page: PageContext,
  example: Example,
  issue: Issue,
  body?: JsonBody,
): ExampleFinding {
  const at =
    issue.pointer !== undefined && body
      ? body.locate(issue.pointer)
      : { line: issue.line ?? example.block.line, column: issue.column };
  return {
    file: page.file,
    line: at.line,
    ...(at.column !== undefined && { column: at.column }),
    example: example.name,
    ...(issue.pointer !== undefined && { pointer: issue.pointer }),
    code: issue.code,
    severity: issue.severity ?? FINDING_CODES[issue.code].severity,
    message: issue.message,
  };
}

function sortFindings(file: string, findings: ExampleFinding[]): ExampleFinding[] {
  const rank = (f: ExampleFinding) => (f.file === file ? 0 : 1);
  return findings.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}
