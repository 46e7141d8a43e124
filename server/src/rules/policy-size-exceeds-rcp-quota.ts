import { checkSize, sizeMessage } from './shared/policySize';
import { defineRule } from './types';

export default defineRule({
  id: 'policy-size-exceeds-rcp-quota',
  severity: 'error',
  summary: 'A resource control policy is longer than the 5,120 characters AWS Organizations allows.',
  policyTypes: ['rcp'],
  messages: { tooLarge: sizeMessage },
  // Whole policy (no scope): the quota is on the size of the whole policy.
  check: checkSize,
});
