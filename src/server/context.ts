import type { Reply } from './errors.js';
import type { View } from './representations.js';
import type { Store } from './store.js';

/** Everything a handler needs to answer one request. */
export interface RequestContext extends View {
  /** The method, with HEAD answered as GET. */
  method: string;
  /** The request URL, absolute, against this server's origin. */
  url: URL;
  store: Store;
  /** The request body parsed as JSON, whatever its Content-Type (general.md, Mime Types). */
  readBody(): Promise<unknown>;
}

export type Handler = (ctx: RequestContext, params: string[]) => Reply | Promise<Reply>;
