import { findDuplicateSids } from './shared/duplicateSids';
import { defineRule } from './types';

export default defineRule({
  id: 'unique-sids-recommended',
  severity: 'warning',
  summary: 'Two statements share a Sid (reported as unique-sids-required where the policy type demands unique Sids).',
  // The complement of unique-sids-required's types, so a duplicate is reported by exactly one of the two rules.
  policyTypes: ['resource', 'scp', 'rcp'],
  messages: {
    duplicate: 'Sid "{sid}" is already used by statement {first}; give each statement its own Sid so it can be told apart.',
  },
  // Whole policy (no scope): it compares the Sids of all statements.
  check({ policy, report }) {
    for (const duplicate of findDuplicateSids(policy)) {
      report({ node: duplicate.node, messageId: 'duplicate', data: { sid: duplicate.sid, first: duplicate.firstPosition } });
    }
  },
});
