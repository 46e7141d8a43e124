// The documents the suite measures on. A hand-written ~6 KB policy with cursors for completion and hover, and
// documents of a chosen size made of real statements: the AWS managed policies' (see corpus.mjs), deduplicated and
// shuffled with a fixed seed, so every size has varied services, actions, resources and conditions, and runs compare.
import { Buffer } from 'node:buffer';
import { positionAt } from './server.mjs';

// `«name»` marks a cursor; the markers are removed from the text before it is sent.
const statements = [
  `{"Sid":"ReadObjects","Effect":"Allow","Action":["s3:GetObject","s3:GetObjectVersion","s3:GetObjectTagging","s3:Get«s3Get»"],"Resource":["arn:aws:s3:::example-bucket/*"],"Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abcdefghij","«conditionKey»":""}}}`,
  `{"Sid":"ListBucket","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example-bucket","Condition":{"StringLike":{"s3:prefix":["home/\${aws:username}/*","shared/*"]}}}`,
  `{"Sid":"Instances","Effect":"Allow","Action":["ec2:DescribeInstances","ec2:StartInstances","ec2:StopInstances","ec2:«ec2»"],"Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":["eu-west-1","eu-central-1"]}}}`,
  `{"Sid":"Tagging","Effect":"Allow","Action":["ec2:CreateTags","ec2:DeleteTags"],"Resource":"arn:aws:ec2:*:111122223333:instance/*","Condition":{"StringEquals":{"aws:ResourceTag/Project":"\${aws:PrincipalTag/Project}"},"ForAllValues:StringEquals":{"aws:TagKeys":["Project","Owner"]}}}`,
  `{"Sid":"Logs","Effect":"Allow","Action":["logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents","logs:DescribeLogStreams"],"Resource":["arn:aws:logs:eu-west-1:111122223333:log-group:/app/*","arn:aws:logs:eu-west-1:111122223333:log-group:/app/*:log-stream:*"]}`,
  `{"Sid":"Queue","Effect":"Allow","Action":["sqs:SendMessage","sqs:ReceiveMessage","sqs:DeleteMessage","sqs:GetQueueAttributes","«emptyAction»"],"Resource":"arn:aws:sqs:eu-west-1:111122223333:orders"}`,
  `{"Sid":"Secrets","Effect":"Allow","Action":["secretsmanager:GetSecretValue","secretsmanager:DescribeSecret","kms:Decrypt"],"Resource":["arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/*","arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab","«resource»"],"Condition":{"StringEquals":{"kms:ViaService":"secretsmanager.eu-west-1.amazonaws.com"}}}`,
  `{"Sid":"Table","Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem","dynamodb:UpdateItem","dynamodb:Query","dynamodb:BatchGetItem"],"Resource":["arn:aws:dynamodb:eu-west-1:111122223333:table/orders","arn:aws:dynamodb:eu-west-1:111122223333:table/orders/index/*"]}`,
  `{"Sid":"PassRole","Eff«effect»ect":"Allow","Action":"iam:Pass«actionHover»Role","Resource":"arn:aws:iam::111122223333:role/app-*","Condition":{"StringEquals":{"iam:PassedToService":"ecs-tasks.amazonaws.com"}}}`,
  `{"Sid":"DenyInsecure","Effect":"Deny","Action":"s3:*","Resource":["arn:aws:s3:::example-bucket","arn:aws:s3:::example-bucket/«resourceHover»*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}`,
  `{"Sid":"DenyOutsideRegions","Effect":"Deny","NotAction":["iam:*","sts:*","organizations:*","support:*","cloudfront:*","route53:*"],"Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1","eu-central-1"]}}}`,
  `{"Sid":"Lambda","Effect":"Allow","Action":["lambda:InvokeFunction","lambda:GetFunction","lambda:GetFunctionConfiguration"],"Resource":"arn:aws:lambda:eu-west-1:111122223333:function:orders-*"}`,
  `{"Sid":"StepFunctions","Effect":"Allow","Action":["states:StartExecution","states:DescribeExecution","states:StopExecution","states:GetExecutionHistory"],"Resource":["arn:aws:states:eu-west-1:111122223333:stateMachine:orders","arn:aws:states:eu-west-1:111122223333:execution:orders:*"]}`,
  `{"Sid":"Events","Effect":"Allow","Action":["events:PutEvents","events:DescribeRule"],"Resource":"arn:aws:events:eu-west-1:111122223333:event-bus/orders"}`,
  `{"Sid":"Ecr","Effect":"Allow","Action":["ecr:GetAuthorizationToken","ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:BatchGetImage"],"Resource":"*"}`,
  `{"Sid":"Ssm","Effect":"Allow","Action":["ssm:GetParameter","ssm:GetParameters","ssm:GetParametersByPath"],"Resource":"arn:aws:ssm:eu-west-1:111122223333:parameter/app/*","Condition":{"StringEquals":{"aws:ResourceTag/Environment":"production"}}}`,
  `{"Sid":"Cloudwatch","Effect":"Allow","Action":["cloudwatch:PutMetricData","cloudwatch:GetMetricData","cloudwatch:ListMetrics"],"Resource":"*","Condition":{"StringEquals":{"cloudwatch:namespace":"Orders"}}}`,
  `{"Sid":"Sns","Effect":"Allow","Action":["sns:Publish","sns:GetTopicAttributes"],"Resource":"arn:aws:sns:eu-west-1:111122223333:orders-*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}`,
  `{"Sid":"AssumeDeployRole","Effect":"Allow","Action":["sts:AssumeRole","sts:TagSession"],"Resource":"arn:aws:iam::444455556666:role/deploy","Condition":{"StringEquals":{"sts:ExternalId":"orders-deploy","aws:RequestTag/Team":"orders"},"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}}`,
  `{"Sid":"Kinesis","Effect":"Allow","Action":["kinesis:PutRecord","kinesis:PutRecords","kinesis:DescribeStreamSummary"],"Resource":"arn:aws:kinesis:eu-west-1:111122223333:stream/orders"}`,
  `{"Sid":"Glue","Effect":"Allow","Action":["glue:GetTable","glue:GetTables","glue:GetDatabase","glue:GetPartitions"],"Resource":["arn:aws:glue:eu-west-1:111122223333:catalog","arn:aws:glue:eu-west-1:111122223333:database/orders","arn:aws:glue:eu-west-1:111122223333:table/orders/*"]}`,
  `{"Sid":"Athena","Effect":"Allow","Action":["athena:StartQueryExecution","athena:GetQueryExecution","athena:GetQueryResults"],"Resource":"arn:aws:athena:eu-west-1:111122223333:workgroup/orders","Condition":{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","198.51.100.0/24"]}}}`,
  `{"Sid":"Backup","Effect":"Allow","Action":["backup:StartBackupJob","backup:DescribeBackupJob","backup:ListRecoveryPointsByBackupVault"],"Resource":["arn:aws:backup:eu-west-1:111122223333:backup-vault:orders","arn:aws:backup:eu-west-1:111122223333:backup-plan:*"]}`,
  `{"Sid":"Codebuild","Effect":"Allow","Action":["codebuild:StartBuild","codebuild:BatchGetBuilds"],"Resource":"arn:aws:codebuild:eu-west-1:111122223333:project/orders-*","Condition":{"StringEquals":{"aws:PrincipalTag/Team":"orders"}}}`,
  `{"Sid":"DenyOldTls","Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"NumericLessThan":{"s3:TlsVersion":"1.2"},"DateGreaterThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}}`,
];

/** The ~6 KB policy and its cursors (LSP positions) by name. */
export function cursorPolicy() {
  return withCursors(`{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statements.join(',\n    ')}\n  ]\n}\n`);
}

/** The text without its `«name»` markers, and each marker's LSP position by name. */
export function withCursors(marked) {
  const cursors = {};
  let text = '';
  for (const part of marked.split(/(«[a-zA-Z0-9]+»)/)) {
    if (part.startsWith('«')) cursors[part.slice(1, -1)] = positionAt(text, text.length);
    else text += part;
  }
  return { text, cursors };
}

/** A deterministic pseudo-random sequence in [0, 1) (mulberry32), for a shuffle that is the same on every run. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The managed policies' distinct statements (ignoring Sid), in a fixed shuffled order. */
export function distinctStatements(policies) {
  const seen = new Set();
  const statements = [];
  for (const document of policies.values()) {
    for (const statement of [document?.Statement ?? []].flat()) {
      if (statement === null || typeof statement !== 'object') continue;
      const key = JSON.stringify({ ...statement, Sid: undefined });
      if (seen.has(key)) continue;
      seen.add(key);
      statements.push(statement);
    }
  }
  const random = seeded(8);
  for (let i = statements.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [statements[i], statements[j]] = [statements[j], statements[i]];
  }
  return statements;
}

/**
 * A policy of about `bytes` bytes (pretty-printed as the console shows policies; never more than `bytes`), taking the
 * statements in order and skipping any that would not fit. Sids are kept, made unique where two statements share one.
 */
export function policyOfSize(statements, bytes) {
  const open = '{\n  "Version": "2012-10-17",\n  "Statement": [\n';
  const close = '\n  ]\n}\n';
  const parts = [];
  const sids = new Set();
  let size = open.length + close.length;
  for (const statement of statements) {
    if (bytes - size < 64) break;
    let sid = statement.Sid;
    if (typeof sid === 'string') {
      for (let n = 2; sids.has(sid); n++) sid = `${statement.Sid}${n}`;
      sids.add(sid);
    }
    const text = JSON.stringify(sid === undefined ? statement : { ...statement, Sid: sid }, null, 2).replace(/^/gm, '    ');
    const cost = Buffer.byteLength(text) + (parts.length > 0 ? 2 : 0);
    if (size + cost > bytes) continue;
    parts.push(text);
    size += cost;
  }
  if (parts.length === 0) throw new Error(`no statement fits in ${bytes} bytes`);
  return `${open}${parts.join(',\n')}${close}`;
}
