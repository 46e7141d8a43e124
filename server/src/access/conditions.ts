/**
 * The Condition element against a request, as AWS documents it
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html and
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html):
 * every operator block must hold, every key in a block must hold, and a key holds when the request's value matches
 * any of the policy's values. What each operator compares comes from data/condition-operators.json (its family) and
 * its name (Equals, Like, LessThan...); a negated operator (`...Not...`) holds when no value matches, and also when
 * the key is missing. `...IfExists` holds when the key is missing. With a set operator: ForAnyValue holds when some
 * request value matches (never on a missing key), ForAllValues when every one does (also on a missing or empty key).
 */
import type { ASTNode, ConditionElement, ConditionKeyEntry, ConditionOperatorEntry } from '../policy/model';
import { parseIpRange, rangeWithin } from '../policy/ipAddress';
import { parseOperator, type OperatorFamily, type ParsedOperator } from '../policy/operators';
import { equalsPattern, matchPattern, resolvePattern, type ResolvedPattern } from './patterns';
import { splitArn } from '../policy/arnParts';
import { contextValues, type AccessRequest } from './request';

export type ConditionFailureReason =
  /** The key is not in the request and the operator needs it. */
  | 'keyMissing'
  /** The key is in the request (Null: "true", or a set operator's empty case) but the operator needs it absent. */
  | 'keyPresent'
  /** The request's values do not compare as the operator asks. */
  | 'valueMismatch'
  /** The operator is no IAM operator: AWS rejects the policy; here the condition never holds. */
  | 'unknownOperator';

/** One key of one operator block, held or not, with why. */
export interface ConditionCheck {
  readonly operator: string;
  readonly key: string;
  readonly holds: boolean;
  readonly reason?: ConditionFailureReason;
  /** What was compared, in words, for the explanation. */
  readonly detail: string;
  /** The key's property in the policy (for ranges). */
  readonly node: ASTNode;
}

/** How the base operator compares one request value with one policy value. */
type Relation = 'equals' | 'equalsIgnoreCase' | 'like' | 'lessThan' | 'lessThanEquals' | 'greaterThan' | 'greaterThanEquals' | 'inRange' | 'null';

export interface OperatorSemantics {
  readonly family: OperatorFamily;
  readonly relation: Relation;
  readonly negated: boolean;
}

const relationsBySuffix: Record<string, Relation> = {
  Equals: 'equals',
  EqualsIgnoreCase: 'equalsIgnoreCase',
  Like: 'like',
  LessThan: 'lessThan',
  LessThanEquals: 'lessThanEquals',
  GreaterThan: 'greaterThan',
  GreaterThanEquals: 'greaterThanEquals',
};

const familyPrefix: Partial<Record<OperatorFamily, string>> = { String: 'String', Numeric: 'Numeric', Date: 'Date', Binary: 'Binary', ARN: 'Arn' };

/**
 * What a base operator from the data does, read from its name: `<Family prefix>[Not]<relation>`; Bool, the IP
 * operators and Null stand alone. Undefined for a name the evaluator cannot read (a test keeps every operator in the
 * data readable).
 */
export function operatorSemantics(parsed: ParsedOperator): OperatorSemantics | undefined {
  const info = parsed.operator;
  if (!info) return undefined;
  switch (info.family) {
    case 'Bool':
      return { family: 'Bool', relation: 'equalsIgnoreCase', negated: false };
    case 'Null':
      return { family: 'Null', relation: 'null', negated: false };
    case 'IPAddress':
      return { family: 'IPAddress', relation: 'inRange', negated: info.name.startsWith('Not') };
  }
  const prefix = familyPrefix[info.family];
  if (!prefix || !info.name.startsWith(prefix)) return undefined;
  let rest = info.name.slice(prefix.length);
  const negated = rest.startsWith('Not');
  if (negated) rest = rest.slice(3);
  const relation = relationsBySuffix[rest];
  if (!relation) return undefined;
  // ArnEquals and ArnLike are the same comparison (wildcards in each of the six fields).
  return { family: info.family, relation: info.family === 'ARN' ? 'like' : relation, negated };
}

/** Every key of every operator block, checked. The condition holds when all of them do. */
export function checkConditions(condition: ConditionElement, request: AccessRequest, variables: boolean): ConditionCheck[] {
  const checks: ConditionCheck[] = [];
  for (const block of condition.operators) {
    for (const entry of block.keys) checks.push(checkKey(block, entry, request, variables));
  }
  return checks;
}

function policyValues(entry: ConditionKeyEntry): string[] {
  return entry.values.map((v) => String(v.value));
}

function checkKey(block: ConditionOperatorEntry, entry: ConditionKeyEntry, request: AccessRequest, variables: boolean): ConditionCheck {
  const parsed = parseOperator(block.operator);
  const base = { operator: block.operator, key: entry.key, node: entry.property as ASTNode };
  const semantics = operatorSemantics(parsed);
  if (!semantics) return { ...base, holds: false, reason: 'unknownOperator', detail: `${block.operator} is not an IAM condition operator` };
  const values = contextValues(request, entry.key);
  const wanted = policyValues(entry);

  if (semantics.family === 'Null') {
    const present = values !== undefined && values.length > 0;
    // "true": the key must be absent; "false": present. Several policy values: any of them.
    const holds = wanted.some((w) => (w.toLowerCase() === 'true' ? !present : w.toLowerCase() === 'false' ? present : false));
    if (holds) return { ...base, holds, detail: present ? `${entry.key} is in the request` : `${entry.key} is not in the request` };
    return present
      ? { ...base, holds, reason: 'keyPresent', detail: `${entry.key} is in the request; Null ${wanted.join(', ')} wants it absent` }
      : { ...base, holds, reason: 'keyMissing', detail: `${entry.key} is not in the request; Null ${wanted.join(', ')} wants it present` };
  }

  const missing = values === undefined || (parsed.qualifier !== undefined && values.length === 0);
  if (missing) {
    if (parsed.ifExists) return { ...base, holds: true, detail: `${entry.key} is not in the request (IfExists)` };
    if (parsed.qualifier === 'ForAllValues') return { ...base, holds: true, detail: `${entry.key} is not in the request (ForAllValues holds on a missing key)` };
    if (parsed.qualifier === 'ForAnyValue') return { ...base, holds: false, reason: 'keyMissing', detail: `${entry.key} is not in the request (ForAnyValue needs a value)` };
    if (semantics.negated) return { ...base, holds: true, detail: `${entry.key} is not in the request (a negated operator holds)` };
    return { ...base, holds: false, reason: 'keyMissing', detail: `${entry.key} is not in the request` };
  }

  const compare = comparer(semantics, entry, request, variables);
  // A request value "matches" when the positive relation holds for some policy value.
  const matches = (value: string) => compare(value);
  let holds: boolean;
  if (parsed.qualifier === 'ForAllValues') holds = values.every((v) => matches(v) !== semantics.negated);
  else if (parsed.qualifier === 'ForAnyValue') holds = values.some((v) => matches(v) !== semantics.negated);
  else {
    // Without a set operator a multivalued key is read as "any of its values" (negated: none of them).
    const any = values.some(matches);
    holds = semantics.negated ? !any : any;
  }
  const shown = `${entry.key} = ${values.length === 1 ? JSON.stringify(values[0]) : JSON.stringify(values)}`;
  return holds
    ? { ...base, holds, detail: `${shown} satisfies ${block.operator} ${JSON.stringify(wanted.length === 1 ? wanted[0] : wanted)}` }
    : { ...base, holds, reason: 'valueMismatch', detail: `${shown} does not satisfy ${block.operator} ${JSON.stringify(wanted.length === 1 ? wanted[0] : wanted)}` };
}

/** request value -> whether it stands in the operator's (positive) relation to any policy value. */
function comparer(semantics: OperatorSemantics, entry: ConditionKeyEntry, request: AccessRequest, variables: boolean): (value: string) => boolean {
  const raw = policyValues(entry);
  switch (semantics.family) {
    case 'String': {
      const patterns = resolvedAll(raw, request, variables);
      if (semantics.relation === 'like') return (value) => patterns.some((p) => matchPattern(p, value));
      const ignoreCase = semantics.relation === 'equalsIgnoreCase';
      return (value) => patterns.some((p) => equalsPattern(p, value, ignoreCase));
    }
    case 'ARN': {
      const patterns = resolvedAll(raw, request, variables);
      return (value) => patterns.some((p) => matchArnPattern(p, value));
    }
    case 'Bool':
      return (value) => raw.some((w) => w.toLowerCase() === value.toLowerCase());
    case 'Binary':
      return (value) => raw.some((w) => sameBase64(w, value));
    case 'Numeric': {
      const numbers = raw.map(parseNumber);
      return (value) => {
        const n = parseNumber(value);
        return n !== undefined && numbers.some((w) => w !== undefined && ordered(semantics.relation, n, w));
      };
    }
    case 'Date': {
      const dates = raw.map(parseDate);
      return (value) => {
        const d = parseDate(value);
        return d !== undefined && dates.some((w) => w !== undefined && ordered(semantics.relation, d, w));
      };
    }
    case 'IPAddress': {
      const ranges = raw.map((text) => parseIpRange(text.trim()));
      return (value) => {
        // The request carries an address, not a block.
        const address = parseIpRange(value.trim());
        return address !== undefined && !address.hasPrefix && ranges.some((r) => r !== undefined && rangeWithin(address, r));
      };
    }
    default:
      return () => false;
  }
}

/** Policy values with their variables replaced; values that cannot be resolved match nothing and are left out. */
function resolvedAll(values: readonly string[], request: AccessRequest, variables: boolean): ResolvedPattern[] {
  const out: ResolvedPattern[] = [];
  for (const value of values) {
    const resolution = resolvePattern(value, request, variables);
    if ('pattern' in resolution) out.push(resolution.pattern);
  }
  return out;
}

function ordered(relation: Relation, a: number, b: number): boolean {
  switch (relation) {
    case 'equals':
      return a === b;
    case 'lessThan':
      return a < b;
    case 'lessThanEquals':
      return a <= b;
    case 'greaterThan':
      return a > b;
    case 'greaterThanEquals':
      return a >= b;
    default:
      return false;
  }
}

export function parseNumber(text: string): number | undefined {
  if (!/^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(text)) return undefined;
  return Number(text);
}

/** ISO 8601 (a date, or a date and time) or seconds since the epoch, as the Date operators accept; in milliseconds. */
export function parseDate(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return undefined;
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? undefined : time;
}

function sameBase64(a: string, b: string): boolean {
  if (a === b) return true;
  const valid = /^[A-Za-z0-9+/]*={0,2}$/;
  if (!valid.test(a) || !valid.test(b)) return false;
  return Buffer.from(a, 'base64').equals(Buffer.from(b, 'base64'));
}

/**
 * ArnEquals / ArnLike: the six colon-separated fields are compared one by one, each with wildcards; the resource
 * field keeps its colons (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN).
 */
function matchArnPattern(pattern: ResolvedPattern, value: string): boolean {
  if (pattern.text === '*') return true;
  const want = splitArn(pattern.text);
  const got = splitArn(value);
  if (!want || !got) return false;
  // Field offsets in the pattern text ("arn:" is 4 characters), so literal wildcards keep their positions.
  const values = [want.partition, want.service, want.region, want.account, want.resource];
  const gotValues = [got.partition, got.service, got.region, got.account, got.resource];
  let at = 4;
  const fields: [string, string, number][] = values.map((p, i) => {
    const field: [string, string, number] = [p, gotValues[i]!, at];
    at += p.length + 1;
    return field;
  });
  return fields.every(([p, v, at]) => matchPattern(slicePattern(pattern, at, p.length), v));
}

function slicePattern(pattern: ResolvedPattern, start: number, length: number): ResolvedPattern {
  if (pattern.literal.size === 0) return { text: pattern.text.slice(start, start + length), literal: pattern.literal };
  const literal = new Set<number>();
  for (const index of pattern.literal) if (index >= start && index < start + length) literal.add(index - start);
  return { text: pattern.text.slice(start, start + length), literal };
}

