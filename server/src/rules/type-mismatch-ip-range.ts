import { checkValues } from './shared/conditionValueRule';
import { parseIpRange } from '../policy/ipAddress';
import { defineRule } from './types';

export default defineRule({
  id: 'type-mismatch-ip-range',
  severity: 'warning',
  scope: 'statement',
  summary: 'An IpAddress or NotIpAddress condition has a value that is not an IPv4/IPv6 address or CIDR block.',
  messages: {
    notIpRange: '"{operator}" takes an IP address or CIDR block such as 203.0.113.0/24 or 2001:db8::/32; "{value}" is not one.',
  },
  check(context) {
    checkValues(context, ['IPAddress'], (v) => typeof v === 'string' && parseIpRange(v) !== undefined, 'notIpRange');
  },
});
