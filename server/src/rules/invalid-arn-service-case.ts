import { withField } from './shared/arnFields';
import { replaceWithString } from './shared/edits';
import { arnPolicyTypes, resourceValuesOf } from './shared/resourceValues';
import { defineRule } from './types';

export default defineRule({
  id: 'invalid-arn-service-case',
  severity: 'error',
  scope: 'statement',
  summary: 'The service field of a resource ARN has upper-case letters; ARN service names are lower case.',
  policyTypes: arnPolicyTypes,
  fixable: 'suggestion',
  messages: {
    upperCase: 'The service "{service}" in {resource} must be written in lower case: "{lower}".',
  },
  check({ statements, policyType, report }) {
    for (const value of resourceValuesOf(statements, policyType)) {
      if (value.shape.kind !== 'arn') continue;
      const arn = value.shape.arn;
      const service = arn.service.text;
      if (service.includes('${') || service === service.toLowerCase()) continue;
      const lower = service.toLowerCase();
      const fixed = withField(arn, arn.service, lower);
      report({
        node: value.value.node,
        messageId: 'upperCase',
        data: { service, lower, resource: value.value.value },
        // As written the ARN matches nothing; the corrected one matches resources, so the statement grants or denies more.
        suggestions: [{ title: `Change the service to ${lower}`, edits: [replaceWithString(value.value.node, fixed)] }],
      });
    }
  },
});
