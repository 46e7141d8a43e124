import rule from '../../server/src/rules/create-slr-with-star-in-action-and-not-resource';
import { runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    { name: 'a wildcard of another service', code: policy('{"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::secret/*"}') },
    {
      name: 'iam:AWSServiceName narrows',
      code: policy('{"Effect":"Allow","Action":"iam:*","NotResource":"arn:aws:iam::*:user/*","Condition":{"StringEquals":{"iam:AWSServiceName":"ecs.amazonaws.com"}}}'),
    },
  ],
  invalid: [
    { code: policy('{"Effect":"Allow","Action":[|"iam:*"|],"NotResource":"arn:aws:iam::*:user/*"}'), errors: ['starInActionAndNotResource'] },
  ],
});
