import rule from '../../server/src/rules/resource-exposure';
import { runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    policy('{"Effect":"Allow","Action":"s3:PutBucketPolicy","Resource":"arn:aws:s3:::website"}'),
    { name: 'a condition on the resource tag narrows', code: policy('{"Effect":"Allow","Action":"kms:PutKeyPolicy","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/owner":"${aws:username}"}}}') },
    { name: 'denied outright', code: policy('{"Effect":"Allow","Action":"s3:Put*","Resource":"*"},{"Effect":"Deny","Action":["s3:Put*Policy*","s3:Put*Acl","s3:Put*PublicAccessBlock","s3:PutBucketOwnershipControls"],"Resource":"*"}') },
  ],
  invalid: [
    {
      code: policy('{"Effect":"Allow","Action":[|"lambda:AddPermission"|],"Resource":"*"}'),
      errors: [
        {
          messageId: 'resourceExposure',
          message:
            '"lambda:AddPermission" allows changing who can access every resource of its kind (lambda:AddPermission), which can open them to other accounts or the public; limit these actions to the resources this principal manages.',
        },
      ],
    },
    { name: 'all functions of an account', code: policy('{"Effect":"Allow","Action":[|"lambda:AddPermission"|],"Resource":"arn:aws:lambda:us-east-1:111122223333:function:*"}'), errors: ['resourceExposure'] },
    { name: 'endpoint service permissions', code: policy('{"Effect":"Allow","Action":["ec2:Describe*",[|"ec2:Modify*"|]],"Resource":"*"}'), errors: ['resourceExposure'] },
    { name: 'sharing a directory', code: policy('{"Effect":"Allow","Action":[|"ds:ShareDirectory"|],"Resource":"*"}'), errors: ['resourceExposure'] },
    { name: 'a trust policy rewrite on every role', code: policy('{"Effect":"Allow","Action":[|"iam:UpdateAssumeRolePolicy"|],"Resource":"arn:aws:iam::111122223333:role/*"}'), errors: ['resourceExposure'] },
  ],
});
