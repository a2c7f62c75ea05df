/**
 * Faults: named defects the reference server can be started with, each breaking exactly one
 * behaviour, so that the project can prove every conformance check is able to fail.
 *
 * To add a fault: add a row here (name after what it breaks, one-line description), then put
 * `if (faults.has('<name>'))` at the one place where that behaviour is produced.
 */
export const FAULTS = [
  {
    name: 'hour-as-string',
    description: 'daily_start_hour and daily_stop_hour are sent as strings ("9"), not integers',
  },
  {
    name: 'bad-date-time',
    description:
      'created_date and modified_date are sent in HTTP date form, not ISO 8601 / RFC 3339',
  },
  {
    name: 'no-self-link',
    description: 'Phonebank representations carry no self link',
  },
  {
    name: 'put-replaces',
    description: 'PUT replaces the Phonebank: fields the request omits are removed instead of kept',
  },
  {
    name: 'put-ignores-null',
    description: 'PUT ignores fields set to null instead of clearing them',
  },
  {
    name: 'delete-keeps',
    description: 'DELETE answers success but the Phonebank stays; GET still finds it',
  },
  {
    name: 'unknown-id-200',
    description: 'GET, PUT and DELETE on an unknown Phonebank id answer 200 {} instead of 404',
  },
  {
    name: 'wrong-total-records',
    description: 'collection pages report total_records one more than the collection holds',
  },
  {
    name: 'page-ignored',
    description: 'the page query parameter is ignored: every page embeds the items of page 1',
  },
  {
    name: 'next-loops',
    description: 'the last page of the collection has a next link back to page 1',
  },
  {
    name: 'token-unchecked',
    description:
      'with a token configured, requests without the right OSDI-API-Token are served anyway',
  },
] as const satisfies ReadonlyArray<{ name: string; description: string }>;

export type FaultName = (typeof FAULTS)[number]['name'];

const KNOWN = new Set<string>(FAULTS.map((f) => f.name));

/** The faults a server runs with. `has` takes only known names, so typos fail to compile. */
export class FaultSet {
  private readonly active: ReadonlySet<string>;

  /** @throws Error naming the valid faults when a name is unknown. */
  constructor(names: Iterable<string> = []) {
    const list = [...names];
    const unknown = list.filter((n) => !KNOWN.has(n));
    if (unknown.length > 0) {
      const valid = FAULTS.map((f) => f.name).join(', ');
      throw new Error(
        `unknown fault ${unknown.map((n) => `"${n}"`).join(', ')}; valid faults: ${valid}`,
      );
    }
    this.active = new Set(list);
  }

  has(name: FaultName): boolean {
    return this.active.has(name);
  }

  /** The active fault names, in table order. */
  names(): FaultName[] {
    return FAULTS.map((f) => f.name).filter((n) => this.active.has(n));
  }
}
