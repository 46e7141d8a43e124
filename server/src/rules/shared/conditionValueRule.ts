/**
 * The shape shared by the type-mismatch-* rules: every value of an operator of one family must parse. Values with a
 * policy variable are left alone (their value is only known at request time), and so are placeholders
 * (`<my-corporate-cidr>`): unfilled-placeholder reports them.
 */
import { hasPlaceholder } from '../../policy/placeholders';
import type { OperatorFamily } from '../../policy/operators';
import { conditionEntries, hasVariable, valueText } from './conditionEntries';
import type { RuleContext } from '../types';

export function checkValues(
  context: RuleContext,
  families: readonly OperatorFamily[],
  accepts: (value: string | number | boolean) => boolean,
  messageId: string,
): void {
  for (const { key, parsed } of conditionEntries(context.statements, context.catalog)) {
    const family = parsed.operator?.family;
    if (!family || !families.includes(family)) continue;
    for (const value of key.values) {
      const text = valueText(value.value);
      if (hasVariable(text) || accepts(value.value) || hasPlaceholder(text)) continue;
      context.report({ node: value.node, messageId, data: { value: text, operator: parsed.text, key: key.key } });
    }
  }
}
