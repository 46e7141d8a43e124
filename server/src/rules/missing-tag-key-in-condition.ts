import { conditionEntries } from './shared/conditionEntries';
import { defineRule } from './types';

export default defineRule({
  id: 'missing-tag-key-in-condition',
  severity: 'error',
  scope: 'statement',
  summary: 'A tag condition key without its tag key, such as "aws:ResourceTag" instead of "aws:ResourceTag/Project".',
  messages: {
    missing: '"{key}" needs a tag key: write "{stem}/" followed by the tag\'s key, for example "{stem}/Project".',
  },
  check({ statements, catalog, report }) {
    for (const { key, resolution } of conditionEntries(statements, catalog)) {
      if (resolution.kind !== 'missingTagKey') continue;
      const stem = resolution.template.slice(0, -'/${TagKey}'.length);
      report({ node: key.keyNode, messageId: 'missing', data: { key: key.key, stem } });
    }
  },
});
