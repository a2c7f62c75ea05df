/** RFC 2119 level of a requirement, from the spec's own wording (table types and "shall" are MUST). */
export type Level = 'MUST' | 'SHOULD' | 'MAY';

/** One entry of the requirement catalogue (src/requirements/catalogue.ts). */
export interface Requirement {
  /** Stable id, e.g. "PB-PUT-03". Never reused for another meaning. */
  id: string;
  level: Level;
  /** One line, e.g. "PUT leaves omitted fields unchanged". */
  title: string;
  /** Where the spec says it: file and section, e.g. { file: 'phone_bank.md', section: 'Scenario: Modifying a Phonebank resource (PUT)' }. */
  source: { file: string; section: string };
  /** The spec sentence (or table row) the requirement rests on, quoted. */
  sentence: string;
  /** The scenario (suite file) that checks it, e.g. "discovery", "collection", "put". */
  scenario: string;
  /** True when checking it needs POST, PUT or DELETE: skipped under --read-only. */
  writes: boolean;
}

/** Outcome of one requirement in a run. */
export type RequirementStatus = 'passed' | 'failed' | 'skipped';
