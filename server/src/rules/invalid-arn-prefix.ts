import { arnPolicyTypes, resourceValuesOf } from './shared/resourceValues';
import { defineRule } from './types';

export default defineRule({
  id: 'invalid-arn-prefix',
  severity: 'error',
  scope: 'statement',
  summary: 'A Resource or NotResource value is neither "*" nor an ARN starting with "arn:".',
  policyTypes: arnPolicyTypes,
  messages: {
    notArn: '"{resource}" is not an ARN: a resource is "*" or starts with "arn:" (arn:partition:service:region:account:resource).',
  },
  check({ statements, policyType, report }) {
    for (const { value, shape } of resourceValuesOf(statements, policyType)) {
      if (shape.kind === 'notArn') report({ node: value.node, messageId: 'notArn', data: { resource: value.value } });
    }
  },
});
