import rule from '../../server/src/rules/rcp-syntax-error-action';
import { runRuleTests } from '../support/ruleTester';

const rcp = (action: string) =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":${action},"Resource":"*","Condition":{"StringNotEqualsIfExists":{"aws:ResourceOrgID":"o-a1b2c3d4e5"}}}]}`;

runRuleTests(rule, {
  valid: [
    { name: 'named services, wildcards in the action name', code: rcp('["s3:*","sqs:Send*","sts:AssumeRole?ithSAML","kms:*"]'), policyType: 'rcp' },
    { name: 'RCPFullAWSAccess', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}', policyType: 'rcp' },
    { name: 'SCPs may deny "*"', code: '{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":"eu-west-1"}}}]}', policyType: 'scp' },
  ],
  invalid: [
    {
      name: 'every action',
      code: rcp('[|"*"|]'),
      policyType: 'rcp',
      errors: [
        {
          messageId: 'everyService',
          message:
            '"*" does not name a service. Actions in an RCP you write must name the service they restrict (e.g. "s3:*", "sqs:SendMessage"); only the AWS-managed RCPFullAWSAccess allows "*".',
        },
      ],
    },
    { name: 'a wildcard service', code: rcp('["s3:*",[|"*:Get*"|],[|"s?s:*"|]]'), policyType: 'rcp', errors: ['everyService', 'everyService'] },
  ],
});
