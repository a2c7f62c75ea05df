import type { SchemaViolation } from '../schemas/index.js';

/** How many violations a failure message lists before "(and N more)". */
export const SHOWN_VIOLATIONS = 3;

/** Violations at the same place in different items of an array, e.g. every Phonebank of a page. */
interface Group {
  /** The pointer with each array index replaced by `*`. */
  pattern: string;
  violations: SchemaViolation[];
}

/**
 * Schema violations as one clause of a failure message. A violation repeated across the items
 * of an array is said once, at its pointer with the item index written as an asterisk, with
 * the number of items: every Phonebank of a page with a string hour gives one
 * `…/osdi:phonebanks/<asterisk>/daily_start_hour must be an integer, got "9" (in 5 items)`.
 * Only the first `shown` are listed, then "(and N more)".
 */
export function summariseViolations(
  violations: readonly SchemaViolation[],
  shown = SHOWN_VIOLATIONS,
): string {
  const groups = groupAcrossItems(violations);
  const listed = groups.slice(0, shown).map(describeGroup);
  const rest = groups.length - listed.length;
  return listed.join('; ') + (rest > 0 ? ` (and ${rest} more)` : '');
}

function groupAcrossItems(violations: readonly SchemaViolation[]): Group[] {
  const groups = new Map<string, Group>();
  for (const violation of violations) {
    const pattern = violation.pointer.replace(/\/\d+(?=\/|$)/g, '/*');
    const key = `${pattern}\0${violation.keyword}`;
    const group = groups.get(key) ?? { pattern, violations: [] };
    group.violations.push(violation);
    groups.set(key, group);
  }
  return [...groups.values()];
}

// The message of the first item, told at the pattern; when the items' messages differ (each
// got another value), the reader is told which one is shown.
function describeGroup({ pattern, violations }: Group): string {
  const [first] = violations as [SchemaViolation, ...SchemaViolation[]];
  if (violations.length === 1) return first.message;

  const atPattern = (v: SchemaViolation) => atPointer(v.message, v.pointer, pattern);
  const message = atPattern(first);
  const alike = violations.every((v) => atPattern(v) === message);
  const count = `in ${violations.length} items${alike ? '' : '; the first shown'}`;
  return `${message} (${count})`;
}

// Messages begin with the pointer they are about (src/schemas/validate.ts, describe).
function atPointer(message: string, pointer: string, pattern: string): string {
  return pointer !== '' && message.startsWith(pointer)
    ? pattern + message.slice(pointer.length)
    : message;
}

/**
 * Violations found in a document that sits at `at` inside a larger one (an item of a page), told
 * at their place in the larger document: `/daily_start_hour …` becomes
 * `/_embedded/osdi:phonebanks/3/daily_start_hour …`.
 */
export function violationsAt(
  violations: readonly SchemaViolation[],
  at: string,
): SchemaViolation[] {
  return violations.map((v) => ({
    ...v,
    pointer: at + v.pointer,
    // A document judged whole (`at` empty) keeps saying "the document".
    message:
      v.pointer === '' && at !== '' ? v.message.replace(/^the document/, at) : at + v.message,
  }));
}
