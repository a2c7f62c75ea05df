export { HttpClient, type ClientOptions, type SendOptions } from './http-client.js';
export {
  toEvidence,
  describeExchange,
  type Exchange,
  type SentRequest,
  type ReceivedResponse,
} from './exchange.js';
export { isJsonContentType } from './body.js';
export { Pacer, sharedPacer, systemClock, retryAfterMs, type Clock } from './pacing.js';
