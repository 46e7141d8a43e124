import rule from '../../server/src/rules/resource-policy-escalation';
import { runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;
const bucket = 'arn:aws:s3:::app-data';

runRuleTests(rule, {
  valid: [
    {
      name: 'everything the bucket policy could grant is already allowed',
      code: policy(`{"Effect":"Allow","Action":"s3:*","Resource":["${bucket}","${bucket}/*"]}`),
    },
    {
      name: 'the writer is denied',
      code: policy(`{"Effect":"Allow","Action":["s3:PutBucketPolicy","s3:GetObject"],"Resource":["${bucket}","${bucket}/*"]},{"Effect":"Deny","Action":"s3:PutBucketPolicy","Resource":"*"}`),
    },
    {
      name: 'every other action is denied: the policy could grant nothing new',
      code: policy(`{"Effect":"Allow","Action":"s3:PutBucketPolicy","Resource":"${bucket}"},{"Effect":"Deny","NotAction":"s3:PutBucketPolicy","Resource":"*"}`),
    },
    {
      name: 'objects are no bucket: s3:PutBucketPolicy never applies to them',
      code: policy(`{"Effect":"Allow","Action":"s3:PutBucketPolicy","Resource":"${bucket}/*"}`),
    },
    {
      name: 'a grant only AWS services may create for AWS resources',
      code: policy('{"Effect":"Allow","Action":"kms:CreateGrant","Resource":"*","Condition":{"Bool":{"kms:GrantIsForAWSResource":"true"}}}'),
    },
    {
      name: 'a key policy written only through a service',
      code: policy('{"Effect":"Allow","Action":"kms:PutKeyPolicy","Resource":"*","Condition":{"StringEquals":{"kms:ViaService":"s3.us-east-1.amazonaws.com"}}}'),
    },
    { name: 'NotAction leaving every SQS action in', code: policy('{"Effect":"Allow","NotAction":["iam:*","s3:*"],"Resource":"arn:aws:sqs:us-east-1:111122223333:jobs"}') },
    { name: 'every SQS action on the queue already', code: policy('{"Effect":"Allow","Action":"sqs:*","Resource":"arn:aws:sqs:us-east-1:111122223333:jobs"}') },
    { name: 'full admin is full-admin-access\'s finding', code: policy('{"Effect":"Allow","Action":"*","Resource":"*"}') },
    { name: 'a permissions boundary grants nothing', code: policy(`{"Effect":"Allow","Action":"s3:PutBucketPolicy","Resource":"${bucket}"}`), policyType: 'permissions-boundary' },
    { name: 'no resource-policy writer', code: policy(`{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"${bucket}/*"}`) },
  ],
  invalid: [
    {
      name: 'bucket policy writer next to read access on the same bucket',
      code: policy(`{"Effect":"Allow","Action":[[|"s3:PutBucketPolicy"|],"s3:GetObject"],"Resource":["${bucket}","${bucket}/*"]}`),
      errors: [
        {
          messageId: 'escalation',
          message: `"s3:PutBucketPolicy" allows writing the resource-based policy of ${bucket}: this principal can grant itself every s3 action there, where this policy allows it only s3:GetObject and s3:PutBucketPolicy.`,
        },
      ],
    },
    {
      name: 'writer on one bucket, read on another: it can still grant itself everything on the first',
      code: policy(`{"Effect":"Allow","Action":[|"s3:PutBucketPolicy"|],"Resource":"arn:aws:s3:::logs"},{"Effect":"Allow","Action":"s3:GetObject","Resource":"${bucket}/*"}`),
      errors: [
        {
          messageId: 'escalation',
          message: '"s3:PutBucketPolicy" allows writing the resource-based policy of arn:aws:s3:::logs: this principal can grant itself every s3 action there, where this policy allows it only s3:PutBucketPolicy.',
        },
      ],
    },
    {
      name: 'a Deny of some actions leaves the rest',
      code: policy(`{"Effect":"Allow","Action":[|"s3:PutBucketPolicy"|],"Resource":"${bucket}"},{"Effect":"Deny","Action":"s3:GetObject","Resource":"*"}`),
      errors: [
        {
          messageId: 'escalation',
          message: `"s3:PutBucketPolicy" allows writing the resource-based policy of ${bucket}: this principal can grant itself every s3 action this policy does not deny there, where this policy allows it only s3:PutBucketPolicy.`,
        },
      ],
    },
    {
      name: 'a wildcard names the writer',
      code: policy(`{"Effect":"Allow","Action":["s3:Get*",[|"s3:Put*"|]],"Resource":["${bucket}","${bucket}/*"]}`),
      errors: [{ messageId: 'escalation' }],
    },
    {
      name: 'every queue (resource-exposure reports the same grant as opening queues to others)',
      code: policy('{"Effect":"Allow","Action":["sqs:SendMessage",[|"sqs:SetQueueAttributes"|]],"Resource":"*"}'),
      errors: [
        {
          messageId: 'escalation',
          message: '"sqs:SetQueueAttributes" allows writing the resource-based policy of every queue: this principal can grant itself every sqs action there, where this policy allows it only sqs:SendMessage and sqs:SetQueueAttributes.',
        },
      ],
    },
    {
      name: 'a key policy writer next to decrypt',
      code: policy('{"Effect":"Allow","Action":["kms:Decrypt",[|"kms:PutKeyPolicy"|]],"Resource":"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}'),
      errors: ['escalation'],
    },
    {
      name: 'a KMS grant to itself',
      code: policy('{"Effect":"Allow","Action":[|"kms:CreateGrant"|],"Resource":"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}'),
      errors: [
        {
          messageId: 'escalation',
          message:
            '"kms:CreateGrant" allows writing the resource-based policy of arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab: this principal can grant itself kms:Decrypt, kms:Encrypt, kms:GenerateDataKey and 14 more there, where this policy allows it only kms:CreateGrant.',
        },
      ],
    },
    {
      name: 'a function policy next to invoke',
      code: policy('{"Effect":"Allow","Action":["lambda:InvokeFunction",[|"lambda:AddPermission"|]],"Resource":"arn:aws:lambda:us-east-1:111122223333:function:worker"}'),
      errors: ['escalation'],
    },
    {
      name: 'two queue-policy writers in one string are one finding',
      code: policy('{"Effect":"Allow","Action":[|"sqs:*Permission"|],"Resource":"arn:aws:sqs:us-east-1:111122223333:jobs"}'),
      errors: [
        {
          messageId: 'escalation',
          message:
            '"sqs:*Permission" allows writing the resource-based policy of arn:aws:sqs:us-east-1:111122223333:jobs (sqs:AddPermission): this principal can grant itself every sqs action there, where this policy allows it only sqs:AddPermission and sqs:RemovePermission.',
        },
      ],
    },
    {
      name: 'MFA does not stop the principal from granting itself',
      code: policy(`{"Effect":"Allow","Action":[|"s3:PutBucketPolicy"|],"Resource":"${bucket}","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}`),
      errors: ['escalation'],
    },
    {
      name: 'a trust policy: allowing sts:AssumeRole proves nothing, the trust policy decides',
      code: policy('{"Effect":"Allow","Action":["sts:AssumeRole",[|"iam:UpdateAssumeRolePolicy"|]],"Resource":"arn:aws:iam::111122223333:role/deploy"}'),
      errors: [
        {
          messageId: 'trustEscalation',
          message:
            '"iam:UpdateAssumeRolePolicy" allows rewriting the trust policy of arn:aws:iam::111122223333:role/deploy: this principal can name itself there, assume the role and act with its permissions.',
        },
      ],
    },
    {
      name: 'NotAction: all but receiving, which the queue policy can give back',
      code: policy('{"Effect":"Allow",[|"NotAction"|]:"sqs:ReceiveMessage","Resource":"arn:aws:sqs:us-east-1:111122223333:jobs"}'),
      errors: [
        {
          messageId: 'escalation',
          message:
            '"NotAction" allows writing the resource-based policy of arn:aws:sqs:us-east-1:111122223333:jobs (sqs:AddPermission and sqs:SetQueueAttributes): this principal can grant itself every sqs action there, where this policy allows it only 18 of them (sqs:AddPermission, sqs:CancelMessageMoveTask, sqs:ChangeMessageVisibility and 15 more).',
        },
      ],
    },
  ],
});
