/**
 * Every `operator -> key -> values` triple of a list of statements, with the operator parsed and the key resolved
 * once, so the condition rules agree on what each part is.
 */
import type { Catalog } from '../../catalog/types';
import type { ConditionKeyEntry, ConditionOperatorEntry, Statement } from '../../policy/model';
import { parseOperator, type ParsedOperator } from '../../policy/operators';
import { resolveConditionKey, type KeyResolution } from './conditionKeys';
import { DocumentMemo } from '../../policy/documentMemo';

export interface ConditionEntry {
  readonly statement: Statement;
  readonly operator: ConditionOperatorEntry;
  readonly parsed: ParsedOperator;
  readonly key: ConditionKeyEntry;
  readonly resolution: KeyResolution;
}

// By list: the rules of a run are given the same list (a rule's `context.statements`).
const memo = new DocumentMemo<readonly Statement[], ConditionEntry[]>('condition entries');

export function conditionEntries(statements: readonly Statement[], catalog: Catalog): readonly ConditionEntry[] {
  let entries = memo.get(statements);
  if (!entries) {
    entries = [];
    for (const statement of statements) {
      for (const operator of statement.condition?.operators ?? []) {
        const parsed = parseOperator(operator.operator);
        for (const key of operator.keys) {
          entries.push({ statement, operator, parsed, key, resolution: resolveConditionKey(catalog, key.key) });
        }
      }
    }
    memo.set(statements, entries);
  }
  return entries;
}

/** A condition value as the text IAM compares (JSON numbers and booleans are read as their text). */
export function valueText(value: string | number | boolean): string {
  return typeof value === 'string' ? value : String(value);
}

/** Whether a value uses a policy variable, which stands for a value only known at request time. */
export function hasVariable(text: string): boolean {
  return text.includes('${');
}
