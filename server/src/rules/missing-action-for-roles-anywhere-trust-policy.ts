import trustData from '../../../data/trust-principals.json';
import { matchGlob } from '../catalog';
import type { ListElement } from '../policy/model';
import { indentationAt, lineBreak } from './shared/edits';
import { servicePrincipalAsFixed } from './shared/principalFormats';
import { isAllow, principalValues } from './shared/principals';
import { defineRule, type Edit } from './types';

const { principal: rolesAnywhere, requiredActions } = trustData.rolesAnywhere;

/** One edit appending the strings to the Action list (a lone string becomes an array), in the list's own layout. */
function appendActions(text: string, list: ListElement, values: readonly string[]): Edit | undefined {
  const node = list.valueNode;
  const entries = values.map((v) => JSON.stringify(v));
  if (node?.type === 'string') return { offset: node.offset, length: node.length, text: `[${[text.slice(node.offset, node.offset + node.length), ...entries].join(', ')}]` };
  if (node?.type !== 'array') return undefined;
  const last = node.items[node.items.length - 1];
  if (!last) return { offset: node.offset + 1, length: node.length - 2, text: entries.join(', ') };
  const separator = text.slice(node.offset, last.offset).includes('\n') ? `,${lineBreak(text)}${indentationAt(text, last.offset)}` : ', ';
  return { offset: last.offset + last.length, length: 0, text: entries.map((e) => `${separator}${e}`).join('') };
}

export default defineRule({
  id: 'missing-action-for-roles-anywhere-trust-policy',
  severity: 'error',
  scope: 'statement',
  summary: `A role trusts IAM Roles Anywhere (${rolesAnywhere}) without allowing all of ${requiredActions.join(', ')}.`,
  policyTypes: ['trust'],
  fixable: 'suggestion',
  messages: {
    missing: 'IAM Roles Anywhere needs {required} to assume a role; this statement does not allow {missing}. Add {them} to "Action".',
  },
  check({ policy, statements, report }) {
    for (const statement of statements) {
      const action = statement.action;
      if (!isAllow(statement) || !action) continue;
      const principal = principalValues(statement.principal).find((p) => p.key === 'Service' && servicePrincipalAsFixed(p.value.value) === rolesAnywhere);
      if (!principal) continue;
      const missing = requiredActions.filter((name) => !action.values.some((v) => matchGlob(v.value, name, { ignoreCase: true })));
      if (missing.length === 0) continue;
      const edit = appendActions(policy.text, action, missing);
      report({
        node: principal.value.node,
        messageId: 'missing',
        data: { required: requiredActions.join(', '), missing: missing.join(', '), them: missing.length === 1 ? 'it' : 'them' },
        suggestions: edit ? [{ title: `Add ${missing.join(', ')} to "Action"`, edits: [edit] }] : [],
      });
    }
  },
});
