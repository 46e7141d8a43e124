import { arnPolicyTypes, resourceValuesOf } from './shared/resourceValues';
import { defineRule } from './types';

export default defineRule({
  id: 'missing-arn-field',
  severity: 'error',
  scope: 'statement',
  summary: 'A resource ARN has fewer than the six colon-separated fields arn:partition:service:region:account:resource.',
  policyTypes: arnPolicyTypes,
  messages: {
    missing:
      '"{resource}" has {fields} of the 6 fields of an ARN (arn:partition:service:region:account:resource); keep the colons of empty fields, as in arn:aws:s3:::bucket.',
  },
  check({ statements, policyType, report }) {
    for (const { value, shape } of resourceValuesOf(statements, policyType)) {
      if (shape.kind !== 'missingFields') continue;
      report({ node: value.node, messageId: 'missing', data: { resource: value.value, fields: shape.fields } });
    }
  },
});
