import type { ConditionKeyType } from '../catalog/types';
import type { OperatorFamily } from '../policy/operators';
import { conditionEntries } from './shared/conditionEntries';
import { keyType, type KnownKey } from './shared/conditionKeys';
import { defineRule } from './types';
import { withIndefiniteArticle } from '../../../shared/indefiniteArticle';

/**
 * The operator families each key type takes. String operators also compare ARNs, and ARN operators compare String
 * keys whose values are ARNs (AWS's own examples use ArnLike on kms:EncryptionContext:aws:logs:arn, a String key).
 */
const familiesByType: Record<string, readonly OperatorFamily[]> = {
  String: ['String', 'ARN'],
  ARN: ['ARN', 'String'],
  Numeric: ['Numeric'],
  Date: ['Date'],
  Bool: ['Bool'],
  IPAddress: ['IPAddress'],
  Binary: ['Binary'],
};

const operatorExamples: Record<OperatorFamily, string> = {
  String: 'StringEquals or StringLike',
  ARN: 'ArnEquals or ArnLike',
  Numeric: 'NumericEquals or NumericLessThan',
  Date: 'DateGreaterThan or DateLessThan',
  Bool: 'Bool',
  IPAddress: 'IpAddress or NotIpAddress',
  Binary: 'BinaryEquals',
  Null: 'Null',
};

export function familiesFor(type: ConditionKeyType, info: KnownKey | undefined): readonly OperatorFamily[] {
  const base = type.replace(/^ArrayOf/, '');
  return [...(familiesByType[base] ?? []), ...(info?.alsoAccepts ?? [])];
}

export default defineRule({
  id: 'type-mismatch',
  severity: 'warning',
  scope: 'statement',
  summary: 'The condition operator compares a different type of value than the key holds (NumericEquals on a String key).',
  messages: {
    mismatch: '"{key}" holds {type} values, which "{operator}" cannot compare. Use {family} operator such as {examples}.',
  },
  check({ statements, catalog, report }) {
    for (const { key, parsed, resolution } of conditionEntries(statements, catalog)) {
      const family = parsed.operator?.family;
      const type = keyType(resolution);
      if (!family || family === 'Null' || !type) continue;
      const info = resolution.kind === 'known' || resolution.kind === 'deprecated' ? resolution.info : undefined;
      const families = familiesFor(type, info);
      if (families.length === 0 || families.includes(family)) continue;
      report({
        node: key.keyNode,
        messageId: 'mismatch',
        data: { key: key.key, type, operator: parsed.text, family: withIndefiniteArticle(families[0]!), examples: operatorExamples[families[0]!] },
      });
    }
  },
});
