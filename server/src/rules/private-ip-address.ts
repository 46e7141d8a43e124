import { conditionEntries } from './shared/conditionEntries';
import { parseIpRange } from '../policy/ipAddress';
import { isPrivateRange, sourceIpKeys } from './shared/valueFormats';
import { defineRule } from './types';

export default defineRule({
  id: 'private-ip-address',
  severity: 'error',
  scope: 'statement',
  summary: 'The key aws:SourceIp is compared only with private addresses, which never appear in it (it holds public addresses).',
  messages: {
    ipAddress:
      '"{key}" holds the public address of the caller, so these private addresses never match and the condition is never true. For addresses inside a VPC, use aws:VpcSourceIp.',
    notIpAddress:
      '"{key}" holds the public address of the caller, so excluding private addresses excludes nothing and "{operator}" is always true. For addresses inside a VPC, use aws:VpcSourceIp.',
  },
  check({ statements, catalog, report }) {
    for (const { key, parsed } of conditionEntries(statements, catalog)) {
      if (parsed.operator?.family !== 'IPAddress' || !sourceIpKeys.has(key.key.toLowerCase()) || !key.valueNode) continue;
      if (key.values.length === 0 || key.invalid.length > 0) continue;
      const ranges = key.values.map((v) => (typeof v.value === 'string' ? parseIpRange(v.value) : undefined));
      if (!ranges.every((r) => r !== undefined && isPrivateRange(r))) continue;
      report({
        node: key.valueNode,
        messageId: parsed.baseName === 'NotIpAddress' ? 'notIpAddress' : 'ipAddress',
        data: { key: key.key, operator: parsed.text },
      });
    }
  },
});
