import { removeNode } from './shared/edits';
import { splitArn } from '../policy/arnParts';
import { principalValues } from './shared/principals';
import { defineRule } from './types';

/** `partition:account:role-name` of a role ARN (the name is the last part of the path) or of a role session ARN. */
function roleOf(value: string): { role: string; session: boolean } | undefined {
  const arn = splitArn(value);
  if (!arn) return undefined;
  if (arn.service === 'iam' && arn.resource.startsWith('role/')) {
    const name = arn.resource.split('/').pop()!;
    return { role: `${arn.partition}:${arn.account}:${name}`, session: false };
  }
  const parts = arn.resource.split('/');
  if (arn.service === 'sts' && parts[0] === 'assumed-role' && parts.length === 3) {
    return { role: `${arn.partition}:${arn.account}:${parts[1]}`, session: true };
  }
  return undefined;
}

export default defineRule({
  id: 'redundant-principal-in-role-trust-policy',
  severity: 'hint',
  scope: 'statement',
  summary: 'A role trust statement names both a role and a session of that same role; the session adds nothing.',
  policyTypes: ['trust'],
  fixable: 'safe',
  messages: {
    redundant: 'The role session "{session}" is already covered by its role "{role}" in this statement. Remove the session.',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      const values = principalValues(statement.principal).filter((p) => p.key === 'AWS');
      const roles = new Map<string, string>();
      for (const { value } of values) {
        const read = roleOf(value.value);
        if (read && !read.session) roles.set(read.role, value.value);
      }
      if (roles.size === 0) continue;
      for (const { value } of values) {
        const read = roleOf(value.value);
        const role = read?.session ? roles.get(read.role) : undefined;
        if (!role) continue;
        // Only an array item can go on its own; a lone string would leave "AWS" without a value.
        const fix = value.node.parent?.type === 'array' ? { title: 'Remove the role session', edits: [removeNode(value.node)] } : undefined;
        report({ node: value.node, messageId: 'redundant', data: { session: value.value, role }, fix, tags: ['unnecessary'] });
      }
    }
  },
});
