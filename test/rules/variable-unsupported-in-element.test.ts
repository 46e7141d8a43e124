import rule from '../../server/src/rules/variable-unsupported-in-element';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}"}]}'],
  invalid: [
    {
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/[|${aws:username}|]"},"Action":"s3:[|${aws:PrincipalTag/a}|]","Resource":"*"}]}',
      policyType: 'resource',
      errors: ['unsupported', 'unsupported'],
    },
  ],
});
