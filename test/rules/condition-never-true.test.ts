import rule from '../../server/src/rules/condition-never-true';
import { runRuleTests } from '../support/ruleTester';

/** An identity policy: the statement with the given Condition, then a second one (so removal is offered). */
const policy = (condition: string, effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":"s3:GetObject","Resource":"*","Condition":${condition}},{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]}`;
const remaining = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]}';

runRuleTests(rule, {
  valid: [
    { name: 'a time still ahead', code: policy('{"DateLessThan":{"aws:CurrentTime":"2099-01-01T00:00:00Z"}}') },
    { name: 'one of the times is still ahead', code: policy('{"DateLessThan":{"aws:CurrentTime":["2020-01-01T00:00:00Z","2099-01-01T00:00:00Z"]}}') },
    { name: 'after a past time is always true, not never', code: policy('{"DateGreaterThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}') },
    { name: 'a token issued before now may still be in use', code: policy(`{"DateLessThan":{"aws:TokenIssueTime":"${new Date(Date.now() - 3_600_000).toISOString()}"}}`) },
    { name: 'IfExists lets long-term credentials (no TokenIssueTime) through', code: policy('{"DateLessThanIfExists":{"aws:TokenIssueTime":"2020-01-01T00:00:00Z"}}') },
    { name: 'a date that is no date is type-mismatch-date\'s', code: policy('{"DateLessThan":{"aws:CurrentTime":"yesterday"}}') },
    { name: 'Null false and a test', code: policy('{"Null":{"aws:SourceVpc":"false"},"StringEquals":{"aws:SourceVpc":"vpc-1"}}') },
    { name: 'Null true with IfExists elsewhere', code: policy('{"Null":{"aws:SourceVpc":"true"},"StringEqualsIfExists":{"aws:SourceVpc":"vpc-1"}}') },
    { name: 'Null true and a negated test (true for an absent key)', code: policy('{"Null":{"aws:SourceVpc":"true"},"StringNotEquals":{"aws:SourceVpc":"vpc-1"}}') },
    { name: 'Null true on another key', code: policy('{"Null":{"aws:SourceVpc":"true"},"StringEquals":{"aws:SourceVpce":"vpce-1"}}') },
    { name: 'a range with room', code: policy('{"NumericGreaterThan":{"s3:max-keys":"10"},"NumericLessThan":{"s3:max-keys":"100"}}') },
    { name: 'an inclusive range of one value', code: policy('{"NumericGreaterThanEquals":{"s3:max-keys":"10"},"NumericLessThanEquals":{"s3:max-keys":"10"}}') },
    { name: 'the largest upper bound counts (values are alternatives)', code: policy('{"NumericGreaterThan":{"s3:max-keys":"10"},"NumericLessThan":{"s3:max-keys":["5","100"]}}') },
    { name: 'an unknown operator is judged by nothing', code: policy('{"DateLessThen":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}') },
  ],
  invalid: [
    {
      name: 'an expired time window',
      code: policy('{"DateGreaterThan":{"aws:CurrentTime":"2019-01-01T00:00:00Z"},"DateLessThan":{[|"aws:CurrentTime"|]:"2020-01-01T00:00:00Z"}}'),
      errors: [{ messageId: 'timePassed', message: 'aws:CurrentTime must be before 2020-01-01T00:00:00Z, which has passed: this statement no longer allows anything.' }],
      suggestions: [{ title: 'Remove this statement (it never applies)', output: remaining }],
    },
    {
      name: 'epoch seconds, with a Numeric operator on aws:EpochTime',
      code: policy('{"NumericLessThanEquals":{[|"aws:EpochTime"|]:1577836800}}'),
      errors: ['timePassed'],
      suggestions: [{ output: remaining }],
    },
    {
      name: 'a Deny of sessions issued before a time long gone (revoking old sessions) denies nothing now',
      code: policy('{"DateLessThan":{[|"aws:TokenIssueTime"|]:"2020-01-01T00:00:00Z"}}', 'Deny'),
      errors: [
        {
          messageId: 'sessionsExpired',
          message:
            'Only sessions issued before 2020-01-01T00:00:00Z match, and every such session has expired (sessions last at most 36 hours): this statement no longer denies anything.',
        },
      ],
      suggestions: [{ output: remaining }],
    },
    {
      name: 'a key required absent and present',
      code: policy('{"Null":{[|"aws:SourceVpc"|]:"true"},"StringEquals":{"aws:SourceVpc":"vpc-1"}}'),
      errors: [{ messageId: 'absentAndPresent', message: '"Null" requires aws:SourceVpc to be absent, and "StringEquals" requires it to be present: this statement never allows anything.' }],
      suggestions: [{ output: remaining }],
    },
    {
      name: 'an empty numeric range',
      code: policy('{"NumericGreaterThan":{"s3:max-keys":"100"},"NumericLessThan":{[|"s3:max-keys"|]:"10"}}'),
      errors: [{ messageId: 'emptyRange', message: '"NumericLessThan" and "NumericGreaterThan" on s3:max-keys leave no value in between: this statement never allows anything.' }],
      suggestions: [{ output: remaining }],
    },
    {
      name: 'an exclusive range of one value',
      code: policy('{"NumericGreaterThan":{"s3:max-keys":"10"},"NumericLessThanEquals":{[|"s3:max-keys"|]:"10"}}'),
      errors: ['emptyRange'],
      suggestions: [{ output: remaining }],
    },
    {
      name: 'the only statement: no removal offered',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateLessThan":{[|"aws:CurrentTime"|]:"2020-01-01"}}}]}',
      errors: ['timePassed'],
    },
  ],
});
