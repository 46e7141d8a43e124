import { conditionEntries } from './shared/conditionEntries';
import { defineRule } from './types';

export default defineRule({
  id: 'invalid-condition-key-format',
  severity: 'error',
  scope: 'statement',
  summary: 'A condition key that is not written service:name (no colon, an empty part, or white space).',
  messages: {
    format: '"{key}" is not a condition key: write it as service:name, for example "aws:SourceIp".',
  },
  check({ statements, catalog, report }) {
    for (const { key, resolution } of conditionEntries(statements, catalog)) {
      if (resolution.kind === 'badFormat') report({ node: key.keyNode, messageId: 'format', data: { key: key.key } });
    }
  },
});
