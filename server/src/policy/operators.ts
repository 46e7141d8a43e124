/**
 * Condition operator names as IAM reads them: an optional set qualifier (`ForAllValues:` / `ForAnyValue:`), a base
 * operator from data/condition-operators.json, and an optional `IfExists` suffix. Names are case-sensitive.
 */
import operatorData from '../../../data/condition-operators.json';

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IPAddress' | 'ARN' | 'Null';
export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

export interface OperatorInfo {
  readonly name: string;
  readonly family: OperatorFamily;
  readonly description: string;
}

export interface ParsedOperator {
  /** The name as written. */
  readonly text: string;
  readonly qualifier: SetQualifier | undefined;
  /** The operator without qualifier and IfExists, e.g. `StringLike`. */
  readonly baseName: string;
  readonly ifExists: boolean;
  /** The known base operator, or undefined when the base name is not an IAM operator. */
  readonly operator: OperatorInfo | undefined;
}

export const conditionOperators: readonly OperatorInfo[] = operatorData.operators as OperatorInfo[];
const byName = new Map(conditionOperators.map((o) => [o.name, o]));

export function findOperator(baseName: string): OperatorInfo | undefined {
  return byName.get(baseName);
}

export function parseOperator(text: string): ParsedOperator {
  let rest = text;
  let qualifier: SetQualifier | undefined;
  for (const candidate of ['ForAllValues', 'ForAnyValue'] as const) {
    if (rest.startsWith(`${candidate}:`)) {
      qualifier = candidate;
      rest = rest.slice(candidate.length + 1);
      break;
    }
  }
  const ifExists = rest.endsWith('IfExists') && rest.length > 'IfExists'.length;
  const baseName = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
  return { text, qualifier, baseName, ifExists, operator: byName.get(baseName) };
}
