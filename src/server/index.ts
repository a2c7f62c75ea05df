/**
 * The reference server: a small, conformant OSDI Phonebank API on node:http.
 *
 * - server.ts: startReferenceServer, token check, request log, HTTP plumbing
 * - routes.ts: paths and methods → handlers (phonebank-handlers.ts, related-handlers.ts)
 * - representations.ts: the HAL documents; hrefs.ts: every URL handed out
 * - writes.ts: POST and PUT (validation with the suite's schemas, link resolution, merging)
 * - pagination.ts, store.ts, seed.ts, body.ts, errors.ts
 * - profiles.ts: the legal alternatives (seed, rest, read-only) as data
 * - faults.ts: the table of deliberate defects; each is one `faults.has(name)` where it acts
 */
export {
  startReferenceServer,
  type ReferenceServer,
  type ReferenceServerOptions,
  type RecordedRequest,
} from './server.js';
export { FAULTS, FaultSet, type FaultName } from './faults.js';
export { PROFILES, PROFILE_NAMES, type Profile, type ProfileName } from './profiles.js';
export { MAX_BODY_BYTES } from './body.js';
