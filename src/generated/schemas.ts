/* Generated from schemas/*.schema.json by `npm run generate` (scripts/generate-types.mjs). Do not edit. */

/**
 * The curies that define the namespaces of this document's relations (general.md, Curies).
 */
export type Curies = Curie[];
/**
 * A relation's value in _links: one link object, or an array of them.
 */
export type HalLinkOrLinks = HalLink[];
/**
 * The body of an error or notice response: an osdi:error object, an array of error descriptions, or a notice such as the one a DELETE returns (errors.md; phone_bank.md, Scenario: Deleting a Phonebank Resource).
 */
export type OsdiErrorBody = OsdiErrorDocument | ErrorDescriptions | OsdiNotice;
/**
 * The errors that caused a request to fail.
 */
export type ErrorDescriptions = ErrorDescription[];
/**
 * A unique array of identifiers, each in the form [system name]:[id] (includes/global_fields.md, Common Fields: identifiers); null means none.
 */
export type Identifiers = string[] | null;
/**
 * The pronouns the person wants used for them (people.md, Gender Pronouns).
 */
export type GenderPronouns = {
  /**
   * The subject (nominative) pronoun: "She", "He", "They", or another value (flexenum).
   */
  subject?: "She" | "He" | "They" | (string & {}) | null;
  /**
   * The object (oblique) pronoun: "Her", "Him", "Them", or another value (flexenum).
   */
  object?: "Her" | "Him" | "Them" | (string & {}) | null;
  /**
   * The possessive pronoun (the spec spells the field posessive): "Hers", "His", "Theirs", or another value (flexenum).
   */
  posessive?: "Hers" | "His" | "Theirs" | (string & {}) | null;
  [k: string]: unknown;
} | null;
/**
 * The person's date of birth, in parts (people.md, Birthdate).
 */
export type Birthdate = {
  /**
   * The month of birth, as an integer.
   */
  month?: number | null;
  /**
   * The day of the month of birth, as an integer.
   */
  day?: number | null;
  /**
   * The year of birth, as a four-digit integer.
   */
  year?: number | null;
  [k: string]: unknown;
} | null;
/**
 * The postal address of the person's employer (people.md, Employer Address).
 */
export type EmployerAddress = {
  /**
   * The name of the venue at the address, such as a building.
   */
  venue?: string | null;
  /**
   * The street address, one string per line.
   */
  address_lines?: string[] | null;
  /**
   * The city or other local administrative area.
   */
  locality?: string | null;
  /**
   * The state or subdivision, as the last two characters of its ISO 3166-2 code.
   */
  region?: string | null;
  /**
   * The postal code of the region, such as a zip code.
   */
  postal_code?: string | null;
  /**
   * The country, as an ISO 3166-1 alpha-2 code.
   */
  country?: string | null;
  /**
   * The ISO 639 code of the language the address is written in.
   */
  language?: string | null;
  location?: GeocodedLocation;
  /**
   * How far the address can be trusted: one of "Potential", "Verified" or "Bad" (enum).
   */
  status?: "Potential" | "Verified" | "Bad" | null;
  [k: string]: unknown;
} | null;
/**
 * Where the address lies, as geocoded.
 */
export type GeocodedLocation = {
  /**
   * The latitude of the address, a positive or negative number.
   */
  latitude?: number | null;
  /**
   * The longitude of the address, a positive or negative number.
   */
  longitude?: number | null;
  /**
   * How exact the geocode is: one of "Rooftop" or "Approximate" (enum).
   */
  accuracy?: "Rooftop" | "Approximate" | null;
  [k: string]: unknown;
} | null;
/**
 * Key/value pairs that a user, rather than a service or vendor, attached to the person; each value is a string (people.md, Custom Fields). Servers may prefix the keys by their own documented conventions.
 */
export type CustomFields = {
  /**
   * The value of one custom field.
   */
  [k: string]: string | null;
} | null;

/**
 * Every top-level schema of osdi-conformance; generated, do not edit.
 */
export interface OsdiSchemas {
  aep?: ApiEntryPoint;
  error?: OsdiErrorBody;
  "linked-collection"?: LinkedCollection;
  list?: List;
  person?: Person;
  "phonebank-collection"?: PhonebankCollection;
  "phonebank-create"?: PhonebankCreate;
  "phonebank-result"?: PhonebankResult;
  "phonebank-update"?: PhonebankUpdate;
  phonebank?: Phonebank;
  script?: Script;
  tagging?: Tagging;
  findings?: ExampleFindingsReport;
  report?: ConformanceReport;
}
/**
 * The OSDI API Entry Point: the directory of the collections a server offers (aep.md, AEP Fields and Links).
 */
export interface ApiEntryPoint {
  /**
   * The system's message of the day.
   */
  motd?: string;
  /**
   * The most records the server returns in one page.
   */
  max_pagesize?: number;
  /**
   * The name of the vendor.
   */
  vendor_name?: string;
  /**
   * The name of the product.
   */
  product_name?: string;
  /**
   * The OSDI version the server implements.
   */
  osdi_version?: string;
  /**
   * The prefix the server uses for its curies, identifiers and similar places.
   */
  namespace?: string;
  _links?: ApiEntryPointLinks;
  [k: string]: unknown;
}
/**
 * Links to the collections and helpers of the server; often with titles.
 */
export interface ApiEntryPointLinks {
  self?: HalLink;
  curies?: Curies;
  "osdi:phonebanks"?: HalLink;
  "osdi:people"?: HalLink;
  "osdi:petitions"?: HalLink;
  "osdi:events"?: HalLink;
  "osdi:forms"?: HalLink;
  "osdi:fundraising_pages"?: HalLink;
  "osdi:donations"?: HalLink;
  "osdi:tags"?: HalLink;
  "osdi:lists"?: HalLink;
  "osdi:queries"?: HalLink;
  "osdi:questions"?: HalLink;
  "osdi:metadata"?: HalLink;
  "osdi:share_pages"?: HalLink;
  "osdi:docs"?: HalLink;
  "osdi:person_signup_helper"?: HalLink;
  [k: string]:
    | HalLinkOrLinks
    | HalLink
    | Curies
    | HalLink
    | undefined;
}
/**
 * A link to the API Entry Point itself.
 */
export interface HalLink {
  /**
   * The URL of the linked resource, absolute or relative to the document it appears in; a URI template (RFC 6570) when templated is true.
   */
  href: string;
  /**
   * True when href is a URI template to be expanded before use.
   */
  templated?: boolean;
  /**
   * A human-readable label for the link.
   */
  title?: string;
  /**
   * A secondary key that tells links of the same relation apart.
   */
  name?: string;
  [k: string]: unknown;
}
/**
 * A curie: a namespace name and a templated documentation URL holding {rel} (general.md, Curies).
 */
export interface Curie {
  /**
   * The namespace prefix that relations use, such as osdi.
   */
  name: string;
  /**
   * The documentation URL template; {rel} stands for the relation name.
   */
  href: string;
  /**
   * Curie hrefs are URI templates, so when present this is true (general.md, Curies: "the templated curie link").
   */
  templated?: true;
  [k: string]: unknown;
}
/**
 * A document whose osdi:error member describes the failure (errors.md, Scenarios).
 */
export interface OsdiErrorDocument {
  "osdi:error": OsdiError;
  [k: string]: unknown;
}
/**
 * An OSDI Error resource (errors.md, Error Fields).
 */
export interface OsdiError {
  /**
   * Whether the request was atomic or not: "atomic" or "non-atomic".
   */
  request_type?: "atomic" | "non-atomic";
  /**
   * The outcome of the request as a whole, as an HTTP status code.
   */
  response_code?: number;
  /**
   * The outcome for each resource the request touched.
   */
  resource_status?: ResourceStatus[];
  [k: string]: unknown;
}
/**
 * The outcome for one resource of a request (errors.md, Resource Status).
 */
export interface ResourceStatus {
  /**
   * The OSDI resource involved, such as "osdi:person".
   */
  resource?: string;
  /**
   * The outcome for this resource, as an HTTP status code.
   */
  response_code?: number;
  error_descriptions?: ErrorDescriptions;
  [k: string]: unknown;
}
/**
 * One error (errors.md, Error Description).
 */
export interface ErrorDescription {
  /**
   * A machine-readable reason, such as START_DATE_AFTER_END_DATE.
   */
  error_code?: string;
  /**
   * A human-readable reason.
   */
  description?: string;
  /**
   * The properties of the resource that caused the error.
   */
  properties?: string[];
  /**
   * How to resolve the error.
   */
  hint?: string;
  /**
   * A reference to an internal error report.
   */
  reference_code?: string;
  [k: string]: unknown;
}
/**
 * A notice that an operation succeeded, as a DELETE returns it.
 */
export interface OsdiNotice {
  /**
   * What happened, for a person to read.
   */
  notice: string;
  [k: string]: unknown;
}
/**
 * One page of a collection that a resource links to, such as the Taggings or the Phonebank results of a Phonebank (general.md, Collections and Navigation; the Type[]* convention of Notational Conventions). Only the HAL envelope is checked here; each embedded item is checked against the schema of its type. An empty collection may be {} (errors.md, Response Codes for Atomic Requests).
 */
export interface LinkedCollection {
  /**
   * How many pages the collection has at this page size.
   */
  total_pages?: number;
  /**
   * How many records a page holds.
   */
  per_page?: number;
  /**
   * The number of this page, counting from 1.
   */
  page?: number;
  /**
   * How many resources the whole collection holds.
   */
  total_records?: number;
  _links?: LinkedCollectionLinks;
  _embedded?: LinkedCollectionEmbedded;
  [k: string]: unknown;
}
/**
 * The links of a collection page: itself, the pages around it, and any other relation, such as one link per item of the page under the collection's label.
 */
export interface LinkedCollectionLinks {
  self?: HalLink;
  next?: HalLink;
  previous?: HalLink;
  curies?: Curies;
  [k: string]: HalLinkOrLinks | HalLink | Curies | undefined;
}
/**
 * The resources of this page, embedded under the collection's relation label, such as osdi:taggings (general.md: in a response for a collection, those resources should be embedded).
 */
export interface LinkedCollectionEmbedded {
  /**
   * The resources of this page under one relation.
   *
   * Items: One resource of the page; its own schema checks its fields.
   */
  [k: string]: {
    [k: string]: unknown;
  }[];
}
/**
 * An OSDI List: a saved, static collection of resources, each held once, whose members are its Items (lists.md, Fields and Links). No field is required; vendors may add fields and curie-prefixed links. null stands for no value (general.md, Deleting the full contents of an Object).
 */
export interface List {
  identifiers?: Identifiers;
  /**
   * Read-only: when the resource was created on the local system (includes/global_fields.md, Common Fields: created_date).
   */
  created_date?: string | null;
  /**
   * Read-only: when the resource was last modified on the local system (includes/global_fields.md, Common Fields: modified_date).
   */
  modified_date?: string | null;
  /**
   * A human-readable name of the system where this List was created.
   */
  origin_system?: string | null;
  /**
   * The administrative name of the List; may also be shown to users.
   */
  name?: string | null;
  /**
   * The public title of the List.
   */
  title?: string | null;
  /**
   * A description of the List, usually shown publicly; text or HTML.
   */
  description?: string | null;
  /**
   * A single plain-text paragraph that summarises the List for listing pages.
   */
  summary?: string | null;
  /**
   * A URL of the List's public page on the web.
   */
  browser_url?: string | null;
  /**
   * A URL of the List's administrative page on the web.
   */
  administrative_url?: string | null;
  /**
   * Read-only, computed: how many items the List holds now.
   */
  total_items?: number | null;
  _links?: ListLinks;
  /**
   * Linked resources that the server chose to embed (includes/links_intro.md).
   */
  _embedded?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
/**
 * The links of a List (lists.md, Links). Relations other than these, such as a vendor's own, are allowed.
 */
export interface ListLinks {
  self?: HalLink;
  curies?: Curies;
  "osdi:creator"?: HalLink;
  "osdi:modified_by"?: HalLink;
  "osdi:taggings"?: HalLink;
  "osdi:items"?: HalLink;
  [k: string]: HalLinkOrLinks | HalLink | Curies | HalLink | undefined;
}
/**
 * An OSDI Person: someone stored in the system, with names, contact details and links to what they have done (people.md, Fields, Related Objects and Links). No field is required; vendors may add fields and curie-prefixed links. null stands for no value (general.md, Deleting the full contents of an Object).
 */
export interface Person {
  identifiers?: Identifiers;
  /**
   * Read-only: when the resource was created on the local system (includes/global_fields.md, Common Fields: created_date).
   */
  created_date?: string | null;
  /**
   * Read-only: when the resource was last modified on the local system (includes/global_fields.md, Common Fields: modified_date).
   */
  modified_date?: string | null;
  /**
   * The last name of the person.
   */
  family_name?: string | null;
  /**
   * The first name of the person.
   */
  given_name?: string | null;
  /**
   * A further name that is neither the given nor the family name, typically a middle name.
   */
  additional_name?: string | null;
  /**
   * A title written before the name, such as "Dr" or "Mx".
   */
  honorific_prefix?: string | null;
  /**
   * A title written after the name, such as "Jr." or "Ph.D".
   */
  honorific_suffix?: string | null;
  /**
   * The binary gender the person identifies with most closely, or "Other" for neither: one of "Female", "Male" or "Other" (enum).
   */
  gender?: "Female" | "Male" | "Other" | null;
  /**
   * The gender the person describes themselves as, free-form but written in standard forms where possible ("Female", not "F").
   */
  gender_identity?: string | null;
  /**
   * Further gender identities of the person.
   */
  additional_gender_identities?: string[] | null;
  gender_pronouns?: GenderPronouns;
  /**
   * The political party the person identifies with: "None", "Democratic", "Republican", "Independent", or another value (flexenum).
   */
  party_identification?: "None" | "Democratic" | "Republican" | "Independent" | (string & {}) | null;
  /**
   * Every party registration of the person, past and present (people.md, Parties).
   */
  parties?: Party[] | null;
  /**
   * Where this person's record came from, such as "facebook-ad-october".
   */
  source?: string | null;
  /**
   * The person's ethnicities, each listed once.
   */
  ethnicities?: string[] | null;
  /**
   * The languages the person speaks, each an RFC 5646 tag such as "en-US", each listed once.
   */
  languages_spoken?: string[] | null;
  /**
   * The RFC 5646 tag of the language the person prefers.
   */
  preferred_language?: string | null;
  /**
   * A URL of the person's public page on the web, such as a profile.
   */
  browser_url?: string | null;
  /**
   * A URL of the page on the web where the person's record is managed.
   */
  administrative_url?: string | null;
  birthdate?: Birthdate;
  /**
   * The name of the organisation the person works for.
   */
  employer?: string | null;
  /**
   * The person's job title, such as "Field Director".
   */
  work_title?: string | null;
  /**
   * The department the person works in, such as "Engineering".
   */
  work_department?: string | null;
  employer_address?: EmployerAddress;
  /**
   * The person's postal addresses. Their members are defined in an include (addresses.md) that the project's copy of the spec lacks, so each is only required to be an object (docs/spec-decisions.md, D43).
   */
  postal_addresses?: PostalAddress[] | null;
  /**
   * The person's email addresses. Their members are defined in an include (addresses.md) that the project's copy of the spec lacks, so each is only required to be an object (docs/spec-decisions.md, D43).
   */
  email_addresses?: EmailAddress[] | null;
  /**
   * The person's phone numbers. Their members are defined in an include (addresses.md) that the project's copy of the spec lacks, so each is only required to be an object (docs/spec-decisions.md, D43).
   */
  phone_numbers?: PhoneNumber[] | null;
  /**
   * The person's profiles on online services (people.md, Profiles).
   */
  profiles?: Profile[] | null;
  custom_fields?: CustomFields;
  _links?: PersonLinks;
  /**
   * Linked resources that the server chose to embed (includes/links_intro.md).
   */
  _embedded?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
/**
 * One party registration of the person.
 */
export interface Party {
  /**
   * The party of this registration: "None", "Democratic", "Republican", "Independent", or another value (flexenum).
   */
  identification?: "None" | "Democratic" | "Republican" | "Independent" | (string & {}) | null;
  /**
   * When this registration was last verified: an RFC 3339 date-time (docs/spec-decisions.md, D3).
   */
  last_verified_date?: string | null;
  /**
   * True while this registration is in force for the person.
   */
  active?: boolean | null;
  [k: string]: unknown;
}
/**
 * One postal address of the person.
 */
export interface PostalAddress {
  [k: string]: unknown;
}
/**
 * One email address of the person.
 */
export interface EmailAddress {
  [k: string]: unknown;
}
/**
 * One phone number of the person.
 */
export interface PhoneNumber {
  [k: string]: unknown;
}
/**
 * One profile of the person on an online service.
 */
export interface Profile {
  /**
   * The name of the service that holds the profile, such as "Facebook".
   */
  provider?: string | null;
  /**
   * The identifier the service gives the profile.
   */
  id?: string | null;
  /**
   * The URL where the profile can be viewed on the web.
   */
  url?: string | null;
  /**
   * The handle of the profile, without a leading "@" for Twitter.
   */
  handle?: string | null;
  [k: string]: unknown;
}
/**
 * The links of a Person (people.md, Links). Relations other than these, such as a vendor's own, are allowed.
 */
export interface PersonLinks {
  self?: HalLink;
  curies?: Curies;
  "osdi:donations"?: HalLink;
  "osdi:submissions"?: HalLink;
  "osdi:attendances"?: HalLink;
  "osdi:signatures"?: HalLink;
  "osdi:outreaches"?: HalLink;
  "osdi:answers"?: HalLink;
  "osdi:taggings"?: HalLink;
  "osdi:items"?: HalLink;
  "osdi:modified_by"?: HalLink;
  "osdi:record_canvas_helper"?: HalLink;
  [k: string]:
    | HalLinkOrLinks
    | HalLink
    | Curies
    | HalLink
    | undefined;
}
/**
 * One page of the Phonebank collection (general.md, Collections and Navigation; phone_bank.md, Scenario: Retrieving a collection of Phonebank resources). An empty collection may be {} (errors.md, Response Codes for Atomic Requests).
 */
export interface PhonebankCollection {
  /**
   * How many pages the collection has at this page size.
   */
  total_pages?: number;
  /**
   * How many records a page holds.
   */
  per_page?: number;
  /**
   * The number of this page, counting from 1.
   */
  page?: number;
  /**
   * How many resources the whole collection holds.
   */
  total_records?: number;
  _links?: PhonebankCollectionLinks;
  _embedded?: PhonebankCollectionEmbedded;
  [k: string]: unknown;
}
/**
 * The links of a collection page: itself, the pages around it, and the Phonebanks on it.
 */
export interface PhonebankCollectionLinks {
  self?: HalLink;
  next?: HalLink;
  previous?: HalLink;
  curies?: Curies;
  /**
   * A link to each Phonebank on this page (phone_bank.md: the collection relation label is osdi:phonebanks).
   */
  "osdi:phonebanks"?: HalLink[];
  [k: string]: HalLinkOrLinks | HalLink | Curies | HalLink[] | undefined;
}
/**
 * The Phonebanks of this page, embedded (general.md: in a response for a collection, those resources should be embedded).
 */
export interface PhonebankCollectionEmbedded {
  /**
   * The Phonebanks on this page.
   */
  "osdi:phonebanks"?: Phonebank[];
  [k: string]: unknown;
}
/**
 * An OSDI Phonebank: a phone banking effort planned for a period of time (phone_bank.md, Fields and Links). No field is required; vendors may add fields and curie-prefixed links. null stands for no value (general.md, Deleting the full contents of an Object).
 */
export interface Phonebank {
  identifiers?: Identifiers;
  /**
   * Read-only: when the resource was created on the local system (includes/global_fields.md, Common Fields: created_date).
   */
  created_date?: string | null;
  /**
   * Read-only: when the resource was last modified on the local system (includes/global_fields.md, Common Fields: modified_date).
   */
  modified_date?: string | null;
  /**
   * A human-readable name of the system where this Phonebank was created, such as "OSDI System".
   */
  origin_system?: string | null;
  /**
   * The administrative name of the Phonebank; may also be shown to users.
   */
  name?: string | null;
  /**
   * The public title of the Phonebank.
   */
  title?: string | null;
  /**
   * A description of the Phonebank, usually shown publicly; text or HTML.
   */
  description?: string | null;
  /**
   * A single plain-text paragraph that summarises the Phonebank for listing pages.
   */
  summary?: string | null;
  /**
   * When the phone banking effort starts: an RFC 3339 date-time, the ISO 8601 profile JSON uses (docs/spec-decisions.md, D3).
   */
  start_time?: string | null;
  /**
   * When the phone banking effort ends: an RFC 3339 date-time, the ISO 8601 profile JSON uses (docs/spec-decisions.md, D3).
   */
  end_time?: string | null;
  /**
   * The hour of the day, in 24-hour time (0 to 23), at which volunteers should start calling.
   */
  daily_start_hour?: number | null;
  /**
   * The hour of the day, in 24-hour time (0 to 23), at which volunteers should stop calling.
   */
  daily_stop_hour?: number | null;
  /**
   * The phone number shown as the caller id for this Phonebank's calls.
   */
  caller_id?: string | null;
  /**
   * The status of the Phonebank: one of "draft", "paused", "scheduled", "started", "stopped", or another value (flexenum).
   */
  status?: "draft" | "paused" | "scheduled" | "started" | "stopped" | (string & {}) | null;
  /**
   * How this Phonebank dials: "predictive", "power", "manual", or another value (flexenum).
   */
  dialing_mode?: "predictive" | "power" | "manual" | (string & {}) | null;
  /**
   * A URL of the audio file dropped as voicemail.
   */
  voicemail_audio_url?: string | null;
  /**
   * A URL of the Phonebank's administrative page on the web.
   */
  administrative_url?: string | null;
  /**
   * A URL of the Phonebank's public page on the web.
   */
  browser_url?: string | null;
  /**
   * Read-only, computed: how many calls of this Phonebank have been completed so far.
   */
  total_completed?: number | null;
  _links?: PhonebankLinks;
  /**
   * Linked resources that the server chose to embed (includes/links_intro.md).
   */
  _embedded?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
/**
 * The links of a Phonebank (phone_bank.md, Links). Relations other than these, such as a vendor's own, are allowed.
 */
export interface PhonebankLinks {
  self?: HalLink;
  curies?: Curies;
  "osdi:creator"?: HalLink;
  "osdi:modified_by"?: HalLink;
  "osdi:taggings"?: HalLink;
  "osdi:phone_bank_results"?: HalLink;
  "osdi:script"?: HalLink;
  "osdi:target_list"?: HalLink;
  "osdi:advocacy_targets"?: HalLink;
  "osdi:volunteers"?: HalLink;
  "osdi:events"?: HalLink;
  [k: string]:
    | HalLinkOrLinks
    | HalLink
    | Curies
    | HalLink
    | undefined;
}
/**
 * The body of a POST that creates a Phonebank (phone_bank.md, Scenario: Creating a new Phonebank resource). Read-only fields are not part of it; null means no value.
 */
export interface PhonebankCreate {
  identifiers?: Identifiers;
  /**
   * A human-readable name of the system where this Phonebank was created, such as "OSDI System".
   */
  origin_system?: string | null;
  /**
   * The administrative name of the Phonebank; may also be shown to users.
   */
  name?: string | null;
  /**
   * The public title of the Phonebank.
   */
  title?: string | null;
  /**
   * A description of the Phonebank, usually shown publicly; text or HTML.
   */
  description?: string | null;
  /**
   * A single plain-text paragraph that summarises the Phonebank for listing pages.
   */
  summary?: string | null;
  /**
   * When the phone banking effort starts: an RFC 3339 date-time, the ISO 8601 profile JSON uses (docs/spec-decisions.md, D3).
   */
  start_time?: string | null;
  /**
   * When the phone banking effort ends: an RFC 3339 date-time, the ISO 8601 profile JSON uses (docs/spec-decisions.md, D3).
   */
  end_time?: string | null;
  /**
   * The hour of the day, in 24-hour time (0 to 23), at which volunteers should start calling.
   */
  daily_start_hour?: number | null;
  /**
   * The hour of the day, in 24-hour time (0 to 23), at which volunteers should stop calling.
   */
  daily_stop_hour?: number | null;
  /**
   * The phone number shown as the caller id for this Phonebank's calls.
   */
  caller_id?: string | null;
  /**
   * The status of the Phonebank: one of "draft", "paused", "scheduled", "started", "stopped", or another value (flexenum).
   */
  status?: "draft" | "paused" | "scheduled" | "started" | "stopped" | (string & {}) | null;
  /**
   * How this Phonebank dials: "predictive", "power", "manual", or another value (flexenum).
   */
  dialing_mode?: "predictive" | "power" | "manual" | (string & {}) | null;
  /**
   * A URL of the audio file dropped as voicemail.
   */
  voicemail_audio_url?: string | null;
  /**
   * A URL of the Phonebank's administrative page on the web.
   */
  administrative_url?: string | null;
  /**
   * A URL of the Phonebank's public page on the web.
   */
  browser_url?: string | null;
  /**
   * Links to set, such as osdi:script or osdi:target_list.
   */
  _links?: {
    "osdi:creator"?: HalLink;
    "osdi:modified_by"?: HalLink;
    "osdi:taggings"?: HalLink;
    "osdi:phone_bank_results"?: HalLink;
    "osdi:script"?: HalLink;
    "osdi:target_list"?: HalLink;
    "osdi:advocacy_targets"?: HalLink;
    "osdi:volunteers"?: HalLink;
    "osdi:events"?: HalLink;
    [k: string]:
      | HalLinkOrLinks
      | HalLink
      | undefined;
  };
  /**
   * OSDI control headers that change how the server handles this request (includes/control_headers.md).
   */
  "osdi:control"?: {
    /**
     * When false, the server need not return the resource in the response.
     */
    return_response?: boolean;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
/**
 * An OSDI Phonebank result: one attempt, within a Phonebank, by one person to reach another by phone (phone_bank_result.md, Fields and Links). No field is required; vendors may add fields and curie-prefixed links. null stands for no value (general.md, Deleting the full contents of an Object).
 */
export interface PhonebankResult {
  identifiers?: Identifiers;
  /**
   * Read-only: when the resource was created on the local system (includes/global_fields.md, Common Fields: created_date).
   */
  created_date?: string | null;
  /**
   * Read-only: when the resource was last modified on the local system (includes/global_fields.md, Common Fields: modified_date).
   */
  modified_date?: string | null;
  /**
   * A human-readable name of the system where this Phonebank result was created, such as "OSDI System".
   */
  origin_system?: string | null;
  /**
   * When the call was made. The table types it string, not datetime, so any string is taken (docs/spec-decisions.md, D42).
   */
  call_date?: string | null;
  /**
   * The phone number shown as the caller id of this call.
   */
  caller_id?: string | null;
  /**
   * The phone number that was dialled.
   */
  phone_number?: string | null;
  /**
   * How long the call lasted, in whole seconds; 0 for a call that did not connect.
   */
  duration?: number | null;
  /**
   * True when the target was reached, false otherwise.
   */
  success?: boolean | null;
  /**
   * How the call ended: "answer", "busy", "do-not-call", "meaningful interaction", "machine", or another value (flexenum). An empty or absent value means the contact succeeded.
   */
  status_code?: "answer" | "busy" | "do-not-call" | "meaningful interaction" | "machine" | (string & {}) | null;
  _links?: PhonebankResultLinks;
  /**
   * Linked resources that the server chose to embed (includes/links_intro.md).
   */
  _embedded?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
/**
 * The links of a Phonebank result (phone_bank_result.md, Links). Relations other than these, such as a vendor's own, are allowed.
 */
export interface PhonebankResultLinks {
  self?: HalLink;
  curies?: Curies;
  "osdi:caller"?: HalLink;
  "osdi:target"?: HalLink;
  "osdi:answers"?: HalLink;
  "osdi:attendances"?: HalLink;
  "osdi:taggings"?: HalLink;
  "osdi:phonebank"?: HalLink;
  [k: string]:
    | HalLinkOrLinks
    | HalLink
    | Curies
    | HalLink
    | undefined;
}
/**
 * The body of a PUT that modifies a Phonebank (phone_bank.md, Scenario: Modifying a Phonebank resource): only the fields to change; a field set to null is cleared.
 */
export interface PhonebankUpdate {
  identifiers?: Identifiers;
  /**
   * A human-readable name of the system where this Phonebank was created, such as "OSDI System".
   */
  origin_system?: string | null;
  /**
   * The administrative name of the Phonebank; may also be shown to users.
   */
  name?: string | null;
  /**
   * The public title of the Phonebank.
   */
  title?: string | null;
  /**
   * A description of the Phonebank, usually shown publicly; text or HTML.
   */
  description?: string | null;
  /**
   * A single plain-text paragraph that summarises the Phonebank for listing pages.
   */
  summary?: string | null;
  /**
   * When the phone banking effort starts: an RFC 3339 date-time, the ISO 8601 profile JSON uses (docs/spec-decisions.md, D3).
   */
  start_time?: string | null;
  /**
   * When the phone banking effort ends: an RFC 3339 date-time, the ISO 8601 profile JSON uses (docs/spec-decisions.md, D3).
   */
  end_time?: string | null;
  /**
   * The hour of the day, in 24-hour time (0 to 23), at which volunteers should start calling.
   */
  daily_start_hour?: number | null;
  /**
   * The hour of the day, in 24-hour time (0 to 23), at which volunteers should stop calling.
   */
  daily_stop_hour?: number | null;
  /**
   * The phone number shown as the caller id for this Phonebank's calls.
   */
  caller_id?: string | null;
  /**
   * The status of the Phonebank: one of "draft", "paused", "scheduled", "started", "stopped", or another value (flexenum).
   */
  status?: "draft" | "paused" | "scheduled" | "started" | "stopped" | (string & {}) | null;
  /**
   * How this Phonebank dials: "predictive", "power", "manual", or another value (flexenum).
   */
  dialing_mode?: "predictive" | "power" | "manual" | (string & {}) | null;
  /**
   * A URL of the audio file dropped as voicemail.
   */
  voicemail_audio_url?: string | null;
  /**
   * A URL of the Phonebank's administrative page on the web.
   */
  administrative_url?: string | null;
  /**
   * A URL of the Phonebank's public page on the web.
   */
  browser_url?: string | null;
  /**
   * Links to set, such as osdi:script or osdi:target_list.
   */
  _links?: {
    "osdi:creator"?: HalLink;
    "osdi:modified_by"?: HalLink;
    "osdi:taggings"?: HalLink;
    "osdi:phone_bank_results"?: HalLink;
    "osdi:script"?: HalLink;
    "osdi:target_list"?: HalLink;
    "osdi:advocacy_targets"?: HalLink;
    "osdi:volunteers"?: HalLink;
    "osdi:events"?: HalLink;
    [k: string]:
      | HalLinkOrLinks
      | HalLink
      | undefined;
  };
  /**
   * OSDI control headers that change how the server handles this request (includes/control_headers.md).
   */
  "osdi:control"?: {
    /**
     * When false, the server need not return the resource in the response.
     */
    return_response?: boolean;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
/**
 * An OSDI Script: the questions, by way of Script Questions, that callers or canvassers put to a person (scripts.md, Fields and Links). No field is required; vendors may add fields and curie-prefixed links. null stands for no value (general.md, Deleting the full contents of an Object).
 */
export interface Script {
  identifiers?: Identifiers;
  /**
   * Read-only: when the resource was created on the local system (includes/global_fields.md, Common Fields: created_date).
   */
  created_date?: string | null;
  /**
   * Read-only: when the resource was last modified on the local system (includes/global_fields.md, Common Fields: modified_date).
   */
  modified_date?: string | null;
  /**
   * A human-readable name of the system where this Script was created, such as "OSDI System".
   */
  origin_system?: string | null;
  /**
   * The administrative name of the Script; may also be shown to users.
   */
  name?: string | null;
  /**
   * The public title of the Script.
   */
  title?: string | null;
  /**
   * A description of the Script, usually shown publicly; text or HTML.
   */
  description?: string | null;
  /**
   * A single plain-text paragraph that summarises the Script for listing pages.
   */
  summary?: string | null;
  _links?: ScriptLinks;
  /**
   * Linked resources that the server chose to embed (includes/links_intro.md).
   */
  _embedded?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
/**
 * The links of a Script (scripts.md, Links). Relations other than these, such as a vendor's own, are allowed.
 */
export interface ScriptLinks {
  self?: HalLink;
  curies?: Curies;
  "osdi:creator"?: HalLink;
  "osdi:modified_by"?: HalLink;
  "osdi:taggings"?: HalLink;
  "osdi:script_questions"?: HalLink;
  "osdi:canvassing_effort"?: HalLink;
  [k: string]:
    HalLinkOrLinks | HalLink | Curies | HalLink | undefined;
}
/**
 * An OSDI Tagging: the association of one resource with one Tag (taggings.md, Fields and Links). No field is required; vendors may add fields and curie-prefixed links. null stands for no value (general.md, Deleting the full contents of an Object).
 */
export interface Tagging {
  identifiers?: Identifiers;
  /**
   * Read-only: when the resource was created on the local system (includes/global_fields.md, Common Fields: created_date).
   */
  created_date?: string | null;
  /**
   * Read-only: when the resource was last modified on the local system (includes/global_fields.md, Common Fields: modified_date).
   */
  modified_date?: string | null;
  /**
   * A human-readable name of the system where this Tagging was created, such as "OSDI System".
   */
  origin_system?: string | null;
  /**
   * The type of the resource this Tagging links to, such as "osdi:person".
   */
  item_type?: string | null;
  _links?: TaggingLinks;
  /**
   * Linked resources that the server chose to embed (includes/links_intro.md).
   */
  _embedded?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
/**
 * The links of a Tagging (taggings.md, Links). The tagged resource is linked under a relation named after its type (the table's [resouce-name] row, such as osdi:person), which like any further relation is a link or an array of links (docs/spec-decisions.md, D45).
 */
export interface TaggingLinks {
  self?: HalLink;
  curies?: Curies;
  "osdi:tag"?: HalLink;
  [k: string]: HalLinkOrLinks | HalLink | Curies | HalLink | undefined;
}
/**
 * What `osdi-conformance check-examples --json FILE` writes: the spec pages it checked and every problem it found in their examples, tables and schemas.
 */
export interface ExampleFindingsReport {
  /**
   * The Markdown pages checked, as given on the command line.
   */
  files: string[];
  /**
   * Every finding, ordered by file, line and column.
   */
  findings: ExampleFinding[];
}
/**
 * One problem in a spec page, at a place in that page (or in a file it includes).
 */
export interface ExampleFinding {
  /**
   * The page the problem is in, as given on the command line; for a row of an included table, the include file.
   */
  file: string;
  /**
   * 1-based line in file.
   */
  line: number;
  /**
   * 1-based column in that line, where one place in the line is meant.
   */
  column?: number;
  /**
   * Which example the problem is in, such as "Scenario: Creating a new Phonebank resource (POST) > Request"; for a table row, the table's heading.
   */
  example: string;
  /**
   * JSON pointer into the example's JSON body, using the keys as the page spells them.
   */
  pointer?: string;
  /**
   * A stable kebab-case identifier of the kind of problem, such as date-time-format or unknown-field.
   */
  code: string;
  /**
   * error: the example or schema breaks the spec; warning: allowed but outside what the page documents; info: worth knowing.
   */
  severity: "error" | "warning" | "info";
  /**
   * What is wrong, for a person to read.
   */
  message: string;
}
/**
 * The result of one `osdi-conformance run`, as written by --json: one entry per requirement of the catalogue, with its status. Never contains the API token.
 */
export interface ConformanceReport {
  tool: ReportTool;
  /**
   * The API Entry Point tested, without any token.
   */
  target: string;
  /**
   * The Phonebank collection URL given with --collection, when it was.
   */
  collection?: string;
  /**
   * True when the target was the built-in reference server (run with no --target).
   */
  builtIn?: boolean;
  /**
   * Identifies the run; every resource the run created carries it in its name.
   */
  runId?: string;
  /**
   * True when the run sent no POST, PUT or DELETE (--read-only).
   */
  readOnly?: boolean;
  /**
   * When the run started (RFC 3339).
   */
  startedAt: string;
  /**
   * How long the run took, in milliseconds.
   */
  durationMs: number;
  /**
   * Why the run ended before every scenario finished, when it did: interrupted (SIGINT) or deadline (the overall time limit).
   */
  stopped?: "interrupted" | "deadline";
  summary: ReportSummary;
  /**
   * Every requirement of the catalogue, in catalogue order.
   */
  requirements: RequirementResult[];
  fieldSupport: FieldSupportTable;
  cleanup: CleanupReport;
  /**
   * Problems of the tool itself (a suite file that could not run, an unexpected exception), as opposed to findings about the target.
   */
  toolErrors?: string[];
}
/**
 * The program that produced the report.
 */
export interface ReportTool {
  name: "osdi-conformance";
  version: string;
}
/**
 * How many requirements passed, failed and were skipped.
 */
export interface ReportSummary {
  passed: number;
  failed: number;
  skipped: number;
}
/**
 * One requirement of the catalogue and its outcome in this run.
 */
export interface RequirementResult {
  /**
   * Stable id, e.g. PB-PUT-03.
   */
  id: string;
  /**
   * RFC 2119 level.
   */
  level: "MUST" | "SHOULD" | "MAY";
  title: string;
  source: RequirementSource;
  /**
   * The spec sentence the requirement rests on.
   */
  sentence?: string;
  /**
   * The scenario (suite) that checks it, e.g. collection.
   */
  scenario: string;
  status: "passed" | "failed" | "skipped";
  /**
   * Why it failed, or why it was skipped.
   */
  message?: string;
  evidence?: ReportEvidence;
  /**
   * Time spent on the tests that check this requirement, in milliseconds.
   */
  durationMs?: number;
  /**
   * Information that is not a failure, e.g. "held only after 350 ms".
   */
  notes?: string[];
}
/**
 * Where the specification says it.
 */
export interface RequirementSource {
  /**
   * Spec page, e.g. phone_bank.md.
   */
  file: string;
  section: string;
}
/**
 * The request and response behind a failure. Tokens are never included.
 */
export interface ReportEvidence {
  request?: EvidenceRequest;
  response?: EvidenceResponse;
}
export interface EvidenceRequest {
  method: string;
  url: string;
  headers?: {
    [k: string]: string;
  };
  /**
   * The request body, parsed when it was JSON.
   */
  body?: unknown;
}
export interface EvidenceResponse {
  status: number;
  headers?: {
    [k: string]: string;
  };
  /**
   * The response body, parsed when it was JSON, possibly truncated.
   */
  body?: unknown;
}
/**
 * Phonebank field name → whether the target supports it, found by the POST round-trip. Empty when no POST was made.
 */
export interface FieldSupportTable {
  [k: string]: "supported" | "not-supported" | "mismatch";
}
/**
 * What the run created on the target and whether it was removed again.
 */
export interface CleanupReport {
  /**
   * Resources the run created.
   */
  created: number;
  /**
   * Of those, resources deleted again (by the suites or at the end).
   */
  deleted: number;
  /**
   * Resources the run created and could not delete, to remove by hand: a URL, or a sentence naming a Phonebank the run could not locate (e.g. a POST answered without a self link or Location).
   */
  leftOver: string[];
}
