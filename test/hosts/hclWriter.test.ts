import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTerraform, readTerraform } from '../../server/src/hosts/terraform';
import type { EmbeddedPolicy, HostMapping, HostSequence, HostValue, JsonValue } from '../../server/src/hosts/types';
import { applyEdits, nodeAt, policyOf, toJson } from './terraformSupport';

before(async () => {
  await loadTerraform();
});

const jsonencodeRole = `# café ✓ 𝄞
resource "aws_iam_role_policy" "app" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObjet"] # uploads
        Resource = "*"
      },
      { "Effect" = "Deny", "Action" = "iam:*", "Resource" = "*" },
    ]
  })
}
`;

const heredocPolicy = `resource "aws_iam_policy" "h" {
  policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["s3:GetObject"],
          "Resource": "\${aws_s3_bucket.b.arn}/*"
        }
      ]
    }
  EOF
}
`;

const documentText = `data "aws_iam_policy_document" "doc" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject", "s3:PutObjet"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::210987654321:root"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-123"]
    }
  }

  statement {
    effect    = "Deny"
    actions   = [
      "iam:*",
      "organizations:*",
    ]
    resources = ["*"]
  }
}
`;

type Operation = (policy: EmbeddedPolicy) => ReturnType<EmbeddedPolicy['writer']['replaceValue']>;

interface WriterCase {
  readonly name: string;
  readonly text: string;
  readonly label: string;
  readonly operation: Operation;
  /** The policy's JSON after the edit (as readTerraform gives it again). */
  readonly change: (json: JsonObject) => void;
  /** Text the edited file must contain (how it is written). */
  readonly contains?: readonly string[];
}

type JsonObject = { [key: string]: JsonValue };

const mapping = (policy: EmbeddedPolicy, path: string): HostMapping => {
  const node = nodeAt(policy.root, path);
  assert.equal(node.kind, 'mapping', `${path} is a mapping`);
  return node as HostMapping;
};
const sequence = (policy: EmbeddedPolicy, path: string): HostSequence => {
  const node = nodeAt(policy.root, path);
  assert.equal(node.kind, 'sequence', `${path} is a sequence`);
  return node as HostSequence;
};
const entry = (policy: EmbeddedPolicy, path: string, key: string) => {
  const found = mapping(policy, path).entries.find((e) => e.key === key);
  assert.ok(found, `${path} has ${key}`);
  return found;
};
// The tests' own JSON, navigated loosely to state each change in one line.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const at = (json: JsonValue, path: string): Loose => path.split('.').reduce((node: Loose, step) => node[step], json);

const role = 'resource.aws_iam_role_policy.app.policy';
const heredoc = 'resource.aws_iam_policy.h.policy';
const doc = 'data.aws_iam_policy_document.doc';

const cases: WriterCase[] = [
  // jsonencode objects and tuples
  {
    name: 'jsonencode: replace a typo in a list',
    text: jsonencodeRole,
    label: role,
    operation: (p) => p.writer.replaceValue(nodeAt(p.root, 'Statement.0.Action.1'), 's3:PutObject'),
    change: (j) => (at(j, 'Statement.0.Action')[1] = 's3:PutObject'),
    contains: ['Action   = ["s3:GetObject", "s3:PutObject"] # uploads'],
  },
  {
    name: 'jsonencode: a policy variable is written $${...}',
    text: jsonencodeRole,
    label: role,
    operation: (p) => p.writer.replaceValue(nodeAt(p.root, 'Statement.0.Resource'), 'arn:aws:s3:::b/${aws:username}/*'),
    change: (j) => (at(j, 'Statement.0').Resource = 'arn:aws:s3:::b/${aws:username}/*'),
    contains: ['Resource = "arn:aws:s3:::b/$${aws:username}/*"'],
  },
  {
    name: 'jsonencode: insert a Condition into a multi-line object',
    text: jsonencodeRole,
    label: role,
    operation: (p) => p.writer.insertEntry(mapping(p, 'Statement.0'), undefined, 'Condition', { Bool: { 'aws:SecureTransport': 'true' } }),
    change: (j) => (at(j, 'Statement.0').Condition = { Bool: { 'aws:SecureTransport': 'true' } }),
    contains: ['        Condition = {\n          Bool = {\n            "aws:SecureTransport" = "true"\n          }\n        }\n'],
  },
  {
    name: 'jsonencode: insert before an entry',
    text: jsonencodeRole,
    label: role,
    operation: (p) => p.writer.insertEntry(mapping(p, 'Statement.0'), entry(p, 'Statement.0', 'Action'), 'Sid', 'Uploads'),
    change: (j) => (at(j, 'Statement.0').Sid = 'Uploads'),
    contains: ['        Sid = "Uploads"\n        Action'],
  },
  {
    name: 'jsonencode: insert into a one-line object with quoted keys',
    text: jsonencodeRole,
    label: role,
    operation: (p) => p.writer.insertEntry(mapping(p, 'Statement.1'), undefined, 'Sid', 'NoIam'),
    change: (j) => (at(j, 'Statement.1').Sid = 'NoIam'),
    contains: ['"Resource" = "*", "Sid" = "NoIam" }'],
  },
  {
    name: 'jsonencode: remove an entry (its line and comment)',
    text: jsonencodeRole,
    label: role,
    operation: (p) => p.writer.removeEntries(mapping(p, 'Statement.0'), [entry(p, 'Statement.0', 'Action')]),
    change: (j) => delete at(j, 'Statement.0').Action,
  },
  {
    name: 'jsonencode: remove an entry of a one-line object',
    text: jsonencodeRole,
    label: role,
    operation: (p) => p.writer.removeEntries(mapping(p, 'Statement.1'), [entry(p, 'Statement.1', 'Effect')]),
    change: (j) => delete at(j, 'Statement.1').Effect,
    contains: ['{ "Action" = "iam:*", "Resource" = "*" }'],
  },
  {
    name: 'jsonencode: rename identifier and quoted keys',
    text: jsonencodeRole,
    label: role,
    operation: (p) => [
      ...p.writer.renameKey(mapping(p, 'Statement.0'), entry(p, 'Statement.0', 'Action'), 'NotAction')!,
      ...p.writer.renameKey(mapping(p, 'Statement.1'), entry(p, 'Statement.1', 'Action'), 'NotAction')!,
    ],
    change: (j) => {
      for (const s of [at(j, 'Statement.0'), at(j, 'Statement.1')]) {
        s.NotAction = s.Action;
        delete s.Action;
      }
    },
    contains: ['NotAction   = [', '"NotAction" = "iam:*"'],
  },
  {
    name: 'jsonencode: insert items into a one-line tuple, in the middle and at the end',
    text: jsonencodeRole,
    label: role,
    operation: (p) => [
      ...p.writer.insertItems(sequence(p, 'Statement.0.Action'), 1, ['s3:ListBucket'])!,
      ...p.writer.insertItems(sequence(p, 'Statement.0.Action'), 2, ['s3:DeleteObject'])!,
    ],
    // Both indexes are into the list as it was: 2 is its end.
    change: (j) => at(j, 'Statement.0.Action').splice(1, 0, 's3:ListBucket') && at(j, 'Statement.0.Action').push('s3:DeleteObject'),
    contains: ['Action   = ["s3:GetObject", "s3:ListBucket", "s3:PutObjet", "s3:DeleteObject"] # uploads'],
  },
  {
    name: 'jsonencode: append a statement to a multi-line tuple with trailing commas',
    text: jsonencodeRole,
    label: role,
    operation: (p) => p.writer.insertItems(sequence(p, 'Statement'), 2, [{ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }]),
    change: (j) => at(j, 'Statement').push({ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }),
  },
  {
    name: 'jsonencode: remove a statement and an item',
    text: jsonencodeRole,
    label: role,
    operation: (p) => [...p.writer.removeItems(sequence(p, 'Statement'), [nodeAt(p.root, 'Statement.1')])!, ...p.writer.removeItems(sequence(p, 'Statement.0.Action'), [nodeAt(p.root, 'Statement.0.Action.0')])!],
    change: (j) => {
      at(j, 'Statement').splice(1, 1);
      at(j, 'Statement.0.Action').splice(0, 1);
    },
  },
  {
    name: 'jsonencode: replace a string by a list',
    text: jsonencodeRole,
    label: role,
    operation: (p) => p.writer.replaceValue(nodeAt(p.root, 'Statement.0.Resource'), ['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*']),
    change: (j) => (at(j, 'Statement.0').Resource = ['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*']),
  },
  {
    name: 'jsonencode: empty a tuple',
    text: jsonencodeRole,
    label: role,
    operation: (p) => p.writer.removeItems(sequence(p, 'Statement.0.Action'), sequence(p, 'Statement.0.Action').items),
    change: (j) => (at(j, 'Statement.0').Action = []),
  },

  // heredoc JSON
  {
    name: 'heredoc: replace a value with a policy variable ($${ in the heredoc)',
    text: heredocPolicy,
    label: heredoc,
    operation: (p) => p.writer.replaceValue(nodeAt(p.root, 'Statement.0.Resource'), 'arn:aws:s3:::b/${aws:username}/*'),
    change: (j) => (at(j, 'Statement.0').Resource = 'arn:aws:s3:::b/${aws:username}/*'),
    contains: ['"Resource": "arn:aws:s3:::b/$${aws:username}/*"'],
  },
  {
    name: 'heredoc: insert an item and an entry',
    text: heredocPolicy,
    label: heredoc,
    operation: (p) => [
      ...p.writer.insertItems(sequence(p, 'Statement.0.Action'), 1, ['s3:ListBucket'])!,
      ...p.writer.insertEntry(mapping(p, 'Statement.0'), undefined, 'Sid', 'Read')!,
    ],
    change: (j) => {
      at(j, 'Statement.0.Action').push('s3:ListBucket');
      at(j, 'Statement.0').Sid = 'Read';
    },
  },

  // aws_iam_policy_document
  {
    name: 'document: replace an action',
    text: documentText,
    label: doc,
    operation: (p) => p.writer.replaceValue(nodeAt(p.root, 'Statement.0.Action.1'), 's3:PutObject'),
    change: (j) => (at(j, 'Statement.0.Action')[1] = 's3:PutObject'),
    contains: ['actions   = ["s3:GetObject", "s3:PutObject"]'],
  },
  {
    name: 'document: insert and remove items of a multi-line list',
    text: documentText,
    label: doc,
    operation: (p) => [
      ...p.writer.insertItems(sequence(p, 'Statement.1.Action'), 2, ['account:*'])!,
      ...p.writer.removeItems(sequence(p, 'Statement.1.Action'), [nodeAt(p.root, 'Statement.1.Action.0')])!,
    ],
    change: (j) => at(j, 'Statement.1').Action.splice(0, 1, ...[]) && at(j, 'Statement.1').Action.push('account:*'),
    contains: ['      "organizations:*",\n      "account:*",\n    ]'],
  },
  {
    name: 'document: a single string for a list attribute is written as a list',
    text: documentText,
    label: doc,
    operation: (p) => p.writer.replaceValue(nodeAt(p.root, 'Statement.0.Resource'), 'arn:aws:s3:::b/*'),
    change: (j) => (at(j, 'Statement.0').Resource = ['arn:aws:s3:::b/*']),
    contains: ['resources = ["arn:aws:s3:::b/*"]'],
  },
  {
    name: 'document: add a Condition to a statement without one',
    text: documentText,
    label: doc,
    operation: (p) => p.writer.insertEntry(mapping(p, 'Statement.1'), undefined, 'Condition', { Bool: { 'aws:MultiFactorAuthPresent': 'false' } }),
    change: (j) => (at(j, 'Statement.1').Condition = { Bool: { 'aws:MultiFactorAuthPresent': ['false'] } }),
    contains: ['    condition {\n      test     = "Bool"\n      variable = "aws:MultiFactorAuthPresent"\n      values   = ["false"]\n    }\n  }'],
  },
  {
    name: 'document: add a variable to a condition test, rename a test',
    text: documentText,
    label: doc,
    operation: (p) => [
      ...p.writer.insertEntry(mapping(p, 'Statement.0.Condition.StringEquals'), undefined, 'aws:SourceAccount', ['123456789012'])!,
    ],
    change: (j) => (at(j, 'Statement.0.Condition.StringEquals')['aws:SourceAccount'] = ['123456789012']),
  },
  {
    name: 'document: rename a condition operator',
    text: documentText,
    label: doc,
    operation: (p) => p.writer.renameKey(mapping(p, 'Statement.0.Condition'), entry(p, 'Statement.0.Condition', 'StringEquals'), 'StringEqualsIgnoreCase'),
    change: (j) => {
      const c = at(j, 'Statement.0.Condition');
      c.StringEqualsIgnoreCase = c.StringEquals;
      delete c.StringEquals;
    },
  },
  {
    name: 'document: remove the Condition',
    text: documentText,
    label: doc,
    operation: (p) => p.writer.removeEntries(mapping(p, 'Statement.0'), [entry(p, 'Statement.0', 'Condition')]),
    change: (j) => delete at(j, 'Statement.0').Condition,
  },
  {
    name: 'document: add Resource where there is none, remove Action',
    text: documentText.replace('    resources = ["*"]\n  }\n}', '  }\n}'),
    label: doc,
    operation: (p) => [
      ...p.writer.insertEntry(mapping(p, 'Statement.1'), undefined, 'Resource', 'arn:aws:iam::*:role/x')!,
      ...p.writer.removeEntries(mapping(p, 'Statement.0'), [entry(p, 'Statement.0', 'Action')])!,
    ],
    change: (j) => {
      at(j, 'Statement.1').Resource = ['arn:aws:iam::*:role/x'];
      delete at(j, 'Statement.0').Action;
    },
  },
  {
    name: 'document: rename Action to NotAction and Principal to NotPrincipal',
    text: documentText,
    label: doc,
    operation: (p) => [
      ...p.writer.renameKey(mapping(p, 'Statement.0'), entry(p, 'Statement.0', 'Action'), 'NotAction')!,
      ...p.writer.renameKey(mapping(p, 'Statement.0'), entry(p, 'Statement.0', 'Principal'), 'NotPrincipal')!,
    ],
    change: (j) => {
      const s = at(j, 'Statement.0');
      s.NotAction = s.Action;
      s.NotPrincipal = s.Principal;
      delete s.Action;
      delete s.Principal;
    },
    contains: ['not_actions   = [', 'not_principals {'],
  },
  {
    name: 'document: items of principals merged from two blocks',
    text: documentText,
    label: doc,
    operation: (p) => [
      ...p.writer.removeItems(sequence(p, 'Statement.0.Principal.AWS'), [nodeAt(p.root, 'Statement.0.Principal.AWS.0')])!,
      ...p.writer.insertItems(sequence(p, 'Statement.0.Principal.AWS'), 2, ['arn:aws:iam::111122223333:root'])!,
    ],
    change: (j) => at(j, 'Statement.0.Principal.AWS').splice(0, 1) && at(j, 'Statement.0.Principal.AWS').push('arn:aws:iam::111122223333:root'),
  },
  {
    name: 'document: add a principal type, replace the whole Principal',
    text: documentText,
    label: doc,
    operation: (p) => p.writer.insertEntry(mapping(p, 'Statement.0.Principal'), undefined, 'Service', ['logs.amazonaws.com']),
    change: (j) => (at(j, 'Statement.0.Principal').Service = ['logs.amazonaws.com']),
  },
  {
    name: 'document: Principal replaced by "*"',
    text: documentText,
    label: doc,
    operation: (p) => p.writer.replaceValue(nodeAt(p.root, 'Statement.0.Principal'), '*'),
    change: (j) => (at(j, 'Statement.0').Principal = '*'),
    contains: ['type        = "*"'],
  },
  {
    name: 'document: remove a statement, insert one',
    text: documentText,
    label: doc,
    operation: (p) => [
      ...p.writer.removeItems(sequence(p, 'Statement'), [nodeAt(p.root, 'Statement.0')])!,
      ...p.writer.insertItems(sequence(p, 'Statement'), 2, [{ Sid: 'New', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: '*' }])!,
    ],
    change: (j) => {
      at(j, 'Statement').splice(0, 1);
      at(j, 'Statement').push({ Sid: 'New', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: ['*'] });
    },
    contains: ['  statement {\n    sid       = "New"\n    effect    = "Allow"\n    actions   = ["sqs:SendMessage"]\n    resources = ["*"]\n  }\n}'],
  },
  {
    name: 'document: set an implied Effect',
    text: documentText,
    label: doc,
    operation: (p) => p.writer.replaceValue(nodeAt(p.root, 'Statement.0.Effect'), 'Deny'),
    change: (j) => (at(j, 'Statement.0').Effect = 'Deny'),
  },
  {
    name: 'document: replace a whole statement',
    text: documentText,
    label: doc,
    operation: (p) => p.writer.replaceValue(nodeAt(p.root, 'Statement.1'), { Effect: 'Deny', NotAction: 'iam:*', NotResource: ['*'] }),
    change: (j) => (at(j, 'Statement')[1] = { Effect: 'Deny', NotAction: ['iam:*'], NotResource: ['*'] }),
  },
];

describe('hclWriter: edits re-read as the expected policy', () => {
  for (const c of cases) {
    for (const eol of ['\n', '\r\n']) {
      test(`${c.name}${eol === '\r\n' ? ' (CRLF)' : ''}`, () => {
        const text = c.text.replaceAll('\n', eol);
        const before = readTerraform(text);
        const policy = policyOf(before, c.label);
        const edits = c.operation(policy);
        assert.ok(edits, 'the writer wrote the change');
        const after = applyEdits(text, edits);
        const reread = readTerraform(after);
        assert.deepEqual(reread?.syntaxErrors, [], `valid HCL after the edit:\n${after}`);
        const expected = toJson(policy.root) as JsonObject;
        c.change(expected);
        assert.deepEqual(toJson(policyOf(reread, c.label).root), expected, after);
        for (const piece of c.contains ?? []) assert.ok(after.includes(piece.replaceAll('\n', eol)), `${JSON.stringify(piece)} in:\n${after}`);
        // Everything else is as it was: the text outside the edits did not change.
        const untouched = [...edits].sort((a, b) => a.offset - b.offset);
        let cursor = 0;
        for (const edit of untouched) {
          assert.ok(after.includes(text.slice(cursor, edit.offset)));
          cursor = edit.offset + edit.length;
        }
      });
    }
  }
});

describe('hclWriter: what it refuses', () => {
  test('JSON in a quoted HCL string is not written', () => {
    const text = `resource "aws_iam_policy" "q" {\n  policy = "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [{\\"Action\\": \\"s3:PutObjet\\"}]}"\n}\n`;
    const policy = policyOf(readTerraform(text), 'resource.aws_iam_policy.q.policy');
    assert.equal(policy.writer.replaceValue(nodeAt(policy.root, 'Statement.0.Action'), 's3:PutObject'), undefined);
  });

  test('values a policy document cannot hold are refused', () => {
    const policy = policyOf(readTerraform(documentText), doc);
    const statement = nodeAt(policy.root, 'Statement.1') as HostMapping;
    assert.equal(policy.writer.insertEntry(statement, undefined, 'Unknown', 'x'), undefined);
    assert.equal(policy.writer.insertEntry(statement, undefined, 'Principal', 42), undefined);
    assert.equal(policy.writer.replaceValue(nodeAt(policy.root, 'Statement.0.Action'), { a: 1 }), undefined);
    assert.equal(policy.writer.insertEntry(statement, undefined, 'Action', ['s3:*']), undefined, 'Action is already there');
  });

  test('a node of another reading is refused', () => {
    const policy = policyOf(readTerraform(documentText), doc);
    const stranger: HostValue = { kind: 'mapping', span: { offset: 0, length: 1 }, entries: [] };
    assert.equal(policy.writer.insertEntry(stranger, undefined, 'Sid', 'x'), undefined);
  });
});
