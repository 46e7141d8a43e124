import { findPlaceholders } from '../policy/placeholders';
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
      if (shape.kind !== 'notArn') continue;
      // A value that starts with a placeholder (`<third-party-resource-arn>`) is unfilled-placeholder's: once filled
      // in, it may be an ARN. One that starts otherwise (`arm:aws:s3:::<bucket>`) is judged as written.
      if (findPlaceholders(value.value)[0]?.start === 0) continue;
      report({ node: value.node, messageId: 'notArn', data: { resource: value.value } });
    }
  },
});
