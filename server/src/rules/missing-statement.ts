import { openingBrace } from './shared/openingBrace';
import { defineRule } from './types';

export default defineRule({
  id: 'missing-statement',
  severity: 'error',
  summary: 'The policy has no "Statement" element.',
  messages: {
    missing: 'This policy has no "Statement" element. Add "Statement" with at least one statement; AWS rejects a policy without one.',
  },
  // Whole policy (no scope): whether the policy has statements at all.
  check({ policy, report }) {
    const root = policy.root;
    if (root?.type !== 'object' || policy.statementElement) return;
    report({ span: openingBrace(root), messageId: 'missing' });
  },
});
