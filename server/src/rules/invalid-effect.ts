import { replaceWithString } from './shared/edits';
import { defineRule } from './types';

const effects = ['Allow', 'Deny'];

export default defineRule({
  id: 'invalid-effect',
  severity: 'error',
  scope: 'statement',
  summary: 'Effect must be exactly "Allow" or "Deny" (case-sensitive).',
  fixable: 'safe',
  messages: {
    wrongCase: 'Effect must be written "{expected}"; AWS rejects "{value}".',
    unknown: 'Effect must be "Allow" or "Deny", not "{value}".',
    notString: 'Effect must be the string "Allow" or "Deny".',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      const effect = statement.effect;
      if (!effect?.valueNode) continue;
      if (effect.value === undefined) {
        report({ node: effect.valueNode, messageId: 'notString' });
        continue;
      }
      const value = effect.value;
      if (effects.includes(value)) continue;
      const expected = effects.find((e) => e.toLowerCase() === value.trim().toLowerCase());
      if (expected) {
        report({
          node: effect.valueNode,
          messageId: 'wrongCase',
          data: { value, expected },
          fix: { title: `Change to "${expected}"`, edits: [replaceWithString(effect.valueNode, expected)] },
        });
      } else {
        report({ node: effect.valueNode, messageId: 'unknown', data: { value } });
      }
    }
  },
});
