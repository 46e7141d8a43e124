// Infrastructure code for the hosts section: CloudFormation templates (YAML and JSON) and a Terraform file, made of
// groups of related resources (a bucket, its bucket policy, a queue, a role with inline policies, a managed policy)
// whose policies mix hand-written statements with intrinsics (!Sub, !GetAtt, !Ref; Terraform references and
// interpolations) and real statements from the AWS managed policies. Each comes with the loose JSON policy of the same
// statements (intrinsics rendered as plain names), so host and loose costs can be compared, and with cursors.
import { Buffer } from 'node:buffer';
import { withCursors } from './documents.mjs';

// `«name»` marks a cursor inside a string; markers are removed after rendering (see withCursors).
const marker = /«[a-zA-Z0-9]+»/g;

/** A CloudFormation intrinsic: rendered as a YAML tag or a JSON `Fn::` object, and as a plain name for loose JSON. */
class Intrinsic {
  constructor(tag, value, plain) {
    Object.assign(this, { tag, value, plain });
  }
  yaml() {
    return this.tag === 'Sub' ? `!Sub ${JSON.stringify(this.value)}` : `!${this.tag} ${this.value}`;
  }
  toJSON() {
    if (this.tag === 'Ref') return { Ref: this.value };
    if (this.tag === 'GetAtt') return { 'Fn::GetAtt': this.value.split('.') };
    return { 'Fn::Sub': this.value };
  }
}
const sub = (value, plain) => new Intrinsic('Sub', value, plain);
const getAtt = (value, plain) => new Intrinsic('GetAtt', value, plain);
const ref = (value, plain) => new Intrinsic('Ref', value, plain);

/** A Terraform expression written as is (a reference or an interpolated string), with its plain rendering. */
class Expression {
  constructor(text, plain) {
    Object.assign(this, { text, plain });
  }
}

/** The value with intrinsics and expressions replaced by their plain renderings: what a loose policy would say. */
function plainOf(value) {
  if (value instanceof Intrinsic || value instanceof Expression) return value.plain;
  if (Array.isArray(value)) return value.map(plainOf);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainOf(v)]));
  return value;
}

/**
 * The statements a group's application role needs, on the group's own bucket, queue and log group. The `complete`
 * cursor goes after "s3:Get" in the first Action list, the `edit` one at the end of an action in a later statement
 * (typing there moves no cursor before it).
 */
function roleStatements(g, bucket, queue, cursors) {
  return [
    {
      Sid: 'ReadWriteObjects',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', ...(cursors.complete ? [`s3:Get${cursors.complete}`] : [])],
      Resource: bucket.objects,
    },
    { Sid: 'ListBucket', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket.arn, Condition: { StringLike: { 's3:prefix': ['uploads/*', `group-${g}/*`] } } },
    { Sid: 'Consume', Effect: 'Allow', Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', `sqs:GetQueueAttributes${cursors.edit ?? ''}`], Resource: queue.arn },
    { Sid: 'Logs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: bucket.logs },
  ];
}

/** A bucket policy: deny insecure transport, let the group's role read. */
function bucketStatements(bucket, roleArn) {
  return [
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [bucket.arn, bucket.objects],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
    { Sid: 'AppRead', Effect: 'Allow', Principal: { AWS: roleArn }, Action: ['s3:GetObject', 's3:GetObjectVersion'], Resource: bucket.objects },
  ];
}

const trustStatement = (service) => ({ Effect: 'Allow', Principal: { Service: [service] }, Action: 'sts:AssumeRole' });
const services = ['lambda.amazonaws.com', 'ecs-tasks.amazonaws.com', 'ec2.amazonaws.com'];

/** Takes `n` statements from the corpus, round robin, without Sids (a managed policy's may clash in a new home). */
function corpusTaker(statements) {
  let next = 0;
  return (n) =>
    Array.from({ length: n }, () => {
      const statement = { ...statements[next++ % statements.length] };
      delete statement.Sid;
      return statement;
    });
}

/**
 * A CloudFormation template as a tree (with Intrinsics): `groups` groups of 5 resources, or as many as fit in
 * `maxBytes` when given (in `syntax`). `corpusPerPolicy` corpus statements go in each role's second inline
 * policy and twice as many in each managed policy. The first group carries the cursors (see roleStatements).
 */
function templateTree({ statements, syntax, groups, maxBytes, corpusPerPolicy }) {
  const take = corpusTaker(statements);
  const resources = {};
  const policies = [];
  let bytes = 0;
  for (let g = 1; groups === undefined || g <= groups; g++) {
    const cursors = g === 1 ? { complete: '«complete»', edit: '«edit»' } : {};
    const bucket = {
      arn: getAtt(`Bucket${g}.Arn`, `arn:aws:s3:::app-prod-${g}`),
      objects: sub(`\${Bucket${g}.Arn}/*`, `arn:aws:s3:::app-prod-${g}/*`),
      logs: sub(`arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/app/\${Stage}/${g}/*`, `arn:aws:logs:eu-west-1:111122223333:log-group:/app/prod/${g}/*`),
    };
    const queue = { arn: getAtt(`Queue${g}.Arn`, `arn:aws:sqs:eu-west-1:111122223333:app-prod-${g}`) };
    const roleArn = getAtt(`Role${g}.Arn`, `arn:aws:iam::111122223333:role/app-prod-${g}`);
    const app = roleStatements(g, bucket, queue, cursors);
    const extra = take(corpusPerPolicy);
    const managed = take(corpusPerPolicy * 2);
    const onBucket = bucketStatements(bucket, roleArn);
    const trust = [trustStatement(services[g % services.length])];
    const document = (statement) => ({ Version: '2012-10-17', Statement: statement });
    const group = {
      [`Bucket${g}`]: { Type: 'AWS::S3::Bucket', Properties: { BucketName: sub(`app-\${Stage}-${g}-\${AWS::AccountId}`, `app-prod-${g}`) } },
      [`Bucket${g}Policy`]: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: ref(`Bucket${g}`, `app-prod-${g}`), PolicyDocument: document(onBucket) } },
      [`Queue${g}`]: { Type: 'AWS::SQS::Queue', Properties: { QueueName: sub(`app-\${Stage}-${g}`, `app-prod-${g}`), VisibilityTimeout: 60 } },
      [`Role${g}`]: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: sub(`app-\${Stage}-${g}`, `app-prod-${g}`),
          AssumeRolePolicyDocument: document(trust),
          Policies: [
            { PolicyName: `app-${g}`, PolicyDocument: document(app) },
            { PolicyName: `extra-${g}`, PolicyDocument: document(extra) },
          ],
        },
      },
      [`ManagedPolicy${g}`]: {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: { Description: `Shared permissions of group ${g}`, Roles: [ref(`Role${g}`, `app-prod-${g}`)], PolicyDocument: document(managed) },
      },
    };
    if (maxBytes !== undefined) {
      bytes += syntax === 'yaml' ? Buffer.byteLength(yamlLines(group, 2).join('\n')) + 1 : jsonBytes(group);
      if (bytes > maxBytes - 400) break; // room for the header
    }
    Object.assign(resources, group);
    policies.push(trust, app, extra, managed, onBucket);
  }
  const tree = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Generated by npm run bench (hosts section): groups of a bucket, its policy, a queue, a role and a managed policy.',
    Parameters: { Stage: { Type: 'String', AllowedValues: ['dev', 'prod'], Default: 'prod' } },
    Resources: resources,
  };
  return { tree, resourceCount: Object.keys(resources).length, policyCount: policies.length, statements: policies.flat() };
}

/** The bytes a group of resources takes in the pretty-printed JSON template (two levels deep, in Resources). */
function jsonBytes(group) {
  const text = JSON.stringify(group, null, 2);
  return Buffer.byteLength(text) + 4 * text.split('\n').length;
}

/** A scalar or key in YAML: plain when it is safely plain, else double-quoted (JSON's escapes are YAML's). */
function yamlScalar(value) {
  if (value instanceof Intrinsic) return value.yaml();
  if (typeof value !== 'string') return String(value);
  const bare = value.replace(marker, '');
  const plain = /^[A-Za-z][\w.:/-]*$/.test(bare) && !/:$/.test(bare) && !/^(y|n|yes|no|true|false|on|off|null)$/i.test(bare);
  return plain ? value : JSON.stringify(value);
}

const isBlock = (value) =>
  value !== null && typeof value === 'object' && !(value instanceof Intrinsic) && Object.keys(value).length > 0;

/** Block-style YAML lines of a mapping at `indent` spaces, the way CloudFormation templates are usually written. */
function yamlLines(mapping, indent) {
  const pad = ' '.repeat(indent);
  const lines = [];
  for (const [key, value] of Object.entries(mapping)) {
    if (!isBlock(value)) lines.push(`${pad}${yamlScalar(key)}: ${Array.isArray(value) ? '[]' : value !== null && typeof value === 'object' && !(value instanceof Intrinsic) ? '{}' : yamlScalar(value)}`);
    else {
      lines.push(`${pad}${yamlScalar(key)}:`);
      lines.push(...(Array.isArray(value) ? yamlSequence(value, indent + 2) : yamlLines(value, indent + 2)));
    }
  }
  return lines;
}

function yamlSequence(items, indent) {
  const pad = ' '.repeat(indent);
  const lines = [];
  for (const item of items) {
    if (Array.isArray(item)) lines.push(`${pad}- ${JSON.stringify(plainOf(item))}`);
    else if (isBlock(item)) {
      const nested = yamlLines(item, indent + 2);
      lines.push(`${pad}- ${nested[0].slice(indent + 2)}`, ...nested.slice(1));
    } else lines.push(`${pad}- ${yamlScalar(item)}`);
  }
  return lines;
}

/** The loose JSON policy of the same statements, pretty-printed like the loose documents of the diagnostics section. */
function loosePolicy(statements) {
  const body = plainOf(statements).map((s) => JSON.stringify(s, null, 2).replace(/^/gm, '    '));
  return withCursors(`{\n  "Version": "2012-10-17",\n  "Statement": [\n${body.join(',\n')}\n  ]\n}\n`).text;
}

/**
 * A CloudFormation template in `syntax` ('yaml' or 'json'): { text, cursors, loose, resources, policies, statements }.
 * Give `groups` (5 resources each) or `maxBytes`.
 */
export function cloudFormationTemplate(statements, { syntax, groups, maxBytes, corpusPerPolicy }) {
  const built = templateTree({ statements, syntax, groups, maxBytes, corpusPerPolicy });
  const marked = syntax === 'yaml' ? `${yamlLines(built.tree, 0).join('\n')}\n` : `${JSON.stringify(built.tree, null, 2)}\n`;
  return {
    ...withCursors(marked),
    loose: loosePolicy(built.statements),
    resources: built.resourceCount,
    policies: built.policyCount,
    statements: built.statements.length,
  };
}

// Terraform -----------------------------------------------------------------------------------------------------

/** An HCL string literal: JSON's escapes, and `${` / `%{` escaped so Terraform reads them literally. */
const escapeTemplates = (text) => text.replaceAll('${', () => '$${').replaceAll('%{', () => '%%{'); // a function: '$$' in a replacement string is one '$'
const hclString = (value) => escapeTemplates(JSON.stringify(value));
const hclKey = (key) => (/^[A-Za-z_][\w-]*$/.test(key) ? key : hclString(key));

/** An HCL value for jsonencode(...): objects and lists over several lines, short lists of scalars on one. */
function hclValue(value, indent) {
  if (value instanceof Expression) return value.text;
  if (typeof value !== 'object' || value === null) return typeof value === 'string' ? hclString(value) : String(value);
  const pad = ' '.repeat(indent + 2);
  if (Array.isArray(value)) {
    const inline = `[${value.map((v) => hclValue(v, indent)).join(', ')}]`;
    if (value.every((v) => typeof v !== 'object' || v instanceof Expression) && inline.length < 100) return inline;
    return `[\n${value.map((v) => `${pad}${hclValue(v, indent + 2)},`).join('\n')}\n${' '.repeat(indent)}]`;
  }
  const width = Math.max(...Object.keys(value).map((k) => hclKey(k).length));
  const entries = Object.entries(value).map(([k, v]) => `${pad}${hclKey(k).padEnd(width)} = ${hclValue(v, indent + 2)}`);
  return `{\n${entries.join('\n')}\n${' '.repeat(indent)}}`;
}

const list = (value) => [value].flat();

/** Attribute lines with their `=` aligned, as terraform fmt writes them. */
function attributes(pairs, indent) {
  const present = pairs.filter(([, value]) => value !== undefined);
  const width = Math.max(...present.map(([name]) => name.length));
  return present.map(([name, value]) => `${' '.repeat(indent)}${name.padEnd(width)} = ${value}`);
}

/** A statement as an aws_iam_policy_document `statement` block. */
function statementBlock(statement) {
  const strings = (values) => hclValue(list(values).map((v) => (v instanceof Expression ? v : String(v))), 4);
  const lines = [
    '  statement {',
    ...attributes(
      [
        ['sid', statement.Sid === undefined ? undefined : hclString(statement.Sid)],
        ['effect', hclString(statement.Effect)],
        ['actions', statement.Action === undefined ? undefined : strings(statement.Action)],
        ['not_actions', statement.NotAction === undefined ? undefined : strings(statement.NotAction)],
        ['resources', statement.Resource === undefined ? undefined : strings(statement.Resource)],
        ['not_resources', statement.NotResource === undefined ? undefined : strings(statement.NotResource)],
      ],
      4,
    ),
  ];
  if (statement.Principal !== undefined && statement.Principal !== '*') {
    for (const [type, identifiers] of Object.entries(statement.Principal)) {
      lines.push('', '    principals {', ...attributes([['type', hclString(type)], ['identifiers', strings(identifiers)]], 6), '    }');
    }
  }
  for (const [test, keys] of Object.entries(statement.Condition ?? {})) {
    for (const [variable, values] of Object.entries(keys)) {
      lines.push('', '    condition {', ...attributes([['test', hclString(test)], ['variable', hclString(variable)], ['values', strings(values)]], 6), '    }');
    }
  }
  lines.push('  }');
  return lines;
}

/**
 * A Terraform file of at least `minLines` lines: groups of a bucket, a queue, a role whose trust policy and bucket
 * policy are aws_iam_policy_document data blocks, an inline role policy in jsonencode (with references and
 * interpolations) and a managed policy in a heredoc (corpus statements). Cursors: `complete` after "s3:Get" in the
 * first jsonencode Action list, `completeDocument` after "s3:Get" in the first data block's actions, `edit` later.
 */
export function terraformFile(statements, { minLines, corpusPerPolicy }) {
  const take = corpusTaker(statements);
  const blocks = [];
  const policies = [];
  let lines = 0;
  for (let g = 1; lines < minLines; g++) {
    const first = g === 1;
    const bucket = {
      arn: new Expression(`aws_s3_bucket.b${g}.arn`, `arn:aws:s3:::app-prod-${g}`),
      objects: new Expression(`"\${aws_s3_bucket.b${g}.arn}/*"`, `arn:aws:s3:::app-prod-${g}/*`),
      logs: new Expression(`"arn:aws:logs:\${var.region}:\${data.aws_caller_identity.current.account_id}:log-group:/app/${g}/*"`, `arn:aws:logs:eu-west-1:111122223333:log-group:/app/${g}/*`),
    };
    const queue = { arn: new Expression(`aws_sqs_queue.q${g}.arn`, `arn:aws:sqs:eu-west-1:111122223333:app-prod-${g}`) };
    const roleArn = new Expression(`aws_iam_role.r${g}.arn`, `arn:aws:iam::111122223333:role/app-prod-${g}`);
    const app = roleStatements(g, bucket, queue, first ? { complete: '«complete»', edit: '«edit»' } : {});
    const onBucket = bucketStatements(bucket, roleArn);
    if (first) onBucket[1].Action.push('s3:Get«completeDocument»');
    const trust = [trustStatement(services[g % services.length])];
    const managed = take(corpusPerPolicy);
    const fromDocument = take(corpusPerPolicy);
    const heredoc = escapeTemplates(JSON.stringify({ Version: '2012-10-17', Statement: managed }, null, 2));
    const text = [
      `resource "aws_s3_bucket" "b${g}" {`,
      `  bucket = "app-prod-${g}"`,
      '}',
      '',
      `resource "aws_sqs_queue" "q${g}" {`,
      ...attributes([['name', `"app-prod-${g}"`], ['visibility_timeout_seconds', '60']], 2),
      '}',
      '',
      `data "aws_iam_policy_document" "assume_${g}" {`,
      ...statementBlock(trust[0]),
      '}',
      '',
      `resource "aws_iam_role" "r${g}" {`,
      ...attributes([['name', `"app-prod-${g}"`], ['assume_role_policy', `data.aws_iam_policy_document.assume_${g}.json`]], 2),
      '}',
      '',
      `resource "aws_iam_role_policy" "app_${g}" {`,
      ...attributes([['name', `"app-${g}"`], ['role', `aws_iam_role.r${g}.id`]], 2),
      '',
      `  policy = jsonencode(${hclValue({ Version: '2012-10-17', Statement: app }, 2)})`,
      '}',
      '',
      `data "aws_iam_policy_document" "bucket_${g}" {`,
      ...onBucket.flatMap((s, i) => [...(i > 0 ? [''] : []), ...statementBlock(s)]),
      '}',
      '',
      `resource "aws_s3_bucket_policy" "b${g}" {`,
      ...attributes([['bucket', `aws_s3_bucket.b${g}.id`], ['policy', `data.aws_iam_policy_document.bucket_${g}.json`]], 2),
      '}',
      '',
      `resource "aws_iam_policy" "managed_${g}" {`,
      `  name   = "managed-${g}"`,
      `  policy = <<EOF\n${heredoc}\nEOF`,
      '}',
      '',
      `data "aws_iam_policy_document" "shared_${g}" {`,
      ...fromDocument.flatMap((s, i) => [...(i > 0 ? [''] : []), ...statementBlock(s)]),
      '}',
      '',
      `resource "aws_iam_policy" "shared_${g}" {`,
      ...attributes([['name', `"shared-${g}"`], ['policy', `data.aws_iam_policy_document.shared_${g}.json`]], 2),
      '}',
      '',
    ].join('\n');
    blocks.push(text);
    lines += text.split('\n').length;
    policies.push(trust, app, onBucket, managed, fromDocument);
  }
  const header = 'data "aws_caller_identity" "current" {}\n\nvariable "region" {\n  type    = string\n  default = "eu-west-1"\n}\n\n';
  const marked = `${header}${blocks.join('\n')}`;
  return { ...withCursors(marked), loose: loosePolicy(policies.flat()), policies: policies.length, statements: policies.flat().length };
}
