import type { Requirement } from './types.js';

/**
 * Every requirement the suites check, in report order. Levels follow the spec's own words:
 * field and link tables and "shall" are MUST, "should" is SHOULD, "may" is MAY. Each sentence
 * is quoted from the page named in `source` (test/catalogue.test.ts checks that it is there).
 */
export const REQUIREMENTS: readonly Requirement[] = [
  // Discovery (aep.md; general.md, API Entry Point and Linking, Curies)
  {
    id: 'PB-DISC-01',
    level: 'MUST',
    title: 'The API Entry Point answers 200 with an AEP document',
    source: { file: 'aep.md', section: 'Scenario: Retrieving the API Entry Point resource (GET)' },
    sentence: 'Calling the AEP URL will return the API Entry Point resource with links to the rest of the API system.',
    scenario: 'discovery',
    writes: false,
  },
  {
    id: 'PB-DISC-02',
    level: 'MUST',
    title: 'The API Entry Point links the Phonebank collection as osdi:phonebanks',
    source: { file: 'phone_bank.md', section: 'Endpoints and URL structures' },
    sentence:
      'The link relation label for an Phonebank resource is osdi:phonebank for a single Phonebank resource or osdi:phonebanks for a collection of Phonebank resources.',
    scenario: 'discovery',
    writes: false,
  },
  {
    id: 'PB-DISC-03',
    level: 'MUST',
    title: 'Every curie-prefixed relation of the AEP has a templated curie holding {rel}',
    source: { file: 'general.md', section: 'Curies' },
    sentence: 'You will find documentation on the particular relationship by using the templated curie link.',
    scenario: 'discovery',
    writes: false,
  },

  // Collection GET (general.md, Collections and Navigation; phone_bank.md)
  {
    id: 'PB-COL-01',
    level: 'MUST',
    title: 'Every collection page answers 200 and its envelope validates against the collection schema',
    source: { file: 'general.md', section: 'Collections and Navigation' },
    sentence: 'When retrieving collections, the response representation will include some common attributes.',
    scenario: 'collection',
    writes: false,
  },
  {
    id: 'PB-COL-02',
    level: 'MUST',
    title: 'Every embedded Phonebank validates against the Phonebank schema',
    source: { file: 'phone_bank.md', section: 'Phonebank Fields' },
    sentence: 'The field names for this resource, with standard names, punctuation and capitalization, and values where appropriate.',
    scenario: 'collection',
    writes: false,
  },
  {
    id: 'PB-COL-03',
    level: 'MUST',
    title: "The osdi:phonebanks links of a page match its embedded Phonebanks' self links",
    source: { file: 'general.md', section: 'REST + HAL' },
    sentence:
      'Embedding is optional for associated resources or collections. However, any resources or collections that are embedded must also be accessible by link.',
    scenario: 'collection',
    writes: false,
  },
  {
    id: 'PB-COL-04',
    level: 'MUST',
    title: 'Following next visits every record exactly once and ends',
    source: { file: 'general.md', section: 'Collections and Navigation' },
    sentence: 'next | The link for the next page of results.',
    scenario: 'collection',
    writes: false,
  },
  {
    id: 'PB-COL-05',
    level: 'MUST',
    title: 'total_records equals the number of records the walk visited',
    source: { file: 'general.md', section: 'Collections and Navigation' },
    sentence: 'total_records | integer | The total number of resources matching this collection.',
    scenario: 'collection',
    writes: false,
  },
  {
    id: 'PB-COL-06',
    level: 'MUST',
    title: "per_page is honoured up to the server's maximum",
    source: { file: 'general.md', section: 'Collections and Navigation' },
    sentence: '?per_page specifies how many results to return per page.',
    scenario: 'collection',
    writes: false,
  },
  {
    id: 'PB-COL-07',
    level: 'MUST',
    title: 'page=2 answers the second page, not the first',
    source: { file: 'general.md', section: 'Collections and Navigation' },
    sentence: '?page specifies the starting page to start with.',
    scenario: 'collection',
    writes: false,
  },
  {
    id: 'PB-COL-08',
    level: 'MUST',
    title: 'previous and next links are consistent with each other',
    source: { file: 'general.md', section: 'Collections and Navigation' },
    sentence: 'previous | The link for the previous page of results.',
    scenario: 'collection',
    writes: false,
  },
  {
    id: 'PB-COL-09',
    level: 'SHOULD',
    title: 'A collection page embeds its Phonebanks',
    source: { file: 'general.md', section: 'REST + HAL' },
    sentence:
      'By default, server responses should expand first level instances unless otherwise specified. For example, in a response for a collection of resources, those resources should be embedded.',
    scenario: 'collection',
    writes: false,
  },

  // Single GET (phone_bank.md, Scenario: Retrieving an individual Phonebank resource)
  {
    id: 'PB-GET-01',
    level: 'MUST',
    title: 'GET of a Phonebank answers 200 with a body that validates against the Phonebank schema',
    source: { file: 'phone_bank.md', section: 'Scenario: Retrieving an individual Phone bank resource (GET)' },
    sentence: 'Calling an individual Phonebank resource will return the resource directly.',
    scenario: 'single',
    writes: false,
  },
  {
    id: 'PB-GET-02',
    level: 'MUST',
    title: "A Phonebank's self link is the URL it was fetched from",
    source: { file: 'phone_bank.md', section: 'Links' },
    sentence: 'self | Phonebank* | A self-referential link to the phone bank.',
    scenario: 'single',
    writes: false,
  },
  {
    id: 'PB-GET-03',
    level: 'MUST',
    title: 'GET of an unknown Phonebank answers 404',
    source: { file: 'errors.md', section: 'Response Codes for Atomic Requests' },
    sentence: 'Read single resource or subresource of single resource | GET https://osdi-sample-system.org/api/v1/questions/d91b4b2e-ae0e-4cd3-9ed7-d0ec501b0baa | Resource not found | 404',
    scenario: 'single',
    writes: false,
  },

  // POST (phone_bank.md, Scenario: Creating a new Phonebank resource)
  {
    id: 'PB-POST-01',
    level: 'MUST',
    title: 'POST to the collection answers 200 or 201 with the created Phonebank',
    source: { file: 'phone_bank.md', section: 'Scenario: Creating a new Phonebank resource (POST)' },
    sentence: 'The response is the new Phonebank resource that was created.',
    scenario: 'post',
    writes: true,
  },
  {
    id: 'PB-POST-02',
    level: 'MUST',
    title: 'Every field the server supports round-trips exactly',
    source: { file: 'phone_bank.md', section: 'Scenario: Creating a new Phonebank resource (POST)' },
    sentence: 'Posting to the effort collection endpoint will allow you to create a new Phonebank.',
    scenario: 'post',
    writes: true,
  },
  {
    id: 'PB-POST-03',
    level: 'MUST',
    title: "The client's identifiers are kept",
    source: { file: 'includes/global_fields.md', section: 'Common Fields' },
    sentence: 'identifiers | strings[] | A unique string array of identifiers in the format [system name]:[id].',
    scenario: 'post',
    writes: true,
  },
  {
    id: 'PB-POST-04',
    level: 'MUST',
    title: 'created_date and modified_date are set sanely on creation',
    source: { file: 'includes/global_fields.md', section: 'Common Fields' },
    sentence: 'created_date | datetime | A read-only property representing the date and time the resource was created on the local system.',
    scenario: 'post',
    writes: true,
  },
  {
    id: 'PB-POST-05',
    level: 'MUST',
    title: 'The created Phonebank is reachable by its self link',
    source: { file: 'phone_bank.md', section: 'Links' },
    sentence: 'self | Phonebank* | A self-referential link to the phone bank.',
    scenario: 'post',
    writes: true,
  },
  {
    id: 'PB-POST-06',
    level: 'MUST',
    title: 'The created Phonebank appears in the collection',
    source: { file: 'phone_bank.md', section: 'Scenario: Retrieving a collection of Phonebank resources (GET)' },
    sentence: "For example, calling the phone banks endpoint will return a collection of all the phone banks in the system's database associated with your api key.",
    scenario: 'post',
    writes: true,
  },

  // PUT (phone_bank.md, Scenario: Modifying a Phonebank resource)
  {
    id: 'PB-PUT-01',
    level: 'MUST',
    title: 'PUT answers 200 with the updated Phonebank',
    source: { file: 'errors.md', section: 'Response Codes for Atomic Requests' },
    sentence: 'Resource in request is valid and was updated | 200 | Representation of updated resource',
    scenario: 'put',
    writes: true,
  },
  {
    id: 'PB-PUT-02',
    level: 'MUST',
    title: 'PUT leaves omitted fields unchanged',
    source: { file: 'phone_bank.md', section: 'Scenario: Modifying a Phonebank resource (PUT)' },
    sentence: 'Missing fields will be ignored by the receiving system.',
    scenario: 'put',
    writes: true,
  },
  {
    id: 'PB-PUT-03',
    level: 'MUST',
    title: 'PUT with null clears a field',
    source: { file: 'phone_bank.md', section: 'Scenario: Modifying a Phonebank resource (PUT)' },
    sentence: 'You may set an attribute to nil by including the attribute using nil for value.',
    scenario: 'put',
    writes: true,
  },
  {
    id: 'PB-PUT-04',
    level: 'MUST',
    title: 'PUT does not change read-only fields',
    source: { file: 'includes/global_fields.md', section: 'Common Fields' },
    sentence: 'created_date | datetime | A read-only property representing the date and time the resource was created on the local system.',
    scenario: 'put',
    writes: true,
  },
  {
    id: 'PB-PUT-05',
    level: 'MUST',
    title: 'modified_date moves forward on a PUT, never back',
    source: { file: 'includes/global_fields.md', section: 'Common Fields' },
    sentence: 'modified_date | datetime | A read-only property representing the date and time the resource was last modified on the local system.',
    scenario: 'put',
    writes: true,
  },
  {
    id: 'PB-PUT-06',
    level: 'MUST',
    title: 'A PUT changes the fields it sends, and the change is kept',
    source: { file: 'phone_bank.md', section: 'Scenario: Modifying a Phonebank resource (PUT)' },
    sentence: "You can update a phonebank resource by calling a PUT operation on that phone bank's endpoint.",
    scenario: 'put',
    writes: true,
  },

  {
    id: 'PB-PUT-07',
    level: 'MUST',
    title: 'A PUT changes only the Phonebank it is sent to',
    source: { file: 'phone_bank.md', section: 'Scenario: Modifying a Phonebank resource (PUT)' },
    sentence: "You can update a phonebank resource by calling a PUT operation on that phone bank's endpoint.",
    scenario: 'put',
    writes: true,
  },

  // DELETE (phone_bank.md, Scenario: Deleting a Phonebank Resource; errors.md)
  {
    id: 'PB-DEL-01',
    level: 'MUST',
    title: 'DELETE answers 200 or 204',
    source: { file: 'phone_bank.md', section: 'Scenario: Deleting a Phonebank Resource (DELETE)' },
    sentence: "You may delete an effort by calling the DELETE command on the Phonebank's endpoint.",
    scenario: 'delete',
    writes: true,
  },
  {
    id: 'PB-DEL-02',
    level: 'MUST',
    title: 'After DELETE, GET of the Phonebank answers 404',
    source: { file: 'errors.md', section: 'Response Codes for Atomic Requests' },
    sentence: 'Resource not found | 404',
    scenario: 'delete',
    writes: true,
  },
  {
    id: 'PB-DEL-03',
    level: 'MUST',
    title: 'After DELETE, the collection no longer lists the Phonebank',
    source: { file: 'phone_bank.md', section: 'Scenario: Retrieving a collection of Phonebank resources (GET)' },
    sentence: "For example, calling the phone banks endpoint will return a collection of all the phone banks in the system's database associated with your api key.",
    scenario: 'delete',
    writes: true,
  },
  {
    id: 'PB-DEL-04',
    level: 'MUST',
    title: 'DELETE of an unknown Phonebank answers 404',
    source: { file: 'errors.md', section: 'Response Codes for Atomic Requests' },
    sentence: 'Delete single resource | DELETE https://osdi-sample-system.org/api/v1/questions/d91b4b2e-ae0e-4cd3-9ed7-d0ec501b0baa | Resource not found | 404',
    scenario: 'delete',
    writes: true,
  },

  // Authentication (general.md, Authentication; errors.md)
  {
    id: 'PB-AUTH-01',
    level: 'MUST',
    title: 'A request with a wrong token answers 401 or 403',
    source: { file: 'errors.md', section: 'Response Codes for Atomic Requests' },
    sentence: 'API key not valid | 401',
    scenario: 'auth',
    writes: false,
  },
  {
    id: 'PB-AUTH-02',
    level: 'MUST',
    title: 'A request without a token is refused with 401 or 403, or served anonymously',
    source: { file: 'general.md', section: 'Authentication' },
    sentence:
      'Not all interactions with the API will require authentication, and some behaviors might differ based on whether your request includes authentication or not.',
    scenario: 'auth',
    writes: false,
  },

  // Every response (general.md, Mime Types, Error Handling)
  {
    id: 'PB-RESP-01',
    level: 'SHOULD',
    title: 'Every response with a body has a JSON content type',
    source: { file: 'general.md', section: 'Mime Types' },
    sentence: 'When sending requests or responses, the preferred mime type is application/json.',
    scenario: 'responses',
    writes: false,
  },
  {
    id: 'PB-RESP-02',
    level: 'MUST',
    title: 'An error response carries a descriptive body',
    source: { file: 'general.md', section: 'Error Handling' },
    sentence: 'Within the response body, the server shall include descriptive information on the nature of the failure.',
    scenario: 'responses',
    writes: false,
  },

  // Links of a Phonebank (phone_bank.md, Links; includes/endpoints_and_url_structures.md)
  {
    id: 'PB-LINK-01',
    level: 'MUST',
    title: 'Every link of a Phonebank resolves',
    source: { file: 'includes/endpoints_and_url_structures.md', section: 'Endpoints and URL structures' },
    sentence:
      'Rather, because OSDI is a HAL+JSON API, endpoints and structures are defined in the links section of each returned resource, starting with the API Entry Point link.',
    scenario: 'links',
    writes: false,
  },
  {
    id: 'PB-LINK-02',
    level: 'SHOULD',
    title: 'A linked resource validates against its schema where one exists',
    source: { file: 'phone_bank.md', section: 'Links' },
    sentence: 'The links associated with this resource, available in the links section of the resource.',
    scenario: 'links',
    writes: false,
  },
];

const BY_ID = new Map(REQUIREMENTS.map((r) => [r.id, r]));

/** The catalogue entry for `id`; throws for an id the catalogue does not hold. */
export function requirementById(id: string): Requirement {
  const requirement = BY_ID.get(id);
  if (!requirement) throw new Error(`osdi-conformance: no requirement ${id} in the catalogue`);
  return requirement;
}
