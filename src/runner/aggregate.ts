import type { FieldSupportTable, RequirementResult } from '../generated/schemas.js';
import type { Requirement } from '../requirements/types.js';
import type { SuiteOutcomes, TestOutcome } from './outcome.js';
import type { FieldSupport } from './types.js';

/** What the runner knows about the run beyond the outcomes, to explain requirements without tests. */
export interface AggregateContext {
  /** Scenarios that were selected to run (after --only). */
  selected: ReadonlySet<string>;
  /** Scenarios that have a suite file. */
  withSuite: ReadonlySet<string>;
  readOnly: boolean;
  deadlineMs: number;
}

export interface Aggregate {
  requirements: RequirementResult[];
  fieldSupport: FieldSupportTable;
  toolErrors: string[];
}

const REQUIREMENT_ID = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/;

/**
 * Joins test outcomes to the catalogue. A requirement fails when any of its tests failed, is
 * skipped (with the reason) when all of its tests were skipped, and passes otherwise.
 */
export function aggregate(
  catalogue: readonly Requirement[],
  outcomes: SuiteOutcomes,
  context: AggregateContext,
): Aggregate {
  const byId = groupByRequirement(outcomes.tests);
  const toolErrors = suiteErrors(outcomes);
  const known = new Set(catalogue.map((r) => r.id));

  const requirements = catalogue.map((requirement) =>
    resultOf(requirement, byId.get(requirement.id) ?? [], outcomes, context, toolErrors),
  );
  for (const [id, tests] of byId) {
    if (known.has(id)) continue;
    toolErrors.push(`test "${tests[0]!.name}" checks ${id}, which is not in the catalogue`);
    requirements.push(resultOf(uncatalogued(id, tests[0]!), tests, outcomes, context, toolErrors));
  }
  return { requirements, fieldSupport: mergeFieldSupport(outcomes.tests), toolErrors };
}

/** The requirement ids a test checks: its meta, or else the id its name starts with. */
export function requirementsOf(test: TestOutcome): string[] {
  if (test.meta.requirements && test.meta.requirements.length > 0) return test.meta.requirements;
  const first = test.name.split(' ')[0] ?? '';
  return REQUIREMENT_ID.test(first) ? [first] : [];
}

function groupByRequirement(tests: TestOutcome[]): Map<string, TestOutcome[]> {
  const byId = new Map<string, TestOutcome[]>();
  for (const test of tests) {
    for (const id of requirementsOf(test)) byId.set(id, [...(byId.get(id) ?? []), test]);
  }
  return byId;
}

function suiteErrors(outcomes: SuiteOutcomes): string[] {
  return [
    ...outcomes.modules.flatMap((m) =>
      m.errors.map((e) => `the ${m.scenario} suite failed outside its tests: ${e}`),
    ),
    ...outcomes.unhandled.map((e) => `unhandled error: ${e}`),
  ];
}

function resultOf(
  requirement: Requirement,
  tests: TestOutcome[],
  outcomes: SuiteOutcomes,
  context: AggregateContext,
  toolErrors: string[],
): RequirementResult {
  const base = baseOf(requirement);
  const notes = [...new Set(tests.flatMap((t) => t.meta.notes ?? []))];
  const status = statusOf(requirement, tests, outcomes, context, toolErrors);
  const durationMs = tests.reduce((sum, t) => sum + t.durationMs, 0);
  return { ...base, ...status, ...(notes.length > 0 ? { notes } : {}), ...(tests.length > 0 ? { durationMs } : {}) };
}

type Status = Pick<RequirementResult, 'status' | 'message' | 'evidence'>;

function statusOf(
  requirement: Requirement,
  tests: TestOutcome[],
  outcomes: SuiteOutcomes,
  context: AggregateContext,
  toolErrors: string[],
): Status {
  const failed = tests.filter((t) => t.state === 'failed');
  if (failed.length > 0) return failure(failed);

  const suiteError = outcomes.modules.find((m) => m.scenario === requirement.scenario)?.errors[0];
  if (tests.some((t) => t.state === 'passed')) return { status: 'passed' };
  if (suiteError)
    return {
      status: 'failed',
      message: `the ${requirement.scenario} suite could not run: ${suiteError}`,
    };

  const reason = tests.find((t) => t.meta.skipReason)?.meta.skipReason;
  if (reason) return { status: 'skipped', message: reason };
  return notRun(requirement, tests, outcomes, context, toolErrors);
}

function failure(failed: TestOutcome[]): Status {
  const first = failed[0]!;
  const more =
    failed.length > 1
      ? ` (and ${failed.length - 1} more failing check${failed.length > 2 ? 's' : ''})`
      : '';
  const message = (first.errors[0] ?? `${first.name} failed`) + more;
  return {
    status: 'failed',
    message,
    ...(first.meta.evidence ? { evidence: first.meta.evidence } : {}),
  };
}

/** A requirement none of whose tests ran to a verdict: say why. */
function notRun(
  requirement: Requirement,
  tests: TestOutcome[],
  outcomes: SuiteOutcomes,
  context: AggregateContext,
  toolErrors: string[],
): Status {
  if (!context.selected.has(requirement.scenario))
    return { status: 'skipped', message: 'not selected' };
  if (outcomes.stopped === 'deadline') {
    return {
      status: 'failed',
      message: `not checked: the run exceeded its deadline of ${Math.round(context.deadlineMs / 1000)} s`,
    };
  }
  if (outcomes.stopped === 'interrupted')
    return { status: 'skipped', message: 'not run: the run was interrupted' };
  if (requirement.writes && context.readOnly)
    return { status: 'skipped', message: 'not run: --read-only' };
  if (tests.length > 0) return { status: 'skipped', message: 'skipped' };
  if (!context.withSuite.has(requirement.scenario)) {
    const error = `no suite file for scenario ${requirement.scenario}`;
    if (!toolErrors.includes(error)) toolErrors.push(error);
    return { status: 'skipped', message: 'no suite checks this scenario' };
  }

  toolErrors.push(`no test checks ${requirement.id} (scenario ${requirement.scenario})`);
  return { status: 'skipped', message: 'no test checks this requirement' };
}

function baseOf(requirement: Requirement): Omit<RequirementResult, 'status'> {
  return {
    id: requirement.id,
    level: requirement.level,
    title: requirement.title,
    source: { file: requirement.source.file, section: requirement.source.section },
    ...(requirement.sentence ? { sentence: requirement.sentence } : {}),
    scenario: requirement.scenario,
  };
}

function uncatalogued(id: string, test: TestOutcome): Requirement {
  const title = test.name.startsWith(id + ' ') ? test.name.slice(id.length + 1) : test.name;
  return {
    id,
    level: 'MUST',
    title,
    source: { file: 'unknown', section: 'not in the catalogue' },
    sentence: '',
    scenario: test.scenario,
    writes: false,
  };
}

const SEVERITY: Record<FieldSupport, number> = { supported: 0, 'not-supported': 1, mismatch: 2 };

/** Field support from every test that reported some; a mismatch anywhere wins. */
function mergeFieldSupport(tests: TestOutcome[]): FieldSupportTable {
  const table: FieldSupportTable = {};
  for (const test of tests) {
    for (const [field, support] of Object.entries(test.meta.fieldSupport ?? {})) {
      const current = table[field];
      if (current === undefined || SEVERITY[support] > SEVERITY[current]) table[field] = support;
    }
  }
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
}
