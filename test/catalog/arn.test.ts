import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatsWithChildPaths, getCatalog, matchArn } from '../../server/src/catalog';

const BUCKET = 'arn:${Partition}:s3:::${BucketName}';
const OBJECT = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
const ROLE = 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}';
const USER = 'arn:${Partition}:iam::${Account}:user/${UserNameWithPath}';
const POLICY = 'arn:${Partition}:iam::${Account}:policy/${PolicyNameWithPath}';
const LOG_GROUP = 'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}';
const LOG_STREAM = 'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}';
const TABLE = 'arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}';
const INDEX = 'arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}/index/${IndexName}';
const QUEUE = 'arn:${Partition}:sqs:${Region}:${Account}:${QueueName}';
const TOPIC = 'arn:${Partition}:sns:${Region}:${Account}:${TopicName}';
const REPOSITORY = 'arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}';
const CONNECT_QUEUES = 'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/queue/*';
const AMPLIFY_BRANCH = 'arn:${Partition}:amplify:${Region}:${Account}:apps/${AppId}/branches/${BranchName}';
const AMPLIFY_JOB = 'arn:${Partition}:amplify:${Region}:${Account}:apps/${AppId}/branches/${BranchName}/jobs/${JobId}';
const IMAGE = 'arn:${Partition}:ec2:${Region}::image/${ImageId}';

/** [resource from a policy, ARN format, expected]; formats with child paths are passed as such, like the catalogue does. */
const table: [resource: string, format: string, expected: boolean][] = [
  // The classic mistake: bucket actions need the bucket ARN, object actions the object ARN.
  ['arn:aws:s3:::my-bucket', BUCKET, true],
  ['arn:aws:s3:::my-bucket', OBJECT, false],
  ['arn:aws:s3:::my-bucket/*', BUCKET, false],
  ['arn:aws:s3:::my-bucket/*', OBJECT, true],
  ['arn:aws:s3:::my-bucket/reports/2024/*.csv', OBJECT, true],
  ['arn:aws:s3:::my-bucket*', BUCKET, true],
  ['arn:aws:s3:::my-bucket*', OBJECT, true],
  ['arn:aws:s3:::*', BUCKET, true],
  ['arn:aws:s3:::*', OBJECT, true],
  ['arn:aws:s3:::*/*', BUCKET, false],
  ['arn:aws:s3:::*/*', OBJECT, true],
  ['arn:aws:s3:::elasticbeanstalk-*', OBJECT, true],
  ['arn:aws:s3:::my-bucket/', OBJECT, false], // an object key is never empty
  // IAM names carry paths.
  ['arn:aws:iam::123456789012:role/service-role/MyRole', ROLE, true],
  ['arn:aws:iam::123456789012:role/*', ROLE, true],
  ['arn:aws:iam::*:role/aws-service-role/*', ROLE, true],
  ['arn:aws:iam::123456789012:user/bob', ROLE, false],
  ['arn:aws:iam::aws:policy/AdministratorAccess', POLICY, true],
  // Log groups contain `/`; a `*` may run on into the log-stream part.
  ['arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/*', LOG_GROUP, true],
  ['arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/*', LOG_STREAM, true],
  ['arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/my-fn', LOG_STREAM, false],
  ['arn:aws:logs:*:*:log-group:/aws/lambda/my-fn:*', LOG_GROUP, true],
  ['arn:aws:logs:*:*:log-group:/aws/lambda/my-fn:log-stream:*', LOG_STREAM, true],
  ['arn:aws:logs:*:*:*', LOG_GROUP, true],
  // Policy variables stand for arbitrary values.
  ['arn:aws:iam::123456789012:user/${aws:username}', USER, true],
  ['arn:aws:s3:::home/${aws:username}/*', OBJECT, true],
  ['arn:aws:s3:::home/${aws:username}/*', BUCKET, false],
  ['arn:aws:s3:::${aws:PrincipalTag/team}-data', BUCKET, true],
  ["arn:aws:s3:::home/${aws:username, 'guest'}/*", OBJECT, true],
  ['arn:${AWS::Partition}:s3:::my-bucket', BUCKET, true],
  // Escapes are literal characters.
  ['arn:aws:s3:::my-bucket/${*}', OBJECT, true],
  ['arn:aws:s3:::my-bucket/${*}', BUCKET, false],
  ['arn:aws:s3:::my${?}bucket', BUCKET, true],
  ['arn:aws:s3:::my${$}bucket', BUCKET, true],
  // Wildcards anywhere.
  ['*', QUEUE, true],
  ['arn:*', QUEUE, true],
  ['arn:*:*:*:*:*', QUEUE, true],
  ['arn:aws:sqs:*:*:*', QUEUE, true],
  ['arn:aws:sqs:*:myqueue', QUEUE, true],
  ['arn:aws:sqs:us-east-?:123456789012:q', QUEUE, true],
  ['arn:aws:ec2:*::image/*', IMAGE, true],
  // Wrong service or resource type.
  ['arn:aws:sqs:us-east-1:123456789012:my-queue', TOPIC, false],
  ['arn:aws:sns:us-east-1:123456789012:my-topic', TOPIC, true],
  ['arn:aws:dynamodb:us-east-1:123456789012:table/Orders', TABLE, true],
  ['arn:aws:dynamodb:us-east-1:123456789012:table/Orders/index/*', TABLE, false],
  ['arn:aws:dynamodb:us-east-1:123456789012:table/Orders/index/*', INDEX, true],
  ['arn:aws:dynamodb:us-east-1:123456789012:table/Orders', INDEX, false],
  ['arn:aws:dynamodb:us-east-1:123456789012:table/*', INDEX, true],
  ['arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/x/index/y', INDEX, true], // INDEX heads nothing
  ['arn:aws:amplify:us-east-1:123456789012:apps/a1/branches/main/jobs/*', AMPLIFY_BRANCH, false],
  ['arn:aws:amplify:us-east-1:123456789012:apps/a1/branches/*', AMPLIFY_BRANCH, true],
  // Names that legitimately contain `/` stay matchable where no child format exists.
  ['arn:aws:ecr:us-east-1:123456789012:repository/team/app', REPOSITORY, true],
  // Partitions.
  ['arn:aws-cn:s3:::my-bucket', BUCKET, true],
  ['arn:aws-us-gov:sqs:us-gov-west-1:123456789012:q', QUEUE, true],
  ['arn:aws*:s3:::my-bucket', BUCKET, true],
  ['arn::s3:::my-bucket', BUCKET, false],
  // Lenient on an empty region or account field, and on letter case.
  ['arn:aws:sqs::123456789012:q', QUEUE, true],
  ['ARN:AWS:S3:::my-bucket', BUCKET, true],
  // A `*` written in the format itself.
  ['arn:aws:connect:us-east-1:123456789012:instance/abc/queue/q-1', CONNECT_QUEUES, true],
  ['arn:aws:connect:us-east-1:123456789012:instance/abc/agent/a-1', CONNECT_QUEUES, false],
  // Not an ARN at all.
  ['my-bucket', BUCKET, false],
];

const parents = formatsWithChildPaths([
  BUCKET,
  OBJECT,
  ROLE,
  LOG_GROUP,
  LOG_STREAM,
  TABLE,
  INDEX,
  REPOSITORY,
  QUEUE,
  AMPLIFY_BRANCH,
  AMPLIFY_JOB,
]);

suite('matchArn', () => {
  for (const [resource, format, expected] of table) {
    test(`${resource} ${expected ? 'can name' : 'cannot name'} ${format}`, () => {
      assert.equal(matchArn(resource, format, { hasChildPaths: parents.has(format) }), expected);
    });
  }

  test('without the child-path hint a bucket placeholder may contain `/`', () => {
    assert.equal(matchArn('arn:aws:s3:::my-bucket/*', BUCKET), true);
  });

  test('long patterns with many wildcards finish', () => {
    const resource = `arn:aws:s3:::${'a*'.repeat(200)}${'x'.repeat(5000)}`;
    assert.equal(matchArn(resource, OBJECT, { hasChildPaths: false }), true);
    assert.equal(matchArn(`${resource}/`, BUCKET, { hasChildPaths: true }), false);
  });
});

suite('formatsWithChildPaths', () => {
  test('parents are the formats another format extends with `/`', () => {
    assert.deepEqual([...parents].sort(), [AMPLIFY_BRANCH, BUCKET, TABLE].sort());
  });

  test('on the real data: bucket, table and access point are parents; objects, roles and log groups are not', () => {
    const formats = getCatalog()
      .services()
      .flatMap((s) => getCatalog().actionsOf(s))
      .flatMap((a) => a.resourceTypes.map((r) => r.resourceType.arn));
    const real = formatsWithChildPaths(formats);
    assert.ok(real.has(BUCKET));
    assert.ok(real.has(TABLE));
    assert.ok(real.has('arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}'));
    for (const f of [OBJECT, ROLE, USER, LOG_GROUP, REPOSITORY, QUEUE]) assert.ok(!real.has(f), f);
  });
});

suite('Catalog.matchArn on real formats', () => {
  const catalog = getCatalog();
  const formatOf = (action: string, type: string): string => {
    const row = catalog.findAction(action)?.resourceTypes.find((r) => r.resourceType.name === type);
    assert.ok(row, `${action} has resource type ${type}`);
    return row.resourceType.arn;
  };

  test('bucket vs object', () => {
    const bucket = formatOf('s3:ListBucket', 'bucket');
    const object = formatOf('s3:GetObject', 'object');
    assert.equal(catalog.matchArn('arn:aws:s3:::my-bucket/*', bucket), false);
    assert.equal(catalog.matchArn('arn:aws:s3:::my-bucket', bucket), true);
    assert.equal(catalog.matchArn('arn:aws:s3:::my-bucket', object), false);
    assert.equal(catalog.matchArn('arn:aws:s3:::my-bucket/*', object), true);
  });

  test('the same format string is a parent wherever it appears (ssm lists the S3 bucket format too)', () => {
    const ssmBucket = catalog.actionsOf(catalog.findService('ssm')!).flatMap((a) => a.resourceTypes).find((r) => r.resourceType.name === 'bucket');
    assert.ok(ssmBucket);
    assert.equal(catalog.matchArn('arn:aws:s3:::my-bucket/*', ssmBucket.resourceType.arn), false);
  });

  test('iam:PassRole with a role path, and a wrong service', () => {
    const role = formatOf('iam:PassRole', 'role');
    assert.equal(catalog.matchArn('arn:aws:iam::123456789012:role/service-role/lambda-exec', role), true);
    assert.equal(catalog.matchArn('arn:aws:sts::123456789012:assumed-role/x/y', role), false);
  });

  test('answers are stable when asked again (memoised)', () => {
    const bucket = formatOf('s3:ListBucket', 'bucket');
    for (let i = 0; i < 3; i++) assert.equal(catalog.matchArn('arn:aws:s3:::b/*', bucket), false);
  });
});

suite('every ARN format of the catalogue', () => {
  const catalog = getCatalog();
  const formats = new Set(
    catalog
      .services()
      .flatMap((s) => catalog.actionsOf(s))
      .flatMap((a) => a.resourceTypes.map((r) => r.resourceType.arn)),
  );
  const sample = (format: string, value: string): string =>
    format.replace(/\$\{([^}]*)\}/g, (_, name: string) =>
      name === 'Partition' ? 'aws' : name === 'Region' ? 'us-east-1' : /^Account/.test(name) ? '123456789012' : value,
    ).replace(/\*/g, 'x');

  test('matches a concrete ARN built from itself, and the same ARN with its tail replaced by *', () => {
    for (const format of formats) {
      const arn = sample(format, 'name-1');
      assert.ok(catalog.matchArn(arn, format), `${arn} vs ${format}`);
      assert.ok(catalog.matchArn(`${arn.slice(0, arn.length - 3)}*`, format), `${arn} with a * tail vs ${format}`);
    }
  });

  test('names with `/` fit the placeholders exactly when the format has no children under `/`', () => {
    // The catalogue also counts resource types that no action uses, so read every format from the index itself.
    const parents = formatsWithChildPaths(everyFormatInTheIndex());
    assert.ok(parents.size > 100);
    for (const format of formats) {
      const arn = sample(format, 'team/name-1');
      if (arn === sample(format, 'name-1')) continue; // no resource-part placeholder
      assert.equal(catalog.matchArn(arn, format), !parents.has(format), `${arn} vs ${format}`);
    }
  });
});

function everyFormatInTheIndex(): string[] {
  const root = process.env.IAM_POLICY_ROOT ?? process.cwd();
  const index = JSON.parse(readFileSync(join(root, 'generated', 'iam-catalog.json'), 'utf8')) as {
    services: [string, string, unknown, [string, string, number[]][], number[]][];
  };
  return index.services.flatMap((s) => s[3].map((rt) => rt[1]));
}
