import { validate, type SchemaName, type SchemaViolation } from '../../schemas/index.js';
import type { FindingCode } from '../codes.js';
import { isObject, type BodyContext, type Issue, type JsonObject } from '../context.js';
import { joinPointer, splitPointer } from '../json-body.js';
import { NOTICE_SCHEMA } from '../resources.js';

/**
 * Validates a body against its schema: POST bodies against the create schema, PUT against the
 * update schema, responses against the single, collection or notice schema. A collection whose
 * items sit under another label than the schema's is validated under the schema's label, so its
 * items still get checked; the label itself is the relation-label check's business.
 */
export function schemaIssues(ctx: BodyContext): Issue[] {
  const name = schemaName(ctx);
  if (!name) return [];

  const from = ctx.itemsKey;
  const to = ctx.page.schemas?.collectionKey;
  const relabel =
    ctx.role === 'collection' && from !== undefined && to !== undefined && from !== to;
  const value = relabel ? renameItems(ctx.value, from, to) : ctx.value;

  return validate(name, value).errors.map((violation) => {
    const pointer = relabel ? renamePointer(violation.pointer, to, from) : violation.pointer;
    return toIssue(violation, pointer, ctx.value);
  });
}

function schemaName(ctx: BodyContext): SchemaName | undefined {
  if (ctx.role === 'notice') return NOTICE_SCHEMA;
  return ctx.page.schemas?.[ctx.role];
}

function renameItems(value: unknown, from: string, to: string): unknown {
  if (!isObject(value)) return value;
  const out: JsonObject = { ...value };
  for (const member of ['_links', '_embedded']) {
    const inner = out[member];
    if (isObject(inner) && from in inner) out[member] = renameKey(inner, from, to);
  }
  return out;
}

function renameKey(object: JsonObject, from: string, to: string): JsonObject {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k === from ? to : k, v]));
}

function renamePointer(pointer: string, from: string, to: string): string {
  const segments = splitPointer(pointer);
  if ((segments[0] === '_links' || segments[0] === '_embedded') && segments[1] === from)
    segments[1] = to;
  return joinPointer(...segments);
}

function toIssue(violation: SchemaViolation, pointer: string, data: unknown): Issue {
  const format = /must be a valid ([\w-]+),/.exec(violation.message)?.[1];
  if (violation.keyword === 'format' && format === 'date-time') {
    return {
      code: 'date-time-format',
      pointer,
      message: `${JSON.stringify(valueAt(data, pointer))} is not a valid date-time`,
    };
  }
  return { code: codeFor(violation.keyword), pointer, message: withoutSubject(violation) };
}

const KEYWORD_CODES: Record<string, FindingCode> = {
  type: 'schema-type',
  format: 'schema-format',
  pattern: 'schema-pattern',
  required: 'schema-required',
  minimum: 'schema-range',
  maximum: 'schema-range',
  exclusiveMinimum: 'schema-range',
  exclusiveMaximum: 'schema-range',
  minLength: 'schema-range',
  maxLength: 'schema-range',
  minItems: 'schema-range',
  maxItems: 'schema-range',
  enum: 'schema-enum',
  const: 'schema-enum',
  uniqueItems: 'schema-unique-items',
};

function codeFor(keyword: string): FindingCode {
  return KEYWORD_CODES[keyword] ?? 'schema-other';
}

// The finding already carries the pointer; the sentence starts at the verb ("must be ...").
function withoutSubject(violation: SchemaViolation): string {
  const subject = violation.pointer === '' ? 'the document' : violation.pointer;
  return violation.message.startsWith(subject + ' ')
    ? violation.message.slice(subject.length + 1)
    : violation.message;
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const key of splitPointer(pointer))
    node = isObject(node) || Array.isArray(node) ? (node as JsonObject)[key] : undefined;
  return node;
}
