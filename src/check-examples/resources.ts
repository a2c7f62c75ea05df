import type { SchemaName } from '../schemas/index.js';

/** The schemas of one resource, and the relation label its collection schema uses. */
export interface ResourceSchemas {
  single: SchemaName;
  collection?: SchemaName;
  create?: SchemaName;
  update?: SchemaName;
  /** The key of the items in the collection schema's _links and _embedded. */
  collectionKey?: string;
}

/** A DELETE notice and error bodies (errors.md; phone_bank.md, Scenario: Deleting). */
export const NOTICE_SCHEMA: SchemaName = 'error.schema.json';

// Keyed by the single-resource relation label the page defines.
const RESOURCES: Record<string, ResourceSchemas> = {
  'osdi:phonebank': {
    single: 'phonebank.schema.json',
    collection: 'phonebank-collection.schema.json',
    create: 'phonebank-create.schema.json',
    update: 'phonebank-update.schema.json',
    collectionKey: 'osdi:phonebanks',
  },
  // aep.md defines no relation label sentence; "AEP Fields" gives osdi:aep.
  'osdi:aep': { single: 'aep.schema.json' },
};

export function schemasFor(singleLabel: string | undefined): ResourceSchemas | undefined {
  return singleLabel === undefined ? undefined : RESOURCES[singleLabel];
}
