import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { loadSchemas, schemaId, type SchemaName } from './load.js';

/** One reason a document breaks a schema: where (a JSON pointer) and why, in plain words. */
export interface SchemaViolation {
  /** JSON pointer to the offending value; "" is the document itself. */
  pointer: string;
  /** The schema keyword that failed, e.g. "type" or "format". */
  keyword: string;
  /** A sentence a vendor understands: `/daily_start_hour must be an integer, got "9"`. */
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: SchemaViolation[];
}

// ajv-formats is CommonJS; under nodenext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

let ajv: Ajv2020 | undefined;

function instance(): Ajv2020 {
  if (ajv) return ajv;

  ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, verbose: true });
  addFormats(ajv, { mode: 'full' });
  ajv.addFormat('date-time', rfc3339DateTime);
  // Annotations used by the type generator and by check-examples; not assertions.
  ajv.addKeyword({ keyword: 'tsType', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-osdi-flexenum', schemaType: 'array' });
  ajv.addKeyword({ keyword: 'x-osdi-hint', schemaType: 'string' });
  for (const schema of loadSchemas().values()) ajv.addSchema(schema);
  return ajv;
}

// ajv-formats' "full" date-time also takes a space for the T and offsets like +0100 or -05,
// which are ISO 8601 but not the RFC 3339 profile that JSON Schema's date-time names
// (docs/spec-decisions.md, "datetime"). The shape is checked here, the calendar by ajv-formats.
const fullDateTime = addFormats.get('date-time', 'full') as unknown as { validate: (s: string) => boolean };
const RFC3339_SHAPE = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

function rfc3339DateTime(value: string): boolean {
  return RFC3339_SHAPE.test(value) && fullDateTime.validate(value);
}

const compiled = new Map<string, ValidateFunction>();

function validatorFor(name: SchemaName): ValidateFunction {
  const id = schemaId(name);
  let fn = compiled.get(id);
  if (!fn) {
    fn = instance().getSchema(id);
    if (!fn) throw new Error(`osdi-conformance: schema ${id} did not compile`);
    compiled.set(id, fn);
  }
  return fn;
}

/** Validates `data` against one of the package's schemas with ajv (draft 2020-12, all errors). */
export function validate(name: SchemaName, data: unknown): ValidationResult {
  const fn = validatorFor(name);
  if (fn(data)) return { valid: true, errors: [] };
  return { valid: false, errors: describeErrors(fn.errors ?? [], data) };
}

/**
 * Turns ajv's errors into one sentence each. anyOf branches produce one error per branch; a
 * reader wants the branch that came closest, so errors under an anyOf that also failed deeper
 * are dropped in favour of the deeper ones.
 */
export function describeErrors(errors: ErrorObject[], data: unknown): SchemaViolation[] {
  const seen = new Set<string>();
  const out: SchemaViolation[] = [];
  for (const error of prune(errors)) {
    const violation = describe(error, data);
    const key = violation.pointer + '\0' + violation.message;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(violation);
  }
  return out;
}

const COMBINATORS = new Set(['anyOf', 'oneOf', 'if']);

// Where alternatives meet (a link or an array of links; an error document, an error array or a
// notice), a branch that failed on the value's type or a missing member lost to a branch that
// got further in: when some error lies deeper below the same value, that one is the story.
function lostBranch(error: ErrorObject, branching: Set<string>, errors: ErrorObject[]): boolean {
  if (!branching.has(error.instancePath)) return false;
  if (error.keyword !== 'type' && error.keyword !== 'required') return false;
  return errors.some((e) => e.instancePath.startsWith(error.instancePath + '/'));
}

function prune(errors: ErrorObject[]): ErrorObject[] {
  // Combinators only say that a branch below failed; the branch's own errors say why.
  const all = errors.filter((e) => !COMBINATORS.has(e.keyword));
  const branching = new Set(errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath));
  const leaves = all.filter((e) => !lostBranch(e, branching, all));
  const byPointer = new Map<string, ErrorObject[]>();
  for (const e of leaves) byPointer.set(e.instancePath, [...(byPointer.get(e.instancePath) ?? []), e]);

  // A flexenum or nullable field fails every anyOf branch at the same pointer. When one branch
  // failed on something more specific than its type (a format, a pattern), that is the story;
  // otherwise the type errors merge into one "must be a string or null".
  const out: ErrorObject[] = [];
  for (const group of byPointer.values()) {
    const specific = group.filter((e) => e.keyword !== 'type' && e.keyword !== 'enum');
    if (specific.length > 0) {
      out.push(...specific);
      continue;
    }
    const types = group.filter((e) => e.keyword === 'type');
    if (types.length === 0) {
      out.push(...group);
      continue;
    }
    const merged = types.flatMap((e) => String((e.params as { type: string }).type).split(','));
    out.push({ ...types[0]!, params: { type: [...new Set(merged)].join(',') } });
  }
  return out;
}

function describe(error: ErrorObject, data: unknown): SchemaViolation {
  const pointer = error.instancePath;
  const where = pointer === '' ? 'the document' : pointer;
  const got = received(valueAt(data, pointer));
  const p = error.params as Record<string, unknown>;

  switch (error.keyword) {
    case 'type':
      return v(error, `${where} must be ${article(String(p.type))}, got ${got}`);
    case 'format':
      return v(error, `${where} must be a valid ${String(p.format)}, got ${got}`);
    case 'required':
      return v(error, `${where} must have the property "${String(p.missingProperty)}"`);
    case 'pattern': {
      const hint = (error.parentSchema as { 'x-osdi-hint'?: string } | undefined)?.['x-osdi-hint'];
      return v(error, `${where} must be ${hint ?? `a string matching ${String(p.pattern)}`}, got ${got}`);
    }
    case 'minimum':
    case 'maximum':
      return v(error, `${where} must be ${String(p.comparison)} ${String(p.limit)}, got ${got}`);
    case 'minLength':
      return v(error, `${where} must ${p.limit === 1 ? 'not be empty' : `have at least ${String(p.limit)} characters`}, got ${got}`);
    case 'uniqueItems':
      return v(error, `${where} must not repeat items (items ${String(p.j)} and ${String(p.i)} are equal)`);
    case 'const':
      return v(error, `${where} must be ${JSON.stringify(p.allowedValue)}, got ${got}`);
    case 'enum':
      return v(error, `${where} must be one of ${JSON.stringify(p.allowedValues)}, got ${got}`);
    default:
      return v(error, `${where} ${error.message ?? 'is invalid'}, got ${got}`);
  }
}

function v(error: ErrorObject, message: string): SchemaViolation {
  return { pointer: error.instancePath, keyword: error.keyword, message };
}

// "null" is how a field says it has no value, so it stays out of the sentence unless alone.
function article(type: string): string {
  const types = type.split(',');
  const named = types.length > 1 ? types.filter((t) => t !== 'null') : types;
  const words = named.map((t) => (t === 'null' ? 'null' : /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`));
  return words.join(' or ');
}

/** The value at a JSON pointer, or undefined. */
export function valueAt(data: unknown, pointer: string): unknown {
  if (pointer === '') return data;
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function received(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  if (typeof value === 'object' && value !== null) {
    return Array.isArray(value) ? `an array` : `an object`;
  }
  return text.length > 80 ? text.slice(0, 77) + '...' : text;
}
