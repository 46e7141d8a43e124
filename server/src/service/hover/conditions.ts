/**
 * Hover on a condition operator (what it compares, what its set qualifier and IfExists add) and on a condition key
 * (what it holds, its type, single- or multivalued, and how many of the statement's actions supply it).
 */
import { displayFormat } from '../../catalog/arn';
import type { Catalog } from '../../catalog/types';
import type { ConditionOperatorEntry, Statement } from '../../policy/model';
import { parseOperator } from '../../policy/operators';
import { fitsOperator } from '../completion/conditions';
import { code, plural } from '../markdown';
import { operatorModifiers } from '../referenceData';
import { statementKeys } from '../statementKeys';

export function operatorHover(text: string): string {
  const parsed = parseOperator(text);
  if (!parsed.operator) return `${code(text)} is not an IAM condition operator.\n\n[Condition operators](${operatorModifiers.source})`;
  const parts = [`**${text}** · ${parsed.operator.family} operator`, parsed.operator.description];
  if (parsed.qualifier) parts.push(operatorModifiers.qualifiers[parsed.qualifier]);
  if (parsed.ifExists) parts.push(operatorModifiers.ifExists);
  parts.push(`[Condition operators](${operatorModifiers.source})`);
  return parts.join('\n\n');
}

export function conditionKeyHover(written: string, operator: ConditionOperatorEntry, statement: Statement, catalog: Catalog): string {
  const key = catalog.findConditionKey(written);
  if (!key) return `${code(written)} is not a condition key in IAM data ${catalog.info.dataVersion}.`;
  const multivalued = key.type.startsWith('ArrayOf');
  const kind = key.global ? 'global key' : 'service key';
  const parts = [`**${written}** · ${key.type} · ${multivalued ? 'multivalued' : 'single-valued'} · ${kind}`];
  if (key.key !== written) parts.push(`Template ${code(displayFormat(key.key))}.`);
  parts.push(key.description);
  const { counts, actionCount } = statementKeys(statement, catalog);
  const supporting = counts.get(key) ?? 0;
  if (actionCount > 0 && !key.global) {
    parts.push(
      actionCount === 1
        ? supporting === 0
          ? "The statement's one action does not supply this key, so it is absent from its requests."
          : "Supplied by the statement's one action."
        : supporting === 0
          ? `None of the statement's ${plural(actionCount, 'action')} supplies this key, so it is absent from their requests.`
          : `Supplied by ${supporting === actionCount ? 'all' : supporting} of the statement's ${plural(actionCount, 'action')}.`,
    );
  }
  const parsed = parseOperator(operator.operator);
  if (parsed.operator && !fitsOperator(parsed.operator.family, key.type, parsed.qualifier)) {
    const needsQualifier = multivalued && !parsed.qualifier;
    parts.push(
      needsQualifier
        ? `A multivalued key: compare it with \`ForAnyValue:\` or \`ForAllValues:\` ${code(parsed.baseName)}.`
        : `${code(operator.operator)} is meant for ${parsed.qualifier ? 'multivalued ' : ''}${parsed.operator.family} values; this key holds ${key.type}.`,
    );
  }
  return parts.join('\n\n');
}
