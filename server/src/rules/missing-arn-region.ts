import { describeFormats, judgeableArn } from './shared/arnFieldChecks';
import { arnPolicyTypes, resourceValuesOf } from './shared/resourceValues';
import { defineRule } from './types';

export default defineRule({
  id: 'missing-arn-region',
  severity: 'error',
  scope: 'statement',
  summary: 'A resource ARN leaves the Region empty where the service\'s ARN format has one, so it matches no resource.',
  policyTypes: arnPolicyTypes,
  messages: {
    missing: '{resource} has an empty Region, but {service} ARNs of this kind include one ({formats}); write the Region, or * for any.',
  },
  check({ statements, policyType, catalog, report }) {
    for (const value of resourceValuesOf(statements, policyType)) {
      const judged = judgeableArn(value, catalog);
      if (!judged || judged.arn.region.text !== '') continue;
      // A format whose Region is empty or `*` accepts the empty field.
      if (!judged.formats.every((f) => f.region !== '' && f.region !== '*')) continue;
      report({
        node: value.value.node,
        messageId: 'missing',
        data: { resource: value.value.value, service: judged.arn.service.text, formats: describeFormats(judged.formats) },
      });
    }
  },
});
