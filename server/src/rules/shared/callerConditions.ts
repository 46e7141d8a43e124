/**
 * Whether a statement's Condition narrows who can use a grant: the keys come from
 * data/public-access-condition-keys.json, each with the kind of value that makes it narrow.
 *
 * In an Allow, a key narrows only under a positive operator (StringEquals, StringLike, ArnLike, IpAddress...) with no
 * IfExists (an absent key would then match) and no ForAllValues (true when the key is absent), and only when every
 * value is narrow: one `*` among the values lets everyone in, since values are alternatives.
 * In a Deny, the mirror image: a negated operator (StringNotEquals...) denies everyone outside the named values, with
 * or without IfExists (an absent key makes the negated test true, so the Deny applies).
 */
import keyData from '../../../../data/public-access-condition-keys.json';
import type { ConditionKeyEntry, ConditionOperatorEntry, Statement } from '../../policy/model';
import { parseOperator } from '../../policy/operators';
import { isAccountId, splitArn } from '../../policy/arnParts';

export type ValueKind = 'account' | 'arn' | 'org-id' | 'org-path' | 'ip-range' | 'id' | 'user-id';

export interface NarrowingKey {
  readonly key: string;
  readonly value: ValueKind;
}

function keyMap(entries: readonly { key: string; value: string }[]): ReadonlyMap<string, NarrowingKey> {
  return new Map(entries.map((e) => [e.key.toLowerCase(), { key: e.key, value: e.value as ValueKind }]));
}

/** Keys that keep a grant to everyone from being public (public-principal). */
export const callerKeys = keyMap(keyData.callerKeys);
/** Keys that tie a service principal's request to a source (restrict-access-to-service-principal). */
export const serviceSourceKeys = keyMap(keyData.serviceSourceKeys);

const positiveOperators = new Set(['StringEquals', 'StringEqualsIgnoreCase', 'StringLike', 'ArnEquals', 'ArnLike', 'IpAddress']);
const negatedOperators = new Set(['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike', 'ArnNotEquals', 'ArnNotLike', 'NotIpAddress']);

function onlyWildcards(text: string): boolean {
  return /^[*?]*$/.test(text);
}

function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/** Whether one condition value limits the key to something specific, for the key's kind of value. */
export function isNarrowValue(kind: ValueKind, raw: string | number | boolean): boolean {
  const text = String(raw).trim();
  if (text.length === 0 || onlyWildcards(text)) return false;
  // A policy variable compares with another request value (`${aws:ResourceOrgID}`): trust it to be specific.
  if (text.includes('${')) return true;
  switch (kind) {
    case 'account':
      return isAccountId(text);
    case 'org-id':
    case 'id':
      return !hasWildcard(text);
    case 'org-path':
      return !hasWildcard(text.split('/')[0]!);
    case 'user-id':
      return !hasWildcard(text.split(':')[0]!) && text.split(':')[0]!.length > 0;
    case 'ip-range':
      return text !== '0.0.0.0/0' && text !== '::/0';
    case 'arn': {
      const arn = splitArn(text);
      if (!arn) return !hasWildcard(text);
      if (hasWildcard(arn.account)) return false;
      // No account field (S3 buckets): names are global, so a wildcard in the bucket name can match anyone's bucket.
      const name = arn.resource.split('/')[0]!;
      return arn.account.length > 0 || (name.length > 0 && !hasWildcard(name));
    }
  }
}

/**
 * A value a host computes (`!Ref Topic`, `aws_sns_topic.t.arn`) counts as narrow: it names the user's own resource or
 * parameter, and nothing can be said against it. Any written value must be narrow too.
 */
function allValuesNarrow(key: ConditionKeyEntry, kind: ValueKind): boolean {
  const computed = key.opaque?.length ?? 0;
  return key.values.length + computed > 0 && key.invalid.length === 0 && key.values.every((v) => isNarrowValue(kind, v.value));
}

export interface NarrowingCondition {
  readonly operator: ConditionOperatorEntry;
  readonly key: ConditionKeyEntry;
  readonly narrowing: NarrowingKey;
}

function conditionsWhere(
  statement: Statement,
  keys: ReadonlyMap<string, NarrowingKey>,
  accepts: (operator: ConditionOperatorEntry) => boolean,
): NarrowingCondition[] {
  const found: NarrowingCondition[] = [];
  for (const operator of statement.condition?.operators ?? []) {
    if (!accepts(operator)) continue;
    for (const key of operator.keys) {
      const narrowing = keys.get(key.key.toLowerCase());
      if (narrowing && allValuesNarrow(key, narrowing.value)) found.push({ operator, key, narrowing });
    }
  }
  return found;
}

/** Conditions of an Allow statement that limit it to the values they name. */
export function allowNarrowing(statement: Statement, keys: ReadonlyMap<string, NarrowingKey>): NarrowingCondition[] {
  return conditionsWhere(statement, keys, (operator) => {
    const parsed = parseOperator(operator.operator);
    return positiveOperators.has(parsed.baseName) && !parsed.ifExists && parsed.qualifier !== 'ForAllValues';
  });
}

/** Conditions of a Deny statement that deny everyone outside the values they name. */
export function denyNarrowing(statement: Statement, keys: ReadonlyMap<string, NarrowingKey>): NarrowingCondition[] {
  return conditionsWhere(statement, keys, (operator) => {
    const parsed = parseOperator(operator.operator);
    return negatedOperators.has(parsed.baseName) && parsed.qualifier === undefined;
  });
}
