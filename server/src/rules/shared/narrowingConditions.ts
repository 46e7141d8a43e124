/**
 * Does a statement's Condition genuinely narrow what it grants, and in which way? The least-privilege rules ask this
 * before reporting a broad grant. Which global keys narrow what is data (data/narrowing-condition-keys.json); this
 * module decides when a test on such a key restricts at all (a positive operator, no IfExists, a value other than a
 * bare `*`) and judges service-specific keys from the catalogue.
 */
import narrowingData from '../../../../data/narrowing-condition-keys.json';
import type { Action, Catalog } from '../../catalog/types';
import type { ConditionKeyEntry, ConditionOperatorEntry, Statement } from '../../policy/model';
import { parseOperator, type ParsedOperator } from '../../policy/operators';
import { DocumentMemo } from '../../policy/documentMemo';

export type NarrowingKind = 'mfa' | 'network' | 'principal' | 'resource' | 'request';

export interface NarrowingKeyFact {
  readonly key: string;
  readonly narrows: NarrowingKind;
  readonly reason: string;
  readonly source: string;
}

export interface NonNarrowingKeyFact {
  readonly key: string;
  readonly reason: string;
  readonly source: string;
}

export const narrowingKeyFacts: readonly NarrowingKeyFact[] = narrowingData.keys as NarrowingKeyFact[];
export const nonNarrowingKeyFacts: readonly NonNarrowingKeyFact[] = narrowingData.doesNotNarrow;

const kindByKey = new Map(narrowingKeyFacts.map((fact) => [fact.key.toLowerCase(), fact.narrows]));

/** One key test of a Condition: `"StringEquals": { "aws:SourceVpc": "vpc-1" }` has one. */
export interface ConditionTest {
  readonly operator: ParsedOperator;
  readonly operatorEntry: ConditionOperatorEntry;
  readonly keyEntry: ConditionKeyEntry;
  /** The catalogue's spelling (`aws:ResourceTag/${TagKey}` for `aws:ResourceTag/team`), or undefined when unknown. */
  readonly canonicalKey: string | undefined;
  /** True for `aws:` keys and the other global keys; unknown keys count as global when they start with `aws:`. */
  readonly global: boolean;
}

const memo = new DocumentMemo<Statement, { catalog: Catalog; tests: ConditionTest[] }>('condition tests');
const NO_TESTS: readonly ConditionTest[] = Object.freeze([]);

/** Every key test of the statement's Condition, in document order (memoised: several rules ask per statement). */
export function conditionTests(statement: Statement, catalog: Catalog): readonly ConditionTest[] {
  // Most statements have no Condition: nothing to remember for them.
  if (!statement.condition?.operators.length) return NO_TESTS;
  const cached = memo.get(statement);
  if (cached?.catalog === catalog) return cached.tests;
  const tests: ConditionTest[] = [];
  for (const operatorEntry of statement.condition?.operators ?? []) {
    const operator = parseOperator(operatorEntry.operator);
    for (const keyEntry of operatorEntry.keys) {
      const known = catalog.findConditionKey(keyEntry.key);
      tests.push({
        operator,
        operatorEntry,
        keyEntry,
        canonicalKey: known?.key,
        global: known ? known.global : keyEntry.key.toLowerCase().startsWith('aws:'),
      });
    }
  }
  memo.set(statement, { catalog, tests });
  return tests;
}

/** Operators that match by exclusion: "anything but X" leaves the grant as broad as before. */
const negatedOperators = new Set([
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
  'NumericNotEquals',
  'DateNotEquals',
  'NotIpAddress',
  'ArnNotEquals',
  'ArnNotLike',
]);

/**
 * Whether a test can only let fewer requests through: a known, positive operator without IfExists (which passes when
 * the key is absent), not Null, not ForAllValues (true for an absent key too), with some value other than `*`.
 */
export function restricts(test: ConditionTest): boolean {
  const { operator } = test;
  if (!operator.operator || operator.ifExists || operator.qualifier === 'ForAllValues') return false;
  if (operator.operator.family === 'Null' || negatedOperators.has(operator.baseName)) return false;
  return test.keyEntry.values.some((v) => !(typeof v.value === 'string' && /^\*+$/.test(v.value)));
}

/** What a restricting test narrows: a kind from the data, `service` for a service-specific key, else undefined. */
export function narrowingOf(test: ConditionTest): NarrowingKind | 'service' | undefined {
  if (!restricts(test)) return undefined;
  const key = (test.canonicalKey ?? test.keyEntry.key).toLowerCase();
  const kind = kindByKey.get(key);
  if (kind === 'mfa') return asksForMfa(test) ? 'mfa' : undefined;
  if (kind) return kind;
  return test.global ? undefined : 'service';
}

/** True when some condition of the statement narrows it in any way. */
export function narrowsAnything(statement: Statement, catalog: Catalog): boolean {
  return conditionTests(statement, catalog).some((test) => narrowingOf(test) !== undefined);
}

/**
 * True when a condition limits the resources the actions apply to: a global resource key (`aws:ResourceTag/...`,
 * `aws:ResourceAccount`...) or a service key that the catalogue lists for one of the actions' resource types.
 */
export function narrowsResources(statement: Statement, actions: readonly Action[], catalog: Catalog): boolean {
  const serviceKeys: string[] = [];
  for (const test of conditionTests(statement, catalog)) {
    const kind = narrowingOf(test);
    if (kind === 'resource') return true;
    if (kind === 'service' && test.canonicalKey) serviceKeys.push(test.canonicalKey);
  }
  return serviceKeys.length > 0 && keysOfResourceTypes(actions, serviceKeys);
}

/**
 * True when a condition narrows the statement for the given actions: a global key of any kind (data), a service key
 * that the catalogue lists for one of the actions' resource types, or a service key of the request that names things
 * (`kms:ViaService`, `cloudwatch:namespace`, `ec2:CreateAction`). A Boolean request key only picks an option of the
 * request (`kms:GrantIsForAWSResource` on `kms:CreateGrant`, `dynamodb:FullTableScan`): every resource stays
 * reachable, so it does not make a grant on every resource narrow.
 */
export function narrowsFor(statement: Statement, actions: () => readonly Action[], catalog: Catalog): boolean {
  for (const test of conditionTests(statement, catalog)) {
    const kind = narrowingOf(test);
    if (kind === undefined) continue;
    if (kind !== 'service' || !test.canonicalKey) return true;
    // The actions are asked for only here (built by the caller on demand): a boolean service key is rare.
    if (!isBooleanKey(catalog, test.canonicalKey) || keysOfResourceTypes(actions(), [test.canonicalKey])) return true;
  }
  return false;
}

function isBooleanKey(catalog: Catalog, key: string): boolean {
  const type = catalog.findConditionKey(key)?.type;
  return type === 'Bool' || type === 'ArrayOfBool';
}

/** Whether one of the keys is listed for one of the actions' resource types (on the type or on the action's row). */
function keysOfResourceTypes(actions: readonly Action[], keys: readonly string[]): boolean {
  return actions.some((action) =>
    action.resourceTypes.some((row) => keys.some((key) => row.resourceType.conditionKeys.includes(key) || row.conditionKeys.includes(key))),
  );
}

/** True when a restricting condition tests one of the given keys (canonical spellings, case-insensitive). */
export function restrictsKeys(statement: Statement, catalog: Catalog, keys: readonly string[]): boolean {
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  return conditionTests(statement, catalog).some(
    (test) => restricts(test) && wanted.has((test.canonicalKey ?? test.keyEntry.key).toLowerCase()),
  );
}

/**
 * The values a restricting condition allows for a key (every restricting test on it, flattened), or undefined when
 * no condition restricts the key. String values only; `StringLike` values keep their wildcards.
 */
export function allowedValues(statement: Statement, catalog: Catalog, key: string): string[] | undefined {
  const wanted = key.toLowerCase();
  const tests = conditionTests(statement, catalog).filter(
    (test) => restricts(test) && (test.canonicalKey ?? test.keyEntry.key).toLowerCase() === wanted,
  );
  if (tests.length === 0) return undefined;
  return tests.flatMap((test) => test.keyEntry.values.flatMap((v) => (typeof v.value === 'string' ? [v.value] : [])));
}

const mfaPresent = 'aws:multifactorauthpresent';
const mfaAge = 'aws:multifactorauthage';

/** A test that asks for MFA: `aws:MultiFactorAuthPresent` true, or any numeric test of `aws:MultiFactorAuthAge`. */
function asksForMfa(test: ConditionTest): boolean {
  const key = test.keyEntry.key.toLowerCase();
  if (key === mfaAge) return test.operator.operator?.family === 'Numeric';
  if (key !== mfaPresent || test.operator.operator?.family !== 'Bool') return false;
  return test.keyEntry.values.some((v) => isTrue(v.value));
}

/**
 * How a statement's Condition treats MFA: `required` when it asks for it with an operator that fails closed,
 * `if-present` when it asks for it only if the key exists (BoolIfExists ... true: long-term keys pass), else none.
 */
export function mfaRequirement(statement: Statement, catalog: Catalog): 'required' | 'if-present' | undefined {
  let result: 'required' | 'if-present' | undefined;
  for (const test of conditionTests(statement, catalog)) {
    const key = test.keyEntry.key.toLowerCase();
    if (key !== mfaPresent && key !== mfaAge) continue;
    if (!asksForMfa(test) || !test.operator.operator || test.operator.qualifier) continue;
    if (!test.operator.ifExists) return 'required';
    result = 'if-present';
  }
  return result;
}

/**
 * Whether a Deny statement's condition denies requests made without MFA: `BoolIfExists` (or `Bool`) with
 * `aws:MultiFactorAuthPresent` false, `Null` with `aws:MultiFactorAuthPresent` true, or a greater-than test of
 * `aws:MultiFactorAuthAge`. AWS's examples use this to require MFA for everything the Deny names.
 */
export function deniesWithoutMfa(statement: Statement, catalog: Catalog): boolean {
  return conditionTests(statement, catalog).some((test) => {
    const key = test.keyEntry.key.toLowerCase();
    const family = test.operator.operator?.family;
    if (test.operator.qualifier) return false;
    if (key === mfaPresent && family === 'Bool') return test.keyEntry.values.some((v) => isFalse(v.value));
    if (key === mfaPresent && family === 'Null') return test.keyEntry.values.some((v) => isTrue(v.value));
    if (key === mfaAge && family === 'Numeric') return test.operator.baseName.startsWith('NumericGreaterThan');
    return false;
  });
}

/**
 * Whether an Allow's condition asks for the absence of MFA: `Bool` or `BoolIfExists` with `aws:MultiFactorAuthPresent`
 * false only. Such an Allow applies to sessions without MFA (and, with IfExists, to long-term access keys): the
 * opposite of requiring MFA, which mfa-check-fails-open reports.
 */
export function asksForNoMfa(statement: Statement, catalog: Catalog): boolean {
  return conditionTests(statement, catalog).some(
    (test) =>
      test.keyEntry.key.toLowerCase() === mfaPresent &&
      test.operator.operator?.family === 'Bool' &&
      !test.operator.qualifier &&
      test.keyEntry.values.length > 0 &&
      test.keyEntry.values.every((v) => isFalse(v.value)),
  );
}

export function isTrue(value: string | number | boolean): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

export function isFalse(value: string | number | boolean): boolean {
  return value === false || (typeof value === 'string' && value.toLowerCase() === 'false');
}
