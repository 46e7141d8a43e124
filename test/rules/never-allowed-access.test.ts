import rule from '../../server/src/rules/never-allowed-access';
import type { NeverAllow, Rule } from '../../server/src/rules/types';
import { runRuleTests } from '../support/ruleTester';

/** The rule as the runner gives it a project config's neverAllow entry (the tester runs rules without settings). */
function withNeverAllow(neverAllow: NeverAllow): Rule {
  return { ...rule, check: (context) => rule.check({ ...context, neverAllow }) };
}

const policy = (...statements: string[]) => `{"Version":"2012-10-17","Statement":[${statements.join(',')}]}`;

runRuleTests(withNeverAllow({ actions: ['iam:CreateAccessKey', 's3:Delete*', 'ec2:madeupaction'] }), {
  valid: [
    policy('{"Effect":"Allow","Action":["s3:GetObject","iam:ListUsers"],"Resource":"*"}'),
    { name: 'a Deny of a listed action', code: policy('{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}') },
    { name: 'an Allow cancelled by a Deny of it everywhere', code: policy('{"Effect":"Allow","Action":"s3:*","Resource":"*"}', '{"Effect":"Deny","Action":["s3:Delete*","s3:Put*"],"Resource":"*"}') },
    { name: 'SCPs only cap', code: policy('{"Effect":"Allow","Action":"*","Resource":"*"}'), policyType: 'scp' },
    { name: 'NotAction that leaves the listed actions out', code: policy('{"Effect":"Allow","NotAction":["iam:*","s3:*","ec2:*"],"Resource":"*"}') },
  ],
  invalid: [
    { name: 'named', code: policy('{"Effect":"Allow","Action":["s3:GetObject",[|"iam:CreateAccessKey"|]],"Resource":"*"}'), errors: [{ messageId: 'granted', message: 'This statement allows iam:CreateAccessKey, which the project config forbids ("neverAllow" in .iampolicy.json).' }] },
    { name: 'by a wildcard, in any case', code: policy('{"Effect":"Allow","Action":[|"S3:delete*"|],"Resource":"arn:aws:s3:::b/*"}'), errors: ['granted'] },
    { name: 'by "*"', code: policy('{"Effect":"Allow","Action":[|"*"|],"Resource":"*"}'), errors: ['granted'] },
    { name: 'by NotAction', code: policy('{"Effect":"Allow",[|"NotAction"|]:"s3:Get*","Resource":"*"}'), errors: ['granted'] },
    { name: 'a conditional Deny does not cancel it', code: policy('{"Effect":"Allow","Action":[|"iam:CreateAccessKey"|],"Resource":"*"}', '{"Effect":"Deny","Action":"iam:*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}'), errors: ['granted'] },
    { name: 'an action outside the catalogue, by its text', code: policy('{"Effect":"Allow","Action":[|"EC2:MadeUpAction"|],"Resource":"*"}'), errors: ['granted'] },
    { name: 'in a resource policy', code: policy('{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":[|"s3:DeleteBucket"|],"Resource":"arn:aws:s3:::b"}'), policyType: 'resource', errors: ['granted'] },
  ],
});

runRuleTests(withNeverAllow({ actions: ['s3:DeleteObject'], resources: ['arn:aws:s3:::backups/*'] }), {
  valid: [
    { name: 'on another bucket', code: policy('{"Effect":"Allow","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::logs/*"}') },
    { name: 'NotResource that leaves the listed resources out', code: policy('{"Effect":"Allow","Action":"s3:DeleteObject","NotResource":"arn:aws:s3:::backups*"}') },
  ],
  invalid: [
    {
      name: 'on a resource pattern that meets the listed one',
      code: policy('{"Effect":"Allow","Action":[|"s3:DeleteObject"|],"Resource":"arn:aws:s3:::back*"}'),
      errors: [{ messageId: 'granted', message: 'This statement allows s3:DeleteObject, which the project config forbids ("neverAllow" in .iampolicy.json) on arn:aws:s3:::backups/*.' }],
    },
    { name: 'without a Resource restriction', code: policy('{"Effect":"Allow","Action":[|"s3:*"|],"NotResource":"arn:aws:s3:::logs/*"}'), errors: ['granted'] },
  ],
});
