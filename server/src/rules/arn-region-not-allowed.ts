import { withField } from './shared/arnFields';
import { describeFormats, judgeableArn, mayBeEmpty } from './shared/arnFieldChecks';
import { replaceWithString } from './shared/edits';
import { arnPolicyTypes, resourceValuesOf } from './shared/resourceValues';
import { defineRule } from './types';

export default defineRule({
  id: 'arn-region-not-allowed',
  severity: 'error',
  scope: 'statement',
  summary: 'A resource ARN names a Region where the service\'s ARN format has none (IAM, S3 buckets, for example).',
  policyTypes: arnPolicyTypes,
  fixable: 'suggestion',
  messages: {
    notAllowed: '{resource} names Region "{region}", but {service} ARNs of this kind have no Region ({formats}), so it matches no resource.',
  },
  check({ statements, policyType, catalog, report }) {
    for (const value of resourceValuesOf(statements, policyType)) {
      const judged = judgeableArn(value, catalog);
      if (!judged || mayBeEmpty(judged.arn.region.text)) continue;
      if (!judged.formats.every((f) => f.region === '')) continue;
      const fixed = withField(judged.arn, judged.arn.region, '');
      report({
        node: value.value.node,
        messageId: 'notAllowed',
        data: { resource: value.value.value, region: judged.arn.region.text, service: judged.arn.service.text, formats: describeFormats(judged.formats) },
        // As written the ARN matches nothing; the corrected one matches resources, so the statement grants or denies more.
        suggestions: [{ title: `Remove the Region: ${fixed}`, edits: [replaceWithString(value.value.node, fixed)] }],
      });
    }
  },
});
