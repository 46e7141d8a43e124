import { hasPlaceholder } from '../policy/placeholders';
import { matchGlob } from '../catalog';
import { canBeAccountId } from './shared/arnFields';
import { judgeableArn } from './shared/arnFieldChecks';
import { arnFormatIndex } from './shared/arnFormats';
import { arnPolicyTypes, resourceValuesOf } from './shared/resourceValues';
import { defineRule } from './types';

export default defineRule({
  id: 'invalid-arn-account',
  severity: 'error',
  scope: 'statement',
  summary: 'The account field of a resource ARN is not a 12-digit account ID (wildcards and policy variables allowed).',
  policyTypes: arnPolicyTypes,
  messages: {
    invalid: 'Account "{account}" in {resource} is not a 12-digit AWS account ID.',
  },
  check({ statements, policyType, catalog, report }) {
    for (const value of resourceValuesOf(statements, policyType)) {
      if (value.shape.kind !== 'arn') continue;
      const account = value.shape.arn.account.text;
      // A placeholder (`<account-id>`) is unfilled-placeholder's.
      if (account === '' || canBeAccountId(account) || hasPlaceholder(account)) continue;
      // Resources AWS owns use a fixed account in place of an ID: `aws` for AWS managed policies, and also for
      // resources the reference gives the ordinary ${Account} placeholder (the SageMaker public hub).
      if (arnFormatIndex(catalog).fixedAccounts.some((fixed) => matchGlob(account, fixed))) continue;
      // Where the format has no account at all, arn-account-not-allowed says so.
      const judged = judgeableArn(value, catalog);
      if (judged?.formats.every((f) => f.account === '')) continue;
      report({ node: value.value.node, messageId: 'invalid', data: { account, resource: value.value.value } });
    }
  },
});
