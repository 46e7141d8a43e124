import rule from '../../server/src/rules/restrict-access-to-service-principal';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    {
      name: 'S3: CloudFront origin access control tied to one distribution',
      code: '{"Version":"2012-10-17","Statement":[{"Sid":"AllowCloudFrontServicePrincipalReadOnly","Effect":"Allow","Principal":{"Service":"cloudfront.amazonaws.com"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::amzn-s3-demo-bucket/*","Condition":{"StringEquals":{"AWS:SourceArn":"arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE"}}}]}',
      policyType: 'resource',
    },
    {
      name: 'S3: CloudTrail log delivery (both keys, ArnLike and StringEquals)',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "AWSCloudTrailWrite",\n      "Effect": "Allow",\n      "Principal": { "Service": "cloudtrail.amazonaws.com" },\n      "Action": "s3:PutObject",\n      "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/AWSLogs/111122223333/*",\n      "Condition": {\n        "StringEquals": { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": "arn:aws:cloudtrail:us-east-2:111122223333:trail/myTrail" }\n      }\n    }\n  ]\n}',
      policyType: 'resource',
    },
    {
      name: 'SQS: SNS topic subscription',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-2:111122223333:MyQueue","Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-2:111122223333:MyTopic"}}}]}',
      policyType: 'resource',
    },
    {
      name: 'SNS: EventBridge rules of an organization',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"sns:Publish","Resource":"arn:aws:sns:us-east-2:111122223333:MyTopic","Condition":{"StringEquals":{"aws:SourceOrgID":"o-a1b2c3d4e5"}}}]}',
      policyType: 'resource',
    },
    {
      name: 'role trust policies: the service assumes the role for you',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com","lambda.amazonaws.com"]},"Action":"sts:AssumeRole"}]}',
      policyType: 'trust',
    },
    {
      name: 'a Deny that names a service grants nothing',
      code: '{"Statement":[{"Effect":"Deny","Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"*"}]}',
      policyType: 'resource',
    },
    {
      name: 'account principals are not services',
      code: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sqs:SendMessage","Resource":"*"}]}',
      policyType: 'resource',
    },
  ],
  invalid: [
    {
      name: 'SQS: S3 event notifications from any bucket',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":[|"s3.amazonaws.com"|]},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-2:111122223333:MyQueue"}]}',
      policyType: 'resource',
      errors: [
        {
          messageId: 'noSource',
          message:
            'The service principal "s3.amazonaws.com" gets access without a condition on aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths, so the service can use it on behalf of any account\'s resources (confused deputy). Add one of them, naming your own resource or account.',
        },
      ],
      suggestions: [
        {
          title: 'Add "StringEquals": {"aws:SourceAccount": "${Account}"} (fill in your account ID)',
          output:
            '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-2:111122223333:MyQueue", "Condition": { "StringEquals": { "aws:SourceAccount": "${Account}" } }}]}',
        },
      ],
    },
    {
      name: 'S3: log delivery with only an ACL condition, multi-line',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Service": [|"delivery.logs.amazonaws.com"|] },\n      "Action": "s3:PutObject",\n      "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/AWSLogs/*",\n      "Condition": {\n        "StringEquals": {\n          "s3:x-amz-acl": "bucket-owner-full-control"\n        }\n      }\n    }\n  ]\n}',
      policyType: 'resource',
      errors: ['noSource'],
      suggestions: [
        {
          output:
            '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Service": "delivery.logs.amazonaws.com" },\n      "Action": "s3:PutObject",\n      "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/AWSLogs/*",\n      "Condition": {\n        "StringEquals": {\n          "s3:x-amz-acl": "bucket-owner-full-control",\n          "aws:SourceAccount": "${Account}"\n        }\n      }\n    }\n  ]\n}',
        },
      ],
    },
    {
      name: 'two services, a wildcard source account, and an IfExists source ARN',
      code: '{"Statement":[{"Effect":"Allow","Principal":{"Service":[[|"events.amazonaws.com"|],[|"scheduler.amazonaws.com"|]]},"Action":"sqs:SendMessage","Resource":"*","Condition":{"StringLike":{"aws:SourceAccount":"*"},"ArnLikeIfExists":{"aws:SourceArn":"arn:aws:events:us-east-2:111122223333:rule/*"}}}]}',
      policyType: 'resource',
      errors: ['noSource', 'noSource'],
      suggestions: [
        { output: '{"Statement":[{"Effect":"Allow","Principal":{"Service":["events.amazonaws.com","scheduler.amazonaws.com"]},"Action":"sqs:SendMessage","Resource":"*","Condition":{"StringLike":{"aws:SourceAccount":"*"},"ArnLikeIfExists":{"aws:SourceArn":"arn:aws:events:us-east-2:111122223333:rule/*"}, "StringEquals": { "aws:SourceAccount": "${Account}" }}}]}' },
        { output: '{"Statement":[{"Effect":"Allow","Principal":{"Service":["events.amazonaws.com","scheduler.amazonaws.com"]},"Action":"sqs:SendMessage","Resource":"*","Condition":{"StringLike":{"aws:SourceAccount":"*"},"ArnLikeIfExists":{"aws:SourceArn":"arn:aws:events:us-east-2:111122223333:rule/*"}, "StringEquals": { "aws:SourceAccount": "${Account}" }}}]}' },
      ],
    },
    {
      name: 'Lambda: invoke from SNS, mixed with an account principal',
      code: '{"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"sns-invoke","Effect":"Allow","Principal":{"AWS":"111122223333","Service":[|"sns.amazonaws.com"|]},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-2:111122223333:function:my-function"}]}',
      policyType: 'resource',
      errors: ['noSource'],
      suggestions: [
        { output: '{"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"sns-invoke","Effect":"Allow","Principal":{"AWS":"111122223333","Service":"sns.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-2:111122223333:function:my-function", "Condition": { "StringEquals": { "aws:SourceAccount": "${Account}" } }}]}' },
      ],
    },
  ],
});
