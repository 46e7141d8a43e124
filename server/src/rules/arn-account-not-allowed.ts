import { withField } from './shared/arnFields';
import { describeFormats, judgeableArn, mayBeEmpty } from './shared/arnFieldChecks';
import { replaceWithString } from './shared/edits';
import { arnPolicyTypes, resourceValuesOf } from './shared/resourceValues';
import { defineRule } from './types';

export default defineRule({
  id: 'arn-account-not-allowed',
  severity: 'error',
  scope: 'statement',
  summary: 'A resource ARN names an account where the service\'s ARN format has none (S3 buckets and objects, for example).',
  policyTypes: arnPolicyTypes,
  fixable: 'suggestion',
  messages: {
    notAllowed: '{resource} names account "{account}", but {service} ARNs of this kind have no account field ({formats}), so it matches no resource.',
  },
  check({ statements, policyType, catalog, report }) {
    for (const value of resourceValuesOf(statements, policyType)) {
      const judged = judgeableArn(value, catalog);
      if (!judged || mayBeEmpty(judged.arn.account.text)) continue;
      if (!judged.formats.every((f) => f.account === '')) continue;
      const fixed = withField(judged.arn, judged.arn.account, '');
      report({
        node: value.value.node,
        messageId: 'notAllowed',
        data: { resource: value.value.value, account: judged.arn.account.text, service: judged.arn.service.text, formats: describeFormats(judged.formats) },
        // As written the ARN matches nothing; the corrected one matches resources, so the statement grants or denies more.
        suggestions: [{ title: `Remove the account: ${fixed}`, edits: [replaceWithString(value.value.node, fixed)] }],
      });
    }
  },
});
