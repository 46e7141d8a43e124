import rule from '../../server/src/rules/invalid-global-condition-key';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [
    doc('{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}'),
    { name: 'key names are not case-sensitive', code: doc('{"IpAddress":{"AWS:SOURCEIP":"203.0.113.0/24"}}') },
    { name: 'tag keys match the template', code: doc('{"StringEquals":{"aws:ResourceTag/Project":"x"}}') },
    { name: 'documented keys the data package lacks', code: doc('{"ArnLike":{"aws:SignInSessionArn":"arn:aws:signin:*:111122223333:session/*"}}') },
    { name: 'a service key is another rule', code: doc('{"StringEquals":{"s3:prefix":"home/"}}') },
    { name: 'a deprecated key is deprecated-global-condition-key', code: doc('{"ArnEquals":{"aws:ARN":"arn:aws:iam::111122223333:user/x"}}') },
  ],
  invalid: [
    {
      code: doc('{"IpAddress":{[|"aws:SourceIP4"|]:"203.0.113.0/24"}}'),
      errors: ['didYouMean'],
      suggestions: [{ output: doc('{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}') }],
    },
    {
      name: 'a misspelt tag key template keeps the tag',
      code: doc('{"StringEquals":{[|"aws:ResourseTag/Project"|]:"x"}}'),
      errors: ['didYouMean'],
      suggestions: [{ output: doc('{"StringEquals":{"aws:ResourceTag/Project":"x"}}') }],
    },
    { code: doc('{"Bool":{[|"aws:IsLoggedInWithSomethingElse"|]:"true"}}'), errors: ['unknown'] },
    {
      name: 'no fix onto a key already in the block',
      code: doc('{"IpAddress":{"aws:SourceIp":"203.0.113.0/24",[|"aws:SourceIP4"|]:"198.51.100.0/24"}}'),
      errors: ['didYouMean'],
    },
  ],
});
