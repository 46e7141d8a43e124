import { findDuplicateSids } from './shared/duplicateSids';
import { iamValidatedPolicyTypes } from './shared/iamValidatedPolicyTypes';
import { policyTypeNames } from './shared/policyTypeNames';
import { defineRule } from './types';

export default defineRule({
  id: 'unique-sids-required',
  severity: 'error',
  summary: 'Two statements share a Sid in a policy type where IAM requires unique Sids.',
  policyTypes: iamValidatedPolicyTypes,
  messages: {
    duplicate:
      'Sid "{sid}" is already used by statement {first}; IAM rejects {types} whose Sids are not unique. Rename this Sid.',
  },
  // Whole policy (no scope): it compares the Sids of all statements.
  check({ policy, policyType, report }) {
    for (const duplicate of findDuplicateSids(policy)) {
      report({
        node: duplicate.node,
        messageId: 'duplicate',
        data: { sid: duplicate.sid, first: duplicate.firstPosition, types: policyTypeNames[policyType] },
      });
    }
  },
});
