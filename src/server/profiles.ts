/**
 * Profiles: legal ways to implement OSDI that a suite must never fail. `seed` follows the
 * spec's examples; `rest` takes every other legal choice errors.md and general.md allow;
 * `read-only` refuses writes.
 */
export type ProfileName = 'seed' | 'rest' | 'read-only';

export const PROFILE_NAMES: readonly ProfileName[] = ['seed', 'rest', 'read-only'];

/** A vendor extension: its own curie, a field and a link on every Phonebank (general.md, Curies). */
export interface VendorExtension {
  curie: string;
  /** Path of the curie's documentation template, holding {rel}. */
  docsPath: string;
  field: string;
  link: string;
}

export interface Profile {
  name: ProfileName;
  /** The Content-Type of every JSON response. */
  contentType: string;
  /** true: `http://host/api/v1/…`; false: absolute paths, `/api/v1/…`. */
  absoluteHrefs: boolean;
  ids: 'uuid' | 'numeric';
  maxPageSize: number;
  defaultSeed: number;
  /** errors.md allows 201 with a Location header; phone_bank.md's example answers 200. */
  created: { status: 200 | 201; location: boolean };
  /** phone_bank.md's example answers 200 with a notice; errors.md allows 204 with no body. */
  deleted: 'notice' | 'no-content';
  readOnly: boolean;
  namespace: string;
  vendor?: VendorExtension;
}

const seed: Profile = {
  name: 'seed',
  contentType: 'application/hal+json',
  absoluteHrefs: true,
  ids: 'uuid',
  maxPageSize: 25,
  defaultSeed: 5,
  created: { status: 200, location: false },
  deleted: 'notice',
  readOnly: false,
  namespace: 'osdi_reference',
};

const rest: Profile = {
  name: 'rest',
  contentType: 'application/json',
  absoluteHrefs: false,
  ids: 'numeric',
  maxPageSize: 3,
  defaultSeed: 8,
  created: { status: 201, location: true },
  deleted: 'no-content',
  readOnly: false,
  namespace: 'acme',
  vendor: {
    curie: 'acme',
    docsPath: '/acme-docs/{rel}',
    field: 'acme_priority',
    link: 'acme:dashboard',
  },
};

const readOnly: Profile = { ...seed, name: 'read-only', readOnly: true };

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  seed,
  rest,
  'read-only': readOnly,
};
