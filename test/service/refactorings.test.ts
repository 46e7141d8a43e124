import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { suite, test } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-types';
import { getCatalog } from '../../server/src/catalog';
import { refactorings } from '../../server/src/service/refactorings';
import { shortestPatterns } from '../../server/src/service/refactorings/collapseActions';
import { suggestedSid } from '../../server/src/service/refactorings/addSid';
import { cursor, ranges } from '../support/markers';
import { repoPath } from '../support/paths';
import { modelOf, textAfterEdits } from '../support/service';

const catalog = getCatalog();

/** `|` is the cursor; `[|…|]` a selection. */
function actionsAt(source: string) {
  const selection = source.includes('[|') ? ranges(source) : undefined;
  const { text, offset, length } = selection
    ? { text: selection.text, offset: selection.spans[0]!.offset, length: selection.spans[0]!.length }
    : { ...cursor(source), length: 0 };
  const model = modelOf(text);
  const range = { start: model.document.positionAt(offset), end: model.document.positionAt(offset + length) };
  return { model, actions: refactorings(model, catalog, range) };
}

function kinds(actions: readonly CodeAction[]): string[] {
  return actions.map((a) => a.kind!.replace('refactor.rewrite.iam-policy.', ''));
}

/** The whole document after the refactoring of the given kind (the last part of its kind). */
function apply(source: string, kind: string): { text: string; title: string } {
  const { model, actions } = actionsAt(source);
  const action = actions.find((a) => a.kind === `refactor.rewrite.iam-policy.${kind}`);
  assert.ok(action, `"${kind}" is offered; offered: ${kinds(actions).join(', ')}`);
  const text = textAfterEdits(model.document, action.edit!.changes![model.document.uri]!);
  JSON.parse(text);
  return { text, title: action.title };
}

function policy(statement: string): string {
  return `{\n  "Version": "2012-10-17",\n  "Statement": [\n${statement}\n  ]\n}`;
}

suite('refactorings: expand a wildcard', () => {
  test('in a multi-line list, only the wildcard line changes; sorted by access level, then name', () => {
    const source = policy(`    {
      "Effect": "Allow",
      "Action": [
        "s3:GetObject",
        "iam:*Login|Profile"
      ],
      "Resource": "*"
    }`);
    const { text, title } = apply(source, 'expand-wildcard');
    assert.equal(
      text,
      policy(`    {
      "Effect": "Allow",
      "Action": [
        "s3:GetObject",
        "iam:GetLoginProfile",
        "iam:CreateLoginProfile",
        "iam:DeleteLoginProfile",
        "iam:UpdateLoginProfile"
      ],
      "Resource": "*"
    }`),
    );
    assert.equal(title, 'Expand "iam:*LoginProfile" to 4 explicit actions, sorted by access level (List, Write)');
  });

  test('a string value becomes a list, one line per action when one line would be too long', () => {
    const source = policy(`    {
      "Effect": "Allow",
      "Action": "iam:*LoginProfile|",
      "Resource": "*"
    }`);
    assert.equal(
      apply(source, 'expand-wildcard').text,
      policy(`    {
      "Effect": "Allow",
      "Action": [
        "iam:GetLoginProfile",
        "iam:CreateLoginProfile",
        "iam:DeleteLoginProfile",
        "iam:UpdateLoginProfile"
      ],
      "Resource": "*"
    }`),
    );
  });

  test('a short one-line list stays on one line, with its separator; actions already listed are not repeated', () => {
    const source = '{"Statement": [{"Effect": "Allow", "Action": ["kms:GetPublicKey","kms:G|et*"], "Resource": "*"}]}';
    assert.equal(
      apply(source, 'expand-wildcard').text,
      '{"Statement": [{"Effect": "Allow", "Action": ["kms:GetPublicKey","kms:GetKeyLastUsage","kms:GetKeyPolicy","kms:GetKeyRotationStatus","kms:GetParametersForImport"], "Resource": "*"}]}',
    );
  });

  test('on the Action key, every wildcard of the list is expanded', () => {
    const source = policy(`    {
      "Effect": "Deny",
      "NotA|ction": [
        "iam:*SSHPublicKey*",
        "sts:GetC*"
      ],
      "Resource": "*"
    }`);
    const { text, title } = apply(source, 'expand-wildcard');
    assert.equal(
      text,
      policy(`    {
      "Effect": "Deny",
      "NotAction": [
        "iam:ListSSHPublicKeys",
        "iam:GetSSHPublicKey",
        "iam:DeleteSSHPublicKey",
        "iam:UpdateSSHPublicKey",
        "iam:UploadSSHPublicKey",
        "sts:GetCallerIdentity"
      ],
      "Resource": "*"
    }`),
    );
    assert.equal(title, 'Expand 2 wildcards to 6 explicit actions, sorted by access level (List, Read, Write)');
  });

  test('not offered for an exact action, an unknown one, or one that expands to too many to read', () => {
    for (const action of ['s3:GetObject', 's3:Nothing*', '*', '*:Get*']) {
      const { actions } = actionsAt(`{"Statement": [{"Effect": "Allow", "Action": "${action}|", "Resource": "*"}]}`);
      assert.ok(!kinds(actions).includes('expand-wildcard'), action);
    }
  });
});

suite('refactorings: collapse to wildcards', () => {
  test('the shortest pattern list matching exactly the same actions', () => {
    const find = (names: string[]) => shortestPatterns(names.map((n) => catalog.findAction(n)!), catalog);
    assert.deepEqual(find(['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity']), ['sts:AssumeRole*']);
    assert.deepEqual(find(['sts:AssumeRole', 'sts:AssumeRoleWithSAML']), ['sts:AssumeRole', 'sts:AssumeRoleWithSAML']);
    assert.deepEqual(find(catalog.expandAction('sts:*').map((a) => a.fullName)), ['sts:*']);
    assert.deepEqual(
      find(['kms:GetKeyLastUsage', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:GetParametersForImport', 'kms:GetPublicKey', 'sts:GetCallerIdentity']),
      ['kms:Get*', 'sts:GetCallerIdentity'],
    );
    // The longest common prefix is written, not the shortest distinguishing one: `s3:GetObjectT*`, not `s3:GetObjectT*`'s shorter twin.
    assert.deepEqual(find(['s3:GetObjectTagging', 's3:GetObjectTorrent']), ['s3:GetObjectT*']);
  });

  test('every result expands to exactly its input, for every service-wide and prefix wildcard of a few services', () => {
    for (const service of ['s3', 'iam', 'ec2', 'sts', 'kms']) {
      for (const pattern of [`${service}:*`, `${service}:Get*`, `${service}:*Tag*`, `${service}:List*`]) {
        const actions = catalog.expandAction(pattern);
        const patterns = shortestPatterns(actions, catalog);
        assert.ok(patterns, pattern);
        const again = new Set(patterns.flatMap((p) => catalog.expandAction(p)));
        assert.deepEqual([...again].map((a) => a.fullName).sort(), actions.map((a) => a.fullName).sort(), pattern);
      }
    }
  });

  test('a long list becomes its patterns, in the list layout', () => {
    const source = policy(`    {
      "Effect": "Allow",
      "Action": [
        "kms:GetKeyPolicy",
        "sts:GetCallerIdentity",
        "kms:GetKeyLastUsage",
        "kms:GetKeyRotationStatus",
        "kms:getparametersforimport",
        "kms:GetPublicKey|"
      ],
      "Resource": "*"
    }`);
    const { text, title } = apply(source, 'collapse-actions');
    assert.equal(
      text,
      policy(`    {
      "Effect": "Allow",
      "Action": [
        "kms:Get*",
        "sts:GetCallerIdentity"
      ],
      "Resource": "*"
    }`),
    );
    assert.equal(title, 'Collapse 6 entries into 2 wildcard patterns (the same 6 actions today)');
  });

  test('one pattern left in a one-line list keeps the brackets', () => {
    const source = '{"Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWith|WebIdentity"], "Resource": "*"}]}';
    assert.equal(apply(source, 'collapse-actions').text, '{"Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRole*"], "Resource": "*"}]}');
  });

  test('not offered when nothing gets shorter or an entry is unknown', () => {
    for (const list of ['["iam:CreateLoginProfile", "iam:GetLoginProfile"]', '["sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity", "sts:Bogus"]']) {
      const { actions } = actionsAt(`{"Statement": [{"Effect": "Allow", "Action": ${list}|, "Resource": "*"}]}`);
      assert.ok(!kinds(actions).includes('collapse-actions'), list);
    }
  });
});

suite('refactorings: sort and de-duplicate', () => {
  test('sorted without regard to case, repeats dropped, each entry keeping its spelling', () => {
    const source = policy(`    {
      "Effect": "Allow",
      "Action": [
        "s3:PutObject",
        "s3:GetObject",
        "S3:getobject",
        "iam:GetUser"
      ]|,
      "Resource": "*"
    }`);
    const { text, title } = apply(source, 'sort-actions');
    assert.equal(
      text,
      policy(`    {
      "Effect": "Allow",
      "Action": [
        "iam:GetUser",
        "s3:GetObject",
        "s3:PutObject"
      ],
      "Resource": "*"
    }`),
    );
    assert.equal(title, 'Sort actions and remove 1 duplicate');
  });

  test('a one-line list stays one line; a sorted list without repeats gets nothing', () => {
    assert.equal(
      apply('{"Statement": {"Effect": "Allow", "Action": [ "s3:PutObject", "s3:GetObject" |], "Resource": "*"}}', 'sort-actions').text,
      '{"Statement": {"Effect": "Allow", "Action": [ "s3:GetObject", "s3:PutObject" ], "Resource": "*"}}',
    );
    const { actions } = actionsAt('{"Statement": {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"|], "Resource": "*"}}');
    assert.ok(!kinds(actions).includes('sort-actions'));
  });
});

suite('refactorings: split a statement', () => {
  test('by service, with a Sid per part; a part of one action is a string, not a one-element array', () => {
    const source = policy(`    {
      "Sid": "ReadThings",
      "Effect": "Allow",
      "Action": [
        "s3:GetObject",
        "kms:Decrypt",
        "s3:ListBucket"
      ],
      "Resource": "*",
      "Condition": {"Bool": {"aws:SecureTransport": "true"}}
    }|,
    {
      "Sid": "ReadThingsKms",
      "Effect": "Allow",
      "Action": "kms:Encrypt",
      "Resource": "*"
    }`);
    const { text, title } = apply(source, 'split-by-service');
    assert.equal(
      text,
      policy(`    {
      "Sid": "ReadThingsS3",
      "Effect": "Allow",
      "Action": [
        "s3:GetObject",
        "s3:ListBucket"
      ],
      "Resource": "*",
      "Condition": {"Bool": {"aws:SecureTransport": "true"}}
    },
    {
      "Sid": "ReadThingsKms2",
      "Effect": "Allow",
      "Action": "kms:Decrypt",
      "Resource": "*",
      "Condition": {"Bool": {"aws:SecureTransport": "true"}}
    },
    {
      "Sid": "ReadThingsKms",
      "Effect": "Allow",
      "Action": "kms:Encrypt",
      "Resource": "*"
    }`),
    );
    assert.equal(title, 'Split the statement by service (2 statements: s3, kms)');
  });

  test('by access level, in the order AWS lists levels', () => {
    const source = policy(`    {
      "Effect": "Allow",
      "Action": ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:TagQueue"],
      "Resource": "arn:aws:sqs:*:111122223333:jobs"
    }|`);
    const { text, title } = apply(source, 'split-by-access-level');
    assert.equal(
      text,
      policy(`    {
      "Effect": "Allow",
      "Action": "sqs:ReceiveMessage",
      "Resource": "arn:aws:sqs:*:111122223333:jobs"
    },
    {
      "Effect": "Allow",
      "Action": "sqs:SendMessage",
      "Resource": "arn:aws:sqs:*:111122223333:jobs"
    },
    {
      "Effect": "Allow",
      "Action": "sqs:TagQueue",
      "Resource": "arn:aws:sqs:*:111122223333:jobs"
    }`),
    );
    assert.equal(title, 'Split the statement by access level (3 statements: Read, Write, Tagging)');
  });

  test('a wildcard spanning levels is expanded into each level', () => {
    const source = '{"Statement": [{"Effect": "Allow", "Action": "iam:*LoginProfile", "Resource": "*"|}]}';
    assert.equal(
      apply(source, 'split-by-access-level').text,
      '{"Statement": [{"Effect": "Allow", "Action": "iam:GetLoginProfile", "Resource": "*"}, {"Effect": "Allow", "Action": ["iam:CreateLoginProfile", "iam:DeleteLoginProfile", "iam:UpdateLoginProfile"], "Resource": "*"}]}',
    );
  });

  test('a single-object Statement becomes an array, one level deeper', () => {
    const source = `{
  "Version": "2012-10-17",
  "Statement": {
    "Effect": "Allow",
    "Action": ["s3:GetObject", "kms:Decrypt"],|
    "Resource": "*"
  }
}`;
    assert.equal(
      apply(source, 'split-by-service').text,
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": "kms:Decrypt",
      "Resource": "*"
    }
  ]
}`,
    );
  });

  test('not offered for NotAction, one service, or a service wildcard', () => {
    for (const statement of [
      '{"Effect": "Deny", "NotAction": ["s3:GetObject", "kms:Decrypt"], "Resource": "*"|}',
      '{"Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObjectAcl"], "Resource": "*"|}',
      '{"Effect": "Allow", "Action": ["s3*:GetObject", "kms:Decrypt"], "Resource": "*"|}',
    ]) {
      const { actions } = actionsAt(`{"Statement": [${statement}]}`);
      assert.ok(!kinds(actions).includes('split-by-service'), statement);
    }
  });
});

suite('refactorings: add a Sid', () => {
  test('named after the effect, service and access level, first in the statement', () => {
    const source = policy(`    {
      "Effect": "Allow",|
      "Action": ["s3:GetObject", "s3:GetObjectAcl"],
      "Resource": "*"
    }`);
    const { text, title } = apply(source, 'add-sid');
    assert.equal(
      text,
      policy(`    {
      "Sid": "AllowS3Read",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:GetObjectAcl"],
      "Resource": "*"
    }`),
    );
    assert.equal(title, 'Add Sid "AllowS3Read"');
  });

  test('names', () => {
    const sid = (statement: string) => suggestedSid(modelOf(`{"Statement": [${statement}]}`).statements[0]!, catalog);
    assert.equal(sid('{"Effect": "Allow", "Action": "sts:assumerole"}'), 'AllowStsAssumeRole');
    assert.equal(sid('{"Effect": "Deny", "Action": ["iam:PutRolePolicy", "iam:AttachRolePolicy"]}'), 'DenyIamPermissionsManagement');
    assert.equal(sid('{"Effect": "Allow", "Action": ["s3:GetObject", "kms:DescribeKey"]}'), 'AllowS3KmsRead');
    assert.equal(sid('{"Effect": "Allow", "Action": ["s3:GetObject", "kms:Decrypt"]}'), 'AllowS3Kms');
    assert.equal(sid('{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"]}'), 'AllowS3');
    assert.equal(sid('{"Effect": "Allow", "Action": "*"}'), 'AllowAll');
    assert.equal(sid('{"Effect": "Deny", "NotAction": "iam:*"}'), 'DenyAllExceptListed');
  });

  test('unique in the policy; not offered when there is one', () => {
    const source = '{"Statement": [{"Sid": "AllowStsAssumeRole", "Effect": "Allow", "Action": "sts:AssumeRole"}, {"Effect": "Allow", "Action": "sts:AssumeRole"|}]}';
    assert.equal(
      apply(source, 'add-sid').text,
      '{"Statement": [{"Sid": "AllowStsAssumeRole", "Effect": "Allow", "Action": "sts:AssumeRole"}, {"Sid": "AllowStsAssumeRole2", "Effect": "Allow", "Action": "sts:AssumeRole"}]}',
    );
    const { actions } = actionsAt('{"Statement": [{"Sid": "A", "Effect": "Allow"|, "Action": "sts:AssumeRole"}]}');
    assert.ok(!kinds(actions).includes('add-sid'));
  });
});

suite('refactorings: string to array and back', () => {
  test('Action string -> array, and a one-element Resource array -> string', () => {
    assert.equal(
      apply('{"Statement": [{"Effect": "Allow", "Action": "s3:Get|Object", "Resource": ["*"]}]}', 'string-to-array').text,
      '{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["*"]}]}',
    );
    assert.equal(
      apply('{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": [ "*"| ]}]}', 'array-to-string').text,
      '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}',
    );
  });

  test('principal entries and condition values, keeping escapes and non-string values', () => {
    assert.equal(
      apply('{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:ro|ot"}, "Action": "sts:AssumeRole"}]}', 'string-to-array').text,
      '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root"]}, "Action": "sts:AssumeRole"}]}',
    );
    const { text, title } = apply('{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": [tr|ue]}}}]}', 'array-to-string');
    assert.equal(text, '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": true}}}]}');
    assert.equal(title, 'Convert aws:SecureTransport values to a single value');
    assert.equal(
      apply('{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/\\u0041|"}]}', 'string-to-array').text,
      '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/\\u0041"]}]}',
    );
  });

  test('not offered for arrays of two', () => {
    const { actions } = actionsAt('{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"|], "Resource": "*"}]}');
    assert.ok(!kinds(actions).includes('array-to-string'));
    assert.ok(!kinds(actions).includes('string-to-array'));
  });
});

suite('refactorings: scope Resource "*"', () => {
  /** The Resource values after Scope Resource, in order, and the title. */
  function scoped(actions: string): { resources: string[]; title: string } {
    const { text, title } = apply(policy(`    {\n      "Effect": "Allow",\n      "Action": ${actions},\n      "Resource": "*|"\n    }`), 'scope-resource');
    const resource = (JSON.parse(text) as { Statement: { Resource: string | string[] }[] }).Statement[0]!.Resource;
    return { resources: ([] as string[]).concat(resource), title };
  }

  test('to the ARN template of the type the actions act on, partition filled in', () => {
    const source = policy(`    {
      "Effect": "Allow",
      "Action": ["sqs:SendMessage", "sqs:ReceiveMessage"],
      "Resource": "*|"
    }`);
    const { text, title } = apply(source, 'scope-resource');
    assert.equal(
      text,
      policy(`    {
      "Effect": "Allow",
      "Action": ["sqs:SendMessage", "sqs:ReceiveMessage"],
      "Resource": "arn:aws:sqs:\${Region}:\${Account}:\${QueueName}"
    }`),
    );
    assert.equal(title, 'Scope Resource "*" to queue ARNs (fill in the ${…} placeholders)');
  });

  test('several templates in a multi-line list; the title warns about actions that support only "*"', () => {
    const source = policy(`    {
      "Effect": "Allow",
      "Action": ["s3:GetObjectTorrent", "s3:PutBucketAcl", "s3:ListAllMyBuckets"],
      "Resource": [
        "*"
      ]|
    }`);
    const { text, title } = apply(source, 'scope-resource');
    assert.equal(
      text,
      policy(`    {
      "Effect": "Allow",
      "Action": ["s3:GetObjectTorrent", "s3:PutBucketAcl", "s3:ListAllMyBuckets"],
      "Resource": [
        "arn:aws:s3:::\${BucketName}",
        "arn:aws:s3:::\${BucketName}/\${ObjectName}"
      ]
    }`),
    );
    assert.match(title, /^Scope Resource "\*" to bucket and object ARNs .*; 1 action that support only "\*" \(such as s3:ListAllMyBuckets\) will no longer match$/);
  });

  test('the types most of the actions use come first, then those an action requires', () => {
    // GetObject and PutObject both act on objects; SendMessage requires a queue; ListBucket takes a bucket (or an
    // access point).
    assert.deepEqual(scoped('["s3:ListBucket", "sqs:SendMessage", "s3:GetObject", "s3:PutObject"]').resources, [
      'arn:aws:s3:::${BucketName}/${ObjectName}',
      'arn:aws:sqs:${Region}:${Account}:${QueueName}',
      'arn:aws:s3:::${BucketName}',
    ]);
  });

  test('where any of several types will do, the most common one only (no access points)', () => {
    // s3:GetObject acts on an object or an access point's object; s3:ListBucket on a bucket or an access point.
    // Among equals, the type more of the service's actions name first: the bucket.
    const { resources, title } = scoped('["s3:GetObject", "s3:ListBucket"]');
    assert.deepEqual(resources, ['arn:aws:s3:::${BucketName}', 'arn:aws:s3:::${BucketName}/${ObjectName}']);
    assert.equal(title, 'Scope Resource "*" to bucket and object ARNs (fill in the ${…} placeholders)');
  });

  test('the types an action requires, not those it lists for conditions', () => {
    // ec2:StartInstances requires an instance; it also lists group and license-configuration, for their condition keys.
    assert.deepEqual(scoped('"ec2:StartInstances"').resources, ['arn:aws:ec2:${Region}:${Account}:instance/${InstanceId}']);
    // ec2:RunInstances requires five types and lists thirteen more (spot requests, elastic GPUs, key pairs...).
    const run = scoped('"ec2:RunInstances"').resources;
    assert.equal(run.length, 5);
    for (const type of ['image/', 'instance/', 'network-interface/', 'security-group/', 'subnet/']) {
      assert.ok(run.some((arn) => arn.includes(`:${type}`)), `${type} in ${run.join(', ')}`);
    }
    assert.ok(!run.some((arn) => /spot-instances-request|elastic-gpu|key-pair/.test(arn)), run.join(', '));
  });

  test('an action that takes any of many types is covered by a type another action needs', () => {
    // ec2:CreateTags lists some 120 taggable types; with ec2:StartInstances, the instance is the one to name.
    assert.deepEqual(scoped('["ec2:CreateTags", "ec2:StartInstances"]').resources, ['arn:aws:ec2:${Region}:${Account}:instance/${InstanceId}']);
  });

  test('the action is marked as inserting placeholders (snippet tab stops in editors that take them)', () => {
    const { actions } = actionsAt('{"Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"|}]}');
    const scope = actions.find((a) => a.kind === 'refactor.rewrite.iam-policy.scope-resource');
    assert.deepEqual(scope?.data, { placeholders: true });
    assert.ok(actions.filter((a) => a !== scope).every((a) => a.data === undefined));
  });

  test('not offered without "*", for NotAction, or when no action has a resource type', () => {
    for (const statement of [
      '{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:*:*:q"|}',
      '{"Effect": "Allow", "NotAction": "sqs:SendMessage", "Resource": "*"|}',
      '{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"|}',
    ]) {
      const { actions } = actionsAt(`{"Statement": [${statement}]}`);
      assert.ok(!kinds(actions).includes('scope-resource'), statement);
    }
  });
});

suite('refactorings: where they are offered', () => {
  test('nothing outside a statement, on a document with syntax errors, or on JSON that is not a policy', () => {
    assert.deepEqual(actionsAt('{"Version": "2012-10-17"|, "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}').actions, []);
    assert.deepEqual(actionsAt('{"Statement": [{"Effect": "Allow", "Action": "s3:Get*|", "Resource": "*",}]}').actions, []);
    assert.deepEqual(actionsAt('{"name": "x", "items": [{"Action": "s3:Get*|"}]}').actions, []);
  });

  test('every action has a refactor.rewrite kind and an edit for this document only', () => {
    const { model, actions } = actionsAt('{"Statement": [{"Effect": "Allow", "Action": "s3:GetObjectT*|", "Resource": "*"}]}');
    assert.deepEqual(kinds(actions), ['expand-wildcard', 'string-to-array', 'scope-resource', 'add-sid']);
    for (const action of actions) {
      assert.match(action.kind!, /^refactor\.rewrite\.iam-policy\./);
      assert.deepEqual(Object.keys(action.edit!.changes!), [model.document.uri]);
    }
  });

  test('a half-typed statement does not throw', () => {
    for (const text of ['{"Statement": [{"Action": |}]}', '{"Statement": [{"Action": [1, "s3:*"|]}]}', '{"Statement": [{"Effect": "Allow", "Action": [ |]}]}', '{"Statement": {|}}']) {
      assert.doesNotThrow(() => actionsAt(text), text);
    }
  });
});

suite('refactorings: every one offered anywhere in a set of policies', () => {
  /**
   * What a policy grants, independent of layout: per statement "shape" (everything but Sid and the action list),
   * the set of actions. Statements of the same shape are merged, so a split compares equal to the original.
   */
  function meaning(text: string): Map<string, string> {
    const model = modelOf(text);
    const shapes = new Map<string, Set<string>>();
    const asList = (value: unknown) => (value === undefined ? undefined : ([] as unknown[]).concat(value).map(String).sort());
    const json = JSON.parse(text) as { Statement: unknown };
    const raw = ([] as Record<string, unknown>[]).concat(json.Statement as Record<string, unknown>[]);
    model.statements.forEach((statement, i) => {
      const s = raw[i]!;
      const normalise = (value: unknown): unknown =>
        value && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v && typeof v === 'object' && !Array.isArray(v) ? normalise(v) : asList(v)]))
          : asList(value);
      const shape = JSON.stringify({
        effect: s.Effect,
        not: statement.notAction !== undefined,
        resource: asList(s.Resource),
        notResource: asList(s.NotResource),
        principal: normalise(s.Principal),
        notPrincipal: normalise(s.NotPrincipal),
        condition: normalise(s.Condition),
      });
      const actions = shapes.get(shape) ?? new Set<string>();
      for (const value of (statement.action ?? statement.notAction)?.values ?? []) {
        for (const action of catalog.expandAction(value.value)) actions.add(action.fullName);
      }
      shapes.set(shape, actions);
    });
    return new Map([...shapes].map(([shape, actions]) => [shape, [...actions].sort().join(' ')]));
  }

  const preserving = new Set(['expand-wildcard', 'collapse-actions', 'sort-actions', 'split-by-service', 'split-by-access-level', 'string-to-array', 'array-to-string', 'add-sid']);

  const documents: [string, string][] = [
    ...readdirSync(repoPath('examples'))
      .filter((f) => f.endsWith('.json'))
      .map((f): [string, string] => [f, readFileSync(repoPath('examples', f), 'utf8')]),
    ['tabs and CRLF', '{\r\n\t"Version": "2012-10-17",\r\n\t"Statement": [\r\n\t\t{\r\n\t\t\t"Effect": "Allow",\r\n\t\t\t"Action": [\r\n\t\t\t\t"sqs:SendMessage",\r\n\t\t\t\t"s3:Get*",\r\n\t\t\t\t"sqs:ReceiveMessage"\r\n\t\t\t],\r\n\t\t\t"Resource": "*"\r\n\t\t}\r\n\t]\r\n}\r\n'],
    ['minified', '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":["iam:*LoginProfile","s3:PutObject","s3:PutObject"],"Resource":["*"],"Condition":{"StringEquals":{"aws:PrincipalTag/team":"x"}}}}'],
    ['four spaces', '{\n    "Statement": [\n        {\n            "Sid": "Mixed",\n            "Effect": "Allow",\n            "Action": ["kms:Get*", "kms:Decrypt", "sts:AssumeRole"],\n            "Resource": "*"\n        }\n    ]\n}'],
  ];

  for (const [name, text] of documents) {
    test(name, () => {
      const model = modelOf(text);
      if (model.syntaxErrors.length > 0) return;
      const before = meaning(text);
      let offered = 0;
      // Every offset inside every statement: each refactoring, wherever offered, leaves valid JSON, and the ones
      // that must not change what the policy grants do not.
      for (const statement of model.statements) {
        for (let offset = statement.node.offset; offset <= statement.node.offset + statement.node.length; offset++) {
          const position = model.document.positionAt(offset);
          for (const action of refactorings(model, catalog, { start: position, end: position })) {
            offered++;
            const after = textAfterEdits(model.document, action.edit!.changes![model.document.uri]!);
            assert.doesNotThrow(() => JSON.parse(after), `${action.title} at ${offset}`);
            const kind = action.kind!.replace('refactor.rewrite.iam-policy.', '');
            if (preserving.has(kind)) assert.deepEqual(meaning(after), before, `${action.title} at ${offset}`);
            assert.equal(modelOf(after).syntaxErrors.length, 0);
          }
        }
      }
      assert.ok(offered > 0, 'something was offered');
    });
  }
});
