import type { RelatedKind } from './store.js';

/**
 * Every URL the server hands out. The seed profile writes absolute URLs, as the spec's examples
 * do; the rest profile writes absolute paths (`/api/v1/phonebanks/4`), which HAL also allows.
 */
export class Hrefs {
  /** @param base the origin (`http://127.0.0.1:8080`), or '' for absolute paths */
  constructor(private readonly base: string) {}

  get api(): string {
    return `${this.base}/api/v1`;
  }

  aep(): string {
    return `${this.api}/`;
  }

  phonebanks(query = ''): string {
    return `${this.api}/phonebanks${query ? `?${query}` : ''}`;
  }

  phonebank(id: string): string {
    return `${this.api}/phonebanks/${encodeURIComponent(id)}`;
  }

  taggings(id: string): string {
    return `${this.phonebank(id)}/taggings`;
  }

  phoneBankResults(id: string): string {
    return `${this.phonebank(id)}/phone_bank_results`;
  }

  related(kind: RelatedKind, id: string): string {
    return `${this.api}/${kind}/${encodeURIComponent(id)}`;
  }

  /** The rest profile's vendor link target. */
  dashboard(id: string): string {
    return `${this.api}/acme/dashboards/${encodeURIComponent(id)}`;
  }

  /** A curie template (general.md, Curies), e.g. `/docs/v1/{rel}`. */
  docs(path: string): string {
    return `${this.base}${path}`;
  }
}
