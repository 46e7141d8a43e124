import { checkSize, sizeMessage } from './shared/policySize';
import { defineRule } from './types';

export default defineRule({
  id: 'policy-size-exceeds-trust-policy-quota',
  severity: 'warning',
  summary: 'A role trust policy is longer than the default quota of 2,048 characters (white space not counted).',
  policyTypes: ['trust'],
  messages: { tooLarge: sizeMessage },
  // Whole policy (no scope): the quota is on the size of the whole policy.
  check: checkSize,
});
