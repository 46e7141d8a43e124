import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { getCatalog } from '../../server/src/catalog';
import { findPlaceholders, fillPlaceholders, isPlaceholderName, placeholderField } from '../../server/src/policy/placeholders';
import { parsePolicy } from '../../server/src/policy/parse';
import { rules } from '../../server/src/rules';
import { allResourceTypes } from '../../server/src/rules/shared/allResourceTypes';
import rule from '../../server/src/rules/unfilled-placeholder';
import { runRules } from '../../server/src/rules/run';
import type { PolicyType } from '../../server/src/rules/types';
import { arnTemplate } from '../../server/src/service/refactorings/scopeResource';
import principalForms from '../../data/principal-forms.json';
import trustData from '../../data/trust-principals.json';
import { documentOf } from '../support/documents';
import { runRuleTests } from '../support/ruleTester';

const res = (resource: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"${resource}"}]}`;
const cond = (condition: string) =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":${condition}}]}`;
const principal = (value: string) =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"${value}"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}`;
const trust = (sub: string) =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"${sub}"}}}]}`;

runRuleTests(rule, {
  valid: [
    // Policy variables, escapes and other tools' template syntax are no placeholders.
    res('arn:aws:s3:::b/${aws:username}/*'),
    res('arn:aws:s3:::b/${aws:PrincipalTag/team}/*'),
    res('arn:aws:s3:::b/${*}'),
    res("arn:aws:s3:::b/${Region, 'x'}"),
    res('arn:aws:s3:::${bucket_name}/*'),
    res('arn:aws:s3:::${var.bucket}/*'),
    // Angle brackets only count as a whole field or path segment; the example prefixes only as a bucket name.
    cond('{"StringLike":{"aws:UserAgent":"*<script>*"}}'),
    res('arn:aws:s3:::b/amzn-s3-demo-bucket'),
    res('arn:aws:s3:::my-amzn-s3-demo-bucket/*'),
    // GitHub's real owners and repositories; an owner named "owner" is a name.
    { code: trust('repo:octo-org/octo-repo:ref:refs/heads/main'), policyType: 'trust' },
    { code: trust('repo:owner/repo:*'), policyType: 'trust' },
    // Action is invalid-action's.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:${Action}","Resource":"*"}]}',
  ],
  invalid: [
    {
      name: 'the fields of a Scope Resource template',
      code: res('arn:aws:sqs:[|${Region}|]:[|${Account}|]:[|${QueueName}|]'),
      errors: [
        { messageId: 'unfilled', message: '"${Region}" is a placeholder: replace it with the region. As written it names nothing that exists, so this Resource matches nothing.' },
        'unfilled',
        { messageId: 'unfilled', message: '"${QueueName}" is a placeholder: replace it with the queue name. As written it names nothing that exists, so this Resource matches nothing.' },
      ],
    },
    { name: 'an S3 template', code: res('arn:aws:s3:::[|${BucketName}|]/[|${ObjectName}|]'), errors: ['unfilled', 'unfilled'] },
    { name: 'a partition left as a field', code: res('arn:[|${Partition}|]:s3:::b/*'), errors: ['unfilled'] },
    {
      name: 'angle-bracket fields, as messages show ARN formats',
      code: res('arn:aws:sqs:[|<region>|]:[|<account-id>|]:[|<QueueName>|]'),
      errors: [
        'unfilled',
        { messageId: 'unfilled', message: '"<account-id>" is a placeholder: replace it with the account id. As written it names nothing that exists, so this Resource matches nothing.' },
        'unfilled',
      ],
    },
    {
      name: 'the example bucket of the S3 documentation',
      code: res('arn:aws:s3:::[|amzn-s3-demo-bucket1|]/*'),
      errors: [{ messageId: 'unfilled', message: '"amzn-s3-demo-bucket1" is a placeholder: replace it with the bucket name. As written it names nothing that exists, so this Resource matches nothing.' }],
    },
    { name: 'the example bucket of older documentation', code: res('arn:aws:s3:::[|DOC-EXAMPLE-BUCKET|]/*'), errors: ['unfilled'] },
    { name: 'in NotResource', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","NotResource":["arn:aws:s3:::[|${BucketName}|]"]}]}', errors: ['unfilled'] },
    {
      name: 'in a Principal (where a policy variable would be variable-unsupported-in-element)',
      code: principal('arn:aws:iam::[|${Account}|]:root'),
      policyType: 'resource',
      errors: [{ messageId: 'unfilled', message: '"${Account}" is a placeholder: replace it with the account. As written it names nothing that exists, so this Principal matches nothing.' }],
    },
    { name: 'a whole principal', code: principal('[|<account-id>|]'), policyType: 'resource', errors: ['unfilled'] },
    {
      name: 'a condition value and a condition key',
      code: cond('{"StringEquals":{"aws:SourceAccount":"[|${Account}|]","[|aws:ResourceTag/${TagKey}|]":"x"}}').replace('[|aws:ResourceTag/${TagKey}|]', 'aws:ResourceTag/[|${TagKey}|]'),
      errors: [
        'unfilled',
        { messageId: 'unfilled', message: '"${TagKey}" is a placeholder: replace it with the tag key. As written it names nothing that exists, so this condition key matches nothing.' },
      ],
    },
    {
      name: 'the GitHub subject missing-github-repo-condition-key suggests',
      code: trust('repo:[|OWNER/REPO|]:ref:refs/heads/main'),
      policyType: 'trust',
      errors: [{ messageId: 'unfilled', message: '"OWNER/REPO" is a placeholder: replace it with the GitHub owner and repository. As written it names nothing that exists, so this condition matches nothing.' }],
    },
    { name: 'after a JSON escape', code: res('arn:aws:s3:::\\u0062/[|${ObjectName}|]'), errors: ['unfilled'] },
  ],
});

suite('unfilled-placeholder: the placeholders we insert are the ones it finds', () => {
  const catalog = getCatalog();

  test('every field of every ARN format (what wildcard-resource and Scope Resource insert)', () => {
    const missed = new Set<string>();
    for (const type of allResourceTypes(catalog)) {
      const template = arnTemplate(type.arn);
      const fields = template.match(/\$\{[^}]*\}/g) ?? [];
      const found = findPlaceholders(template).map((p) => p.text);
      for (const field of fields) if (!found.includes(field)) missed.add(field);
    }
    assert.deepEqual([...missed], []);
  });

  test('every field of the principal forms completion offers', () => {
    for (const { template } of principalForms.forms) {
      const fields = template.match(/\$\{[^}]*\}/g) ?? [];
      assert.equal(findPlaceholders(template).length, fields.length, template);
    }
  });

  test('the GitHub subject and the placeholders our suggestions build', () => {
    assert.deepEqual(findPlaceholders(trustData.github.subjectPlaceholder).map((p) => p.text), ['OWNER/REPO']);
    assert.ok(isPlaceholderName('ServicePrincipal'));
    assert.equal(placeholderField('Account'), '${Account}');
    assert.throws(() => placeholderField('aws:username'));
  });

  test('filled in, a placeholder is one plain name', () => {
    assert.equal(fillPlaceholders('arn:aws:iam::${Account}:role/<role-name>'), 'arn:aws:iam::name:role/name');
    assert.equal(fillPlaceholders('arn:aws:s3:::b/${aws:username}'), 'arn:aws:s3:::b/${aws:username}');
  });
});

suite('unfilled-placeholder: a placeholder is reported once, by this rule', () => {
  /** Ids of every rule's findings, other than unfilled-placeholder's. */
  function otherFindings(text: string, policyType: PolicyType): string[] {
    const model = parsePolicy(documentOf(text));
    const problems = runRules(model, rules, { catalog: getCatalog(), policyType, settings: { rules: {} } });
    return [...new Set(problems.map((p) => p.ruleId).filter((id) => id !== rule.id))].sort();
  }

  // Each policy with placeholders, and the same policy filled in: the placeholders add no finding of another rule.
  const pairs: [string, string, string, PolicyType][] = [
    ['Resource fields', res('arn:aws:sqs:${Region}:${Account}:${QueueName}'), res('arn:aws:sqs:us-east-1:111122223333:queue1'), 'identity'],
    ['angle brackets in an ARN', res('arn:aws:sqs:<region>:<account-id>:<queue-name>'), res('arn:aws:sqs:us-east-1:111122223333:queue1'), 'identity'],
    ['a partition', res('arn:<Partition>:iam::<Account>:role/<RoleName>'), res('arn:aws:iam::111122223333:role/role1'), 'identity'],
    ['an S3 template', res('arn:aws:s3:::${BucketName}/${ObjectName}'), res('arn:aws:s3:::bucket1/object1'), 'identity'],
    ['a principal ARN', principal('arn:aws:iam::${Account}:root'), principal('arn:aws:iam::111122223333:root'), 'resource'],
    ['a principal in angle brackets', principal('arn:aws:iam::<account-id>:root'), principal('arn:aws:iam::111122223333:root'), 'resource'],
    ['a whole principal', principal('<account-id>'), principal('111122223333'), 'resource'],
    ['a condition value', cond('{"StringEquals":{"aws:SourceAccount":"${Account}"}}'), cond('{"StringEquals":{"aws:SourceAccount":"111122223333"}}'), 'identity'],
    ['a GitHub subject', trust('repo:OWNER/REPO:ref:refs/heads/main'), trust('repo:octo-org/octo-repo:ref:refs/heads/main'), 'trust'],
    [
      'no Version: a placeholder is no policy variable',
      '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::${BucketName}/*"}]}',
      '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket1/*"}]}',
      'identity',
    ],
  ];
  for (const [name, withPlaceholders, filled, policyType] of pairs) {
    test(name, () => {
      assert.deepEqual(otherFindings(withPlaceholders, policyType), otherFindings(filled, policyType));
    });
  }
});
