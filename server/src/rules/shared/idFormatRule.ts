/** The shape of invalid-vpc-format and invalid-vpce-format: String-operator values of some keys must be IDs. */
import { hasPlaceholder } from '../../policy/placeholders';
import { conditionEntries, hasVariable, valueText } from './conditionEntries';
import type { RuleContext } from '../types';
import type { IdFormat } from './valueFormats';

export function checkIdFormat(context: RuleContext, format: IdFormat, messageId: string): void {
  for (const { key, parsed } of conditionEntries(context.statements, context.catalog)) {
    if (parsed.operator?.family !== 'String' || !format.keys.has(key.key.toLowerCase())) continue;
    for (const value of key.values) {
      const text = valueText(value.value);
      // Patterns and variables stand for IDs we cannot see; wildcards under exact operators are another rule's; a
      // placeholder (`<my-vpc>`) is unfilled-placeholder's.
      if (hasVariable(text) || text.includes('*') || text.includes('?') || hasPlaceholder(text)) continue;
      const candidate = parsed.baseName.includes('IgnoreCase') ? text.toLowerCase() : text;
      if (format.matches(candidate)) continue;
      context.report({ node: value.node, messageId, data: { value: text, key: key.key, example: format.example } });
    }
  }
}
