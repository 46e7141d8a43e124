import { checkSize, sizeMessage } from './shared/policySize';
import { defineRule } from './types';

export default defineRule({
  id: 'policy-size-exceeds-rcp-quota',
  severity: 'error',
  summary: 'A resource control policy is longer than the 5,120 characters AWS Organizations allows.',
  policyTypes: ['rcp'],
  messages: { tooLarge: sizeMessage },
  check: checkSize,
});
