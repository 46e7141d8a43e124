/**
 * Removing a whole statement, for statements that have no effect at all (an empty Action or Resource list). Only
 * offered when the Statement array keeps at least one statement that does have an effect: a policy whose statements
 * are all removed is no longer a policy AWS accepts, and that is not a safe change.
 */
import type { PolicyModel, Statement } from '../../policy/model';
import { removeNode } from './edits';
import type { Edit } from '../types';

/** A statement with `"Action": []` or `"Resource": []` matches no request, so it neither allows nor denies. */
export function hasNoEffect(statement: Statement): boolean {
  const empty = (list: Statement['action']) => !!list?.isArray && list.values.length === 0 && list.invalid.length === 0;
  return empty(statement.action) || empty(statement.resource);
}

export function removeStatementEdit(policy: PolicyModel, statement: Statement): Edit | undefined {
  if (policy.statementElement?.valueNode?.type !== 'array') return undefined;
  const othersRemain = policy.statements.some((other) => other !== statement && !hasNoEffect(other));
  return othersRemain ? removeNode(statement.node) : undefined;
}
