/**
 * Conditions that no request can satisfy, so their statement never applies: a time that has passed, a key required
 * both absent and present, a range with nothing in it. An Allow with one grants nothing, and the least-privilege rules
 * leave it alone (grants.ts, principals.ts); condition-never-true reports it as a hint instead.
 */
import type { ConditionKeyEntry, ConditionOperatorEntry, Statement } from '../../policy/model';
import { parseOperator, type ParsedOperator } from '../../policy/operators';
import { DocumentMemo } from '../../policy/documentMemo';

/**
 * The longest a session's temporary credentials last: 36 hours (GetSessionToken, GetFederationToken). A session issued
 * before a time more than that long ago has expired, so no request can carry an aws:TokenIssueTime before it.
 */
const longestSessionMs = 36 * 60 * 60 * 1000;

export type Impossibility =
  | { readonly kind: 'timePassed'; readonly entry: ConditionKeyEntry; readonly operator: ConditionOperatorEntry }
  | { readonly kind: 'sessionsExpired'; readonly entry: ConditionKeyEntry; readonly operator: ConditionOperatorEntry }
  | {
      readonly kind: 'absentAndPresent';
      readonly entry: ConditionKeyEntry;
      readonly operator: ConditionOperatorEntry;
      readonly other: ConditionOperatorEntry;
    }
  | { readonly kind: 'emptyRange'; readonly entry: ConditionKeyEntry; readonly operator: ConditionOperatorEntry; readonly other: ConditionOperatorEntry };

interface Test {
  readonly operator: ParsedOperator;
  readonly operatorEntry: ConditionOperatorEntry;
  readonly entry: ConditionKeyEntry;
  readonly key: string;
}

const memo = new DocumentMemo<Statement, { now: number; found: readonly Impossibility[] }>('impossibilities');

/** Why the statement's Condition can never be true (empty when it can). `now` is a time in ms since the epoch. */
export function impossibilities(statement: Statement, now = Date.now()): readonly Impossibility[] {
  if (!statement.condition || statement.condition.operators.length === 0) return [];
  const cached = memo.get(statement);
  // A statement is judged against one clock reading per minute: findings do not flicker within a validation.
  if (cached && Math.abs(cached.now - now) < 60_000) return cached.found;
  const found = judge(statement, now);
  memo.set(statement, { now, found });
  return found;
}

/** True when the statement's Condition can never be true, so it allows or denies nothing. */
export function neverApplies(statement: Statement): boolean {
  return impossibilities(statement).length > 0;
}

function judge(statement: Statement, now: number): Impossibility[] {
  const tests: Test[] = [];
  for (const operatorEntry of statement.condition?.operators ?? []) {
    const operator = parseOperator(operatorEntry.operator);
    if (!operator.operator) return []; // an unknown operator makes the policy invalid: nothing to judge
    for (const entry of operatorEntry.keys) tests.push({ operator, operatorEntry, entry, key: entry.key.toLowerCase() });
  }
  const found: Impossibility[] = [];
  for (const test of tests) {
    const passed = timePassed(test, now);
    if (passed) found.push({ kind: passed, entry: test.entry, operator: test.operatorEntry });
  }
  for (const test of tests) {
    if (!requiresAbsent(test)) continue;
    const present = tests.find((other) => other.key === test.key && requiresPresent(other));
    if (present) found.push({ kind: 'absentAndPresent', entry: test.entry, operator: test.operatorEntry, other: present.operatorEntry });
  }
  for (const test of tests) {
    const upper = bound(test, 'upper');
    if (!upper) continue;
    for (const other of tests) {
      if (other.key !== test.key) continue;
      const lower = bound(other, 'lower');
      if (lower && lower.family === upper.family && (lower.value > upper.value || (lower.value === upper.value && !(lower.inclusive && upper.inclusive)))) {
        found.push({ kind: 'emptyRange', entry: test.entry, operator: test.operatorEntry, other: other.operatorEntry });
      }
    }
  }
  return found;
}

/** A test that holds only while a time is still ahead, when every time it names has passed. */
function timePassed(test: Test, now: number): 'timePassed' | 'sessionsExpired' | undefined {
  const { operator, key } = test;
  if (operator.qualifier) return undefined;
  const name = operator.baseName;
  const before = name === 'DateLessThan' || name === 'DateLessThanEquals';
  const epochBefore = (name === 'NumericLessThan' || name === 'NumericLessThanEquals') && key === 'aws:epochtime';
  if (!before && !epochBefore) return undefined;
  const times = test.entry.values.map((v) => (epochBefore ? epochSeconds(v.value) : dateOf(v.value)));
  if (times.length === 0 || times.some((t) => t === undefined)) return undefined;
  const latest = Math.max(...(times as number[]));
  if (key === 'aws:currenttime' || key === 'aws:epochtime') return latest < now ? 'timePassed' : undefined;
  // IfExists passes requests without the key (long-term credentials): those still match.
  if (key === 'aws:tokenissuetime' && !operator.ifExists) return latest < now - longestSessionMs ? 'sessionsExpired' : undefined;
  return undefined;
}

/** `{"Null": {"k": "true"}}`: the key must be absent. */
function requiresAbsent(test: Test): boolean {
  return test.operator.baseName === 'Null' && !test.operator.qualifier && test.entry.values.length > 0 && test.entry.values.every((v) => String(v.value).toLowerCase() === 'true');
}

/** Operators that are false for an absent key: positive ones without IfExists, unqualified or ForAnyValue. */
function requiresPresent(test: Test): boolean {
  const { operator } = test;
  if (!operator.operator || operator.ifExists || operator.qualifier === 'ForAllValues') return false;
  const name = operator.baseName;
  if (name === 'Null' || name.includes('Not')) return false;
  return test.entry.values.length > 0;
}

interface Bound {
  readonly family: 'Numeric' | 'Date';
  readonly value: number;
  readonly inclusive: boolean;
}

/**
 * The bound an unqualified, non-IfExists comparison sets on a key: values are alternatives, so `k < any of them`
 * bounds k by the largest, and `k > any of them` by the smallest.
 */
function bound(test: Test, side: 'upper' | 'lower'): Bound | undefined {
  const { operator } = test;
  if (operator.qualifier || operator.ifExists) return undefined;
  const match = /^(Numeric|Date)(LessThan|GreaterThan)(Equals)?$/.exec(operator.baseName);
  if (!match || (match[2] === 'LessThan') !== (side === 'upper')) return undefined;
  const family = match[1] as 'Numeric' | 'Date';
  const values = test.entry.values.map((v) => (family === 'Numeric' ? numberOf(v.value) : dateOf(v.value)));
  if (values.length === 0 || values.some((v) => v === undefined)) return undefined;
  const numbers = values as number[];
  return { family, value: side === 'upper' ? Math.max(...numbers) : Math.min(...numbers), inclusive: match[3] === 'Equals' };
}

function numberOf(value: string | number | boolean): number | undefined {
  if (typeof value === 'boolean') return undefined;
  const number = typeof value === 'number' ? value : /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isFinite(number) ? number : undefined;
}

function epochSeconds(value: string | number | boolean): number | undefined {
  const seconds = numberOf(value);
  return seconds === undefined ? undefined : seconds * 1000;
}

/** A Date operator's value: an ISO 8601 date or time, or epoch seconds (as IAM accepts both). */
function dateOf(value: string | number | boolean): number | undefined {
  if (typeof value === 'boolean') return undefined;
  if (typeof value === 'number' || /^\d+$/.test(value.trim())) return epochSeconds(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value.trim())) return undefined;
  const time = Date.parse(value.trim());
  return Number.isFinite(time) ? time : undefined;
}
