import { conditionEntries, valueText } from './shared/conditionEntries';
import { replaceWithString } from './shared/edits';
import { formatNetwork, hasHostBits, parseIpRange } from '../policy/ipAddress';
import { defineRule } from './types';

export default defineRule({
  id: 'improve-ip-range',
  severity: 'info',
  scope: 'statement',
  summary: 'A CIDR block has bits set after its prefix, which IAM ignores; write the network address.',
  fixable: 'safe',
  messages: {
    hostBits: '"{value}" has bits set after the /{prefix} prefix, which are ignored: it means {network}.',
  },
  check({ statements, catalog, report }) {
    for (const { key, parsed } of conditionEntries(statements, catalog)) {
      if (parsed.operator?.family !== 'IPAddress') continue;
      for (const value of key.values) {
        if (typeof value.value !== 'string') continue;
        const range = parseIpRange(value.value);
        if (!range?.hasPrefix || !hasHostBits(range)) continue;
        const network = formatNetwork(range);
        report({
          node: value.node,
          messageId: 'hostBits',
          data: { value: valueText(value.value), prefix: range.prefix, network },
          // The same block written plainly: IAM already reads the value this way, so nothing changes.
          fix: { title: `Change to "${network}"`, edits: [replaceWithString(value.node, network)] },
        });
      }
    }
  },
});
