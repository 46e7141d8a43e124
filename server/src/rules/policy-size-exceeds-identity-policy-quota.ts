import { checkSize, sizeMessage } from './shared/policySize';
import { defineRule } from './types';

export default defineRule({
  id: 'policy-size-exceeds-identity-policy-quota',
  severity: 'warning',
  summary: 'An identity policy, permissions boundary or session policy is longer than IAM allows (white space not counted).',
  policyTypes: ['identity', 'permissions-boundary', 'session'],
  messages: { tooLarge: sizeMessage },
  // Whole policy (no scope): the quota is on the size of the whole policy.
  check: checkSize,
});
