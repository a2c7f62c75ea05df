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
    name: 'delete-unknown-200',
    description: 'DELETE of an unknown Phonebank id answers success; GET answers 404 as it should',
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
    name: 'wrong-total-pages',
    description: 'collection pages report total_pages one less than the pages next leads through',
  },
  {
    name: 'page-as-string',
    description:
      'collection pages give their page number as a string ("1"), breaking the collection schema',
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
  {
    name: 'token-unchecked-on-writes',
    description: 'POST, PUT and DELETE are served with a wrong OSDI-API-Token; only reads check it',
  },
  {
    name: 'token-unchecked-on-items',
    description:
      'a Phonebank is served to a request with a wrong OSDI-API-Token; only the collection checks it',
  },
  {
    name: 'aep-invalid',
    description: 'the API Entry Point gives max_pagesize as a string ("25"), breaking its schema',
  },
  {
    name: 'aep-no-collection-link',
    description: 'the API Entry Point has no osdi:phonebanks link',
  },
  {
    name: 'aep-no-curies',
    description: 'the API Entry Point has no curies for its osdi: relations',
  },
  {
    name: 'per-page-ignored',
    description: 'the per_page query parameter is ignored: pages always hold the maximum page size',
  },
  {
    name: 'previous-wrong',
    description: 'the previous link of a page points to the page itself',
  },
  {
    name: 'no-embedding',
    description: 'collection pages link their Phonebanks but do not embed them',
  },
  {
    name: 'self-link-elsewhere',
    description:
      'GET of a Phonebank answers with a self link to the collection, not to the Phonebank',
  },
  {
    name: 'post-swaps-hours',
    description: 'POST stores daily_start_hour and daily_stop_hour swapped',
  },
  {
    name: 'post-drops-identifiers',
    description: "POST keeps only the server's own identifier, dropping the client's",
  },
  {
    name: 'created-date-future',
    description: 'POST sets created_date a year in the future, after modified_date',
  },
  {
    name: 'read-lags',
    description: 'GET of a Phonebank created in the last minute answers 404 (a lagging replica)',
  },
  {
    name: 'collection-lags',
    description:
      'the collection leaves out Phonebanks created in the last minute (a lagging index)',
  },
  {
    name: 'put-no-content',
    description: 'PUT answers 204 with no body instead of 200 with the updated Phonebank',
  },
  {
    name: 'put-changes-other',
    description: 'a PUT of one Phonebank applies the same change to the oldest other Phonebank',
  },
  {
    name: 'put-sets-created-date',
    description: 'PUT takes created_date from the request, changing a read-only field',
  },
  {
    name: 'put-rewinds-modified-date',
    description: 'PUT sets modified_date a day before its previous value',
  },
  {
    name: 'put-answers-old',
    description: 'PUT keeps the change but answers the Phonebank as it was before the PUT',
  },
  {
    name: 'put-takes-modified-date',
    description: 'PUT takes modified_date from the request, changing a read-only field',
  },
  {
    name: 'get-drops-identifiers',
    description: "GET of a Phonebank leaves out the client's identifiers; the POST answer has them",
  },
  {
    name: 'first-page-no-next',
    description: 'page 1 of the collection has no next link, whatever the pages after it',
  },
  {
    name: 'put-not-kept',
    description: 'PUT answers the updated Phonebank but keeps nothing: a GET shows the old values',
  },
  {
    name: 'put-keeps-modified-date',
    description: 'PUT changes the Phonebank but leaves modified_date at its previous value',
  },
  {
    name: 'delete-fails',
    description: 'DELETE answers 500 and keeps the Phonebank',
  },
  {
    name: 'no-token-500',
    description:
      'with a token configured, a request without OSDI-API-Token answers 500 instead of 401',
  },
  {
    name: 'text-plain',
    description: 'every JSON response is labelled Content-Type: text/plain',
  },
  {
    name: 'empty-404',
    description: '404 responses carry no body',
  },
  {
    name: 'broken-taggings-link',
    description: "a Phonebank's osdi:taggings link leads to a path that answers 404",
  },
  {
    name: 'person-name-number',
    description:
      'the People a Phonebank links to (creator, modified_by) have a number as given_name',
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
