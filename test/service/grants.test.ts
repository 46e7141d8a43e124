import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { getCatalog } from '../../server/src/catalog';
import { describeGrants, grantsListing, renderGrants } from '../../server/src/service/grants';
import { cursor } from '../support/markers';
import { modelOf } from '../support/service';

const catalog = getCatalog();

const policy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Queues",
      "Effect": "Allow",
      "Action": ["sqs:SendMessage", "sqs:Receive*", "iam:*LoginProfile", "sqs:SendMessage", "foo:Bar"],
      "Resource": "arn:aws:sqs:*:111122223333:jobs",
      "Condition": { "Bool": { "aws:SecureTransport": "true" } }
    },
    {
      "Effect": "Deny",
      "NotAction": "iam:*",
      "NotResource": ["arn:aws:iam::*:user/\${aws:username}"]
    }
  ]
}`;

suite('grants', () => {
  test('per statement: actions expanded, grouped by service and access level, unknown entries set apart', () => {
    const grants = describeGrants(modelOf(policy), catalog);
    const [first, second] = grants.statements;
    assert.equal(first!.sid, 'Queues');
    assert.equal(first!.effect, 'Allow');
    assert.equal(first!.notAction, false);
    assert.equal(first!.count, 6);
    assert.deepEqual(
      first!.services.map((s) => [s.prefix, s.count, s.levels.map((l) => [l.level, l.actions])]),
      [
        ['iam', 4, [['List', ['iam:GetLoginProfile']], ['Write', ['iam:CreateLoginProfile', 'iam:DeleteLoginProfile', 'iam:UpdateLoginProfile']]]],
        ['sqs', 2, [['Read', ['sqs:ReceiveMessage']], ['Write', ['sqs:SendMessage']]]],
      ],
    );
    assert.equal(first!.services[1]!.name, catalog.findService('sqs')!.name);
    assert.deepEqual(first!.unmatched, ['foo:Bar']);
    assert.deepEqual(first!.resources, { not: false, values: ['arn:aws:sqs:*:111122223333:jobs'] });
    assert.deepEqual(first!.conditionOperators, ['Bool']);

    // NotAction: the listing shows what is left out; the count is everything else in the catalogue.
    const iamCount = catalog.expandAction('iam:*').length;
    assert.equal(second!.notAction, true);
    assert.equal(second!.services.map((s) => s.count).join(), String(iamCount));
    assert.equal(second!.count, catalog.info.counts.actions - iamCount);
    assert.deepEqual(second!.resources, { not: true, values: ['arn:aws:iam::*:user/${aws:username}'] });
    assert.equal(grants.allowedCount, 6);
    assert.equal(grants.dataVersion, catalog.info.dataVersion);
  });

  test('the statement at a position only; outside any statement, all of them', () => {
    const { text, offset } = cursor(policy.replace('"Effect": "Deny"', '"Effect": "De|ny"'));
    const model = modelOf(text);
    const at = describeGrants(model, catalog, model.document.positionAt(offset));
    assert.deepEqual(at.statements.map((s) => s.index), [1]);
    assert.equal(at.allowedCount, 0);
    assert.equal(describeGrants(model, catalog, { line: 0, character: 0 }).statements.length, 2);
  });

  test('the listing as Markdown', () => {
    const model = modelOf('{"Statement": [{"Sid": "Read", "Effect": "Allow", "Action": ["sqs:Receive*", "sqs:SendMessage"], "Resource": "*"}]}', 'file:///work/my%20queue.iam.json');
    const { text } = grantsListing(model, catalog);
    const date = catalog.info.dataDate.slice(0, 10);
    const name = catalog.findService('sqs')!.name;
    assert.equal(
      text,
      [
        '# Actions in my queue.iam.json',
        '',
        `Wildcards expanded against the IAM data of ${date} (version ${catalog.info.dataVersion}); a wildcard also matches actions AWS adds later.`,
        'Resource and Condition are shown as written; whether they match a request is not evaluated here.',
        '',
        '## Statement "Read": Allow 2 actions',
        '',
        'Resource: `*`',
        '',
        `### sqs: ${name} (2)`,
        '',
        '- **Read** (1)',
        '  - sqs:ReceiveMessage',
        '- **Write** (1)',
        '  - sqs:SendMessage',
        '',
      ].join('\n'),
    );
  });

  test('empty, half-typed and foreign documents do not throw', () => {
    for (const text of ['', '{', '{"Statement": [{"Action": 5}]}', '{"Statement": {"NotAction": []}}', '[]']) {
      const grants = describeGrants(modelOf(text), catalog);
      assert.doesNotThrow(() => renderGrants(grants, 'x'), text);
    }
    assert.match(renderGrants(describeGrants(modelOf('{}'), catalog), 'x'), /The policy has no statements\./);
  });
});
