import rule from '../../server/src/rules/data-exfiltration';
import { runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    policy('{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}'),
    { name: 'secrets under a name prefix', code: policy('{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:*:*:secret:app/*"}') },
    { name: 'the resource account narrows', code: policy('{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:ResourceAccount":"111122223333"}}}') },
    { name: 'metadata reads are not data', code: policy('{"Effect":"Allow","Action":["s3:ListBucket","dynamodb:DescribeTable"],"Resource":"*"}') },
  ],
  invalid: [
    {
      code: policy('{"Effect":"Allow","Action":[|"s3:Get*"|],"Resource":"*"}'),
      errors: [
        {
          messageId: 'dataExfiltration',
          message:
            '"s3:Get*" allows reading data or secrets from every resource (s3:GetObject, s3:GetObjectVersion); limit these actions to the buckets, tables, secrets or parameters this principal needs.',
        },
      ],
    },
    { name: 'every parameter', code: policy('{"Effect":"Allow","Action":[|"ssm:GetParameter*"|],"Resource":"arn:aws:ssm:*:*:parameter/*"}'), errors: ['dataExfiltration'] },
    { name: 'NotResource', code: policy('{"Effect":"Allow","Action":[|"dynamodb:Scan"|],"NotResource":"arn:aws:dynamodb:*:*:table/secrets"}'), errors: ['dataExfiltration'] },
  ],
});
