import type { ExampleFinding } from '../../generated/schemas.js';
import { loadSchemas } from '../../schemas/index.js';
import { FINDING_CODES, type FindingCode } from '../codes.js';
import { isObject, type JsonObject, type PageContext } from '../context.js';
import type { SourcedRow } from '../spec-model.js';

/**
 * The schemas against the page: every Fields row needs a property, every Links row a relation,
 * and every flexenum row the same list in x-osdi-flexenum. So a maintainer who adds a row to a
 * table sees the schema lag behind.
 */
export function schemaCoverageFindings(page: PageContext): ExampleFinding[] {
  const schema = page.schemas && loadSchemas().get(page.schemas.single);
  if (!schema || !page.schemas) return [];
  const name = page.schemas.single;
  const properties = objectAt(schema, 'properties');
  const relations = objectAt(objectAt(properties, '_links'), 'properties');
  const findings: ExampleFinding[] = [];

  for (const row of page.model.fields.values()) {
    if (!(row.name in properties))
      findings.push(
        rowFinding(
          'schema-missing-field',
          row,
          `the ${row.table} table defines ${row.name}, but ${name} has no such property`,
        ),
      );
  }
  for (const [key, row] of page.model.links) {
    if (!(key in relations))
      findings.push(
        rowFinding(
          'schema-missing-link',
          row,
          `the ${row.table} table defines ${key}, but ${name} has no such _links relation`,
        ),
      );
  }
  for (const [field, values] of page.model.flexenums) {
    const listed = objectAt(properties, field)['x-osdi-flexenum'];
    if (field in properties && !sameValues(listed, values)) {
      const message = `the ${field} row lists ${JSON.stringify(values)}, but ${name} has x-osdi-flexenum ${JSON.stringify(listed ?? null)}`;
      findings.push(rowFinding('schema-flexenum-mismatch', page.model.fields.get(field)!, message));
    }
  }
  return findings;
}

function rowFinding(code: FindingCode, row: SourcedRow, message: string): ExampleFinding {
  return {
    file: row.file,
    line: row.line,
    example: row.table,
    code,
    severity: FINDING_CODES[code].severity,
    message,
  };
}

function objectAt(object: unknown, key: string): JsonObject {
  const value = isObject(object) ? object[key] : undefined;
  return isObject(value) ? value : {};
}

function sameValues(listed: unknown, values: string[]): boolean {
  return (
    Array.isArray(listed) &&
    listed.length === values.length &&
    values.every((v) => listed.includes(v))
  );
}
