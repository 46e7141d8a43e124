import rule from '../../server/src/rules/credentials-exposure';
import { runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    policy('{"Effect":"Allow","Action":"redshift:GetClusterCredentials","Resource":"arn:aws:redshift:us-east-1:111122223333:dbuser:analytics/reporter"}'),
    { name: 'no credential-returning action', code: policy('{"Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*"}') },
    { name: 'a tag condition on the instances narrows', code: policy('{"Effect":"Allow","Action":"ec2:GetPasswordData","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"ops"}}}') },
    { name: 'full admin is full-admin-access\'s finding', code: policy('{"Effect":"Allow","Action":"*","Resource":"*"}') },
    { name: 'one database user', code: policy('{"Effect":"Allow","Action":"rds-db:connect","Resource":"arn:aws:rds-db:us-east-1:111122223333:dbuser:db-ABCDEFGHIJKL01234/reporter"}') },
    { name: 'permissions boundary', code: policy('{"Effect":"Allow","Action":"ec2:GetPasswordData","Resource":"*"}'), policyType: 'permissions-boundary' },
  ],
  invalid: [
    {
      code: policy('{"Effect":"Allow","Action":["ec2:DescribeInstances",[|"ec2:GetPasswordData"|],"ecr:GetAuthorizationToken"],"Resource":"*"}'),
      errors: [
        {
          messageId: 'credentialsExposure',
          message:
            '"ec2:GetPasswordData" allows actions that return or set credentials on every resource (ec2:GetPasswordData, ecr:GetAuthorizationToken); limit them to the resources this principal needs.',
        },
      ],
    },
    { name: 'IAM database authentication as any database user', code: policy('{"Effect":"Allow","Action":[|"rds-db:connect"|],"Resource":"*"}'), errors: ['credentialsExposure'] },
    { name: 'job workers receive artifact credentials', code: policy('{"Effect":"Allow","Action":[|"codepipeline:PollForJobs"|],"Resource":"*"}'), errors: ['credentialsExposure'] },
    { name: 'every role', code: policy('{"Effect":"Allow","Action":[|"sts:AssumeRole"|],"Resource":"arn:aws:iam::*:role/*"}'), errors: ['credentialsExposure'] },
  ],
});
