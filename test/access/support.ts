/** Building policies and requests for the evaluator's tests. */
import type { PolicyType } from '../../shared/settings';
import { evaluateAccess, type AccessEvaluation, type PolicyInput } from '../../server/src/access/evaluate';
import { createRequest, type RequestInput } from '../../server/src/access/request';
import { parsePolicy } from '../../server/src/policy/parse';
import { documentOf } from '../support/documents';

export function policyOf(source: object | string, type: PolicyType = 'identity', name = `${type}.json`): PolicyInput {
  const text = typeof source === 'string' ? source : JSON.stringify(source, null, 2);
  return { model: parsePolicy(documentOf(text, `file:///work/${name}`)), type, name };
}

/** A 2012-10-17 policy of the given statements. */
export function statements(...list: object[]): object {
  return { Version: '2012-10-17', Statement: list };
}

export function decide(policies: readonly PolicyInput[], request: RequestInput): AccessEvaluation {
  return evaluateAccess(policies, createRequest(request));
}

/** Context pairs from an object: an array value is a multivalued key. */
export function contextOf(values: Record<string, string | readonly string[]>): [string, string | readonly string[]][] {
  return Object.entries(values);
}
