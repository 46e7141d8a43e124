import type { ConditionKeyEntry, ConditionOperatorEntry, PolicyModel, Statement } from '../policy/model';
import { parseOperator } from '../policy/operators';
import { insertProperty, removeNode, replaceWithString } from './shared/edits';
import { isAllow, isDeny } from './shared/grants';
import { isFalse, isTrue } from './shared/narrowingConditions';
import { defineRule, type Edit } from './types';

const mfaKey = 'aws:multifactorauthpresent';

export default defineRule({
  id: 'mfa-check-fails-open',
  severity: 'warning',
  scope: 'statement',
  summary:
    'An MFA condition that lets requests without MFA through: Deny with Bool ... false, Allow with BoolIfExists ... true, or an Allow that tests for false (inverted).',
  // Either switch changes who may act (long-term access keys are let through no more, or denied from now on): offered
  // for review, never applied by fix-all or --fix.
  fixable: 'suggestion',
  messages: {
    denyWithBool:
      'This Deny never applies to requests signed with long-term access keys: they carry no aws:MultiFactorAuthPresent at all, so "Bool" ... "false" is not true for them and they get through without MFA; use "BoolIfExists".',
    allowWithBoolIfExists:
      '"BoolIfExists" also allows requests signed with long-term access keys, which carry no aws:MultiFactorAuthPresent, so this Allow does not require MFA; use "Bool".',
    allowWithoutMfa:
      'This Allow tests aws:MultiFactorAuthPresent for "false", so it applies only to requests without MFA: the opposite of requiring it. Test for "true" with "Bool".',
  },
  check({ policy, statements, report }) {
    for (const statement of statements) {
      for (const block of statement.condition?.operators ?? []) {
        const operator = parseOperator(block.operator);
        if (operator.baseName !== 'Bool' || operator.qualifier) continue;
        for (const key of block.keys) {
          if (key.key.toLowerCase() !== mfaKey) continue;
          if (isDeny(statement) && !operator.ifExists && key.values.some((v) => isFalse(v.value))) {
            const edits = moveToOperator(policy, statement, block, key, 'BoolIfExists');
            report({ node: block.keyNode, messageId: 'denyWithBool', suggestions: edits ? [{ title: 'Use BoolIfExists', edits }] : [] });
          } else if (isAllow(statement) && key.values.length > 0 && key.values.every((v) => isFalse(v.value))) {
            // The value to "true" (a BoolIfExists then gets allowWithBoolIfExists and its own suggestion).
            const edits = key.values.map((v) => replaceWithString(v.node, 'true'));
            report({ node: block.keyNode, messageId: 'allowWithoutMfa', suggestions: [{ title: 'Test for "true" (require MFA)', edits }] });
          } else if (isAllow(statement) && operator.ifExists && key.values.some((v) => isTrue(v.value))) {
            const edits = moveToOperator(policy, statement, block, key, 'Bool');
            report({ node: block.keyNode, messageId: 'allowWithBoolIfExists', suggestions: edits ? [{ title: 'Use Bool', edits }] : [] });
          }
        }
      }
    }
  },
});

/**
 * Put the key test under the other operator: rename the block when the key is its only test and no block of that
 * operator exists; otherwise move the test into that block (or into a new one), leaving the other tests in place.
 */
function moveToOperator(
  policy: PolicyModel,
  statement: Statement,
  block: ConditionOperatorEntry,
  key: ConditionKeyEntry,
  operator: 'Bool' | 'BoolIfExists',
): Edit[] | undefined {
  const condition = statement.condition?.valueNode;
  if (condition?.type !== 'object' || !key.valueNode) return undefined;
  const target = statement.condition!.operators.find((entry) => entry.operator === operator);
  const alone = block.keys.length === 1 && block.valueNode?.type === 'object' && block.valueNode.properties.length === 1;
  if (alone && !target) return [replaceWithString(block.keyNode, operator)];
  const valueText = policy.text.slice(key.valueNode.offset, key.valueNode.offset + key.valueNode.length);
  const removal = removeNode(alone ? block.property : key.property);
  if (target) {
    if (target.valueNode?.type !== 'object' || target.keys.some((k) => k.key.toLowerCase() === mfaKey)) return undefined;
    return [removal, insertProperty(policy.text, target.valueNode, key.key, valueText)];
  }
  return [removal, insertProperty(policy.text, condition, operator, `{${JSON.stringify(key.key)}: ${valueText}}`)];
}
