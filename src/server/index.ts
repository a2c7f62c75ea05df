export {
  startReferenceServer,
  type ReferenceServer,
  type ReferenceServerOptions,
  type RecordedRequest,
} from './server.js';
export { FAULTS, FaultSet, type FaultName } from './faults.js';
export { PROFILES, PROFILE_NAMES, type Profile, type ProfileName } from './profiles.js';
export { MAX_BODY_BYTES } from './body.js';
