import serviceData from '../../../data/account-owned-arn-services.json';
import { describeFormats, judgeableArn } from './shared/arnFieldChecks';
import { arnPolicyTypes, resourceValuesOf } from './shared/resourceValues';
import { defineRule } from './types';

/** Services whose every ARN carries an account (data: other services have ARNs with an empty account). */
const accountOwned = new Set(serviceData.services.map((entry) => entry.service));

export default defineRule({
  id: 'missing-arn-account',
  severity: 'error',
  scope: 'statement',
  summary: 'A resource ARN of a service whose resources all belong to an account (IAM, SQS, KMS...) leaves the account empty, so it matches no resource.',
  policyTypes: arnPolicyTypes,
  messages: {
    missing: '{resource} has an empty account, but every {service} ARN names one ({formats}); write the account ID, or * for any.',
  },
  check({ statements, policyType, catalog, report }) {
    for (const value of resourceValuesOf(statements, policyType)) {
      const judged = judgeableArn(value, catalog);
      if (!judged || judged.arn.account.text !== '') continue;
      const service = judged.arn.service.text;
      if (!accountOwned.has(service)) continue;
      // A format without an account field is arn-account-not-allowed's business the other way round: none here.
      if (!judged.formats.every((f) => f.account !== '' && f.account !== '*')) continue;
      report({
        node: value.value.node,
        messageId: 'missing',
        data: { resource: value.value.value, service, formats: describeFormats(judged.formats) },
      });
    }
  },
});
