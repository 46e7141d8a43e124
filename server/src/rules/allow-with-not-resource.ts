import { isAllow } from './shared/grants';
import { defineRule } from './types';

export default defineRule({
  id: 'allow-with-not-resource',
  severity: 'warning',
  scope: 'statement',
  summary: 'Allow with NotResource, which grants the actions on every resource not listed, including resources created later.',
  policyTypes: ['identity', 'resource'],
  messages: {
    allowNotResource:
      'Allow with NotResource grants these actions on every resource except the {excluded} listed, resources created later included; name the resources to allow in Resource instead.',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      const notResource = statement.notResource;
      if (!isAllow(statement) || !notResource || statement.resource) continue;
      report({ node: notResource.keyNode, messageId: 'allowNotResource', data: { excluded: notResource.values.length } });
    }
  },
});
