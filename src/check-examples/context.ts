import type { FindingCode, Severity } from './codes.js';
import type { HttpExample, RequestLine, StatusLine } from './http-preamble.js';
import { joinPointer } from './json-body.js';
import type { CodeBlock, Scenario } from './page.js';
import type { ResourceSchemas } from './resources.js';
import type { SpecModel } from './spec-model.js';

/** One code block of a scenario, split into its HTTP preamble and body. */
export interface Example {
  /** E.g. "Scenario: Creating a new Phonebank resource (POST) > Request". */
  name: string;
  scenario: Scenario;
  kind: 'request' | 'response';
  block: CodeBlock;
  http: HttpExample;
}

/** What a body is, which decides the schema and the checks it gets. */
export type BodyRole = 'create' | 'update' | 'single' | 'collection' | 'notice';

export interface PageContext {
  file: string;
  model: SpecModel;
  /** The resource's schemas, when this package has them. */
  schemas?: ResourceSchemas;
}

export interface BodyContext {
  page: PageContext;
  example: Example;
  /** The example's own request line, or for a response its scenario's request. */
  request?: RequestLine;
  status?: StatusLine;
  role: BodyRole;
  value: unknown;
  /** For a collection: the key its items sit under in _embedded, as the page spells it. */
  itemsKey?: string;
}

/**
 * A problem a check found, placed by a JSON pointer into the body or by an explicit line; the
 * driver turns it into an ExampleFinding.
 */
export interface Issue {
  code: FindingCode;
  message: string;
  pointer?: string;
  line?: number;
  column?: number;
  /** Only when it differs from the code's default severity. */
  severity?: Severity;
}

/** A check of one example body. */
export type BodyCheck = (ctx: BodyContext) => Issue[];

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A resource in a body: the body itself, or each embedded item of a collection. */
export interface ResourceObject {
  pointer: string;
  value: JsonObject;
}

export function resourceObjects(ctx: BodyContext): ResourceObject[] {
  if (!isObject(ctx.value) || ctx.role === 'notice') return [];
  if (ctx.role !== 'collection') return [{ pointer: '', value: ctx.value }];

  const items = ctx.itemsKey === undefined ? undefined : embedded(ctx.value)?.[ctx.itemsKey];
  if (!Array.isArray(items)) return [];
  return items.flatMap((value, i) =>
    isObject(value) ? [{ pointer: joinPointer('_embedded', ctx.itemsKey!, i), value }] : [],
  );
}

export function links(value: unknown): JsonObject | undefined {
  return isObject(value) && isObject(value._links) ? value._links : undefined;
}

export function embedded(value: unknown): JsonObject | undefined {
  return isObject(value) && isObject(value._embedded) ? value._embedded : undefined;
}

/** The href of a single link relation, if it is one link object with a string href. */
export function hrefOf(value: unknown, rel: string): string | undefined {
  const link = links(value)?.[rel];
  return isObject(link) && typeof link.href === 'string' ? link.href : undefined;
}
