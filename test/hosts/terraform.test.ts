import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTerraform, readTerraform } from '../../server/src/hosts/terraform';
import type { HostValue, JsonValue } from '../../server/src/hosts/types';
import type { PolicyType } from '../../shared/settings';
import { nodeAt, policyOf, spanOfText, toJson } from './terraformSupport';

before(async () => {
  await loadTerraform();
});

/** Where a node must be: its span is this substring (its n-th occurrence), and where its characters stand. */
interface SpanCheck {
  readonly path: string;
  /** The node's whole span, as written. */
  readonly span: string;
  readonly occurrence?: number;
  /** Part of the value whose characters must stand one for one (HostScalar.contentOffset); null: no contentOffset. */
  readonly content?: string | null;
}

interface HostCase {
  readonly name: string;
  readonly text: string;
  readonly label: string;
  readonly policyType: PolicyType;
  readonly json: JsonValue;
  readonly spans?: readonly SpanCheck[];
  readonly policies?: number;
}

const comment = '# café ✓ 𝄞 — non-ASCII before the policy\n';

function checkSpan(text: string, root: HostValue, check: SpanCheck): void {
  const node = nodeAt(root, check.path);
  const expected = spanOfText(text, check.span, check.occurrence ?? 0);
  assert.deepEqual(node.span, expected, `span of ${check.path}: got ${JSON.stringify(text.slice(node.span.offset, node.span.offset + node.span.length))}`);
  if (check.content === undefined) return;
  assert.equal(node.kind, 'scalar', `${check.path} is a scalar`);
  if (node.kind !== 'scalar') return;
  if (check.content === null) {
    assert.equal(node.contentOffset, undefined, `${check.path} has no contentOffset`);
    return;
  }
  assert.ok(node.contentOffset !== undefined, `${check.path} has a contentOffset`);
  const within = String(node.value).indexOf(check.content);
  assert.equal(text.slice(node.contentOffset + within, node.contentOffset + within + check.content.length), check.content);
}

const cases: HostCase[] = [
  {
    name: 'jsonencode with identifier keys, after non-ASCII text',
    text: `${comment}resource "aws_iam_role_policy" "app" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:PutObjet", "*"]
      Resource = "*"
      Count    = 12
      Flag     = true
      Nothing  = null
    }]
  })
}
`,
    label: 'resource.aws_iam_role_policy.app.policy',
    policyType: 'identity',
    json: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:PutObjet', '*'], Resource: '*', Count: 12, Flag: true, Nothing: null }] },
    spans: [
      { path: 'Statement.0.Action.0', span: '"s3:PutObjet"', content: 'PutObjet' },
      { path: 'Statement.0.Action', span: '["s3:PutObjet", "*"]' },
      { path: 'Statement.0.Count', span: '12', occurrence: 1, content: '12' },
      { path: 'Statement.0.Flag', span: 'true', content: 'true' },
    ],
  },
  {
    name: 'jsonencode with quoted keys and colons',
    text: `resource "aws_iam_policy" "p" {
  policy = jsonencode({ "Version": "2012-10-17", "Statement": [{ "Effect": "Deny", "NotAction": "iam:*", "Resource": "*" }] })
}
`,
    label: 'resource.aws_iam_policy.p.policy',
    policyType: 'identity',
    json: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }] },
    spans: [{ path: 'Statement.0.NotAction', span: '"iam:*"', content: 'iam:*' }],
  },
  {
    name: 'interpolations and references in every position',
    text: `resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = var.effect
      Principal = { AWS = [aws_iam_role.r.arn, "arn:aws:iam::\${var.account}:root"] }
      Action    = ["s3:Get\${local.suffix}", local.actions]
      Resource  = ["\${aws_s3_bucket.b.arn}/*", "\${aws_s3_bucket.b.arn}", data.aws_s3_bucket.x.arn, "\${var.a}\${var.b}"]
      Condition = var.enabled ? { Bool = { "aws:SecureTransport" = "true" } } : {}
      Other     = [for a in var.list : a]
      Splat     = aws_s3_bucket.all[*].arn
      Call      = concat(["a"], var.more)
    }]
  })
}
`,
    label: 'resource.aws_s3_bucket_policy.b.policy',
    policyType: 'resource',
    json: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: '<opaque: var.effect>',
          Principal: { AWS: ['<opaque: aws_iam_role.r.arn>', 'arn:aws:iam::${var.account}:root'] },
          Action: ['s3:Get${local.suffix}', '<opaque: local.actions>'],
          Resource: ['${aws_s3_bucket.b.arn}/*', '<opaque: "${aws_s3_bucket.b.arn}">', '<opaque: data.aws_s3_bucket.x.arn>', '<opaque: "${var.a}${var.b}">'],
          Condition: '<opaque: var.enabled ? { Bool = { "aws:SecureTransport" = "true" } } : {}>',
          Other: '<opaque: [for a in var.list : a]>',
          Splat: '<opaque: aws_s3_bucket.all[*].arn>',
          Call: '<opaque: concat(["a"], var.more)>',
        },
      ],
    },
    spans: [{ path: 'Statement.0.Resource.0', span: '"${aws_s3_bucket.b.arn}/*"' }],
  },
  {
    name: 'heredoc JSON',
    text: `${comment}resource "aws_iam_policy" "h" {
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "s3:PutObjet", "Resource": "arn:aws:s3:::b/\\\\d"}]
}
EOF
}
`,
    label: 'resource.aws_iam_policy.h.policy',
    policyType: 'identity',
    json: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObjet', Resource: 'arn:aws:s3:::b/\\d' }] },
    spans: [
      { path: 'Statement.0.Action', span: '"s3:PutObjet"', content: 'PutObjet' },
      { path: 'Statement.0.Resource', span: '"arn:aws:s3:::b/\\\\d"', content: null },
    ],
  },
  {
    name: 'indented heredoc (<<-) with interpolations and $${aws:username}',
    text: `resource "aws_s3_bucket_policy" "b" {
  policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {"AWS": "\${aws_iam_role.r.arn}"},
          "Action": ["s3:GetObject", "s3:PutObjet"],
          "Resource": ["\${aws_s3_bucket.b.arn}/home/$\${aws:username}/*", \${jsonencode(var.extra)}]
        }
      ]
    }
  POLICY
}
`,
    label: 'resource.aws_s3_bucket_policy.b.policy',
    policyType: 'resource',
    json: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: '<opaque: "${aws_iam_role.r.arn}">' },
          Action: ['s3:GetObject', 's3:PutObjet'],
          Resource: ['${aws_s3_bucket.b.arn}/home/${aws:username}/*', '<opaque: ${jsonencode(var.extra)}>'],
        },
      ],
    },
    spans: [
      { path: 'Statement.0.Action.1', span: '"s3:PutObjet"', content: 'PutObjet' },
      { path: 'Statement.0.Resource.1', span: '${jsonencode(var.extra)}' },
    ],
  },
  {
    name: 'a quoted string holding JSON',
    text: `resource "aws_iam_user_policy" "u" {
  policy = "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Action\\": \\"s3:PutObjet\\", \\"Resource\\": \\"\${var.arn}/*\\"}]}"
}
`,
    label: 'resource.aws_iam_user_policy.u.policy',
    policyType: 'identity',
    json: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObjet', Resource: '${var.arn}/*' }] },
    spans: [{ path: 'Statement.0.Action', span: '\\"s3:PutObjet\\"', content: 'PutObjet' }],
  },
  {
    name: 'policy document with principals, conditions and not_* (trust by its use)',
    text: `${comment}data "aws_iam_policy_document" "assume" {
  statement {
    sid     = "Assume"
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
    principals {
      type        = "AWS"
      identifiers = [var.account_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["123456789012"]
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = [var.external_id]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }
}

resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.assume.json
}
`,
    label: 'data.aws_iam_policy_document.assume',
    policyType: 'trust',
    json: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Sid: 'Assume',
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Principal: { Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'], AWS: ['<opaque: var.account_arn>'] },
          Condition: {
            StringEquals: { 'aws:SourceAccount': ['123456789012'], 'sts:ExternalId': ['<opaque: var.external_id>'] },
            Bool: { 'aws:SecureTransport': ['true'] },
          },
        },
      ],
    },
    spans: [
      { path: 'Statement.0.Action.1', span: '"sts:TagSession"', content: 'TagSession' },
      { path: 'Statement.0.Principal.Service.1', span: '"lambda.amazonaws.com"', content: 'lambda' },
      { path: 'Statement.0.Condition.StringEquals.aws:SourceAccount.0', span: '"123456789012"', content: '123456789012' },
    ],
  },
  {
    name: 'policy document: version, policy_id, not_actions, not_resources, not_principals "*"',
    text: `data "aws_iam_policy_document" "deny" {
  version   = "2012-10-17"
  policy_id = "DenyAll"
  statement {
    effect        = "Deny"
    not_actions   = ["iam:*"]
    not_resources = ["arn:aws:s3:::b/*"]
    not_principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}
`,
    label: 'data.aws_iam_policy_document.deny',
    policyType: 'resource',
    json: { Version: '2012-10-17', Id: 'DenyAll', Statement: [{ Effect: 'Deny', NotAction: ['iam:*'], NotResource: ['arn:aws:s3:::b/*'], NotPrincipal: '*' }] },
    spans: [
      { path: 'Version', span: '"2012-10-17"', content: '2012' },
      { path: 'Statement.0.NotPrincipal', span: '"*"', occurrence: 1, content: '*' },
    ],
  },
  {
    name: 'policy document without principals is identity; dynamic statements are opaque',
    text: `data "aws_iam_policy_document" "x" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  dynamic "statement" {
    for_each = var.x
    content {}
  }
}
`,
    label: 'data.aws_iam_policy_document.x',
    policyType: 'identity',
    json: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'] }, '<opaque: dynamic "statement" { for_each = var.x content {} }>'],
    },
  },
  {
    name: 'a policy document made only of documents we cannot see has a computed Statement',
    text: `data "aws_iam_policy_document" "x" {
  source_policy_documents = [data.aws_iam_policy_document.a.json, var.extra]
}
`,
    label: 'data.aws_iam_policy_document.x',
    policyType: 'identity',
    json: { Version: '2012-10-17', Statement: '<opaque: [data.aws_iam_policy_document.a.json, var.extra]>' },
  },
  {
    name: 'CRLF line ends',
    text: `resource "aws_iam_role" "r" {\r\n  assume_role_policy = jsonencode({\r\n    Version = "2012-10-17"\r\n    Statement = [{\r\n      Effect = "Allow"\r\n      Action = "sts:AssumeRole"\r\n      Principal = { Service = "ec2.amazonaws.com" }\r\n    }]\r\n  })\r\n}\r\n`,
    label: 'resource.aws_iam_role.r.assume_role_policy',
    policyType: 'trust',
    json: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ec2.amazonaws.com' } }] },
    spans: [{ path: 'Statement.0.Principal.Service', span: '"ec2.amazonaws.com"', content: 'ec2' }],
  },
  {
    name: 'inline_policy blocks of a role',
    text: `resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.assume.json
  permissions_boundary = "arn:aws:iam::123456789012:policy/boundary"
  inline_policy {
    name   = "one"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
  }
}
`,
    label: 'resource.aws_iam_role.r.inline_policy.policy',
    policyType: 'identity',
    json: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] },
    policies: 1,
  },
  {
    name: 'HCL escapes: $${aws:username} is literal text, escapes lose the one-for-one mapping',
    text: `resource "aws_iam_policy" "p" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "s3:GetObject"
      Resource = ["arn:aws:s3:::b/home/$\${aws:username}/*", "\${var.bucket}/$\${aws:userid}", "tab\\there"]
    }]
  })
}
`,
    label: 'resource.aws_iam_policy.p.policy',
    policyType: 'identity',
    json: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/home/${aws:username}/*', '${var.bucket}/${aws:userid}', 'tab\there'] }],
    },
    spans: [
      { path: 'Statement.0.Resource.0', span: '"arn:aws:s3:::b/home/$${aws:username}/*"', content: null },
      { path: 'Statement.0.Resource.2', span: '"tab\\there"', content: null },
    ],
  },
];

describe('readTerraform: host forms', () => {
  for (const c of cases) {
    test(c.name, () => {
      const document = readTerraform(c.text);
      assert.equal(document?.kind, 'terraform');
      assert.deepEqual(document.syntaxErrors, []);
      const policy = policyOf(document, c.label);
      assert.equal(policy.policyType, c.policyType);
      assert.deepEqual(toJson(policy.root), c.json);
      if (c.policies !== undefined) assert.equal(document.policies.length, c.policies);
      for (const check of c.spans ?? []) checkSpan(c.text, policy.root, check);
    });
  }
});

describe('readTerraform: templates', () => {
  test('holes and literal parts keep their exact places', () => {
    const text = `${comment}resource "aws_iam_policy" "p" {
  policy = jsonencode({ Statement = [{ Resource = "arn:aws:s3:::\${var.bucket}/$\${aws:username}/x" }] })
}
`;
    const node = nodeAt(policyOf(readTerraform(text), 'resource.aws_iam_policy.p.policy').root, 'Statement.0.Resource');
    assert.equal(node.kind, 'template');
    if (node.kind !== 'template') return;
    assert.deepEqual(
      node.parts.map((p) => ('hole' in p ? { hole: p.hole, span: p.span } : { text: p.text, at: p.contentOffset === undefined ? undefined : text.slice(p.contentOffset, p.contentOffset + p.text.length) })),
      [
        { text: 'arn:aws:s3:::', at: 'arn:aws:s3:::' },
        { hole: '${var.bucket}', span: spanOfText(text, '${var.bucket}') },
        { text: '/', at: '/' },
        // `$${` is HCL's escape of `${`: that part has no place of its own; what follows it stands as written.
        { text: '${', at: undefined },
        { text: 'aws:username}/x', at: 'aws:username}/x' },
      ],
    );
  });

  test('template directives make a string opaque', () => {
    const text = `resource "aws_iam_policy" "p" {
  policy = jsonencode({ Statement = [{ Resource = "a%{ if var.x }b%{ endif }" }] })
}
`;
    const node = nodeAt(policyOf(readTerraform(text), 'resource.aws_iam_policy.p.policy').root, 'Statement.0.Resource');
    assert.equal(node.kind, 'opaque');
  });
});

describe('readTerraform: policy types and what is not a policy', () => {
  const organizations = (type: string | undefined): string => `resource "aws_organizations_policy" "o" {
  name    = "o"
  ${type === undefined ? '' : `type = "${type}"`}
  content = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }] })
}
`;
  const typeCases: [string | undefined, PolicyType | undefined][] = [
    [undefined, 'scp'],
    ['SERVICE_CONTROL_POLICY', 'scp'],
    ['RESOURCE_CONTROL_POLICY', 'rcp'],
    ['TAG_POLICY', undefined],
    ['BACKUP_POLICY', undefined],
  ];
  for (const [type, expected] of typeCases) {
    test(`aws_organizations_policy type ${type ?? '(default)'} -> ${expected ?? 'not a policy'}`, () => {
      const document = readTerraform(organizations(type));
      assert.deepEqual(
        document?.policies.map((p) => p.policyType),
        expected ? [expected] : [],
      );
    });
  }

  const resourceTypes: [string, string, PolicyType][] = [
    ['aws_iam_group_policy', 'policy', 'identity'],
    ['aws_sqs_queue_policy', 'policy', 'resource'],
    ['aws_sns_topic_policy', 'policy', 'resource'],
    ['aws_kms_key', 'policy', 'resource'],
    ['aws_ecr_repository_policy', 'policy', 'resource'],
    ['aws_ecrpublic_repository_policy', 'policy', 'resource'],
    ['aws_ecr_registry_policy', 'policy', 'resource'],
    ['aws_secretsmanager_secret_policy', 'policy', 'resource'],
    ['aws_cloudwatch_log_resource_policy', 'policy_document', 'resource'],
    ['aws_opensearch_domain_policy', 'access_policies', 'resource'],
  ];
  for (const [resourceType, argument, policyType] of resourceTypes) {
    test(`${resourceType}.${argument} is a ${policyType} policy`, () => {
      const text = `resource "${resourceType}" "x" {\n  ${argument} = jsonencode({ Version = "2012-10-17", Statement = [] })\n}\n`;
      assert.equal(policyOf(readTerraform(text), `resource.${resourceType}.x.${argument}`).policyType, policyType);
    });
  }

  test('a .tf without IAM has no policies', () => {
    const document = readTerraform(`provider "aws" {\n  region = "eu-west-1"\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n  tags = { Name = "b" }\n}\n`);
    assert.deepEqual(document, { kind: 'terraform', policies: [], syntaxErrors: [] });
  });

  test('an empty file, references, files and unknown arguments are not policies', () => {
    assert.deepEqual(readTerraform('')?.policies, []);
    const document = readTerraform(`resource "aws_iam_policy" "a" {
  policy = data.aws_iam_policy_document.x.json
}
resource "aws_iam_policy" "b" {
  policy = file("policy.json")
}
resource "aws_iam_role" "c" {
  permissions_boundary = "arn:aws:iam::123456789012:policy/b"
  description = jsonencode({ Version = "2012-10-17", Statement = [] })
}
`);
    assert.deepEqual(document?.policies, []);
  });

  test('a policy document takes the type of the argument that uses it, else a guess from its statements', () => {
    const text = `data "aws_iam_policy_document" "bucket" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}
data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
    }
  }
}
data "aws_iam_policy_document" "used" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}
resource "aws_s3_bucket_policy" "b" {
  policy = data.aws_iam_policy_document.used.json
}
`;
    const document = readTerraform(text);
    assert.deepEqual(
      document?.policies.map((p) => [p.label, p.policyType]),
      [
        ['data.aws_iam_policy_document.bucket', 'resource'],
        ['data.aws_iam_policy_document.assume', 'trust'],
        ['data.aws_iam_policy_document.used', 'resource'],
      ],
    );
  });
});

describe('readTerraform: broken files', () => {
  test('a syntax error is reported and the policies that parse are still read', () => {
    const text = `resource "aws_iam_policy" "broken" {
  policy = jsonencode({ Version = "2012-10-17", Statement = [ }
}

resource "aws_iam_policy" "good" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:PutObjet", Resource = "*" }]
  })
}
`;
    const document = readTerraform(text);
    assert.ok(document && document.syntaxErrors.length > 0);
    const good = policyOf(document, 'resource.aws_iam_policy.good.policy');
    checkSpan(text, good.root, { path: 'Statement.0.Action', span: '"s3:PutObjet"', content: 'PutObjet' });
  });

  test('JSON errors inside a heredoc are reported at their place', () => {
    const text = `resource "aws_iam_policy" "h" {
  policy = <<EOF
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", } ] }
EOF
}
`;
    const document = readTerraform(text);
    assert.ok(document);
    assert.ok(document.syntaxErrors.length > 0);
    for (const error of document.syntaxErrors) assert.ok(error.offset >= text.indexOf('{ "Version"') && error.offset < text.indexOf('\nEOF'));
  });

  test('an unterminated file or garbage gives a result, never an exception', () => {
    const inputs = ['resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Statement = [', '}}}}{{{{', '\u0000\u0001binary', 'data "aws_iam_policy_document" "d" {\n statement {\n actions = ['];
    for (const input of inputs) assert.ok(readTerraform(input));
  });
});

describe('readTerraform: grammar', () => {
  test('tree-sitter indices count UTF-16 code units (astral characters before a value)', () => {
    const text = `# 𝄞𝄞𝄞 😀 ✓ café\nresource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = [{ Action = "s3:PutObjet" }] })\n}\n`;
    checkSpan(text, policyOf(readTerraform(text), 'resource.aws_iam_policy.p.policy').root, { path: 'Statement.0.Action', span: '"s3:PutObjet"', content: 'PutObjet' });
  });

  test('reading many times (trees are freed) keeps giving the same answer', () => {
    const text = cases[0]!.text;
    const first = JSON.stringify(readTerraform(text));
    for (let i = 0; i < 200; i++) assert.equal(JSON.stringify(readTerraform(text)), first);
  });
});
