import type { Profile } from './profiles.js';

/** Kinds of resource a Phonebank links to that the server keeps, by their collection path. */
export type RelatedKind = 'people' | 'scripts' | 'lists';

/** The link relations a client may set on a Phonebank, and the kind each must point to. */
export const SETTABLE_LINKS = {
  'osdi:creator': 'people',
  'osdi:modified_by': 'people',
  'osdi:script': 'scripts',
  'osdi:target_list': 'lists',
  'osdi:advocacy_targets': 'lists',
  'osdi:volunteers': 'lists',
  'osdi:events': 'lists',
} as const satisfies Record<string, RelatedKind>;

export type SettableLink = keyof typeof SETTABLE_LINKS;

/** A Phonebank as the server holds it; representations are built from it per request. */
export interface StoredPhonebank {
  id: string;
  /** The server's own identifier first, then the client's. */
  identifiers: string[];
  /** Client-settable fields (phonebank-create.schema.json); a cleared field is absent, never null. */
  fields: Record<string, unknown>;
  /** Link relation → id of the related resource of the kind SETTABLE_LINKS names. */
  links: Partial<Record<SettableLink, string>>;
  created: number;
  modified: number;
  totalCompleted: number;
  /** The rest profile's vendor field. */
  priority: number;
}

/** A Person, Script or List: just enough to be a real link target. */
export interface RelatedResource {
  kind: RelatedKind;
  id: string;
  fields: Record<string, unknown>;
  created: number;
}

// Seeded uuids are derived from a counter so that runs are reproducible; each kind has its own
// first group so that ids of different kinds never look alike.
const UUID_PREFIX: Record<RelatedKind | 'phonebanks', string> = {
  phonebanks: 'd91b4b2e',
  people: '65345d7d',
  scripts: 'c3a1f0b2',
  lists: '1efc3644',
};

/** The in-memory store: Phonebanks in creation order, and the resources they link to. */
export class Store {
  private readonly phonebanks = new Map<string, StoredPhonebank>();
  private readonly related = new Map<RelatedKind, Map<string, RelatedResource>>([
    ['people', new Map()],
    ['scripts', new Map()],
    ['lists', new Map()],
  ]);
  private readonly counters = new Map<string, number>();
  private lastTime = 0;

  constructor(readonly profile: Profile) {}

  newId(kind: RelatedKind | 'phonebanks'): string {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    if (this.profile.ids === 'numeric') return String(n);
    return `${UUID_PREFIX[kind]}-ae0e-4cd3-9ed7-${n.toString(16).padStart(12, '0')}`;
  }

  /** Milliseconds since the epoch, strictly later than any earlier answer, so that modified_date advances. */
  now(): number {
    this.lastTime = Math.max(Date.now(), this.lastTime + 1);
    return this.lastTime;
  }

  list(): StoredPhonebank[] {
    return [...this.phonebanks.values()];
  }

  get(id: string): StoredPhonebank | undefined {
    return this.phonebanks.get(id);
  }

  /** Adds or replaces a Phonebank; a new one goes last, a replaced one keeps its place. */
  put(phonebank: StoredPhonebank): void {
    this.phonebanks.set(phonebank.id, phonebank);
  }

  remove(id: string): boolean {
    return this.phonebanks.delete(id);
  }

  addRelated(resource: RelatedResource): void {
    this.related.get(resource.kind)!.set(resource.id, resource);
  }

  getRelated(kind: RelatedKind, id: string): RelatedResource | undefined {
    return this.related.get(kind)!.get(id);
  }

  relatedIds(kind: RelatedKind): string[] {
    return [...this.related.get(kind)!.keys()];
  }
}
