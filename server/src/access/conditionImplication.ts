/**
 * Whether one statement's Condition block implies another's: whenever the first holds, does the second? A new grant
 * is covered by a base grant only when the base's conditions follow from the new grant's (so the base applied to
 * every request the new one does). The answer is three-valued: it holds (proved), it is proved not to hold (a
 * request exists that the first admits and the second refuses), or it cannot be told (different operators on one
 * key, values the comparison cannot read): the diff then says "may widen".
 *
 * Each condition key is treated as its own variable (a request may carry any value for it, or none), which is how
 * IAM evaluates them; a key the first side leaves free and the second constrains is therefore a proved difference.
 * Operators compare by what they admit: strings and ARNs as glob languages (globContainment.ts), numbers and dates
 * as intervals, IP addresses as ranges, Bool and Null as small sets.
 */
import { parseIpRange, rangeBounds } from '../policy/ipAddress';
import type { ASTNode, ConditionElement } from '../policy/model';
import { parseOperator, type OperatorFamily, type ParsedOperator } from '../policy/operators';
import { parseDate, parseNumber } from './conditions';
import { findWitness, parseGlob, type Glob, type GlobOptions } from './globContainment';

export interface ConditionBlock {
  readonly operator: ParsedOperator;
  /** The key as written. */
  readonly key: string;
  readonly values: readonly string[];
  /** Values the model could not read as text (objects, host-computed values): only identical text compares. */
  readonly unreadable: boolean;
  /** Policy variables are read in values (Version 2012-10-17). */
  readonly variables: boolean;
}

export type Implication = { readonly holds: true } | { readonly holds: false; readonly proven: boolean; readonly reason: string };

const holds: Implication = { holds: true };

/**
 * Condition blocks of a statement, one per operator and key. `textOf` gives the text a host writes for a value it
 * computes (a template such as `${VpcId}` in infrastructure code), so two different holes never read the same.
 */
export function conditionBlocks(condition: ConditionElement | undefined, variables: boolean, textOf?: (node: ASTNode) => string | undefined): ConditionBlock[] {
  const blocks: ConditionBlock[] = [];
  for (const entry of condition?.operators ?? []) {
    const operator = parseOperator(entry.operator);
    for (const key of entry.keys) {
      blocks.push({
        operator,
        key: key.key,
        values: key.values.map((v) => textOf?.(v.node) ?? String(v.value)),
        unreadable: key.invalid.length > 0 || (key.opaque?.length ?? 0) > 0 || key.valueNode === undefined,
        variables,
      });
    }
  }
  return blocks;
}

export function describeBlock(block: ConditionBlock): string {
  const values = block.values.length === 1 ? JSON.stringify(block.values[0]) : `[${block.values.map((v) => JSON.stringify(v)).join(', ')}]`;
  return `${block.operator.text} ${block.key} ${values}`;
}

/**
 * Does `target` (all its blocks together) imply `covering`? Every block of `covering` must follow from some block of
 * `target` on the same key.
 */
export function conditionsImply(target: readonly ConditionBlock[], covering: readonly ConditionBlock[]): Implication {
  let unknown: string | undefined;
  for (const block of covering) {
    const sameKey = target.filter((t) => t.key.toLowerCase() === block.key.toLowerCase());
    if (sameKey.length === 0) {
      if (isVacuous(block)) continue;
      return { holds: false, proven: true, reason: `it requires ${describeBlock(block)}, which the new statement does not` };
    }
    const answers = sameKey.map((t) => blockImplies(t, block));
    if (answers.some((a) => a.holds)) continue;
    const failed = answers as { holds: false; proven: boolean; reason: string }[];
    // With one block on the key the counterexample stands; with several, it may fail another of them.
    if (sameKey.length === 1 && failed[0]!.proven) return failed[0]!;
    unknown ??= failed.find((a) => !a.proven)?.reason ?? `${describeBlock(block)} is not implied by ${sameKey.map(describeBlock).join(' and ')} taken one at a time`;
  }
  return unknown === undefined ? holds : { holds: false, proven: false, reason: unknown };
}

/** A block every request satisfies (`StringLike k "*"` with IfExists, `Null k [true, false]`...). */
function isVacuous(block: ConditionBlock): boolean {
  const family = block.operator.operator?.family;
  if (family === 'Null') return new Set(block.values.map((v) => v.toLowerCase())).size === 2;
  if (family === 'Bool' && (block.operator.ifExists || block.operator.qualifier === 'ForAllValues')) return new Set(block.values.map((v) => v.toLowerCase())).size === 2;
  const like = block.operator.baseName === 'StringLike' || block.operator.baseName === 'ArnLike';
  return like && (block.operator.ifExists || block.operator.qualifier === 'ForAllValues') && block.values.some((v) => /^\*+$/.test(v));
}

const negative = new Set([
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
  'ArnNotEquals',
  'ArnNotLike',
  'NumericNotEquals',
  'DateNotEquals',
  'NotIpAddress',
]);

/**
 * Whether the condition holds when the request does not carry the key: IfExists says so; a negated operator is true
 * then (nothing equals the listed values); ForAllValues over no values is true, ForAnyValue false.
 */
function holdsWhenMissing(operator: ParsedOperator): boolean {
  if (operator.qualifier === 'ForAllValues') return true;
  if (operator.qualifier === 'ForAnyValue') return operator.ifExists;
  return operator.ifExists || negative.has(operator.baseName);
}

function unknownAnswer(target: ConditionBlock, covering: ConditionBlock, why = 'the operators cannot be compared'): Implication {
  return { holds: false, proven: false, reason: `${describeBlock(covering)} cannot be proved from ${describeBlock(target)} (${why})` };
}

function proven(target: ConditionBlock, covering: ConditionBlock, example?: string): Implication {
  const instance = example === undefined ? '' : ` (e.g. ${JSON.stringify(example)})`;
  return { holds: false, proven: true, reason: `${describeBlock(target)} admits values${instance} that ${describeBlock(covering)} refuses` };
}

function sameText(a: ConditionBlock, b: ConditionBlock): boolean {
  if (a.operator.text !== b.operator.text) return false;
  const left = [...a.values].sort();
  const right = [...b.values].sort();
  return left.length === right.length && left.every((v, i) => v === right[i]);
}

function blockImplies(target: ConditionBlock, covering: ConditionBlock): Implication {
  if (sameText(target, covering) && !target.unreadable && !covering.unreadable) return holds;
  if (target.unreadable || covering.unreadable) return unknownAnswer(target, covering, 'some values are not plain text');
  const t = target.operator;
  const c = covering.operator;
  if (!t.operator || !c.operator) return unknownAnswer(target, covering, 'unknown operator');
  if (t.qualifier !== c.qualifier) return unknownAnswer(target, covering, 'different set qualifiers');
  if (holdsWhenMissing(t) && !holdsWhenMissing(c)) {
    return { holds: false, proven: true, reason: `${describeBlock(target)} also admits requests without ${target.key}; ${describeBlock(covering)} does not` };
  }
  const tf = t.operator.family;
  const cf = c.operator.family;
  if (tf === 'Null' || cf === 'Null') return nullImplies(target, covering);
  if (tf !== cf && !(isTextual(tf) && isTextual(cf))) return unknownAnswer(target, covering, 'different operator families');
  switch (tf) {
    case 'Numeric':
    case 'Date':
      return rangeImplies(target, covering, tf);
    case 'IPAddress':
      return ipImplies(target, covering);
    default:
      return textImplies(target, covering);
  }
}

function isTextual(family: OperatorFamily): boolean {
  return family === 'String' || family === 'ARN' || family === 'Bool' || family === 'Binary';
}

// ---- strings, ARNs, Bool, Binary: glob languages ----

function textOptions(block: ConditionBlock, ignoreCase: boolean): GlobOptions {
  const name = block.operator.baseName;
  const wildcards = name === 'StringLike' || name === 'StringNotLike' || block.operator.operator!.family === 'ARN';
  return { wildcards, ignoreCase, variables: block.variables && block.operator.operator!.family !== 'Bool' };
}

function isCaseInsensitive(block: ConditionBlock): boolean {
  return block.operator.baseName.endsWith('IgnoreCase') || block.operator.operator!.family === 'Bool';
}

function textImplies(target: ConditionBlock, covering: ConditionBlock): Implication {
  const targetFolds = isCaseInsensitive(target);
  const coveringFolds = isCaseInsensitive(covering);
  // A case-insensitive target admits every case variant: only a case-insensitive cover can be proved to take them.
  if (targetFolds && !coveringFolds) return unknownAnswer(target, covering, 'one compares case-insensitively');
  const fold = targetFolds || coveringFolds;
  const globs = (block: ConditionBlock): Glob[] => block.values.map((v) => parseGlob(v, textOptions(block, fold)));
  // ArnLike matches each of the six ARN fields separately, so a string glob over-approximates it: sound for the
  // target; for the cover, only when the target is an ARN pattern too (then the fields line up the same way).
  if (covering.operator.operator!.family === 'ARN' && target.operator.operator!.family !== 'ARN') {
    return unknownAnswer(target, covering, 'an ARN operator matches field by field');
  }
  const targetValues = globs(target);
  const coveringValues = globs(covering);
  const targetNegative = negative.has(target.operator.baseName);
  const coveringNegative = negative.has(covering.operator.baseName);
  // A string the target admits and the cover refuses.
  const must = [...(targetNegative ? [] : [targetValues]), ...(coveringNegative ? [coveringValues] : [])];
  const mustNot = [...(targetNegative ? targetValues : []), ...(coveringNegative ? [] : coveringValues)];
  const answer = findWitness({ must, mustNot });
  if (answer.found === false) return holds;
  if (answer.found === 'unknown') return unknownAnswer(target, covering, 'the patterns are too complex to compare');
  return fold !== targetFolds ? unknownAnswer(target, covering, 'one compares case-insensitively') : proven(target, covering, answer.example);
}

// ---- Null ----

function nullImplies(target: ConditionBlock, covering: ConditionBlock): Implication {
  // What each admits: the key missing, and/or present (with some value).
  const admits = (block: ConditionBlock): { missing: boolean; present: boolean } => {
    if (block.operator.operator!.family !== 'Null') return { missing: holdsWhenMissing(block.operator), present: true };
    const values = new Set(block.values.map((v) => v.toLowerCase()));
    return { missing: values.has('true'), present: values.has('false') };
  };
  const t = admits(target);
  const c = admits(covering);
  if (t.missing && !c.missing) return proven(target, covering);
  if (!t.present) return holds;
  // The target admits present values: a Null cover takes them all only with "false"; any other operator only some.
  if (covering.operator.operator!.family === 'Null') return c.present ? holds : proven(target, covering);
  return target.operator.operator!.family === 'Null' ? proven(target, covering) : unknownAnswer(target, covering);
}

// ---- Numeric and Date: unions of intervals ----

type Range =
  | { readonly kind: 'points'; readonly values: readonly number[] }
  | { readonly kind: 'notPoints'; readonly values: readonly number[] }
  | { readonly kind: 'below'; readonly bound: number; readonly closed: boolean }
  | { readonly kind: 'above'; readonly bound: number; readonly closed: boolean };

/** A value as the evaluator reads it (conditions.ts), NaN where it reads none: the two must agree on what a value is. */
function numberOf(text: string, family: 'Numeric' | 'Date'): number {
  return (family === 'Numeric' ? parseNumber(text) : parseDate(text)) ?? NaN;
}

function rangeOf(block: ConditionBlock, family: 'Numeric' | 'Date'): Range | undefined {
  const values = block.values.map((v) => numberOf(v, family));
  if (values.length === 0 || values.some((v) => Number.isNaN(v))) return undefined;
  const name = block.operator.baseName.slice(family.length);
  switch (name) {
    case 'Equals':
      return { kind: 'points', values };
    case 'NotEquals':
      return { kind: 'notPoints', values };
    // Several values are alternatives: `< any of them` is `< the largest`.
    case 'LessThan':
      return { kind: 'below', bound: Math.max(...values), closed: false };
    case 'LessThanEquals':
      return { kind: 'below', bound: Math.max(...values), closed: true };
    case 'GreaterThan':
      return { kind: 'above', bound: Math.min(...values), closed: false };
    case 'GreaterThanEquals':
      return { kind: 'above', bound: Math.min(...values), closed: true };
    default:
      return undefined;
  }
}

function inRange(value: number, range: Range): boolean {
  switch (range.kind) {
    case 'points':
      return range.values.includes(value);
    case 'notPoints':
      return !range.values.includes(value);
    case 'below':
      return value < range.bound || (range.closed && value === range.bound);
    case 'above':
      return value > range.bound || (range.closed && value === range.bound);
  }
}

function rangeImplies(target: ConditionBlock, covering: ConditionBlock, family: 'Numeric' | 'Date'): Implication {
  const t = rangeOf(target, family);
  const c = rangeOf(covering, family);
  if (!t || !c) return unknownAnswer(target, covering, 'values that are not plain numbers or dates');
  const answer = (ok: boolean) => (ok ? holds : proven(target, covering));
  switch (t.kind) {
    case 'points':
      return answer(t.values.every((v) => inRange(v, c)));
    case 'notPoints':
      return answer(c.kind === 'notPoints' && c.values.every((v) => t.values.includes(v)));
    case 'below':
    case 'above':
      if (c.kind === 'notPoints') return answer(c.values.every((v) => !inRange(v, t)));
      if (c.kind !== t.kind) return answer(false);
      if (t.kind === 'below') return answer(t.bound < c.bound || (t.bound === c.bound && (!t.closed || c.closed)));
      return answer(t.bound > c.bound || (t.bound === c.bound && (!t.closed || c.closed)));
  }
}

// ---- IpAddress and NotIpAddress: address ranges ----

interface AddressRange {
  readonly v6: boolean;
  readonly first: bigint;
  readonly last: bigint;
}

function addressRange(text: string): AddressRange | undefined {
  const range = parseIpRange(text.trim());
  return range && { v6: range.version === 6, ...rangeBounds(range) };
}

function ipImplies(target: ConditionBlock, covering: ConditionBlock): Implication {
  const t = target.values.map(addressRange);
  const c = covering.values.map(addressRange);
  if (t.some((r) => !r) || c.some((r) => !r)) return unknownAnswer(target, covering, 'values that are not IP addresses or CIDR ranges');
  const ts = t as AddressRange[];
  const cs = c as AddressRange[];
  const inside = (a: AddressRange, b: AddressRange) => a.v6 === b.v6 && a.first >= b.first && a.last <= b.last;
  const meets = (a: AddressRange, b: AddressRange) => a.v6 === b.v6 && a.first <= b.last && b.first <= a.last;
  const pointIn = (v6: boolean, point: bigint, b: AddressRange) => b.v6 === v6 && point >= b.first && point <= b.last;
  const targetNot = target.operator.baseName === 'NotIpAddress';
  const coveringNot = covering.operator.baseName === 'NotIpAddress';
  if (!targetNot && !coveringNot) {
    if (ts.every((a) => cs.some((b) => inside(a, b)))) return holds;
    const outside = ts.find((a) => !cs.some((b) => pointIn(a.v6, a.first, b)));
    return outside ? proven(target, covering) : unknownAnswer(target, covering, 'ranges covered only by several together');
  }
  if (targetNot && coveringNot) return cs.every((b) => ts.some((a) => inside(b, a))) ? holds : unknownAnswer(target, covering);
  if (!targetNot && coveringNot) {
    if (ts.every((a) => !cs.some((b) => meets(a, b)))) return holds;
    return ts.some((a) => cs.some((b) => inside(a, b))) ? proven(target, covering) : unknownAnswer(target, covering);
  }
  return unknownAnswer(target, covering);
}
