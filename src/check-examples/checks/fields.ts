import {
  isObject,
  resourceObjects,
  type BodyContext,
  type Issue,
  type ResourceObject,
} from '../context.js';
import { joinPointer } from '../json-body.js';

// general.md, Collections and Navigation: the attributes of a collection page (per_page is the
// page-size parameter that collections echo).
const COLLECTION_FIELDS = new Set([
  'total_pages',
  'total_records',
  'page',
  'per_page',
  '_links',
  '_embedded',
]);
// HAL members, and the osdi:control object of requests (includes/control_headers.md).
const HAL_MEMBERS = new Set(['_links', '_embedded']);
const REQUEST_MEMBERS = new Set(['osdi:control']);

/** Fields that no row of the page's Fields tables, nor the common fields, defines. */
export function unknownFieldIssues(ctx: BodyContext): Issue[] {
  const { model } = ctx.page;
  if (model.fields.size === 0) return [];

  const issues = ctx.role === 'collection' ? unknownCollectionFields(ctx) : [];
  for (const object of resourceObjects(ctx)) {
    for (const key of Object.keys(object.value)) {
      if (model.fields.has(key) || HAL_MEMBERS.has(key)) continue;
      if (ctx.example.kind === 'request' && REQUEST_MEMBERS.has(key)) continue;
      const message = unknownFieldMessage(ctx, key, object.value[key]);
      issues.push({ code: 'unknown-field', pointer: object.pointer + joinPointer(key), message });
    }
  }
  return issues;
}

function unknownCollectionFields(ctx: BodyContext): Issue[] {
  if (!isObject(ctx.value)) return [];
  return Object.keys(ctx.value)
    .filter((key) => !COLLECTION_FIELDS.has(key))
    .map((key) => ({
      code: 'unknown-field' as const,
      pointer: joinPointer(key),
      message: `"${key}" is not a collection field (general.md, Collections and Navigation: total_pages, total_records, page, per_page, _links, _embedded)`,
    }));
}

function unknownFieldMessage(ctx: BodyContext, key: string, value: unknown): string {
  const resource = ctx.page.model.resource ?? 'this resource';
  const base = `no row of the ${resource} Fields table or the common fields defines "${key}"`;
  const meant = typeof value === 'string' ? fieldListing(ctx, value) : undefined;
  return meant
    ? `${base}; ${JSON.stringify(value)} is a documented ${meant} value: did you mean ${meant}?`
    : base;
}

function fieldListing(ctx: BodyContext, value: string): string | undefined {
  for (const [field, values] of ctx.page.model.flexenums) if (values.includes(value)) return field;
  return undefined;
}

/** flexenum values outside the list the field's table row gives (allowed, so a warning). */
export function flexenumIssues(ctx: BodyContext): Issue[] {
  return resourceObjects(ctx).flatMap((object) => flexenumIssuesOf(ctx, object));
}

function flexenumIssuesOf(ctx: BodyContext, object: ResourceObject): Issue[] {
  const issues: Issue[] = [];
  for (const [field, values] of ctx.page.model.flexenums) {
    const value = object.value[field];
    if (typeof value !== 'string' || values.includes(value)) continue;
    issues.push({
      code: 'flexenum-value',
      pointer: object.pointer + joinPointer(field),
      message: `${JSON.stringify(value)} is not a documented ${field} value (${values.map((v) => JSON.stringify(v)).join(', ')}); a flexenum allows it, but examples should use a listed value`,
    });
  }
  return issues;
}
