import { conditionOperators } from '../policy/operators';
import { findClosest } from './shared/closest';
import { renameKeyOffer } from './shared/edits';
import { defineRule } from './types';

/** Every operator name IAM accepts: each base operator, with or without a set qualifier and IfExists. */
const knownNames: readonly string[] = ['', 'ForAllValues:', 'ForAnyValue:'].flatMap((qualifier) =>
  conditionOperators.flatMap((o) =>
    // Null takes no IfExists (null-with-if-exists): never suggest it.
    (o.name === 'Null' ? [''] : ['', 'IfExists']).map((suffix) => `${qualifier}${o.name}${suffix}`),
  ),
);

export default defineRule({
  id: 'invalid-condition-operator',
  severity: 'error',
  scope: 'statement',
  summary: 'A condition operator that IAM does not know; operator names are case-sensitive.',
  fixable: 'safe+suggestion',
  messages: {
    unknown: '"{operator}" is not a condition operator.',
    didYouMean: '"{operator}" is not a condition operator. Did you mean "{suggestion}"?',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      const operators = statement.condition?.operators ?? [];
      const present = new Set(operators.map((o) => o.operator));
      for (const entry of operators) {
        const operator = entry.operator;
        if (knownNames.includes(operator) || /^(ForAllValues:|ForAnyValue:)?NullIfExists$/.test(operator)) continue;
        const suggestion = findClosest(operator, knownNames);
        report({
          node: entry.keyNode,
          messageId: suggestion ? 'didYouMean' : 'unknown',
          data: { operator, suggestion: suggestion ?? '' },
          ...renameKeyOffer(entry.keyNode, suggestion, present),
        });
      }
    }
  },
});
