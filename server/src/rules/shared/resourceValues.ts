/**
 * Every string of every Resource and NotResource element of a list of statements, read once per list as an ARN (see
 * arnFields.ts) and shared by the ARN rules. Principal ARNs and condition values are not resources and are not here.
 */
import shorthandData from '../../../../data/resource-shorthands.json';
import type { ListElement, Statement, StringValue } from '../../policy/model';
import { readResource, type ResourceShape } from './arnFields';
import type { PolicyType } from '../types';
import { DocumentMemo } from '../../policy/documentMemo';

export interface ResourceValue {
  readonly statement: Statement;
  readonly element: ListElement;
  readonly value: StringValue;
  /** `shorthand`: a service's documented abbreviation (data/resource-shorthands.json), not judged as an ARN. */
  readonly shape: ResourceShape | { readonly kind: 'shorthand' };
}

interface Shorthand {
  readonly prefix: string;
  readonly policyTypes: readonly PolicyType[];
}

const shorthands = shorthandData.shorthands as readonly Shorthand[];

/**
 * The policy types whose statements have a Resource to check. A role trust policy must not have one at all, which
 * is a finding of its own (role-trust-policy-syntax-error-resource), so the ARN rules stay silent there.
 */
export const arnPolicyTypes: readonly PolicyType[] = ['identity', 'resource', 'scp', 'rcp', 'permissions-boundary', 'session'];

// By list: the rules of a run are given the same list (a rule's `context.statements`).
const memo = new DocumentMemo<
  readonly Statement[],
  { policyType: PolicyType; values: readonly ResourceValue[]; byStatement?: Map<Statement, ResourceValue[]> }
>('resource values');

export function resourceValuesOf(statements: readonly Statement[], policyType: PolicyType): readonly ResourceValue[] {
  const cached = memo.get(statements);
  if (cached?.policyType === policyType) return cached.values;
  const values: ResourceValue[] = [];
  for (const statement of statements) {
    for (const element of [statement.resource, statement.notResource]) {
      if (!element) continue;
      for (const value of element.values) values.push({ statement, element, value, shape: shapeOf(value.value, policyType) });
    }
  }
  memo.set(statements, { policyType, values });
  return values;
}

/** The values of one statement of the list, read as `resourceValuesOf` reads them (without a scan of the whole list). */
export function resourceValuesIn(statements: readonly Statement[], statement: Statement, policyType: PolicyType): readonly ResourceValue[] {
  const values = resourceValuesOf(statements, policyType);
  const cached = memo.get(statements)!;
  if (!cached.byStatement) {
    cached.byStatement = new Map();
    for (const value of values) {
      const own = cached.byStatement.get(value.statement);
      if (own) own.push(value);
      else cached.byStatement.set(value.statement, [value]);
    }
  }
  return cached.byStatement.get(statement) ?? [];
}

function shapeOf(value: string, policyType: PolicyType): ResourceValue['shape'] {
  const shorthand = shorthands.some((s) => s.policyTypes.includes(policyType) && value.startsWith(s.prefix));
  return shorthand ? { kind: 'shorthand' } : readResource(value);
}
