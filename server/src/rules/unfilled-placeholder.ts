import type { ASTNode, PrincipalElement, Statement } from '../policy/model';
import { findPlaceholders } from '../policy/placeholders';
import { spanInString } from './shared/stringOffsets';
import { defineRule } from './types';

export default defineRule({
  id: 'unfilled-placeholder',
  severity: 'error',
  scope: 'statement',
  summary: 'A placeholder left in the policy (${BucketName}, <account-id>, OWNER/REPO, amzn-s3-demo-bucket): it names nothing that exists.',
  messages: {
    unfilled: '"{text}" is a placeholder: replace it with the {meaning}. As written it names nothing that exists, so this {element} matches nothing.',
  },
  check({ policy, statements, report }) {
    for (const statement of statements) {
      for (const { element, node, value } of placeholderStrings(statement)) {
        for (const placeholder of findPlaceholders(value)) {
          report({
            span: spanInString(policy.text, node, placeholder.start, placeholder.end),
            messageId: 'unfilled',
            data: { text: placeholder.text, meaning: placeholder.meaning, element },
          });
        }
      }
    }
  },
});

interface ElementString {
  readonly element: string;
  readonly node: ASTNode;
  readonly value: string;
}

/**
 * The strings of a statement a placeholder can be left in: Resource and Principal values, condition keys
 * (`aws:ResourceTag/${TagKey}`) and values. Action is left out: an action with a placeholder is no action, which
 * invalid-action reports.
 */
function placeholderStrings(statement: Statement): ElementString[] {
  const strings: ElementString[] = [];
  for (const [element, list] of [['Resource', statement.resource], ['NotResource', statement.notResource]] as const) {
    for (const { node, value } of list?.values ?? []) strings.push({ element, node, value });
  }
  const principal = (element: string, principals: PrincipalElement | undefined) => {
    if (principals?.wildcard) strings.push({ element, node: principals.wildcard.node, value: principals.wildcard.value });
    for (const entry of principals?.entries ?? []) {
      for (const { node, value } of entry.values) strings.push({ element, node, value });
    }
  };
  principal('Principal', statement.principal);
  principal('NotPrincipal', statement.notPrincipal);
  for (const operator of statement.condition?.operators ?? []) {
    for (const key of operator.keys) {
      strings.push({ element: 'condition key', node: key.keyNode, value: key.key });
      for (const { node } of key.values) {
        if (node.type === 'string') strings.push({ element: 'condition', node, value: node.value });
      }
    }
  }
  return strings;
}
