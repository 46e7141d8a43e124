import { findVariables } from '../policy/variables';
import { conditionEntries, valueText } from './shared/conditionEntries';
import { operatorName, renameOperator } from './shared/operatorRename';
import { defineRule } from './types';

/** Exact-match operators and their pattern-matching forms; the IgnoreCase ones have no Like form. */
const likeForms: Record<string, string | undefined> = {
  StringEquals: 'StringLike',
  StringNotEquals: 'StringNotLike',
  StringEqualsIgnoreCase: undefined,
  StringNotEqualsIgnoreCase: undefined,
};

/** `*` or `?` outside policy variables (`${*}` and `${?}` stand for the literal characters). */
function hasWildcard(text: string): boolean {
  let rest = text;
  for (const token of findVariables(text).reverse()) rest = rest.slice(0, token.start) + rest.slice(token.end);
  return rest.includes('*') || rest.includes('?');
}

export default defineRule({
  id: 'wildcard-without-like-operator',
  severity: 'warning',
  scope: 'statement',
  summary: 'A condition value contains * or ? under an exact-match operator, which compares them as plain characters.',
  // A Like operator matches other values than the exact one did, so who may act changes: offered for review, never
  // applied by fix-all or --fix.
  fixable: 'suggestion',
  messages: {
    wildcard: '"{value}" contains a wildcard, but "{operator}" matches * and ? literally. Use "{like}" to match a pattern.',
    wildcardIgnoreCase:
      '"{value}" contains a wildcard, but "{operator}" matches * and ? literally, and no operator matches patterns ignoring case.',
  },
  check({ statements, catalog, report }) {
    for (const { statement, operator, parsed, key } of conditionEntries(statements, catalog)) {
      if (!(parsed.baseName in likeForms)) continue;
      const like = likeForms[parsed.baseName];
      for (const value of key.values) {
        const text = valueText(value.value);
        if (!hasWildcard(text)) continue;
        if (!like) {
          report({ node: value.node, messageId: 'wildcardIgnoreCase', data: { value: text, operator: parsed.text } });
          continue;
        }
        const likeName = operatorName(parsed.qualifier, like, parsed.ifExists);
        const rename = renameOperator(statement, operator, likeName, `Change "${parsed.text}" to "${likeName}"`);
        report({ node: value.node, messageId: 'wildcard', data: { value: text, operator: parsed.text, like: likeName }, suggestions: rename ? [rename] : [] });
      }
    }
  },
});
