/** Renaming a condition operator in place, unless the new name is already an operator of the same Condition. */
import type { ConditionOperatorEntry, Statement } from '../../policy/model';
import { replaceWithString } from './edits';
import type { Fix } from '../types';

export function renameOperator(statement: Statement, operator: ConditionOperatorEntry, name: string, title: string): Fix | undefined {
  const taken = (statement.condition?.operators ?? []).some((o) => o !== operator && o.operator === name);
  return taken ? undefined : { title, edits: [replaceWithString(operator.keyNode, name)] };
}

export function operatorName(qualifier: string | undefined, baseName: string, ifExists: boolean): string {
  return `${qualifier ? `${qualifier}:` : ''}${baseName}${ifExists ? 'IfExists' : ''}`;
}
